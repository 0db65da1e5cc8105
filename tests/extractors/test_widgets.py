"""Sidebar widgets and tickers are blanked as noise; the article's own rate tables and lists are kept."""
import pytest

from corpora.records import SourceText
from extractors.extract import Extractor
from extractors.noise import find_noise
from extractors.widgets import widget_spans

ARTICLE = "市住房公积金管理中心决定，自本月起将首套住房公积金贷款首付比例调整为不低于20%。"

RATE_BOX = "\n".join(["便民工具", "本站存贷利率", "现行公积金贷款利率(202601)", "贷款年限", "年利率",
                      "五年以下（含五年）", "2.3％", "五年以上", "2.8％", "商业银行贷款利率(202601)",
                      "一至五年（含）", "4.1％", "计算器"])
INDEX_BOX = "\n".join(["全国百城价格指数", "(2025-11)", "1602.3点", "- 0.21%", "| 月份 | 指数 | 环比 |",
                       "|---|---|---|", "| 2025.10 | 1599.0 | -0.35% |", "| 2025.09 | 1604.6 | -0.12% |"])
TICKER = "\n".join(["- 09:12 某市发布住房补贴办法 最高补贴5万元", "- 08:55 某房企前三季度营收120亿元",
                    "- 08:40 某地二手房成交同比增长18%", "- 2025-12-01 17:02:11 某地土拍收金30亿元"])
HEADLINES = "\n".join(["要 闻", "某市新房成交量时隔5年再创新高！", "某地首套房贷利率下限降至3.1%",
                       "某房企完成转让物业60%股权，交易价2.3亿元", "原 创", "三城出台购房补贴 最高补贴10万元"])
TEASERS = "\n".join(["- 某县出台购房新政 2025-11-20契税补贴比例为50%。", "- 某市优化公积金政策 2025-11-19可贷额度提高至80万元。",
                     "- 某区发放购房消费券 2025-11-18每套最高1万元。"])


@pytest.mark.parametrize("block,kind,lines", [
    (RATE_BOX, "widget", 13),      # a bank-rate box under a tool heading, down to its last cell
    (INDEX_BOX, "widget", 8),      # a house-price index box with its date stamp and table
    (TICKER, "ticker", 4),         # time-stamped scrolling headlines
    (TEASERS, "ticker", 3),        # related stories with the date between headline and summary
    (HEADLINES, "widget", 6),      # a site's headline columns (spaced names), headlines that shout
])
def test_widget_blocks_after_an_article_are_blanked(block, kind, lines):
    text = f"{ARTICLE}\n{block}\n本通知自发布之日起施行。"
    spans = widget_spans(text)
    assert [k for _, _, k in spans] == [kind] * lines
    masked = find_noise(text).mask(text)
    assert ARTICLE in masked and "本通知自发布之日起施行。" in masked
    for line in block.split("\n"):
        assert line not in masked
    assert len(masked) == len(text)


@pytest.mark.parametrize("text", [
    # the notice's own rate table: a numbered heading, no site-box heading
    "第八条 贷款利率\n五年以下（含五年）\n2.35%\n五年以上\n2.85%\n第九条 贷款期限最长不超过30年。",
    # a rate heading without a date stamp is the article's table, not a box
    "调整后的个人住房公积金贷款利率\n五年以下（含五年）\n2.35%\n五年以上\n2.85%",
    # a heading of a site box with prose under it (no cells) is left alone
    "便民工具\n缴存职工可通过本中心网站查询个人账户余额，并按规定办理提取。",
    # two time-stamped lines are not a ticker
    "- 09:00 报名开始\n- 17:00 报名结束\n其余时间不受理。",
    # a column word over fewer than three headlines, or over the article's sentences
    "要闻\n某市出台购房补贴政策最高10万元\n补贴对象为在本市购买新建商品住房的家庭。补贴标准为房款的1%。",
    # a dated list inside the article with prose lines
    "一、2025-11-01起，首套住房贷款最低首付比例为15%。\n二、2025-12-01起，二套住房为25%。",
])
def test_article_content_is_kept(text):
    assert widget_spans(text) == []


def test_widget_counted_as_noise_and_not_extracted():
    text = f"标题：某市调整住房公积金政策\n\n{ARTICLE}\n{RATE_BOX}\n{TICKER}\n"
    (x,) = Extractor().extract(SourceText("t.txt", text, "text/plain"))
    assert x.noise.get("widget") == 13 and x.noise.get("ticker") == 4
    values = {(c.value, c.unit) for c in x.commitments}
    assert (20, "%") in values  # the article's own figure
    assert not values & {(2.8, "%"), (4.1, "%"), (120, "亿元"), (18, "%"), (5, "万元")}
