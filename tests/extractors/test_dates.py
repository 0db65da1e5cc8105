from __future__ import annotations

import datetime as dt

import pytest

from extractors.dates import find_dates, signature_dates
from extractors.normalize import normalize

REF = dt.date(2024, 3, 18)


def one(text: str, ref=REF):
    found = find_dates(normalize(text).text, ref)
    assert found, text
    d = found[0]
    return d.kind, d.start_date, d.end_date


@pytest.mark.parametrize("text,kind,start,end", [
    ("2024年7月29日印发", "event", "2024-07-29", "2024-07-29"),
    ("2024-07-29", "event", "2024-07-29", "2024-07-29"),
    ("2024/07/29", "event", "2024-07-29", "2024-07-29"),
    ("2024.07.29", "event", "2024-07-29", "2024-07-29"),
    ("二〇一〇年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("二O一O年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("二零一零年三月九日", "event", "2010-03-09", "2010-03-09"),
    ("２０２４年７月２９日", "event", "2024-07-29", "2024-07-29"),
    ("中华民国一百零九年一月十五日", "event", "2020-01-15", "2020-01-15"),
    ("自一百零二年七月二十三日起", "effective", "2013-07-23", "2013-07-23"),
    ("自民国113年1月1日起施行", "effective", "2024-01-01", "2024-01-01"),
    ("中华民国112年12月20日", "event", "2023-12-20", "2023-12-20"),
    ("民国98年3月5日", "event", "2009-03-05", "2009-03-05"),
    ("3月27日召开", "event", "2024-03-27", "2024-03-27"),
    ("自2024年4月1日起施行", "effective", "2024-04-01", "2024-04-01"),
    ("到2025年，覆盖率达到90%", "deadline", None, "2025-12-31"),
    ("2026年年底前建成", "deadline", None, "2026-12-31"),
    ("年底前完成", "deadline", None, "2024-12-31"),
    ("年内完成", "deadline", None, "2024-12-31"),
    ("5月底之前报送", "deadline", None, "2024-05-31"),
    ("今年新增", "period", "2024-01-01", "2024-12-31"),
    ("明年实现全覆盖", "period", "2025-01-01", "2025-12-31"),
    ("比去年增长", "period", "2023-01-01", "2023-12-31"),
    ("上半年完成", "period", "2024-01-01", "2024-06-30"),
    ("第一季度", "period", "2024-01-01", "2024-03-31"),
    ("2024—2026年", "period", "2024-01-01", "2026-12-31"),
    ("2024年10月至2025年3月", "period", "2024-10-01", "2025-03-31"),
    ("2024年10月—12月", "period", "2024-10-01", "2024-12-31"),
    ("“十四五”期间", "period", "2021-01-01", "2025-12-31"),
    ("“十四五”末", "deadline", None, "2025-12-31"),
    ("2022年4月", "event", "2022-04-01", "2022-04-30"),
])
def test_forms(text, kind, start, end):
    assert one(text) == (kind, start, end)


def test_relative_forms_need_a_reference_date():
    assert find_dates("年底前完成，3月27日召开", None) == []


def test_signature_date_is_the_standalone_one():
    text = normalize("现印发给你们。\n某市人民政府\n2024年3月18日\n自2024年4月1日起施行。").text
    sig = signature_dates(text, find_dates(text, None))
    assert [d.start_date for d in sig] == ["2024-03-18"]


@pytest.mark.parametrize("text,expected", [
    # a listed story's date under its headline, after the body: no signature
    ("某地下调首套房贷利率下限。\n相关阅读\n某行长：稳妥化解房企债务风险\n2023-10-23\n", []),
    # the issuer's line over the date, and a page's own date under its title before any body, still are
    ("现印发给你们，请遵照执行。\n某市住房和城乡建设局\n2023-10-23\n", ["2023-10-23"]),
    ("关于调整公积金贷款额度的政策解读\n2025-10-09\n", ["2025-10-09"]),
])
def test_a_listed_storys_date_is_no_signature(text, expected):
    text = normalize(text).text
    assert [d.start_date for d in signature_dates(text, find_dates(text, None))] == expected


def publish(text: str) -> str | None:
    from corpora.records import SourceText
    from extractors.extract import Extractor
    return Extractor().extract(SourceText("t.txt", text, "text/plain"))[0].publish_date


_BODY = "为做好相关工作，现将有关事项通知如下。请各单位认真组织实施，按时报送材料。"


@pytest.mark.parametrize("text,expected", [
    # timestamp lines of the usual shapes, at the head of a page
    ("某县召开春耕生产推进会\n2025-03-08 09:12:44 来源：网络\n" + _BODY, "2025-03-08"),
    ("某县召开春耕生产推进会\n发布时间：2023年6月1日\n" + _BODY, "2023-06-01"),
    ("某县召开春耕生产推进会\n来源：某县农业农村局 发布日期：2021.04.02\n" + _BODY, "2021-04-02"),
    ("某县召开春耕生产推进会\n某某日报 2018-11-20 09:26\n" + _BODY, "2018-11-20"),
    ("某县召开春耕生产推进会2022-04-01 10:21\n" + _BODY, "2022-04-01"),             # run into the title
    ("稿件来源：本站发布时间：2019-5-6浏览次数：3\n" + _BODY, "2019-05-06"),         # run into the labels
    ("某县召开春耕生产推进会\n2022-04-0110:21:33 来源：某县融媒体中心\n" + _BODY, "2022-04-01"),  # the clock run in
    ("【发布日期】2016.11.26\n【实施日期】2017.01.01\n" + _BODY, "2016-11-26"),     # dotted, in 【】
    (">2024年5月21星期二\n在线读报\n" + _BODY, "2024-05-21"),                        # an e-paper's issue line
    # a repost: the document's own publication date, not the repost's timestamp
    ("资料站 发布于 2023-8-22 21:24\n某省旅游条例公布日期：2016.11.26施行日期：2017.01.01\n" + _BODY, "2016-11-26"),
    # the document's own date in parentheses under its title, before the repost's timestamp
    ("资料网 时间：2024-04-28 03:49:41\n某市促进民营经济发展若干规定\n（2003年5月28日 某政〔2003〕27号）\n" + _BODY, "2003-05-28"),
    ("某省旅游条例\n资料站 发布于 2023-8-22 21:24\n题注：（2016年11月26日某省人民代表大会常务委员会会议通过）\n" + _BODY,
     "2016-11-26"),
    ("关于做好春耕工作的办法\n（2021年3月1日起施行）\n" + _BODY, None),
    # a law amended since its adoption: the date of its last amendment, not of its taking effect
    ("某市优化营商环境条例\n（2020年3月27日某市人民代表大会常务委员会第二十次会议通过　根据2022年8月29日某市人民代表大会常务委员会"
     "第四十二次会议通过的《关于修改〈某市优化营商环境条例〉的决定》第一次修正　2024年11月29日某市人民代表大会常务委员会第十三次会议"
     "第一次修订）\n" + _BODY, "2024-11-29"),
    ("某市自然科学基金管理办法\n（2011年7月7日某市人民政府第235号令发布　根据2024年11月27日某市人民政府第313号令修改　"
     "自2025年1月1日起施行）\n" + _BODY, "2024-11-27"),
    ("某市规划的建议\n发布日期：2025-12-17 10:08\n（2025年12月8日某市委员会全体会议通过）\n来源：某某日报 时间：2025-12-17\n"
     + _BODY, "2025-12-08"),
    # the signing date at the end stays first
    ("关于做好春耕工作的通知\n来源：某县人民政府 2021-03-02 14:44\n" + _BODY + "\n某县人民政府\n2019年2月18日\n", "2019-02-18"),
    ("关于做好春耕工作的通知\n" + _BODY + "\n某县人民政府办公室\n\n（此件发至乡镇）        2017年6月13日\n", "2017-06-13"),
    ("关于做好春耕工作的通知\n" + _BODY + "\n某市人民政府\n二〇〇三年五月二十八日\n", "2003-05-28"),
    ("關於做好春耕工作的通知\n" + _BODY + "\n中華民國一百零九年一月十五日\n", "2020-01-15"),
    # an attribute table dumped one cell per line, blank lines between: the 成文日期 cell, not another date cell
    ("索引号\n\n0001/2022-01\n\n登记日期\n\n2022-09-20\n\n成文日期\n\n2022-10-12\n\n失效日期\n\n2023-12-31\n\n"
     "关于做好春耕工作的通知\n" + _BODY, "2022-10-12"),
    ("标题 ：\n\n关于做好春耕工作的通知\n\n成文日期 ：\n\n2022-06-11\n\n发布日期 ：\n\n2022-06-15\n\n" + _BODY, "2022-06-11"),
    ("名称\n\n关于做好春耕工作的函\n\n生成日期\n\n2021年08月06日\n\n体裁\n\n函\n\n" + _BODY, "2021-08-06"),
    # dates the text only mentions are not its own
    ("关于做好春耕工作的通知\n会议时间：2024年3月1日上午\n" + _BODY, None),
    ("关于做好春耕工作的通知\n" + _BODY + "定于2024年3月1日召开推进会。", None),
    ("关于做好春耕工作的通知\n" + _BODY * 20 + "\n相关新闻\n某镇开展培训 2024-02-03 10:11\n", None),
])
def test_publish_date(text, expected):
    assert publish(text) == expected


@pytest.mark.parametrize("text", [
    "本办法自2024年3月1日起施行。各地要在6月30日前完成自查，今年底前全面完成整改。",
    "2023年1月至6月，全市完成投资；明年第一季度开展评估，下半年总结。",
    "“十四五”期末，力争到2025年底建成示范县3个，3月15日前报送名单。",
])
def test_partial_forms_added_to_known_dates_give_the_dates_of_one_pass(text):
    """The dates stage finds the full dates once and then adds the forms that the publish date resolves."""
    import datetime as dt

    from extractors.dates import find_dates

    def key(found):
        return [(d.text, d.kind, d.start_date, d.end_date, d.start, d.end) for d in found]

    ref = dt.date(2024, 2, 1)
    assert key(find_dates(text, ref, find_dates(text, None))) == key(find_dates(text, ref))
    assert key(find_dates(text, None, find_dates(text, None))) == key(find_dates(text, None))


# 年内 (within this year) only where no count stands before it: 一年内, 三年内, 两年内 are periods
@pytest.mark.parametrize("text,dated", [
    ("相关工作年内完成。", True),
    ("余款一年内缴清。", False),
    ("三年内培育示范店40家。", False),
    ("自取得产权证之日起5年内不得转让。", False),
])
def test_within_the_year_is_no_period_of_years(text, dated):
    found = [d for d in find_dates(normalize(text).text, dt.date(2025, 3, 1)) if "年内" in d.text]
    assert bool(found) == dated
