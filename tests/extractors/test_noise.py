"""Noise detection: each kind is found, body text never is."""
from __future__ import annotations

import pytest

from extractors.noise import duplicated_blocks, find_noise, has_mojibake
from tests.conftest import pool_page_texts

BODY = "到2025年，全市村卫生室乡村医生占比达到45%以上。"


@pytest.mark.parametrize("line,kind", [
    ("您当前的位置：首页 > 政务公开 > 政策文件", "navigation"),
    ("首页 > 政务公开", "navigation"),
    ("【打印】", "navigation"),
    ("分享到：", "navigation"),
    ("扫一扫在手机打开当前页", "navigation"),
    ("首页 政务公开 互动交流 办事服务 数据开放", "navigation"),
    ("下一篇：关于做好春节期间安全生产工作的通知", "navigation"),
    ("鲁ICP备05001234号　鲁公网安备37020202000123号", "footer"),
    ("版权所有：某市人民政府办公室 技术支持：某某科技公司", "footer"),
    ("主办单位：某市人民政府办公室 地址：某市某路1号", "footer"),
    ("中共某某市委、某某市人民政府主办", "footer"),                # the sponsor named before the word
    ("某某市人民政府办公室  承办", "footer"),
    ("某某市住房公积金管理中心、某某市城乡规划设计研究院联合主办", "footer"),  # any body a byline names (…院, …所)
    ("某某省测绘产品质量监督检验站承办", "footer"),
    ("Copyright © 2006-2020 某某网 All rights reserved", "footer"),
    ("免责声明：本站所有信息均来源于互联网搜集，并不代表本站观点。", "disclaimer"),
    ("转载请注明出处。", "disclaimer"),
    # plain-text page chrome: utility bars, breadcrumbs, reader controls, link bars, page ids
    ("投稿邮箱  返回首页  加入收藏关于我们", "navigation"),
    ("首页 业界 > 滚动 > 正文", "navigation"),
    ("首页>财经 > 快讯 >", "navigation"),
    ("放大 缩小 默认", "navigation"),
    ("收藏本站| 设为首页| 首页", "navigation"),
    ("热门站点| 某某资料网 | 某某专利网", "navigation"),
    ("分享按钮", "navigation"),
    ("3f2a9c0d1e5b47a8b6c4d2e0f1a3b5c7", "navigation"),
    # keyword lines stuffed with unrelated search terms
    ("关键词: 春耕生产 某某中学 高考数学真题 外卖站点代理", "keywords"),
    ("标签：养老 补贴", "keywords"),
    # an e-paper's list of the day's headlines
    ("在线读报 某县召开全会 某县举办运动会 某县春耕生产有序推进", "epaper"),
    # a document-sharing site's download notices
    ("- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。", "disclaimer"),
    ("声明:某某信息网内容版权所有,未经许可不得转载。", "footer"),
    ("某某传媒中心出版 国内统一连续出版物号CN00-0000 1949年1月1日创刊", "footer"),
])
def test_noise_kinds(line, kind):
    text = f"{BODY}\n{line}\n{BODY}"
    noise = find_noise(text)
    assert [(text[a:b], k) for a, b, k in noise.spans] == [(line, kind)]


def test_related_list_runs_until_body_text():
    text = f"{BODY}\n相关文章\n我市去年新增养老床位1200张\n全市养老机构达到300家\n{BODY}"
    noise = find_noise(text)
    assert noise.counts() == {"related_list": 3}
    assert "45%" in noise.mask(text).split("\n")[-1]


def test_teasers_under_a_recommended_heading_are_noise_with_their_figures():
    teasers = ["新闻推荐", "某市老龄办开展走访慰问活动", "漫步城区，随处可见三五成群健身的老年人，全市新建健身步道120公里，他们或...",
               "2023-05-01 某县举办职工运动会", "相关新闻"]
    text = BODY + "\n" + "\n".join(teasers) + "\n"
    noise = find_noise(text)
    assert noise.counts() == {"related_list": len(teasers)}
    masked = noise.mask(text)
    assert "120" not in masked and "45%" in masked


@pytest.mark.parametrize("line", [
    "关于我们如何做好防汛工作的几点意见。",
    "分享经验，打印材料，关闭门窗。",
    "标题要简洁，关键词要准确，这是信息公开的基本要求。",
    "第二十三条 在本市举办重要会议期间，主办单位或者承办单位应当在举办前提出保障需求。",
    "（三）承办单位申报项目须主办方开具书面同意函。",
    "本届博览会由市商务局主办",
    "市政府主办，市商务局承办",
    "序号 | 裁量基准编码 | 被处罚主体 | 违法行为 | 法规依据",
    "联系人：张明，联系电话：0531-12345678。",
    BODY,
])
def test_body_text_is_never_noise(line):
    assert find_noise(f"{BODY}\n{line}\n{BODY}").spans == []


def test_metadata_header_is_left_alone():
    text = "来源：本网\n\n" + BODY
    assert find_noise(text, body_start=len("来源：本网\n\n")).spans == []


def test_body_pasted_twice():
    body = "".join(f"第{i}条 各地要落实补贴政策，每户补贴{i}万元，确保资金按时足额发放到位。" for i in range(1, 9))
    text = "某市关于印发办法的通知\n" + body + body
    (a, b), = duplicated_blocks(text)
    assert text[a:b] == body and a == len("某市关于印发办法的通知\n") + len(body)


def test_repeated_table_cells_are_not_a_duplicate_body():
    cell = "《某市实验动物管理条例》第十六条第一款：实验动物生产环境设施不符合相应等级实验动物标准要求的，责令改正" * 2
    rows = "\n".join(f"{i} | C | 情形{i} | {cell}" for i in range(40))
    assert duplicated_blocks(rows) == []


@pytest.mark.parametrize("text,expected", [
    ("特色??菩l生院", True), ("锟斤拷", True), ("正常的中文文本，没有乱码。", False), ("支持5G基站建设", False),
])
def test_mojibake(text, expected):
    assert has_mojibake(text) is expected


def test_injected_spam_words_are_blanked_where_they_stand():
    line = "某县民政局老虎机游戏关于提高农村低保标准的通知"
    text = f"{BODY}\n{line}\n{BODY}"
    noise = find_noise(text)
    assert noise.counts() == {"spam": 1}
    assert noise.mask(text).split("\n")[1] == "某县民政局" + " " * 5 + "关于提高农村低保标准的通知"


_ITEMS = ["某市召开防汛工作会议", "某区开展安全生产检查", "某县举办职工运动会", "某镇推进乡村振兴", "某街道开展志愿服务", "某市发布天气预警"]


@pytest.mark.parametrize("text,is_list", [
    ("\n".join(f"- {t} 2026-07-{i + 10}" for i, t in enumerate(_ITEMS)), True),       # dated headlines
    ("\n".join(f"- {t}2026-07-{i + 10}" for i, t in enumerate(_ITEMS)), True),        # the date glued on
    ("\n".join(f"- {t[:4]}" for t in _ITEMS * 2), True),                               # a menu of links
    ("\n".join(f"- {t} 07-{i + 10}" for i, t in enumerate(_ITEMS)), True),            # month and day only
    # headlines dated on the line under them, in columns with their names and 更多 links
    ("\n".join(["首页 > 政务公开", "某某专栏"] + [x for i, t in enumerate(_ITEMS) for x in (t, f"2026-07-{i + 10}")]
               + ["更多"]), True),
    ("\n".join(["某市人民政府关于做好防汛工作的通知", "各区县：", BODY * 3, "某市人民政府", "2024年6月1日"]), False),
    ("\n".join(["单位 |", "全区 |", "5.56 |", "0.80 |", "某镇 |", "2.70 |", "0.40 |", "某乡 |", "0.20 |", "0.20 |"] + [BODY]), False),
    ("\n".join([BODY * 4] + [f"{t} 2026-07-{i + 10}" for i, t in enumerate(_ITEMS)] + [BODY * 4]), False),
    # a short news story followed by the site's menus is still a document
    ("\n".join(["某市优化住房贷款认定标准", BODY * 4, BODY * 3] + [f"- {t[:4]}" for t in _ITEMS * 4]), False),
])
def test_list_pages(text, is_list):
    from extractors.noise import listing_page
    assert bool(listing_page(text)) is is_list


@pytest.mark.parametrize("text,blanked", [
    ("中国政府网 | 省政府网 | 市政府网 | 县人大 | 县政协", True),   # a bar of links to other sites
    ("发文机关 | 某县人民政府 | 成文日期 | 2024-01-02", False),     # a table row
    ("| 某某街道办事处 | 甲镇 | 乙镇 | 丙乡 | 丁镇", True),             # a county site's bar of its towns
    ("| 甲镇 | 120 | 35 | 丙乡 | 80", False),                           # a table of towns' figures
    ("政府部门网站\n某市人民政府\n某市住房和城乡建设委员会\n外省份住房公积金\n某市住房公积金管理中心", True),
])
def test_bars_and_lists_of_links_to_other_sites_are_noise(text, blanked):
    from extractors.noise import find_noise
    spans = find_noise(text).spans
    covered = sum(b - a for a, b, _ in spans)
    assert (covered >= len(text.replace("\n", "")) - 2) == blanked


@pytest.mark.parametrize("lines,blanked", [
    # a site's ranked list of its most read stories around a story
    (["01/某行首次降准落地 一万亿元资金谁将受益", "02/某公司再发声 不会构成任何风险", "03/某市单月销量飙升近300亿元！",
      "04/某大学校内发现95座古墓"], True),
    # two ranked lines are no list; measures numbered as parts of a document stay
    (["01/某行首次降准落地 一万亿元资金谁将受益", "02/某公司再发声 不会构成任何风险"], False),
    (["1、新开具的购房证明有效期调整为180天", "2、二套住房首付比例不低于30%", "3、贷款期限最长不超过30年"], False),
])
def test_a_ranked_list_of_headlines_is_noise(lines, blanked):
    from extractors.noise import headline_runs
    assert bool(headline_runs("\n".join(lines))) == blanked


def test_the_next_ranked_item_cut_short_where_the_text_ends_is_in_the_list():
    from extractors.noise import headline_runs
    ranked = ["01/某行首次降准落地 一万亿元资金谁将受益", "02/某公司再发声 不会构成任何风险", "03/某地楼市新政出台 首付比例下调"]
    text = "\n".join(ranked) + "\n\n01/某会：严"
    assert headline_runs(text)[-1] == (text.rindex("01/"), len(text))
    assert headline_runs(text + "\n" + BODY)[-1][1] < text.rindex("01/")   # not where the text goes on


_HEADLINES = ["某区230个老旧小区年内完成改造 居民出行更方便", "某市发布13条措施 破解30年以上老楼加装电梯难题",
              "首批试点500套 某市旧房换新房活动启动", "某县新增公共停车位1200个 缓解学校周边停车难"]


@pytest.mark.parametrize("text,plain", [
    # a list of other stories, each set apart by a blank line or its date: no figure in it is the document's
    ("\n\n".join(_HEADLINES), True),
    ("\n".join(f"{h}\n2024-05-0{i + 1}" for i, h in enumerate(_HEADLINES)), True),
    # the same lines in a row are a table's rows or a paragraph's lines as a PDF gives them: kept
    ("\n".join(_HEADLINES), False),
    # three are no list; lines with commas on most are a wrapped paragraph
    ("\n\n".join(_HEADLINES[:3]), False),
    ("\n\n".join(h[:8] + "，" + h[8:] for h in _HEADLINES), False),
])
def test_a_spaced_list_of_plain_headlines_is_read_as_no_statement(text, plain):
    from extractors.noise import headline_runs
    assert bool(headline_runs(text, plain_runs=True)) == plain
    assert headline_runs(text) == []  # not cut from the page as noise: a portal's page is still read


def test_figures_in_a_list_of_other_stories_are_no_commitments():
    from extractors.commitments import find_commitments
    body = "为进一步支持住房消费，对购买首套住房的家庭给予每套2万元补贴。"
    text = body + "\n\n相关新闻\n\n" + "\n\n".join(_HEADLINES)
    assert [(c.value, c.unit) for c in find_commitments(text, text, pub_year=2024)] == [(2, "万元")]


# a list whose items each give a headline, its date and the story's lead (lines with commas and full stops)
_DATED_ITEMS = [("某市优化限购政策，二孩家庭可多购一套", "2024-05-06", "二孩家庭给予一次性2万元/套的补贴；三孩家庭3万元/套。"),
                ("9月份某市商品房销售8600套，均价1.2万元", "2024-05-05", "其中住宅销售4900套，销售面积60万平方米。"),
                ("某区推出13条措施 破解40年以上老楼供热难题", "2024-05-04", "力保市民温暖过冬。"),
                ("某县发布人才新政，博士最高补贴50万元", "2024-05-03", "政策自发布之日起施行。")]


@pytest.mark.parametrize("items,story,kept", [
    # every item's lead is part of the list, the last one's too
    (_DATED_ITEMS, [], []),
    # the list's last headline, its date and a lead of its own, with no lead under the items before: a story
    # under a list of headlines, whose first paragraph is the document's
    ([(h, d, "") for h, d, _ in _DATED_ITEMS], ["某市住房和城乡建设局发布购房补贴办法", "2024-05-07",
                                                "对购买首套住房的家庭给予每套5万元补贴。"], [(5, "万元")]),
])
def test_a_list_of_dated_headlines_with_leads_is_read_as_no_statement(items, story, kept):
    from extractors.commitments import find_commitments
    lines = [ln for item in items for ln in (*item, "") if ln or item[2]]
    text = "\n".join(lines + story)
    assert [(c.value, c.unit) for c in find_commitments(text, text, pub_year=2024)] == kept


@pytest.mark.parametrize("heading", ["省政府部门", "国家部委网站", "友情链接\ue61a", "中央部门网站"])
def test_a_sites_menu_of_departments_is_noise(heading):
    """A page's menu of links to departments, under its heading (an icon glyph may trail it), names no body of the text."""
    menu = [heading, "省发改委", "省教育厅", "省科技厅", "省财政厅", "外交部", "审计署"]
    text = BODY + "\n" + "\n\n".join(menu) + "\n"
    noise = find_noise(text)
    assert noise.counts() == {"related_list": len(menu)}
    assert "45%" in noise.mask(text)


@pytest.mark.parametrize("menu,blanked", [
    (["某市审计局", "某市体育局", "某市统计局"], 3),
    (["市审计局", "市外事办公室", "市住房公积", "市统计局"], 4),          # a name cut short goes with the menu
    (["某县供销合作社联合社", "某县科学技术协会"], 2),
    (["市审计局"], 0),                                                  # one name is no menu
    (["关于做好某某工作的补充通知", "某市审计局"], 0),                  # a title is no department
])
def test_a_menu_of_departments_above_the_breadcrumb_is_noise(menu, blanked):
    """The names of a site's departments, a name a line, right above the page's breadcrumb name no body of its
    text; a line of them above anything else (a notice's signature) is left alone."""
    text = "\n\n".join(menu) + "\n\n当前位置：首页 > 政务公开\n\n" + BODY
    assert find_noise(text).counts().get("navigation", 0) == blanked + 1
    signed = BODY + "\n" + "\n".join(menu) + "\n2024年5月1日\n"
    assert find_noise(signed).counts().get("navigation", 0) == 0


def _lines_touched_hold_every_match(text: str) -> None:
    from extractors.noise import _Hits, _patterns

    for kind in ("nav", "spam", "footer", "disclaimer"):
        rx = _patterns()[kind]
        hits, pos = _Hits(rx, text), 0
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            touched = hits.touch(start, end)
            assert touched or rx.search(line.strip()) is None, (kind, line)


@pytest.mark.parametrize("text", [
    "返回首页\n加入收藏 关于我们\n正文第一段。\n版权所有 某某网\n本站转载文章仅供参考",
    "首页\n\n返回\n首页 关于\n我们",  # words split over lines: the whole text's match runs across them
    "正文。\n" * 5 + "联系我们 | 网站地图\n",
])
def test_the_vocabularies_run_once_per_text_miss_no_line(text):
    _lines_touched_hold_every_match(text)


def _pool_page_texts(every: int):
    """(file, text) of every `every`-th readable non-PDF file of the shared pool; skips where it is absent."""
    return pool_page_texts(every)


def test_the_vocabularies_run_once_per_text_miss_no_line_of_pool_pages():
    from extractors.normalize import normalize

    for _, text in _pool_page_texts(8):
        _lines_touched_hold_every_match(normalize(text).text)


@pytest.mark.parametrize("text", [
    "中?文", "中??文", "中???文", "中????文", "?文", "中?", "中a文", "中ab文", "a中b", "中文a", "乱码\ufffd", "锟斤拷", "烫烫烫",
    "屯屯", "中?a文", "中a?文", "中1文", "正常的文本。", "", "?", "a", "中\u9fff?\u4e00", "中\u3400?文", "中？文",
])
def test_mojibake_found_from_runs_as_the_pattern_finds_it(text):
    from extractors.noise import _MOJIBAKE

    assert has_mojibake(text) == bool(_MOJIBAKE.search(text))


def test_mojibake_found_from_runs_as_the_pattern_finds_it_in_pool_pages():
    from extractors.noise import _MOJIBAKE

    for f, text in _pool_page_texts(3):
        for line in text.split("\n"):
            assert has_mojibake(line) == bool(_MOJIBAKE.search(line)), (f, line)


_BLURB = ("某某委员会是某某直属机构，现设主任1名，副主任4名。委员会内设19个职能部门，在各省设立36个派出机构，"
          "负责贯彻落实有关金融工作的方针政策和决策部署，把坚持和加强对金融工作的集中统一领导贯彻到工作全过程和各方面，"
          "依法对全国市场实行集中统一监管，维护市场秩序，保障合法权益...")


@pytest.mark.parametrize("text,is_list", [
    # a portal's home page: an introduction cut short as a teaser, headlines dated on the line under them, and
    # briefings named by their day
    ("\n".join(["某某委员会介绍", _BLURB, "【更多】", "新闻发布"] + [x for i, t in enumerate(_ITEMS) for x in (t, f"07-{i + 10}")]
               + [f"2024年{i + 1}月12日新闻发布会" for i in range(6)] + ["加载更多", "政策解读"]), True),
    # the same page's lists under a document's running text are the document's
    ("\n".join(["某市人民政府关于做好防汛工作的通知", "各区县：", BODY * 3, "某市人民政府", "2024年6月1日"]
               + [x for i, t in enumerate(_ITEMS) for x in (t, f"07-{i + 10}")]), False),
])
def test_a_portal_page_of_dated_lists_is_a_list_page(text, is_list):
    from extractors.noise import listing_page
    assert bool(listing_page(text)) is is_list


def test_a_related_teaser_that_ends_in_a_link_arrow_stays_a_related_list():
    from extractors.noise import find_noise
    teaser = "某市出台住房新政，首套房贷款利率下调，购房补贴标准提高至每平方米两百元，二套房首付比例下调，公积金贷款额度提高，详情请看全文更多>>"
    assert len(teaser) > 60  # a teaser too long for a bare headline: only its link arrow marks it
    text = "正文。\n相关新闻\n" + teaser + "\n"
    start = text.index("某市")
    assert any(a == start and kind == "related_list" for a, _, kind in find_noise(text).spans)


@pytest.mark.parametrize("line", [
    "", "abc", "一二三四五", "一二三四五六", "1一2二3三4四5五6六7", "  关 于 印 发 ", "关于印发某某办法的通知",
    "Ａ１、通知：一二三四五六", "01/某某新闻标题", "一、总体要求", "中華人民共和國", "〇〇〇〇〇〇",
])
def test_six_chinese_characters_are_told_as_counting_them_tells(line):
    import re

    from extractors import noise
    assert (noise._SIX_CJK.match(line) is not None) == (len(re.findall("[\u4e00-\u9fff]", line)) >= 6)


def test_duplicated_blocks_and_headline_runs_of_pool_pages_are_those_of_the_plain_loops():
    """The first copy of a piece is looked for before the piece's variety is counted, and a ranked line's
    pattern is tried before its characters are counted: the same blocks and runs as the loops that test the
    other way round (written out here)."""
    import re

    from extractors import noise

    def plain_duplicates(text, body_start=0, probe=50):
        out, i, n = [], body_start, len(text)
        need = max(noise.MIN_DUPLICATE, int(noise.MIN_DUPLICATE_SHARE * (n - body_start)))
        while i + probe <= n:
            piece = text[i:i + probe]
            if not piece.strip() or len(set(piece)) < 10:
                i += probe
                continue
            j = text.find(piece, i + probe)
            if j < 0:
                i += probe
                continue
            back = 0
            while i - back > body_start and text[i - back - 1] == text[j - back - 1] and j - back - 1 >= i + probe:
                back += 1
            length = probe
            while j + length < n and i + length < j and text[i + length] == text[j + length]:
                length += 1
            if length + back >= need:
                out.append((j - back, j + length))
                i = j + length
            else:
                i += probe
        return out

    def plain_ranked(text):
        out, ranked, pos = [], [], 0
        for line in text.split("\n") + [""]:
            start, end = pos, pos + len(line)
            pos = end + 1
            s = line.strip()
            if not s:
                continue
            like = not noise._BODY_LINE.match(s) and len(re.findall("[\u4e00-\u9fff]", s)) >= 6 \
                and not s.endswith(("：", ":", "，", ",", "、"))
            if like and noise._HEADLINE_LINE.match(s):
                ranked.append((start, end))
            else:
                if len(ranked) >= noise.MIN_HEADLINE_RUN:
                    out.extend(ranked)
                ranked = []
        if len(ranked) >= noise.MIN_HEADLINE_RUN:
            out.extend(ranked)
        return sorted(out)

    texts = [t for _, t in pool_page_texts(6)]
    pasted = "各地要加强组织领导，明确责任分工，确保各项措施落到实处。" * 3 + "\n" + "一二三" * 30
    assert len(texts) > 30
    for text in texts + [pasted, pasted + pasted]:
        assert duplicated_blocks(text) == plain_duplicates(text)
        assert noise.headline_runs(text) == plain_ranked(text)


def test_a_list_page_is_told_as_reading_every_line_tells():
    """`listing_page` stops reading once a page holds enough running text to be a document: the same answer
    as counting the running text of every line first (written out here), on pool pages and written pages."""
    from extractors import noise

    def plain(text, body_start=0):
        lines = [ln.strip() for ln in text[body_start:].split("\n") if ln.strip() and not noise._EMPTY_ROW.match(ln)]
        dated = [len(ln) <= 120 and not noise._STATEMENT.search(ln) and bool(noise._LIST_ITEM_DATE.search(ln)) for ln in lines]
        prose = sum(len(ln) for ln, d in zip(lines, dated)
                    if len(ln) >= 12 and noise._PROSE_MARK.search(ln) and not d and not noise._CUT_TEASER.search(ln))
        if prose >= noise.MAX_LIST_PROSE:
            return 0
        items = sum(dated)
        if items >= noise.MIN_LIST_ITEMS and items >= noise.LIST_SHARE * len(lines):
            return items
        links = sum(1 for ln in lines if len(ln) <= 15 and "|" not in ln and len(noise._CJK.findall(ln)) >= 2
                    and not noise._SENTENCE.search(ln))
        bullets = sum(1 for ln in lines if noise._BULLET.match(ln))
        if len(lines) >= noise.MIN_MENU_ITEMS and (links >= noise.MENU_SHARE * len(lines) or bullets >= noise.MENU_SHARE * len(lines)):
            return max(links, bullets)
        return noise._portal_items(lines)

    dated_list = "\n".join(f"某某区召开第{i}次工作推进会议 2024-03-{i:02d}" for i in range(1, 20))
    prose = "各地要加强组织领导，明确责任分工，确保各项措施落到实处。" * 8
    written = [dated_list, dated_list + "\n" + prose, prose + "\n" + dated_list, "首页\n新闻\n政务\n服务\n互动\n" * 3, ""]
    for text in written + [t for _, t in pool_page_texts(8)]:
        assert noise.listing_page(text) == plain(text)
        assert noise.listing_page(text, 40) == plain(text, 40)
