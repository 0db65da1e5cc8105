"""The commitment reader's fast paths give what the plain loops they stand in for give: the comparison words
tried only where their first character is in the clause (and the words after the unit only where one of them
can match), on written sentences and on pool pages."""
from __future__ import annotations

import pytest

from extractors import commitments as cm
from extractors.normalize import normalize
from tests.conftest import pool_normalized_texts

SENTENCES = [
    "对符合条件的企业给予不超过50万元的一次性奖励，最高可达到100万元。",
    "贷款额度最高不超过60万元，首付比例不低于20%，期限最长达30年。",
    "全市新增就业岗位3万个以上，城镇调查失业率控制在5.5%左右。",
    "年龄在18周岁（含）至法定退休年龄之间，缴存满6个月的职工可申请。",
    "处不缴或者少缴税款50%以上5倍以下的罚款；情节严重的，处10万元以上20万元以下罚款。",
    "补贴标准为每户3000元、每人500元，合计不得超过5000元。",
    "近3年新增1万人，约有数十亿元的投资，违约金按合同约定的10%计算。",
    "超过本市上年度职工月平均工资3倍的部分不计入，低于60%的按60%计。",
    "两侧各100米范围内不得新建，新城225平方公里范围内统一规划。",
    "10年内不得上市交易，55周岁以下（不含55周岁）的人员优先。",
    "最高额度由30万元提高至50万元，利率下调0.25个百分点，已满5年以上的住房免征。",
    "力争到2027年底，培育体验店360家、示范店40家、特色街区5条。",
    "限购2套，限额200万元，封顶500元，满3年后可转让，超6000家企业参与。",
    "个贷率超出85%的预警线时，暂停发放；3倍（含）以上的，取消资格。",
    "其中，首套房7793笔，占27.04%，平均每笔贷款约45万元。",
    "没有任何数字的句子，只有文字。",
]


def _value_sites(text: str):
    """(clause start, number start, unit end) of every value the reader sees in text, and the same with the
    clause started at the sentence (a wider `before`)."""
    unit_rx = cm._unit_pattern()
    for sent in cm.sentences(text):
        for _, val in cm._values(text[sent.start:sent.end], sent.start, text, unit_rx):
            clause = max((c.end() for c in cm._CLAUSE_END.finditer(text, sent.start, val.ns)), default=sent.start)
            yield clause, val.ns, val.ue
            yield sent.start, val.ns, val.ue


def _plain_comparators(monkeypatch, text: str, sites) -> list[str]:
    """The comparators with every word of the lists tried, as the loops did before the index."""
    with monkeypatch.context() as m:
        m.setattr(cm, "_before_words", lambda before: list(cm._BEFORE))
        m.setattr(cm, "_word_index", lambda: (_ALWAYS, {}))
        return [cm._comparator(text, *s) for s in sites]


class _Always:
    def match(self, text):
        return True


_ALWAYS = _Always()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_comparators_equal_the_plain_loops(monkeypatch, sentence):
    text = normalize(sentence).text
    sites = list(_value_sites(text))
    assert [cm._comparator(text, *s) for s in sites] == _plain_comparators(monkeypatch, text, sites)


def test_comparators_equal_the_plain_loops_on_pool_pages(monkeypatch):
    seen = 0
    for text in pool_normalized_texts(6):
        sites = list(_value_sites(text))
        assert [cm._comparator(text, *s) for s in sites] == _plain_comparators(monkeypatch, text, sites)
        seen += len(sites)
    assert seen > 500


@pytest.mark.parametrize("before", ["", "不", "最高可达到", "达到或超过", "约定", "近期最近附近", "其中不超过和不低于",
                                    "给予每户最高", "限", "满足条件的满"])
def test_before_words_are_the_listed_words_in_the_clause(before):
    found = cm._before_words(before)
    assert [w for w in found if w[0] in before] == [w for w in cm._BEFORE if w[0] in before]
    assert found == sorted(found, key=cm._BEFORE.index)  # the list's order, which breaks ties
    assert all(w[0][0] in before for w in found)


@pytest.mark.parametrize("after", ["以上的", "（含）以上", "(含3倍)以下", "左右", "范围内", "的上限", "元", "", "以", "及更高"])
def test_any_after_word_matches_where_one_of_the_words_does(after):
    assert bool(cm._word_index()[0].match(after)) == any(cm._after_phrase(p).match(after) for p, _ in cm._AFTER)


@pytest.mark.parametrize("text", ["", "一行", "\n", "第一行\n第二行", "甲\n\n乙\n", "“十四五”期间，建成10个。\n标题的通知\n"] + SENTENCES[:3])
def test_the_line_at_an_offset_is_the_line_that_holds_it(text):
    lines = cm._LinesAt(text)
    spans = list(cm._line_spans(text))
    for pos in range(len(text) + 1):
        a, ln = lines.at(pos)
        holding = [(s, line) for s, line in spans if s <= pos < s + len(line)]
        assert (holding == [(a, ln)]) if a <= pos < a + len(ln) else not holding


def test_a_line_is_read_once_and_as_a_whole():
    text = "第一行\n第二行很长\n"
    seen = []
    lines = cm._LinesAt(text)
    for pos in (4, 5, 8, 4):
        a, _ = lines.at(pos)
        lines.read(a, "len", lambda ln: seen.append(ln) or len(ln))
    assert seen == ["第二行很长"] and lines.read(0, "len", len) == 3


def _all_values(text: str):
    unit_rx = cm._unit_pattern()
    return [[((m.start(), m.end()), v.__dict__) for m, v in cm._values(text[s.start:s.end], s.start, text, unit_rx)]
            for s in cm.sentences(text)]


class _Anything:
    def search(self, text, *span):
        return True


def test_values_equal_those_read_in_every_sentence(monkeypatch):
    texts = [normalize(s).text for s in SENTENCES] + ["百分之二十的比例，千分之五", "没有数字", "２０２４年３００万元"]
    texts += list(pool_normalized_texts(12))
    fast = [_all_values(t) for t in texts]
    monkeypatch.setattr(cm, "_NUM_CHAR", _Anything())
    assert fast == [_all_values(t) for t in texts]
    assert sum(len(v) for t in fast for v in t) > 200


def _plain_column_lines(masked: str) -> list[tuple[int, int]]:
    """`column_lines` counting the joints of every line, short ones too."""
    out, chain = [], False
    lines = list(cm._line_spans(masked))
    joints = [0] * len(lines)
    for k, (p, ln) in enumerate(lines):
        if not ln.strip():
            chain = False
            continue
        n = joints[k] = sum(1 for m in cm._COLUMN_JOINT.finditer(ln)
                            if cm._FRAGMENT_BEFORE.search(ln, max(0, m.start() - 6), m.start())
                            and cm._FRAGMENT_AFTER.match(ln, m.end()) and not cm._issuers_joint(ln, 0, m.start()))
        dense = len(ln) >= 60 and n >= 3 and n * 130 >= len(ln)
        if dense or (chain and cm._LOOSE_JOINT.search(ln)):
            out.append((p, p + len(ln)))
            chain = chain or (dense and len(ln) >= 200)
        else:
            chain = False
    starts = {a for a, _ in out}
    for k in range(len(lines) - 1, 0, -1):
        p, ln = lines[k - 1]
        if lines[k][0] in starts and p not in starts and len(ln) >= 60 and joints[k - 1] >= 1:
            out.append((p, p + len(ln)))
            starts.add(p)
    return sorted(out)


COLUMN_PAGES = [
    "综合体 连续4年培训人员 既提升技能水平 区内新增就业岗位 城镇调查失业率控制 各地要加强组织领导 明确责任分工 确保落实"
    "到位 全面推进乡村振兴 加快建设现代化产业体系\n短行 两个 片段\n新增就业 30余万人 失业率 5.5% 以内",
    "一、总体要求\n到2025年，全市新增就业岗位3万个以上。\n",
    "",
]


@pytest.mark.parametrize("text", COLUMN_PAGES)
def test_column_lines_equal_the_plain_loop(text):
    assert cm.column_lines(normalize(text).text) == _plain_column_lines(normalize(text).text)


def test_column_lines_equal_the_plain_loop_on_pool_pages():
    texts = list(pool_normalized_texts(8))
    assert len(texts) > 30
    for text in texts:
        assert cm.column_lines(text) == _plain_column_lines(text)


HEADING_LINES = ["第三章 保障措施", "  一、总体要求", "（二）工作目标", "(三)实施步骤", "3. 加强监管", "12、明确责任",
                 "3.5万元", "（4）其他", "(10) 附则", "第十二节", "一二三", "二十、", "  ", "", "十四五时期",
                 "第3条", "（一", "1．建立机制", "　（五）统筹推进"]


def _plain_heading_level(line: str, strict: bool = True):
    if strict and len(line.strip()) > 40:
        return None
    return next((lvl for rx, lvl in cm._HEADINGS if rx.match(line)), None)


@pytest.mark.parametrize("line", HEADING_LINES)
@pytest.mark.parametrize("strict", [True, False])
def test_a_lines_heading_level_is_the_first_heading_pattern_it_opens_with(line, strict):
    assert cm._heading_level(line, strict) == _plain_heading_level(line, strict)


def test_heading_levels_equal_the_plain_loop_on_pool_pages():
    lines = [ln for text in pool_normalized_texts(12) for ln in text.split("\n")]
    assert sum(_plain_heading_level(ln) is not None for ln in lines) > 0
    for ln in lines:
        assert cm._heading_level(ln) == _plain_heading_level(ln), ln
        assert cm._heading_level(ln, strict=False) == _plain_heading_level(ln, strict=False), ln


@pytest.mark.parametrize("text", ["", "一行", "第一行\n第二行\n", "\n\n甲\n", "甲\r\n乙"])
def test_line_spans_are_each_lines_start_and_text_and_kept_per_text(text):
    plain, pos = [], 0
    for line in text.split("\n"):
        plain.append((pos, line))
        pos += len(line) + 1
    assert list(cm._line_spans(text)) == plain
    assert cm._line_spans(text) is cm._line_spans(text)  # split once per text


INDICATOR_PARAGRAPHS = [  # sentences without a number between values, on the value's line and on the next
    "全市常住人口城镇化率达到70%。加快推进。力争提高到75%以上。\n继续加强。新增就业岗位3万个。",
    "城镇新增就业。其中，稳定在5%以内；同比下降。\n\n保障性住房。\n建设2000套，筹集房源。达到90%。",
    "没有任何数字。也没有。",
    "补贴标准为每户3000元；家庭困难的。另行规定；合计不超过5000元。",
]


def _records(text: str):
    return [c.__dict__ for c in cm.find_commitments(text, text, pub_year=2024)]


def test_sentences_without_a_numeral_are_passed_over_as_reading_them_would(monkeypatch):
    """A sentence with no digit or numeral is not read at all: the commitments (their indicators carried within a
    paragraph, kinds carried from the sentence before) are those of reading every sentence."""
    texts = [normalize(t).text for t in INDICATOR_PARAGRAPHS + SENTENCES] + list(pool_normalized_texts(10))
    fast = [_records(t) for t in texts]
    monkeypatch.setattr(cm, "_NUM_CHAR", _Anything())
    assert fast == [_records(t) for t in texts]
    assert sum(map(len, fast)) > 100


class _EveryCharacter:
    def __contains__(self, ch):
        return True


CELL_TABLES = [  # a web page's table given one cell a line: unit-headed cells, a row-number column
    "\n".join(["表1 某市住房限价", "序号", "区域", "街道", "用途", "地块", "居住最高限价(万元/亩)", "平均备案价格（元/平方米）",
               "配建面积(平方米)", "1", "甲区", "某街道", "住宅", "A地块", "120", "15000", "3000", "2", "乙区", "某街道", "住宅", "B地块", "90", "12000", "2500"]),
    "\n".join(["单位：元", " 序 号 ", "城市", "缴存基数上限", "缴存基数下限", "1", "海口市", "30452.67", "1900",
               "2", "三亚市", "28000", "1830", "3", "儋州市", "25000", "1800"]),
    "\n".join(["No.", "名称", "金额", "1", "甲", "10", "2", "乙", "20"]),
    "短行\n" * 40 + "甲(元)\n乙(元)\n1\n2\n",
]


def test_cell_tables_read_as_the_plain_line_tests_read_them(monkeypatch):
    unit_rx = cm._unit_pattern()
    texts = CELL_TABLES + list(pool_normalized_texts(6))

    def read(t):
        return ([c.__dict__ for c in cm.find_unit_headed_cells(t, unit_rx)],
                [c.__dict__ for c in cm.find_column_table_commitments(t, unit_rx)])

    fast = [read(t) for t in texts]
    monkeypatch.setattr(cm, "_CELL_CLOSE", ("",))  # every line tried by the cell pattern
    monkeypatch.setattr(cm, "_ROW_NUMBER_FIRST", _EveryCharacter())  # every line tried as a row-number head
    assert fast == [read(t) for t in texts]
    assert sum(len(a) + len(b) for a, b in fast[:len(CELL_TABLES)]) > 0
