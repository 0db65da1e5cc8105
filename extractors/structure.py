"""Document structure: title lines, splitting a file into its documents, and doc_type."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from corpora.chars import NUMBERED_HEADING
from extractors import refdata
from extractors.metadata import metadata_line
from extractors.records import DocType
from extractors.stamps import NEWS_STAMP, full_date

# title suffixes and the doc types they give: extractors/data/title_suffixes.tsv
_SUFFIX_ROWS = refdata.title_suffixes()
_TITLE_SUFFIX = tuple(r["suffix"] for r in _SUFFIX_ROWS if r["title_line"] == "yes")
_TYPE_BY_SUFFIX = [(tuple(r["suffix"] for r in _SUFFIX_ROWS if r["doc_type"] == t), DocType(t))
                   for t in dict.fromkeys(r["doc_type"] for r in _SUFFIX_ROWS if r["doc_type"])]
_INLINE_TITLE = re.compile(r"^[#\s]*(?P<t>(?![（(])[^。；;！!？?，,：:\n]{6,90}?的(?:通知|通报|决定|意见|批复|函))")  # not a note in parentheses
_NOT_TITLE = re.compile(r"(^[-•·\s]*[\u4e00-\u9fff]{2,6}\s*[:：]|^是否|\.{3}|…|[（(]\s*[）)]|年\s{0,3}月\s{0,3}日|^[一二三四五六七八九十]+\s+[、.．]|。|^上一篇|^下一篇|^相关|^责任编辑|^【|^来源|^附件|^打印|^关闭|本(?:通知|办法|规定|意见|方案|细则|条例|决定|措施)|〔\d{4}〕|^(?!(?:19|20)\d{2}(?:年度?)?[\u4e00-\u9fff]{4})\d|年\d{1,2}月|^（|^\(|^(?:" + NUMBERED_HEADING + r")|^附件|^标题：|^来源|^索引号|^发文|^成文|^发布|^主题|^\||"
                        r"\s/\s)")  # …, or a classification path printed under its label (城乡建设 / 部门文件 / 通知)
_NEWS = re.compile(r"(记者|通讯员|本报讯|新华社|讯（|讯\(|日电|消息)")
_ENDS_WITH_DATE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[\s）)]*$")
_CLOSING = re.compile(r"(特此通知|特此公告|特此通告|特此函告|此复|此件公开发布|此件主动公开|日\s*$)")
_QUOTED = re.compile(r"《([^》]{4,})》")


# a numbered sibling in a series of notices: 通告1, 通知（二）, 之三
_INDEX = re.compile(r"(?:\s*\d{1,2}|\s*[（(][一二三四五六七八九十\d]{1,3}[）)]|之[一二三四五六七八九十]{1,3})$")
# the heading of a compilation, not a document of its own: …通告2篇, …合集, …汇编, …范文
_COMPILATION = re.compile(r"(?:\d+|[一二三四五六七八九十]+)篇$|(?:合集|汇编|范文|大全|精选)$")


# a headline a list cut short (某某关于印发《某某办法》的...): a link's teaser, not a printed title
_CUT_SHORT = re.compile(r"(?:\.{3}|…+)[》”」）)]*\s*$")
# an entry of a table of contents: a title, leader dots or a tab, a page number
_TOC_ENTRY = re.compile(r"(?:[…⋯]+|\.{3,}|·{3,}|—{2,}|\t)\s*\d{1,4}\s*$")


_LINK = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def in_menu(text: str, start: int, end: int, n: int = 2) -> bool:
    """Is the line at start..end an item of a menu: its `n` nearest non-empty lines above and below are all
    short bare words (机构信息 / 人事任免 / 政府文件及解读 / 财政信息 / 公示公告)? A long line (a headline
    under a site's tabs, above its tags 原创 / 大金融) is no menu item."""
    if len(text[start:end].strip()) > 24:
        return False
    above = [ln.strip() for ln in text[max(0, start - 200):start].split("\n")[:-1] if ln.strip()][-n:]
    below = [ln.strip() for ln in text[end:end + 200].split("\n")[1:] if ln.strip()][:n]
    return len(above) == n and len(below) == n and all(_LINK.match(x) for x in above + below)


_KIND_WORD = re.compile(r"(?:书|表|图|单|函|须知|问答|指南|清单|说明|名单|名录|目录|一览|简介|公告|通知|通告|报告|指数|公示|解读)$")
_ALL_SUFFIXES = tuple(r["suffix"] for r in _SUFFIX_ROWS)


def names_document_kind(title: str) -> bool:
    """Does the title end with a word naming a kind of document (…办法, …通知, …申报表, …一览表, …解读)?"""
    t = re.sub(r"[\s》」”）)]+$", "", re.sub(r"[（(][^（）()]{1,12}[）)]$", "", (title or "").strip()))
    t = _INDEX.sub("", t) if len(t) > 8 else t
    return bool(t) and (t.endswith(_ALL_SUFFIXES) or bool(_KIND_WORD.search(t))
                        or doc_type(title, "") not in (DocType.ARTICLE, DocType.NEWS, DocType.OTHER))


# the heading of a table or a list printed as a document (…裁量基准表, …名录（2025年度）, …清单)
_TABLE_KIND = re.compile(r"[\u4e00-\u9fff]{4,}(?:表|清单|名单|名录|一览表|一览)(?:[（(][^（）()]{1,12}[）)])?$")


def is_compilation(title: str) -> bool:
    """Is this the name of a compilation (…汇编, …通告3篇) rather than of one document?"""
    return bool(title and _COMPILATION.search(title.strip()))


@dataclass
class Title:
    text: str
    start: int
    end: int
    # a bare heading the splitter takes for a document's own title though a site's column bears the same name
    # (政策解读 under its notice's signature date): the document keeps it as its title
    heading_only: bool = False


_ANY_TITLE_SUFFIX = re.compile("|".join(map(re.escape, _TITLE_SUFFIX)))  # a title line holds one of them


# a news subtitle that names the act a meeting took up (审议《…条例》): it cites a document's title, it is not one
_ACT_ON_TITLE = re.compile(r"^(?:审议|审议通过|学习|学习贯彻|贯彻落实)《[^《》]+》$")


@functools.lru_cache(maxsize=4096)  # a line is asked about by several readers of one page (titles, segments, commitments)
def is_title_line(line: str) -> bool:
    s = line.strip().lstrip("#").strip()
    if _ACT_ON_TITLE.match(s):
        return False
    if not (6 <= len(s) <= 90) or not _ANY_TITLE_SUFFIX.search(s) or _NOT_TITLE.search(s) or _COMPILATION.search(s) \
            or _CUT_SHORT.search(s):
        return False
    s = _INDEX.sub("", s) if len(s) > 8 else s
    return s.endswith(_TITLE_SUFFIX) or s.endswith(("》", "）")) and any(x in s for x in _TITLE_SUFFIX)


_LABEL_MARK = re.compile(r"[:：【\[［]")
# the bare heading of an interpretation printed under the document it reads (`Title.heading_only`)
BARE_READING = re.compile(r"^\s*(?:政策解读|文件解读|图文解读|政策问答)\s*$")
# a title run into the salutation under it when a PDF's lines were joined: 关于…的通知市国土局，各区政府：
_SALUTED = re.compile(r"^\s*(?P<t>(?![根依按为经对现据])[\u4e00-\u9fff、 ]{0,40}关于[^。；;！!？?，,：:\n]{4,80}?的(?:通知|通报|决定|意见|批复|函|公告|通告))"
                      r"(?P<to>[\u4e00-\u9fff、，,（）() ]{2,80}(?:局|委|政府|部门|单位|公司|院|厅|办|办公室|中心|会|处|所|区|县|市|镇|"
                      r"街道|机构|银行|学校))\s*[:：]\s*$")


_NO_TITLE = Title("", -1, -1)


def _run_in_title(line: str, pos: int) -> Title | None:
    """For a line of metadata labels, the title run into it before the labels (…条例制定机关：…公布日期：…,
    …的通知（某发〔2024〕1号）), or `_NO_TITLE` when nothing before the labels names a document; None for a
    line without labels."""
    if len(line) > 600 or not _LABEL_MARK.search(line[:120]) and not line.rstrip().endswith(("号)", "号）")):
        return None
    head = metadata_line(line, pos)
    if head is None:
        return None
    if not head.lead or not is_title_line(head.lead) or head.lead.lstrip().startswith(("（", "(")):
        return _NO_TITLE  # (2020年…会议通过　根据…《关于修改〈…〉的决定》…): a law's note, no title
    return Title(head.lead, head.lead_start, head.lead_end)


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def find_titles(text: str, body_start: int = 0) -> list[Title]:
    """Title lines, with short preceding lines joined (issuer line and wrapped title lines)."""
    lines = [(p, ln) for p, ln in _lines(text, 0, len(text)) if p >= body_start]
    out: list[Title] = []
    for i, (pos, line) in enumerate(lines):
        if BARE_READING.match(line) and i and _ENDS_WITH_DATE.search(text[max(0, pos - 60):pos].rstrip()):
            # an interpretation under its notice's signature date, headed only 政策解读: a document of its own
            s = line.strip()
            a = pos + line.index(s)
            if not (out and out[-1].end >= a):
                out.append(Title(s, a, a + len(s), heading_only=True))
            continue
        if i < HEAD_LINES and (m := _SALUTED.match(line)) and is_title_line(m.group("t")) and not is_title_line(line):
            if not (out and out[-1].end >= pos + m.start("t")):
                out.append(Title(m.group("t"), pos + m.start("t"), pos + m.end("t")))
            continue
        run_in = _run_in_title(line, pos)
        if run_in is not None or not is_title_line(line):
            # a line of labels names a document only by what stands before them
            if run_in is not None and run_in.start >= 0 and not (out and out[-1].end >= run_in.start):
                out.append(run_in)
            continue
        start, parts = pos, [line.strip().lstrip("#").strip()]
        j = i - 1
        while j >= 0 and i - j <= 3:
            prev = lines[j][1].strip()
            if not prev and j > 0 and i - j == 1 and not parts[0].startswith("关于") and "关于" not in parts[0]:
                # a title wrapped inside 关于…的通知 with a blank line between its halves
                above = lines[j - 1][1].strip()
                if "关于" in above and 8 <= len(above) <= 40 and not is_title_line(above) \
                        and not _NOT_TITLE.search(above) and above[-1] not in "。；;！？，,：:" \
                        and is_title_line(above + parts[0]):
                    j -= 1
                    continue
            if not prev or len(prev) > 40 or prev[-1] in "。；;！？，,：:" or _NOT_TITLE.search(prev) or is_title_line(prev) \
                    or _LABELLED.search(prev) or re.match(r"^[-•\s]*[\u4e00-\u9fff]{2,8}\s*[:：]", prev) \
                    or prev.endswith(("文件", "规范性文件")) or _CLOSING.search(prev) or _TOC_ENTRY.search(prev) \
                    or _SITE_NAME.match(prev) or _FIELD_OR_CELL.search(prev) \
                    or len(prev) <= 4 and not _WRAPPED.search(prev):  # a menu's link (人事任免) above a title line
                break
            parts.insert(0, prev)
            start = lines[j][0]
            j -= 1
        if parts[0].startswith("关于"):  # the issuer's line above a blank line: 某市人民政府办公室 / (blank) / 关于…的通知
            k = j
            while k >= 0 and j - k < 2 and not lines[k][1].strip():
                k -= 1
            if k < j and k >= 0 and len(lines[k][1].strip()) <= 40 and _ORG_ONLY.match(lines[k][1].strip()):
                parts.insert(0, lines[k][1].strip())
                start, j = lines[k][0], k - 1
        if out and out[-1].end >= start or in_menu(text, start, pos + len(line)):
            continue
        t = "".join(parts)
        if _unbalanced(t):
            continue  # the tail of a parenthesis opened on a line above (（原名称：…；新名称：某某 / …办法）)
        ws = start + (len(lines[j + 1][1]) - len(lines[j + 1][1].lstrip().lstrip("#").lstrip())) if parts else start
        out.append(Title(t, ws, pos + len(line.rstrip())))
    if not out:
        m = _INLINE_TITLE.search(text[:400])
        if m:
            out.append(Title(m.group("t").strip(), m.start("t"), m.end("t")))
    return out


def _core(title: str) -> str:
    t = re.sub(r"^.*?关于(印发|转发|公布|发布)?", "", title)
    t = re.sub(r"(的通知|的通报|的决定|的批复|的函)$", "", t)
    return t.strip("《》“”\"")


_ISSUING = re.compile(r"关于|印发|转发|发布|公布|颁布|通知|决定|公告|令")


def _related(title: str, previous: str) -> bool:
    """Does `title` belong to the document titled `previous` (the plan a notice issues)?"""
    if title.endswith(("解读", "答记者问")):
        return False
    if title != previous and _INDEX.search(title) and _INDEX.sub("", title) == _INDEX.sub("", previous):
        return False  # 通告1, 通告2: numbered siblings are documents of their own
    a, b = _core(title), _core(previous)
    if not a or not b:
        return False
    if not _ISSUING.search(previous) and not (a in b or b in a):
        return False  # two rules printed one after the other (购房补贴细则, 租赁补贴细则) are siblings, not one document
    quoted = _QUOTED.findall(previous)
    return a in b or b in a or any(a in q or q in a for q in quoted) or _overlap(a, b) >= 0.6


def _same(a: str, b: str) -> bool:
    """The same title printed again, perhaps with or without its issuer in front."""
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return _core(a) == _core(b) and (a.endswith(b) or b.endswith(a))


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


@dataclass
class Segment:
    start: int
    end: int
    title: Title | None
    head_end: int = 0  # where the document's head (title, metadata lines) ends and its text begins


# the head of a document ends at its first line of running text: a sentence, or a salutation (各区县：)
_PROSE = re.compile(r"[。；;！？!?]|[，,].{8,}|[:：]\s*$")
_NOT_HEADLINE = re.compile(r"(^上一|^下一|^相关|^责任编辑|^【|^来源|^附件|^打印|^关闭|^[一二三四五六七八九十]+[、.．]|^（|^\(|^[—\-－]|"
                           r"^第[一二三四五六七八九十百\d]+[章节条]|^\d+\s*[、.．]|^[^\w《“「]|文件$|[。；;！？，,：:、]$|"
                           r"(?:令|公告|通告)\s*[（(〔\[]?\s*第\s*[\d一二三四五六七八九十百〇零]+\s*号[）)〕\]]?$|"
                           r"^(?:本报讯|本报记者|记者|通讯员|新华社|中新社|据.{1,8}报道)|\s\|\s|\|\s*$|"
                           # the topic or column a story is filed under (专题：…, 栏目：…), not its headline
                           r"^(?:专题|专栏|栏目|话题|频道|标签)\s*[:：]|"
                           # a byline: 某某社记者 某某, 责编 某某
                           r"^[\u4e00-\u9fff]{0,8}(?:记者|通讯员|责编|责任编辑|编辑|撰稿|摄影)\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*$|"
                           # …or an outlet and its reporter (某某观察网 某某, 某某日报 某某 某某)
                           r"^[\u4e00-\u9fff]{1,8}(?:网|报|社|新闻|客户端|周刊)\s+[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*$|"
                           r"^\d{1,4}\s+\S+(?:\s+\S+){2,}$)")  # …, or a numbered table row: 1 某单位 某园 一级 地址
# a line that is no headline whatever its length: a form's or a contact table's field (办公地址：…, 类别：…, 联系电话：…),
# a bank account's name (某某保证金专户), a table cell that continues a figure from the line above (万元以上 3万元以下的
# 罚款) or bounds a value both ways, an e-paper page's furniture (今日12版, 第3版, 责编：…)
_FIELD_OR_CELL = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:地址|电话|传真|邮编|邮政编码|邮箱|网址|时间|日期|类别|分类|级别|编号|账号|帐号|"
                            r"户名|开户行|开户银行|联系人|分工|职责|职务)\s*[:：]|(?:专户|账户|帐户|账号|帐号|开户行|开户银行)$|"
                            r"^(?:[万亿千]?元|[%％‰])|\d\s*[^\d\s，,。；;]{0,4}以上[^，,。；;]{0,6}\d[^，,。；;]{0,6}以下|"
                            r"\d+\s*版\s*[）)]?$|^今日\s*\d+\s*版|责编\s*[:：]|美编\s*[:：]|"
                            r"(?:路|街|大道|巷)\s*\d+(?:-\d+)?\s*号|"  # an address (某某路187号金厦广场)
                            # a person's posts (党组成员、副局长; 某中心党委书记) under their name in a directory
                            r"^(?:[\u4e00-\u9fff]{0,14}?(?:党组成员|党组书记|党委书记|党委副书记|副?局长|副?主任|副?书记|巡视员|调研员|"
                            r"市管干部|副?厅长|副?处长|总经济师|总工程师)[、，,\s]*)+$")
# a line that only names bodies (the issuer above a title, a signature): 中共某市委办公室 某市人民政府办公室
_ORG_ONLY = re.compile(r"^(?:[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|部|院|中心|公司|党委|党组|"
                       r"常委会|法院|检察院|办事处|管委会|集团|协会|学会|银行)(?:[（(][^（()）]{2,20}[)）])?[\s、]*)+$")
# the name of a site or a newspaper, not of a document: 某某网, 某某日报, 某某之窗
_SITE_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,14}(?:网|网站|门户|门户网站|日报|晚报|报|电子报|在线|平台|之窗|频道|论坛|客户端)$")
_FILE_NAME = re.compile(r"^(?P<name>.{6,160}?)\.(?:docx?|pdf|wps|ofd|xlsx?|et|rar|zip)\s*$", re.I)
# a link to the document's own file under a label that says so (PDF文件查看：某发〔2020〕2号关于…的通知, 原文下载：…)
_FILE_LINK = re.compile(r"^(?:PDF|WORD|OFD|WPS)?\s*(?:文件|原文|全文|正文|文档|PDF|WORD|OFD|WPS)\s*(?:查看|下载|链接|阅读|浏览)?\s*[:：]\s*"
                        r"(?P<name>\S.{5,160}?)(?:\.(?:docx?|pdf|wps|ofd))?\s*$", re.I)
_LEAD_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,14}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,6}\s*号\s*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# a label with a number or a date for its value (电话：0731-…, 类别:…), or a form's blank field (日期：    年  月  日),
# is no headline
_LABELLED = re.compile(r"[:：]\s*[\d+(（]|[:：]\s{3,}")
_WRAPPED = re.compile(r"(?:的|和|与|及|关于|对|在|之|暨)$")
HEAD_LINES = 40
HEAD_CHARS = 2500


def names_site_or_column(title: str) -> bool:
    """Is this a site's, a newspaper's, a body's or a column's name (沈阳市房产局, 某某网, 资讯详情) rather
    than a document's title?"""
    from extractors.noise import vocabulary
    t = re.sub(r"\s+", "", title.strip())
    return (t in vocabulary().get("column", ()) or bool(_SITE_NAME.match(t)) or bool(_ORG_ONLY.match(t))
            or len(_CJK_RE.findall(t)) < 2)


def _unbalanced(s: str) -> bool:
    """Does the line close a bracket it never opened (the tail of a parenthesis begun on the line above)?"""
    return any(s.count(b) > s.count(a) for a, b in (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”")))


def is_headline(s: str) -> bool:
    """Could this line name a document (a title, a news headline) rather than a site, a column, a
    timestamp or an issuer?"""
    s = s.strip().lstrip("#").strip()
    number = _LEAD_NUMBER.match(s)
    return (len(_CJK_RE.findall(s)) >= 7 and len(s) <= 90 and not _NOT_HEADLINE.search(s) and not _LABELLED.search(s)
            and not _CUT_SHORT.search(s) and not _FIELD_OR_CELL.search(s) and not _unbalanced(s)
            and not names_site_or_column(s) and not _COMPILATION.search(s) and not (number and number.end() >= len(s) - 1))


# a tag before a headline, set off by a bar (银企合作 | …, 独家|…)
_TAG_BAR = re.compile(r"^[^|｜丨\n]{1,8}?\s*[|｜丨]\s*")


def _labelled_headline(s: str) -> bool:
    """Is the value of a head's title field (原标题：…, 信息名称：…) a headline? Its label says it is one, so
    a tag before a bar (原标题：银企合作 | 某行举办座谈会) does not make it a site's title."""
    return is_headline(s) or is_headline(_TAG_BAR.sub("", s, count=1))


def _is_prose(s: str) -> bool:
    return len(s) >= 12 and bool(_PROSE.search(s)) or len(s) > 90


# a headline's own punctuation (换房补贴最高17万元！某区新政发布, 某事一日游，已叫停) is no sentence's: no full stop,
# no closing punctuation but ！？, at most 50 characters
_HEADLINE_SHAPE = re.compile(r"^[^。；;\n]{6,50}$")
_STAMP_LINE = re.compile(r"^[（(\[【]?\s*" + full_date(r"\s*"))


def _headline_over_its_stamp(lines: list[str], i: int) -> bool:
    """Is line i a headline: shaped like one, with a dateline or metadata line (2022-04-08 15:49 某报,
    来源：…, ( 2021年07月12日 )) as the next non-empty line?"""
    s = lines[i].strip()
    if not _HEADLINE_SHAPE.match(s) or s[-1] in "，,：:、" or len(_CJK_RE.findall(s)) < 8:
        return False
    # the dateline may follow a tag or two (原创, 大金融)
    below = [ln.strip() for ln in lines[i + 1:i + 8] if ln.strip()]
    while below and len(below[0]) <= 6 and not _STAMP_LINE.match(below[0]) and metadata_line(below[0], 0) is None:
        below.pop(0)
    nxt = below[0] if below else ""
    return bool(nxt) and (bool(_STAMP_LINE.match(nxt)) or metadata_line(nxt, 0) is not None)


def head_end(text: str, start: int, after: int | None = None, limit: int | None = None) -> int:
    """Where the head of the document at `start` ends: its first line of running text after `after`
    (a headline above its dateline is no running text, whatever its punctuation)."""
    after = start if after is None else after
    limit = len(text) if limit is None else limit
    pos, n = start, 0
    lines = text[start:min(limit, start + HEAD_CHARS)].split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        if pos >= after and s and _is_prose(s) and metadata_line(s, 0) is None \
                and not _headline_over_its_stamp(lines, i):
            return pos
        pos += len(line) + 1
        n += len(s) > 8  # a site's menu of short links (首页, 要闻, 登录) is no part of the head's length
        if n > HEAD_LINES:
            break
    return min(pos, limit)


# the dateline right under a news headline: a timestamp with its time of day, or with its author or paper
_NEWS_STAMP = re.compile(r"^\s*" + NEWS_STAMP)


def head_title(text: str, start: int, suffix_titles: list[Title], limit: int | None = None) -> Title | None:
    """The title of the document whose head starts at `start`: the line that names a document nearest
    above its first metadata line (来源：… 发布时间：…), or failing that nearest above its running text.
    Lines with a title suffix (…的通知) win over plain headlines; a title run into its metadata line
    (标题 2022-04-01 10:21 来源：…) is cut at the metadata."""
    end = head_end(text, start, limit=limit)
    cands: list[tuple[Title, bool]] = []  # (title, has a title suffix)
    metas: list[int] = []
    pos = start
    head_lines = text[start:end].split("\n")
    for i, line in enumerate(head_lines):
        s = line.strip()
        t = next((t for t in suffix_titles if t.start <= pos + len(line) and t.end > pos), None)
        if t is not None:
            if not cands or cands[-1][0] is not t:
                cands.append((t, True))
        elif s:
            meta = metadata_line(line, pos)
            if meta is not None:
                metas.append(len(cands))
                if meta.lead and is_headline(meta.lead):
                    cands.append((Title(meta.lead, meta.lead_start, meta.lead_end), is_title_line(meta.lead)))
                    metas[-1] = len(cands)
                named = next((f for f in meta.fields if f.key == "标题" and f.value), None)
                if not meta.lead and named is not None and _labelled_headline(named.value):
                    # the title given in the head's own field (信息名称：…的通知) names the document
                    cands.append((Title(named.value, named.start, named.end), is_title_line(named.value)))
                    metas[-1] = len(cands)
            elif (is_headline(s) or _headline_over_its_stamp(head_lines, i) and not _FIELD_OR_CELL.search(s)
                  and len(_CJK_RE.findall(s)) >= 7 and not names_site_or_column(s) and not s.startswith("【")) \
                    and not in_menu(text, pos, pos + len(line)):
                a = pos + line.index(s)
                # a short heading that names a kind of document (…裁量基准表, …名录) counts as a title line: it
                # wins over the cells and fragments of a table printed under it
                named = is_title_line(s) or len(s) <= 40 and bool(_TABLE_KIND.search(s)) and not _NEWS.search(s)
                cands.append((Title(s.lstrip("#").strip(), a, a + len(s)), named))
            elif cands and not cands[-1][1] and _WRAPPED.search(cands[-1][0].text) and len(s) <= 30 \
                    and not _is_prose(s) and text[cands[-1][0].end:pos].strip() == "":
                t = cands[-1][0]  # a headline wrapped after 的/和/关于: its continuation on the next line
                joined = t.text + s
                cands[-1] = (Title(joined, t.start, pos + line.index(s) + len(s)), is_title_line(joined))
        pos += len(line) + 1
    if not cands:
        return None
    if metas and 0 < metas[0] <= len(cands) and not any(sf for _, sf in cands[:metas[0]]) \
            and _NEWS_STAMP.search(text[cands[metas[0] - 1][0].end:end]):
        # a news headline over its dateline (标题 / 2023-10-13 11:54 · 作者：): the story's, whatever document
        # titles its text prints below
        return cands[metas[0] - 1][0]
    if any(suffix for _, suffix in cands):
        upto = [m for m in metas if any(sf for _, sf in cands[:m])]
        pool = [c for c in cands[:upto[0]] if c[1]] if upto else [c for c in cands if c[1]]
    else:
        upto = [m for m in metas if m > 0]
        pool = cands[:upto[0]] if upto else cands
        if not metas:
            # a headline over its subtitles, three lines or more with nothing but blank lines between them, right
            # above the text (分析研究…工作 / 研究部署…工作 / 某某主持会议): the first line is the headline
            k = len(pool) - 1
            while k > 0 and text[pool[k - 1][0].end:pool[k][0].start].strip() == "":
                k -= 1
            if len(pool) - k >= 3 and text[pool[-1][0].end:end].strip() == "":
                return pool[k][0]
    return pool[-1][0] if pool else None


_SHORT_TITLE = re.compile(r"^[\u4e00-\u9fff《》“”（）()]{2,20}(?:书|表|图|单|函|须知|问答|指南|清单|说明|名单|名录|目录|一览|简介|公告|通知)"
                          r"(?:[（(][^（）()]{1,12}[）)])?$")  # …名录（2025年度）


# a form's label run into its title line: 某某申报表申请单位（盖章）：   日期：
_RUN_IN_LABEL = re.compile(r"[\u4e00-\u9fff（）()]{2,10}\s*[:：]")


def _short_title(text: str, start: int) -> Title | None:
    """A short generic name on the first line (承诺书, 流程图, 申报表) when nothing longer names the document;
    a form's title keeps none of the labels run into its line (…申报表申请单位盖章：日期：)."""
    for pos, line in _lines(text, start, min(len(text), start + 400)):
        s = line.strip()
        if not s or re.fullmatch(r"附件\s*\d*", s):
            continue
        a = pos + line.index(s)
        cuts = [len(s)] + [i for i in range(2, len(s)) if _RUN_IN_LABEL.match(s, i)]
        for i in cuts:
            name = s[:i].rstrip()
            if _SHORT_TITLE.match(name) and not names_site_or_column(name):
                return Title(name, a, a + len(name))
        return None
    return None


# an e-paper page continuing a story from another page: 某某标题（上接第1版）正文…
_CONTINUED = re.compile(r"[（(]\s*(?:上接|接上|续)第?\s*[\d一二三四五六七八九十]{1,3}\s*版\s*[）)]")


_TITLE_CHARS = re.compile(r"[\u4e00-\u9fff\d《》“”（）()—\-]")
_ABOUT_CLOSED = re.compile(r"关于.*的[\u4e00-\u9fff]{1,4}$")


def continued_title(text: str, start: int) -> Title | None:
    """The headline of a story an e-paper page continues (某某标题（上接第1版）…): the words before the
    continuation mark near the top of the page. A headline the layout cut in two (its tail opening a later
    line, as when columns are read across) is joined with that tail when the two make a title line."""
    for n, (pos, line) in enumerate(_lines(text, start, min(len(text), start + 1500))):
        m = _CONTINUED.search(line)
        if n > 12:
            break
        if not m:
            continue
        head = line[:m.start()].strip()
        if len(_CJK_RE.findall(head)) < 6 or _PROSE.search(head) or names_site_or_column(head):
            return None
        a = pos + line.index(head)
        title = Title(head, a, a + len(head))
        if is_title_line(head) or "关于" not in head or re.search(r"关于.*的", head):
            return title
        for _, later in _lines(text, pos + len(line) + 1, min(len(text), start + 20000)):
            tail = later.strip()
            if not tail or not _CJK_RE.match(tail):
                continue
            for k in range(8, min(40, len(tail)) + 1):
                if not _TITLE_CHARS.match(tail[k - 1]):
                    break
                # 关于…的建议: a head that opened 关于 closes with 的 and a suffix in the tail
                if is_title_line(head + tail[:k]) and _ABOUT_CLOSED.search(head + tail[:k]):
                    return Title(head + tail[:k], title.start, title.end)
        return title
    return None


def attachment_title(text: str, start: int, end: int) -> Title | None:
    """A title printed only as the name of the page's attached file (某发〔2022〕8号关于…的通知.pdf) or of a
    link to its file (PDF文件查看：…); the file of an attachment (附件1.…) does not name the page's document."""
    pos = start
    for line in text[start:end].split("\n"):
        s = line.strip()
        m = _FILE_LINK.match(s) or _FILE_NAME.match(s)
        if m and not s.startswith("附件"):
            name = m.group("name")
            lead = _LEAD_NUMBER.match(name)
            name = name[lead.end():] if lead else name
            if is_headline(name):
                a = pos + line.index(name)
                return Title(name, a, a + len(name))
        pos += len(line) + 1
    return None


def _own_number_below(text: str, title: Title) -> bool:
    """Is the title followed, within two lines, by a line holding only a document number (某发〔2024〕1号)?"""
    below = text[title.end:title.end + 160].split("\n")[1:4]
    return any(_number_only(ln.strip()) for ln in below if ln.strip())


def _number_only(s: str) -> bool:
    """Whether the line holds only a document number (某发〔2024〕1号, a closing mark at most besides)."""
    return bool((m := _LEAD_NUMBER.match(s)) and len(m.group()) >= len(s) - 1)


# a story of a compilation runs this long before the next headline: a related story's teaser (a headline, its
# date, a sentence) is shorter
STORY_CHARS = 150


def _later_stories(text: str, after: int, titles: list[Title]) -> list[Title]:
    """The headlines of news stories printed one after another below the first document (a compilation, a
    portal's list of full stories): a headline over its own dateline, with a story of its own under it."""
    lines = text[after:].split("\n")
    offsets, pos = [], after
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    found: list[Title] = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or not _headline_over_its_stamp(lines, i) or not is_headline(s) or _FIELD_OR_CELL.search(s):
            continue
        stamp = next(x.strip() for x in lines[i + 1:] if x.strip())
        if _is_prose(stamp) or any(_same(s, t.text) for t in titles):
            continue  # a subheading over a paragraph that opens with a date; the page's headline printed again
        a = offsets[i] + ln.index(s)
        if any(t.start <= a < t.end or a <= t.start < a + len(s) for t in titles) or in_menu(text, a, a + len(s)):
            continue
        found.append(Title(s, a, a + len(s)))
    out = []
    for k, t in enumerate(found):
        nxt = min([x.start for x in [*titles, *found] if x.start > t.start] or [len(text)])
        prose = sum(len(ln.strip()) for ln in text[t.end:nxt].split("\n") if _is_prose(ln.strip()))
        if prose >= STORY_CHARS:
            out.append(t)
    return out


# a government's order on a line of its own (某市人民政府令第367号), and the sentence under it that promulgates what
# it names (《…的决定》已经…常务会议审议通过，现予公布)
_ORDER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,20}令\s*第\s*\d{1,5}\s*号$")
_PROMULGATES = re.compile(r"^《(?P<t>[^\n]{6,120}?)》(?:已经|已于|经)[^。\n]{0,80}(?:通过|同意|批准)[^。\n]{0,20}现予(?:公布|发布|印发)")


def _orders(text: str, after: int, titles: list[Title]) -> list[Title]:
    """A government order printed below a story that reports it: its number on a line of its own over the sentence
    that promulgates what it names. The order is a document of its own, called by that name."""
    found: list[Title] = []
    if "令" not in text[after:]:
        return found
    pos = after
    lines = text[after:].split("\n")
    for i, ln in enumerate(lines):
        a, pos = pos, pos + len(ln) + 1
        s = ln.strip()
        if not _ORDER_LINE.match(s) or any(t.start <= a < t.end for t in titles):
            continue
        below = next((x.strip() for x in lines[i + 1:i + 4] if x.strip()), "")
        if (m := _PROMULGATES.match(below)) and _has_prose(text, after, a):
            start = a + ln.index(s)
            found.append(Title(m.group("t"), start, start + len(s)))
    return found


# the addressees a notice opens with: 各乡（镇）政府，县政府有关部门：
_SALUTATION = re.compile(r"^[^。；;！？!?]{2,80}(?:各|有关|所属|下属|受托|人民政府|政府|单位|部门|委员会|办公室|局|委|厅|中心|银行|企业|公司)[^。；;！？!?]{0,30}[:：]$")
# a document's own opening words under its title (为…，现提出以下措施。): it is printed whole, not reported on
_OWN_PREAMBLE = re.compile(r"^(?:为|根据|按照|依据)[^。\n]{4,300}?(?:现提出(?:以下|如下)|(?:制定|提出)(?:以下|如下|本)(?:措施|意见|办法|细则|方案|规定)|"
                           r"特制定本|现就[^。\n]{0,40}(?:通知|公告|通告)如下|现将有关事项(?:通知|公告|通告)如下)")
_STAMP_FIELD = re.compile(r"(?:发布时间|发布日期|成文日期|印发日期|生成日期|公开日期)\s*[:：]?\s*(?:19|20)\d{2}")


def _heads_own_text(text: str, title: Title) -> bool:
    """Does the title open a document of its own — its own number, its date field or the addressees it is
    sent to on the lines between it and its first sentence — rather than name one a story reports on?"""
    n = 0
    for ln in text[title.end:title.end + 600].split("\n")[1:]:
        s = ln.strip()
        if not s:
            continue
        if _SALUTATION.match(s) or _STAMP_FIELD.search(s) or _number_only(s):
            return True
        n += 1
        if _is_prose(s) or n >= 10:
            return bool(_OWN_PREAMBLE.match(s))
    return False


# a notice that issues the text printed after it (现将《…》印发给你们, 现予印发); and the titles that are notices
_ISSUES_WHAT_FOLLOWS = re.compile(r"(?:现将|现把|特将)[^。\n]{0,60}(?:印发|发布|转发|公布)(?:给|你们|各|如下)|现予(?:印发|公布)|印发给你们")
_NOTICE_SUFFIXES = ("通知", "通报", "函", "决定", "批复", "公告", "通告", "令")


def _has_prose(text: str, start: int, end: int) -> bool:
    return any(_is_prose(ln.strip()) for ln in text[start:end].split("\n"))


# the label over the original a story reposts whole: 原文内容：, 以下是原文：, 附原文：
_REPOST_LABEL = re.compile(r"^\s*(?:以下(?:是|为)原文|原文(?:内容|如下|全文)|附原文|全文如下)\s*[:：]\s*$")


def _reposted(text: str, after: int) -> list[Title]:
    """The originals a story reposts whole under a label (原文内容：), each headed by its own headline on the line
    after the label (an exclaimed one too): documents of their own, as a story's later stories are."""
    out: list[Title] = []
    label = False
    for pos, line in _lines(text, after, len(text)):
        s = line.strip()
        if not s:
            continue
        if label and is_headline(s.rstrip("！!")):
            a = pos + line.index(s)
            out.append(Title(s, a, a + len(s)))
        label = bool(_REPOST_LABEL.match(s))
    return out


def segment(text: str, body_start: int = 0, min_chars: int = 200, page_title: str | None = None) -> list[Segment]:
    """Split a source into its documents at title lines of unrelated documents. A notice and the
    plan it issues stay one document; an interpretation of a notice is its own document; a title with
    its own document number below it starts a document of its own."""
    titles = find_titles(text, body_start)
    head = head_title(text, body_start, titles)
    if head is not None:
        titles = [head, *(t for t in titles if t.start >= head.end)]
    stories = _later_stories(text, titles[0].end if titles else body_start, titles)
    stories += _orders(text, titles[0].end if titles else body_start, titles)
    reposts = [t for t in _reposted(text, titles[0].end if titles else body_start)
               if not any(x.start <= t.start < x.end for x in stories)]
    titles = [t for t in titles if not any(t.start <= r.start < t.end for r in reposts)]
    stories += reposts
    if stories:
        titles = sorted([*titles, *stories], key=lambda t: t.start)
    compilation = bool(page_title and _COMPILATION.search(page_title))
    if compilation:
        page_title = None  # a compilation's name (…汇编) is no document's: its documents start at their titles
    if page_title:
        # the page names its document (<title>, a metadata table): a body title that agrees with it opens
        # the first document; otherwise the page's title does, and body titles are judged against it
        if not titles or not (_related(titles[0].text, page_title) or _related(page_title, titles[0].text)):
            titles = [Title(page_title, body_start, body_start), *titles]
    elif not titles:
        att = attachment_title(text, body_start, len(text))
        if att is not None:
            titles = [att]
    if not titles:
        cont = continued_title(text, body_start)
        if cont is not None:
            titles = [cont]
    if not titles:
        short = _short_title(text, body_start)
        if short is not None:
            titles = [short]
    if not titles:
        return [Segment(0, len(text), None, head_end(text, body_start))]
    # the heading and index of a compilation belong to none of its documents: the first starts at its title
    compilation = compilation or any(is_compilation(ln) for _, ln in _lines(text, body_start, titles[0].start))
    segs: list[Segment] = [Segment(titles[0].start if compilation else 0, len(text), titles[0])]
    for t in titles[1:]:
        cur = segs[-1]
        if len(segs) > 1 and cur.title and _same(t.text, cur.title.text) and not _has_prose(text, cur.title.end, t.start):
            continue  # the headline printed again under its date line, with its issuer on a line of its own
        if len(segs) > 1 and cur.title and not _has_prose(text, cur.title.end, t.start):
            # the document split off before is only a link (解读：《…》政策解读 between a head and its text)
            segs.pop()
            cur = segs[-1]
            cur.end = len(text)
        gap = t.start - max(cur.title.start if cur.title else 0, cur.start)
        # a short document still ends where a signature date closes it right before the next title
        closed = bool(_ENDS_WITH_DATE.search(text[max(0, t.start - 40):t.start]))
        own = _own_number_below(text, t) and not _same(t.text, cur.title.text)
        if gap < (60 if closed or own else min_chars):
            continue
        story = any(t is x for x in stories)
        if cur.title and not is_title_line(cur.title.text) and not own and not t.text.endswith(("解读", "答记者问")) \
                and not story and not _heads_own_text(text, t):
            # a news story quotes the titles of what it reports on; it ends where a numbered document or an
            # interpretation starts
            continue
        if cur.title and not story and _related(t.text, cur.title.text) and not own:
            continue
        if cur.title and not own and _ISSUES_WHAT_FOLLOWS.search(text, cur.title.end, t.start) \
                and not t.text.endswith(_NOTICE_SUFFIXES):
            continue  # 现将具体意见印发给你们 … 某某实施意见: the notice and what it issues are one document
        cur.end = t.start
        segs.append(Segment(t.start, len(text), t))
    # a title with no sentence after it to the end of the text is a link (…政策解读 under 相关解读：), not a
    # document: the trailing ones go back to the document before them
    while len(segs) > 1 and segs[-1].title and not _has_prose(text, segs[-1].title.end, segs[-1].end):
        last = segs.pop()
        segs[-1].end = last.end
    for sg in segs:
        start = max(sg.start, body_start)
        # the head runs past the title when the title opens the document, not when it closes it (a file name)
        near = sg.title and start <= sg.title.start <= head_end(text, start, limit=sg.end) and sg.title.end <= sg.end
        sg.head_end = head_end(text, start, sg.title.end if near else start, sg.end)
    return segs


# a title opening with these reads another document: its interpretation, as printed with the prefix
_READING_PREFIX = re.compile(r"^(?:一图(?:读懂|看懂|了解|速览|解读)|图解|图说|政策解读|解读|问答)\s*[：:]?\s*[《“「]?")


def doc_type(title: str | None, text: str) -> DocType:
    if not title:
        return DocType.NEWS if _NEWS.search(text[:300]) else DocType.OTHER
    t = title.strip().rstrip("》）)")
    if _READING_PREFIX.match(t.strip("\u200b ")):
        return DocType.INTERPRETATION  # 一图读懂《…》, 解读：《…》: a reading of the document it names
    for suffixes, dtype in _TYPE_BY_SUFFIX:
        if t.endswith(suffixes):
            return dtype
    if _NEWS.search(text[:300]):
        return DocType.NEWS
    for suffixes, dtype in _TYPE_BY_SUFFIX:
        if any(s in t[-8:] for s in suffixes):
            return dtype
    return DocType.ARTICLE
