from __future__ import annotations

import pytest

from extractors.docnumbers import assign_roles, find_docnumbers
from extractors.normalize import normalize


def found(text: str) -> list[str]:
    return [d.normalized for d in find_docnumbers(normalize(text).text)]


@pytest.mark.parametrize("text,expected", [
    ("鲁卫发〔2024〕1号", ["鲁卫发〔2024〕1号"]),
    ("国办发[2001]75号", ["国办发〔2001〕75号"]),
    ("国办发［2001］75号", ["国办发〔2001〕75号"]),
    ("苏政发(2019)17号", ["苏政发〔2019〕17号"]),
    ("苏政发（2019）17号", ["苏政发〔2019〕17号"]),
    ("京政办发【2020】3号", ["京政办发〔2020〕3号"]),
    ("国发〔２００１〕７５号", ["国发〔2001〕75号"]),
    ("魯衛發〔2024〕1號", ["鲁卫发〔2024〕1号"]),
    ("达市府办发〔2022〕25 号", ["达市府办发〔2022〕25号"]),
    ("京政发2019年第12号", ["京政发〔2019〕12号"]),
    ("院臺衛字第1080037013號", ["院台卫字第1080037013号"]),
    ("行政院院臺衛字第 0930046334 號令", ["院台卫字第0930046334号"]),
    ("根据《若干意见》（国发〔2016〕8号）要求", ["国发〔2016〕8号"]),
    ("现将京政发〔2019〕12号文件转发", ["京政发〔2019〕12号"]),
    ("按照财社〔2023〕7号和人社部发〔2022〕15号", ["财社〔2023〕7号", "人社部发〔2022〕15号"]),
    # a government's or a ministry's order, by its body's name whole (a 和 inside it is no stop)
    ("根据《某某条例》（国务院令第350号）规定", ["国务院令第350号"]),
    ("某某市人民政府令第 367 号", ["某某市人民政府令第367号"]),
    ("依照中华人民共和国人力资源和社会保障部令第40号及财政部令第85号执行", ["人力资源和社会保障部令第40号", "财政部令第85号"]),
    ("规定和国务院令第350号", ["国务院令第350号"]),
    ("根据2011年国务院令第588号修订", ["国务院令第588号"]),
    # the order's number written before the word 令, kept as written
    ("《某某规定》（国土资源部第39号令）", ["国土资源部第39号令"]),
    ("根据2019年4月29日某某市人民政府第 283 号令修改", ["某某市人民政府第283号令"]),
])
def test_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "京ICP证140722号", "苏ICP备05003616号", "苏公网安备32041102000483号", "粤公网安备 44010402001160号",
    "索引号：006939748/2023-00565", "电话：0532-12345678", "网站标识码3702000001", "2024年7月29日",
    "按照命令第3号执行", "接到指令第2号", "收到第5号令", "发布本市第3号令",
])
def test_never_document_numbers(text):
    assert found(text) == []


def test_parsed_parts_and_province():
    (d,) = find_docnumbers(normalize("闽政办〔2023〕45号").text)
    assert (d.prefix, d.year, d.serial, d.province) == ("闽政办", 2023, 45, "350000")


def test_own_number_under_title_cited_in_parentheses():
    text = normalize("某市人民政府关于印发方案的通知\n某政发〔2024〕3号\n各县：根据《意见》（国发〔2016〕8号）制定本方案。").text
    nums = find_docnumbers(text)
    assign_roles(text, nums, doc_start=text.index("\n"), seg_start=0, meta_span=None)
    assert {d.normalized: d.role for d in nums} == {"某政发〔2024〕3号": "own", "国发〔2016〕8号": "cited"}



def test_the_orders_of_a_laws_history_under_its_title_are_cited():
    text = normalize("某市实施某某程序若干规定\n（1996年9月23日某市人民政府第15号令发布 根据\n"
                     "2018年2月12日某市人民政府第277号令第一次修改）\n第一条 为贯彻实施某某法，制定本规定。").text
    nums = find_docnumbers(text)
    assign_roles(text, nums, doc_start=text.index("\n"), seg_start=0, meta_span=None)
    assert {d.normalized: d.role for d in nums} == {"某市人民政府第15号令": "cited", "某市人民政府第277号令": "cited"}


@pytest.mark.parametrize("text,level", [
    ("国发〔2016〕8号", "national"), ("国办发〔2001〕75号", "national"), ("鲁政发〔2024〕1号", "province"),
    ("鲁卫发〔2024〕12号", "province"), ("济政办字〔2024〕8号", None), ("包府办发〔2022〕43号", None),
])
def test_issuer_level_from_prefix(text, level):
    (d,) = find_docnumbers(normalize(text).text)
    assert d.issuer_level == level


def test_mainland_zi_di_form():
    assert found("京政字第12号") == ["京政字第12号"]


@pytest.mark.parametrize("cell", ["文\u2003\u2003号：\n\n", "发文字号：", "文件编号\n", "【发文字号】"])
def test_the_number_in_the_own_number_cell_of_a_late_attribute_table_is_own(cell):
    # the page's attribute table printed far below its title, after a screenful of navigation
    text = ("某县住房和城乡建设局关于印发若干措施的通知\n" + "网站首页\n政务公开\n办事服务\n" * 40
            + f"公开方式：\n\n政府网站\n\n{cell}某县住建发〔2022〕68号\n\n依据《某省办法》（某政发〔2020〕3号）制定。")
    nums = find_docnumbers(text)
    assign_roles(text, nums, doc_start=text.index("\n"), seg_start=0, meta_span=None)
    assert {d.normalized: d.role for d in nums} == {"某县住建发〔2022〕68号": "own", "某政发〔2020〕3号": "cited"}


@pytest.mark.parametrize("text,found", [
    ("证监发〔2022〕36号\n近年来，上市公司认真落实决策部署。", ["证监发〔2022〕36号"]),
    ("依据证监办发〔2021〕5号的规定执行。", ["证监办发〔2021〕5号"]),
    ("道路运输经营许可证〔2021〕5号", []),
    ("某公网安备〔2021〕5号", []),
])
def test_the_securities_regulators_numbers_are_document_numbers_licences_are_not(text, found):
    from extractors.docnumbers import find_docnumbers
    assert [d.normalized for d in find_docnumbers(text)] == found


@pytest.mark.parametrize("number", ["某政发〔2024〕1号", "某房发[2023]12号", "某金发(2023)4号", "某办函【2022】第3号",
                                    "某府發〔2021〕5號", "某某某某某某某某某某某某联发〔2024〕123456号"])
def test_the_readers_around_a_title_know_one_number_shape(number):
    # after the title in parentheses (metadata), before it (the title's cleaning), on a line of its own (a title
    # guessed for a notice cut below its title): one shape, every bracket form the finder reads
    from extractors.metadata import metadata_line
    from extractors.titles import clean_title, guess_title
    head = metadata_line(f"关于做好供暖工作的通知（{number}）", 0)
    assert [(f.key, f.value) for f in head.fields] == [("发文字号", number)]
    assert clean_title(f"{number}关于做好供暖工作的通知") == "关于做好供暖工作的通知"
    assert guess_title(f"{number}\n各区县：\n现将有关事项通知如下。") == number
    assert find_docnumbers(normalize(number).text)


@pytest.mark.parametrize("line", ["某政发〔24〕1号", "某政发2024年1号"])
def test_what_is_not_the_number_shape_is_not_taken_for_a_number_line(line):
    from extractors.titles import guess_title
    assert guess_title(f"{line}\n各区县：\n现将有关事项通知如下。") != line
