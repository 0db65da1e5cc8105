"""Title choice: a page title cleaned of the site's name, breadcrumbs and dates; keyword lists are no title."""
from __future__ import annotations

import re

from corpora.chars import CJK as _CJK
from extractors.docnumbers import NUMBER_SHAPE
from extractors.metadata import metadata_line
from extractors.stamps import HYPHENS, NEWS_STAMP, TIME, full_date
from extractors.structure import is_headline, is_title_line, names_site_or_column

_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,30}>")
_GLUED_DASH = re.compile(r"\s*(?:--|——|(?<=[\u4e00-\u9fff）)》”])[-—－](?=[\u4e00-\u9fff《“（(]))\s*")
_BLANKED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]{3,}(?=[\u4e00-\u9fff])")
_TITLE_NOISE = re.compile(r"^[\s\-—–|_·•\u200b\u200c\u200d\u2060\ufeff]+|[\s\-—–|_·•\u200b\u200c\u200d\u2060\ufeff]+$")
# a space a PDF's line break left inside the words of a title after 关于 (…国民经济 和社会发展, …的 通知)
_BROKEN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff《》“”])[ \t\u3000]+(?=[\u4e00-\u9fff《》“”])")
# the title's own document number printed in front of it: 某建房管联〔2024〕58号关于…的通知
_NUMBER_FIRST = re.compile(rf"^{NUMBER_SHAPE}\s*(?=关于|[\u4e00-\u9fff]{{2,30}}关于)")


def clean_title(title: str) -> str:
    """A page title without the site's name or a breadcrumb around it."""
    t = _BLANKED.sub("", _MARKUP.sub("", title.strip()))  # a word blanked as spam closes up; <br/> goes
    parts = re.split(r"\s*[,，_|｜]\s*|\s+-\s+", t)
    while len(parts) >= 2 and names_site_or_column(parts[-1]):
        # 某某新闻标题,某某房产网: the site's name goes, and the portal's after it (…_首都之窗_某市人民政府门户网站)
        t = t[:len(t) - len(parts[-1])].rstrip(" ,，_|｜-")
        parts.pop()
    if ">" in t:
        t = t.rsplit(">", 1)[-1]
    # a site's or a column's name glued on with a dash, before or after the title (某某数字报刊平台-标题,
    # 标题-新闻中心, 某某县人民政府网站——标题); a page titled only site--column names no document
    pieces = _GLUED_DASH.split(t)
    if len(pieces) >= 2:
        kept = [p for p in pieces if not (names_site_or_column(p) or _SITE_TITLE.search(p))]
        if kept and len(kept) < len(pieces):
            if len(kept) == 1 and not is_title_line(kept[0]) and len(_CJK.findall(kept[0])) <= 8:
                return ""
            t = "".join(kept) if len(kept) == 1 else t
    for sep in ("_", "｜", "|", " - ", "--"):
        head = t.split(sep)[0]
        if len(_CJK.findall(head)) >= 6:
            t = head
    t = _TITLE_LABEL.sub("", _TITLE_TAG.sub("", _TITLE_NOISE.sub("", t)))
    t = _TITLE_NOISE.sub("", _TITLE_TRAILING_DATE.sub("", _TITLE_LEADING_DATE.sub("", t)))
    if (m := _NUMBER_FIRST.match(t)) and is_title_line(t[m.end():]):
        t = t[m.end():]
    if (k := t.find("关于")) >= 0 and is_title_line(t):
        t = t[:k] + _BROKEN_SPACE.sub("", t[k:])
    return "" if _SITE_TITLE.search(t) or is_seo_title(t) or names_site_or_column(t) else t


def choose_title(page_title: str, line_title: str | None) -> str | None:
    """A document's title: the page's own title (its metadata 标题, normalized) where, once cleaned, it
    still names a document (six or more Chinese characters); else the title line found in the text."""
    meta_title = clean_title(page_title)
    body_title = clean_title(line_title) if line_title else ""
    if not names_a_document(meta_title):
        return body_title or None
    if body_title and len(body_title) > len(meta_title) and is_title_line(body_title) \
            and re.sub(r"\s+", "", body_title).startswith(re.sub(r"\s+", "", meta_title)):
        return body_title  # the page's name is the printed title cut short
    return meta_title


def names_a_document(title: str) -> bool:
    """Enough of a title (six or more Chinese characters) to name a document, and not a site's, a
    column's or a red header's name (某市人民政府文件)."""
    return (len(_CJK.findall(title)) >= 6 and not names_site_or_column(title) and not title.endswith("文件")
            and not _NOT_A_NAME.search(title))


# a page title that names no document: a bank account (某某局保证金专户), a contact line (办公地址：…)
_NOT_A_NAME = re.compile(r"(?:专户|账户|帐户|账号|帐号|开户行|开户银行)$|^[\u4e00-\u9fff]{0,4}(?:地址|电话|传真|邮箱|网址)\s*[:：]")



def is_seo_title(title: str) -> bool:
    """营商环境,证照分离,民营科技企业: a keyword list stuffed into the title tag, not a title."""
    pieces = [p for p in re.split(r"[,，、|｜;；\s]+", title) if p]
    return len(pieces) >= 3 and all(len(p) <= 8 for p in pieces) and not re.search(r"关于|的通知|印发", title)


# titles that name a site or a section rather than a document
_TITLE_TAG = re.compile(r"^(?:[\[【［(（][^\]】］)）]{1,6}[\]】］)）]|(?:独家|原创|快讯|重磅|速递|最新)\s*[|｜丨])\s*")  # [已废止], 【贷款】, 独家|
_TITLE_LABEL = re.compile(r"^(?:文件链接|原文链接|链接|标题|原标题|文章标题|信息名称|文件名称|名称|题目|政策文件|相关文件|政策原文)\s*[：:]\s*(?=\S{6,})")  # 文件链接：《…》解读
_TITLE_LEADING_DATE = re.compile(rf"^\s*{full_date(joiners=HYPHENS)}(?:\s+{TIME})?\s*")
_TITLE_TRAILING_DATE = re.compile(r"\s*(?:19|20)\d{2}-\d{1,2}(?:-\d{0,2})?[\d:\s]*$")
_SITE_TITLE = re.compile(r"(信息公开|门户网站|人民政府网|政府网站|政务公开|首页|网站)$")


# a news story's dateline before its lead: 新华社北京10月16日电, 本报讯（记者 某某）, 某某讯（通讯员 某某）
_DATELINE = re.compile(r"^\s*(?:(?:新华社|中新社|人民网|央视网|[\u4e00-\u9fff]{1,8}社)[\u4e00-\u9fff]{0,8}"
                       r"\d{1,2}月\d{1,2}日(?:电|讯)|本报讯|[\u4e00-\u9fff]{1,8}讯)\s*(?:[（(][^（()）\n]{0,24}[)）])?\s*")


def lead_title(text: str) -> str | None:
    """For a news story printed without its headline (a text cut after it, a repost of the body only):
    the first sentence of its lead after the dateline, when it is short enough to stand for a headline."""
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        m = _DATELINE.match(s)
        if m is None:
            if re.search(r"[。；！？]", s):
                return None  # running text without a dateline: not a news lead
            continue
        first = re.split(r"[。！？!?；]", s[m.end():].lstrip("：:，, "), maxsplit=1)[0].strip()
        return first if 8 <= len(_CJK.findall(first)) and len(first) <= 60 else None
    return None


_ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[：:]\s*(?P<t>\S.{5,60}?)\s*(?:(?:来源|作者|编辑|发布时间)\s*[：:].*)?$", re.M)
_NUMBER_LINE = re.compile(rf"^{NUMBER_SHAPE}$")
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[、.．]|（[一二三四五六七八九十]+）)\s*")
_FIRST_CLAUSE = re.compile(r"[^，,。；;！？!?：:\n]+")
# a clause that tells where the news came from or why the text was written, not what it is about
_PREAMBLE_CLAUSE = re.compile(r"^(?:据|根据|按照|依据|为了?|为进一步|经[^，,]{0,24}(?:同意|通过|研究|批准)|记者从|近日|日前|昨日|今天|今日)")
# a page's own furniture that can look like a headline (浏览器, 扫码关注, 申请公开政府信息, Produced By)
_PAGE_CHROME = re.compile(r"浏览器|扫码|扫一扫|微信|微博|客户端|字体|打印|关闭窗口|申请公开|依申请|Produced|Powered|版权|"
                          r"网站|首页|登录|注册", re.I)


# the heading of an interpretation, all a text cut below its headline may print of one (相关解读：, 政策解读)
_READING_HEAD = re.compile(r"^(?P<t>(?:政策|相关|文件|图文)?解读)\s*[：:]?$")
# where a story ends: its editor's credit, its site's disclaimer, the heading of related stories
_STORY_END = re.compile(r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|免责声明|声明|相关阅读|相关新闻|推荐阅读|延伸阅读|热门推荐)\s*[:：）)】\]]?")
# a line no guess takes: one with a clause's or a list's punctuation, a lead-in's colon, or a long number
_NOT_GUESSED = re.compile(r"[，,。；;！？!?/|｜【】]|[：:]$|\d{5}")


def guess_title(text: str) -> str | None:
    """For a document that prints no headline of its own (a repost, a page cut below its title): the line a
    reader would call it by — the original title a repost names (原标题：…), its own document number standing
    alone, the first short line that reads as a headline (a numbered heading without its number), else the first
    clause of its first paragraph that says what happened."""
    head = text[:3000]
    if m := _ORIGINAL_TITLE.search(head):
        return m.group("t")
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()]
    # the first lines that hold words (a font-size switch printed one character a line, 大 / 中 / 小, holds none)
    for ln in lines[:12]:
        if (m := _NOTIFIES.search(ln)) and not _GENERIC_MATTER.fullmatch(m.group("what") or m.group("what2")):
            # 现就保持…发展通知如下 → 关于保持…发展的通知; …，增加10类补贴产品，现将有关事项公告如下 → 关于增加…的公告
            return f"关于{m.group('what') or m.group('what2')}的{m.group('kind') or m.group('kind2')}"
    worded = [x for x in lines if len(_CJK.findall(x)) >= 2]
    for ln in worded[:3]:
        if _NUMBER_LINE.match(ln):
            return ln  # 某金发〔2023〕4号 at the head of a notice cut below its title, saying only 现将有关事项通知如下
    for i, ln in enumerate(worded[:3]):
        if (m := _READING_HEAD.match(ln)) and i + 1 < len(worded) and len(_CJK.findall(worded[i + 1])) >= 30:
            return m.group("t")  # 相关解读： over the text of an interpretation cut below its headline
    seen_text = False
    for i, ln in enumerate(lines[:12]):
        if seen_text and _STORY_END.match(ln):
            break  # the story's credits or its site's disclaimer: the lines below are other stories' headlines
        if len(_CJK.findall(ln)) >= 30 and (m := _ABBREVIATED_TITLE.search(ln)) and is_title_line(m.group(1)):
            return m.group(1)  # a lead naming the document it reports on, above the story's numbered subheadings
        ln = _HEADING_NUMBER.sub("", ln)
        # the last line of a text cut short below its first paragraph is a fragment, not a heading
        if not (seen_text and i == len(lines) - 1) and len(ln) <= 60 and is_headline(ln) \
                and not _NOT_GUESSED.search(ln) and not _PAGE_CHROME.search(ln) \
                and metadata_line(ln, 0) is None:
            return ln
        seen_text = seen_text or len(_CJK.findall(ln)) >= 30
    for ln in lines[:6]:
        if _NOTE_LINE.match(ln) and (m := _AMENDS.search(ln)):
            return m.group(1)  # a law cut below its title, under the note of its amendments: the law it amends
    paras = [ln for ln in lines[:12] if len(_CJK.findall(ln)) >= 30 and not _NOTE_LINE.match(ln)]
    for ln in paras[:3]:
        # a story about a document it names in full and then by a short name (《…》（以下简称《意见》）) is called
        # by that document's name
        if (m := _ABBREVIATED_TITLE.search(ln)) and is_title_line(m.group(1)):
            return m.group(1)
    for ln in lines[:12]:
        if len(_CJK.findall(ln)) >= 30 and not _NOTE_LINE.match(ln):  # the first paragraph
            if (clause := _lead_clause(_DATELINE.sub("", ln, count=1))) is not None:
                return clause
            break
    # else the line right above the story's timestamp: a short headline or the column it is filed under
    for above, ln in zip(lines[:12], lines[1:12]):
        if _STAMP.match(ln) and 4 <= len(_CJK.findall(above)) <= 20 and not _NOT_GUESSED.search(above) \
                and not _PAGE_CHROME.search(above) and metadata_line(above, 0) is None:
            return above
    return None


# a story's timestamp on a line of its own: 2024-02-21 18:39 星期三
_STAMP = re.compile("^" + NEWS_STAMP)


# a notice's own words on what it is about: 现就保持房地产市场平稳健康发展通知如下
_NOTIFIES = re.compile(r"现(?:就|对)(?P<what>[^，,。；;：:\n]{4,40}?)(?:有关事项|有关问题|相关事项)?(?P<kind>通知|公告|通告)如下|"
                       # …，增加10类补贴产品，现将有关事项公告如下: the action the clause before names
                       r"[，,](?P<what2>(?:增加|新增|调整|取消|暂停|恢复|延长|实施|开展|启动|停止|优化|明确|放宽|降低|提高|执行)"
                       r"[^，,。；;：:\n]{2,30})[，,]\s*现将(?:有关|相关)事项(?P<kind2>通知|公告|通告)如下")
_GENERIC_MATTER = re.compile(r"(?:有关|相关|以下|如下|下列|具体)[\u4e00-\u9fff]{0,8}|(?:事项|问题|工作|事宜|要求)")
# the clause of a lead that tells what happened after its purpose clauses: 某市发布《…》, 证监会启动了…
_EVENT = re.compile(r"发布|出台|印发|公布|下发|推出|召开|举行|启动|开展|实施|签署|上线")
# where a story comes from, not what it tells: 从某某办公室获悉, 记者从…了解到
_SOURCE_CLAUSE = re.compile(r"^(?:记者)?从.{2,40}(?:获悉|了解到|得知)$")
# a clause that says only that a notice came out, not what it does (某地发布公告, 某局印发了通知)
_BARE_NOTICE = re.compile(r"(?:发布|印发|出台|下发)了?(?:一则|一份)?(?:公告|通知|通告)$")
# a clause that opens the main clause after a lead's purpose clauses: a time (近日, 今天（10月24日）, 10月13日)
_TIME_CLAUSE = re.compile(r"^(?:近日|日前|近期|今天|今日|昨天|昨日|本周|上周|日内|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日)"
                          r"(?:[（(][^（）()，,]{0,12}[)）])?(?:上午|下午|晚间|晚上|早间|早上|凌晨|中午|傍晚|晚)?")


def _lead_clause(para: str) -> str | None:
    """The clause of a lead that says what happened: its first clause past the story's source (据…, 从…获悉)
    and its purpose clauses (为…，…，近日，证监会启动了…; 为…，…，大连发布《…》)."""
    clauses = [c.strip() for c in _FIRST_CLAUSE.findall(para)][:12]
    while clauses and (_SOURCE_CLAUSE.match(clauses[0]) or _TIME_CLAUSE.fullmatch(clauses[0])):
        clauses.pop(0)
    if clauses and clauses[0].startswith("为"):
        # the purpose runs on to the time the lead names (为进一步…，满足…，近日，…) or to what was done
        at = next((i for i, c in enumerate(clauses[:9]) if _TIME_CLAUSE.match(c) or i and _EVENT.search(c)), None)
        if at is not None:
            rest = _TIME_CLAUSE.sub("", clauses[at]).strip()
            clauses = ([rest] if rest else []) + clauses[at + 1:]
    for clause in clauses[:3]:
        if _PREAMBLE_CLAUSE.match(clause) or _SOURCE_CLAUSE.match(clause):
            continue
        if _PAGE_CHROME.search(clause):
            return None
        if len(_CJK.findall(clause)) > 40 and (m := _QUOTED_TITLE.search(clause)) and is_title_line(m.group(1)):
            return m.group(1)  # 某市政府网公布了《…的决定》, too long a clause: the document it names
        k = clauses.index(clause)
        if _BARE_NOTICE.search(clause) and k + 1 < len(clauses) and len(_CJK.findall(clause + clauses[k + 1])) <= 50:
            return f"{clause}，{clauses[k + 1]}"  # 某地发布公告，将于近日开展…活动: what the notice does
        if len(_CJK.findall(clause)) < 8 and para.startswith(clause) and para[len(clause):len(clause) + 1] in "，,":
            # a first clause too short to stand alone: the lead's first sentence, where it is short enough
            # (“某某贷”一日游，4月7日晚间被紧急叫停。)
            sentence = re.split(r"[。！？!?]", para, maxsplit=1)[0].strip()
            return sentence if 8 <= len(_CJK.findall(sentence)) <= 30 and not _PAGE_CHROME.search(sentence) else None
        return clause if 8 <= len(_CJK.findall(clause)) <= 40 else None
    return None


_QUOTED_TITLE = re.compile(r"《([^《》]{6,88})》")
# a note in parentheses on a line of its own (a law's adoption and amendments), and the decision it names that
# amended the law: 《关于修改〈某某条例〉的决定》
_NOTE_LINE = re.compile(r"^[（(][^\n]{6,300}[)）]$")
_AMENDS = re.compile(r"《[^《》\n]{0,30}关于修改〈([^〈〉\n]{4,60})〉[^《》\n]{0,20}的决定》")
_ABBREVIATED_TITLE = re.compile(r"《([^《》]{6,88})》\s*[（(]\s*(?:以下|下文)?简称")
