"""Document numbers (发文字号): every bracket form, 字第…号, Taiwan style; role own vs cited."""
from __future__ import annotations

import functools
import re

from extractors.records import DocNumber
from extractors.scan import anchored_finditer

_OPEN, _CLOSE = "〔[［(（【〖{｛", "〕]］)）】〗}｝"
_PREFIX = r"(?P<prefix>[\u4e00-\u9fff]{1,14}?)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SERIAL = r"(?P<serial>\d{1,6})"
# 鲁卫发〔2024〕1号 / 国办发[2001]75号 / 苏政发(2019)17号 / 京政发2019年12号
_BRACKETED = re.compile(rf"{_PREFIX}[{re.escape(_OPEN)}]\s*{_YEAR}\s*[{re.escape(_CLOSE)}]\s*第?\s*{_SERIAL}\s*[号號]")
# a bracketed number as a title's line prints it whole, ungrouped (某政发〔2024〕1号, 某金发(2023)4号): the one shape the
# title and metadata readers look for around a title (after it in parentheses, before it, on a line of its own)
NUMBER_SHAPE = r"[\u4e00-\u9fff]{1,14}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,6}\s*[号號]"
_UNBRACKETED = re.compile(rf"{_PREFIX}(?<=[发函字办令])\s*{_YEAR}\s*年?\s*第\s*{_SERIAL}\s*[号號]")
# 院台卫字第1080037013号 / 京政字第12号
_ZIDI = re.compile(rf"{_PREFIX}(?<=字)第\s*{_SERIAL[:-1]}\d{{0,6}})\s*[号號]")
# a government's or a ministry's order: 国务院令第350号, 某市人民政府令第367号 (the prefix is the body's name, 令 after it)
_ORDER = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{1,20}}?)(?<=[府院部委局行署会厅])令\s*第\s*{_SERIAL}\s*[号號]")
# the same order numbered before the word 令: 国土资源部第39号令, 某市人民政府第315号令 (kept as written)
_ORDER_AFTER = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{1,20}}?)(?<=[府院部委局行署会厅])第\s*{_SERIAL}\s*[号號]令")
# where each can match (see extractors.scan): the bracket and year right after the prefix; the prefix's last
# character (发函字办令, 字) and what follows it. (pattern, anchor, lo, hi, 字第 form)
_SCANS = ((_BRACKETED, re.compile(rf"[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}"), 1, 14, False),
          (_UNBRACKETED, re.compile(r"[发函字办令]\s*(?:19|20)\d{2}\s*年?\s*第"), 0, 13, False),
          (_ZIDI, re.compile(r"字第\s*\d"), 0, 13, True),
          (_ORDER, re.compile(r"令\s*第\s*\d"), 2, 21, True),
          (_ORDER_AFTER, re.compile(r"[府院部委局行署会厅]第\s*\d{1,6}\s*[号號]令"), 1, 20, True))
# characters that end the text before a prefix: the prefix never spans them
_STOP_WORDS = ("日", "令", "号", "印发", "转发", "根据", "依据", "依照", "遵照", "按照", "执行", "落实", "贯彻", "参照", "详见", "关于", "通知", "文件",
               "的", "和", "及", "与", "将", "按", "据", "见", "于", "以", "是", "在", "经", "对", "由", "即", "为")
_NOT_PREFIX = ("公网安备", "备", "网安", "证", "许可")


@functools.cache
def _province_abbr() -> dict[str, str]:
    from extractors.regions import province_by_abbreviation
    return province_by_abbreviation()


def _body_before(raw: str) -> str | None:
    """The longest body's name the table knows that ends `raw` (人力资源和社会保障部, whose 和 is no stop)."""
    from extractors.agencies import alias_table
    pattern = alias_table().pattern
    return next((raw[i:] for i in range(len(raw) - 1) if (m := pattern.match(raw, i)) and m.end() == len(raw)), None)


def _trim_prefix(prefix: str) -> str:
    cut = 0
    for w in _STOP_WORDS:
        i = prefix.rfind(w)
        if i >= 0:
            cut = max(cut, i + len(w))
    prefix = prefix[cut:]
    # an issuer's name written before its number (行政院院台卫字…) is not part of the number
    from extractors.agencies import alias_table
    m = alias_table().pattern.match(prefix)
    if m and len(prefix) - m.end() >= 2 and (m.group(), "national") in alias_table().canonical:
        prefix = prefix[m.end():]
    return prefix


def issuer_level(prefix: str, province: str | None) -> str | None:
    """The level of the issuer a prefix names, where it says: 国发 national, 鲁政发 provincial."""
    if prefix.startswith(("国", "中发", "中办")):
        return "national"
    if province and (len(prefix) <= 4 or prefix[1] in "政府办委"):
        return "province"
    return None


def normalize_docnum(prefix: str, year: int | None, serial: str, zidi: bool) -> str:
    if zidi:
        return f"{prefix}第{serial}号"
    return f"{prefix}〔{year}〕{int(serial)}号"


def find_docnumbers(text: str) -> list[DocNumber]:
    """All document numbers in `text` (already simplified and width-folded), role left as cited."""
    out: list[DocNumber] = []
    taken: list[tuple[int, int]] = []
    for pattern, anchor, lo, hi, zidi in _SCANS:
        for m in anchored_finditer(pattern, anchor, text, lo, hi):
            prefix = _trim_prefix(m.group("prefix"))
            order = pattern is _ORDER or pattern is _ORDER_AFTER
            if order:
                prefix = prefix.removeprefix("年")  # 2011年国务院令第588号
                body = _body_before(m.group("prefix"))  # the whole name where a 和 in it cut the prefix
                prefix = body if body and len(body) > len(prefix) else prefix
            if order and not re.search(r"[府院部委局行署会厅]$", prefix):
                continue  # what the stop words leave is no body's name
            # a licence's or a filing's number (…许可证, 公网安备) is no document's; the securities regulator's
            # numbers (证监发, 证监办发) are
            if not prefix:
                continue
            unlicensed = prefix.replace("证监", "")
            if any(prefix.endswith(n) or n in unlicensed for n in _NOT_PREFIX):
                continue
            start = m.end("prefix") - len(prefix)
            if any(a < m.end() and start < b for a, b in taken):
                continue
            year = int(m.group("year")) if not zidi else None
            serial = m.group("serial")
            if zidi and len(serial) >= 9 and serial[:3].isdigit():
                year = int(serial[:3]) + 1911  # Taiwan numbers open with the ROC year
            if pattern is _ORDER_AFTER:
                norm = f"{prefix}第{serial}号令"
            else:
                norm = normalize_docnum(prefix + "令" if pattern is _ORDER else prefix, year, serial, zidi)
            # an order's prefix is its body's full name, which the text's places place (台州 is no 台)
            prov = None if order else _province_abbr().get(prefix[:3] if prefix.startswith("内蒙古") else prefix[0])
            out.append(DocNumber(m.group()[m.start("prefix") - m.start() + (len(m.group("prefix")) - len(prefix)):],
                                 norm, "cited", prefix, year, int(serial), start, m.end(), province=prov,
                                 issuer_level=issuer_level(prefix, prov)))
            taken.append((start, m.end()))
    out.sort(key=lambda d: d.start)
    return out


_OWN_LINE = re.compile(r"^[\s　（(【\[]*$")
_FILE_LINE = re.compile(r"^[^\n]{0,160}\.(?:docx?|pdf|wps|ofd)$", re.I)
_OWN_LINE_AFTER = re.compile(r"^[\s　）)】\]]*$")


# the label of the own number's cell, on the line before the number or run into it (文    号：/ 长县住建发〔2022〕68号)
_OWN_LABEL = re.compile(r"(?:^|\n)[ \t\u3000\u2003\xa0]*[【\[]?(?:发文字号|文\s*号|文件编号|发文编号|文件字号|发布文号)[】\]]?"
                        r"[ \t\u3000]*[:：]?\s*$")


def assign_roles(text: str, numbers: list[DocNumber], doc_start: int, seg_start: int,
                 meta_span: tuple[int, int] | None, attachment_span: tuple[int, int] | None = None,
                 title_start: int | None = None) -> None:
    """Mark the document's own number(s): in the metadata table, or on a line of its own in the header,
    or right after the title before the body starts, or, failing those, in the name of the page's
    attached file; everything else stays `cited`."""
    own: set[str] = set()
    head_limit = doc_start + 400
    for d in numbers:
        if meta_span and meta_span[0] <= d.start < meta_span[1]:
            own.add(d.normalized)
            continue
        if attachment_span and attachment_span[0] <= d.start < attachment_span[1]:
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        alone = _OWN_LINE.match(text[line_start:d.start]) and _OWN_LINE_AFTER.match(text[d.end:line_end])
        lead = text[line_start:d.start]
        # right under the title, led at most by the issuer's name (某市人民政府 某政发〔2024〕1号)
        under_title = (doc_start <= d.start and text.count("\n", doc_start, d.start) <= 2 and len(lead) <= 12
                       and not re.search(r"[，,。；;：:（(《〈》]|\d日", lead) and not lead.lstrip().startswith("附件"))
        # (a day before the number dates an amendment in a law's history: 2018年2月12日某市人民政府第277号令修改)
        if seg_start <= d.start < head_limit and (alone or under_title):
            own.add(d.normalized)
        elif seg_start <= d.start and _OWN_LABEL.search(text, max(0, d.start - 40), d.start):
            own.add(d.normalized)  # the 文号 cell of an attribute table printed anywhere on the page
    if not own and attachment_span:  # a page whose only number names its attached file (…167号.pdf)
        own = {d.normalized for d in numbers if attachment_span[0] <= d.start < attachment_span[1]}
    if not own:
        # the page's own file as its text names it: the number in front of the title on a link to it (PDF文件查看：
        # 某发〔2020〕2号关于…的通知), or a file name on a line of its own (某发〔2017〕108号.pdf), not an attachment's
        for d in numbers:
            line_start = text.rfind("\n", 0, d.start) + 1
            line_end = text.find("\n", d.end)
            line = text[line_start:len(text) if line_end < 0 else line_end].strip()
            if line.startswith("附件"):
                continue
            if title_start is not None and d.end <= title_start < (len(text) if line_end < 0 else line_end) \
                    and not text[d.end:title_start].strip() or _FILE_LINE.match(line):
                own.add(d.normalized)
    if not own:
        return
    first_own = min((d for d in numbers if d.normalized in own), key=lambda d: d.start)
    for d in numbers:
        if d.normalized in own and (d.normalized == first_own.normalized or d.start < head_limit):
            d.role = "own"
