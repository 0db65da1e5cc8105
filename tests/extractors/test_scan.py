"""The candidate finders give the same matches as the plain patterns they stand in for."""
import re

import pytest

from extractors.agencies import _ZONE, _ZONE_AT, alias_table
from extractors.docnumbers import _SCANS
from extractors.regions import gazetteer
from extractors.scan import anchored_finditer, longest_word_pattern

TEXTS = [
    "根据省人民政府办公厅关于印发某某方案的通知（某政办发〔2023〕12号）和某市财政局某财发[2022]3号文件精神，",
    "某政发2019年第12号、某某字第1080037013号以及国办函（2021）105号。某发〔2024〕号不全，某某字第号也不全。",
    "〔2024〕1号前面没有机关代字；发〔2024〕1号；一二三四五六七八九十一二三四五六七八九十发〔2024〕1号过长的前缀。",
    "某某高新技术产业开发区管理委员会、某某经开区管委会和某合作区执委会联合印发，开发区管委会单独列出。",
    "高新区管委会高新区管委会某某新区新区管委会，区管委会。",
    "国务院办公厅、国务院、国家发展改革委、发展改革委、省发展和改革委员会、人行某某中心支行、",
    "北京市朝阳区和上海浦东新区、杭州市场监管局、常州、合作社、阿里巴巴，内蒙古自治区呼和浩特市。",
    "",
    "发",
    "a〔2024〕1号",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("scan", [s[:4] for s in _SCANS] + [(_ZONE, _ZONE_AT, 2, 12)])
def test_anchored_finditer_equals_finditer(text, scan):
    pattern, anchor, lo, hi = scan
    assert [(m.span(), m.groups()) for m in anchored_finditer(pattern, anchor, text, lo, hi)] == \
        [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_anchored_finditer_finds_matches():
    text = TEXTS[0] + TEXTS[1]
    found = [m.group() for pattern, anchor, lo, hi, _ in _SCANS for m in anchored_finditer(pattern, anchor, text, lo, hi)]
    assert "某政办发〔2023〕12号" in found and "某某字第1080037013号" in found and "某政发2019年第12号" in found


@pytest.mark.parametrize("words", [
    ["国务院", "国务院办公厅", "国务", "办公厅", "厅"],
    ["ab", "abc", "abcd", "b", "bcd", "a.c", "(x)"],
    ["市", "市场", "市场监管局", "场"],
])
@pytest.mark.parametrize("text", ["国务院办公厅国务院国务办公厅厅国", "abcdabcabxbcda.c(x)a.b", "市场监管局市场市市场监管"])
def test_longest_word_pattern_equals_sorted_alternation(words, text):
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(longest_word_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_alias_table_is_the_longest_alias():
    assert alias_table().pattern.match("国务院办公厅关于").group() == "国务院办公厅"


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_equal_a_scan_of_every_position(text):
    gaz = gazetteer()
    by_pair = gaz.lengths_by_pair()
    expected, i = [], 0
    while i < len(text):  # every position, every length of a name beginning with its two characters
        hit = None
        for ln in by_pair.get(text[i:i + 2], ()):
            w = text[i:i + ln]
            if len(w) == ln and w in gaz.full and not (w.endswith("市") and text[i + ln:i + ln + 1] == "场"):
                hit = (i, i + ln)
                break
        expected.append(hit) if hit else None
        i = hit[1] if hit else i + 1
    assert [(a, b) for a, b, _ in gaz.mentions(text, short=False)] == expected


DATE_TEXTS = [
    "2024年3月1日起施行，2024 年 3 月 1 日发布；二〇二四年三月一日印发，二〇二四 年十二月三十一日止。",
    "中华民国九十三年五月二日公布，民国一百零二年七月一日修正；一百零九年十月三日生效。",
    "2025年5月21日星期三 2025 年 5 月 21 星期三 2023年12月 2023年10月至2024年3月 2024年10月—12月",
    "到2027年底前，2026年上半年，2025年第三季度；12月31日前，3 月 5 日，十二月二十日，10月份。",
    "年年有余，年月日，1年，12年，123456年，二〇二年，月月，13月32日，0月，年\u3000\u30002024年\n\n5月",
    "20242024年2024\t\t年 2024\n年1月 1 日",
    "",
    "年",
    "2024",
]


def _date_texts():
    from pathlib import Path

    from corpora.readers import read_path
    from extractors.normalize import normalize

    pool = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pool"
    files = sorted(p for p in pool.rglob("*") if p.suffix.lower() in {".txt", ".html", ".htm"})[:60] if pool.is_dir() else []
    out = list(DATE_TEXTS)
    for f in files:
        try:
            out.append(normalize(read_path(f).text).text)
        except Exception:  # noqa: BLE001 - a file the readers refuse has no text to compare
            pass
    return out


def test_spaced_anchor_finditer_equals_finditer_for_the_date_patterns():
    from extractors.dates import _HEADS
    from extractors.scan import spaced_anchor_finditer

    for text in _date_texts():
        for rx, (anchor, lo, hi) in _HEADS.items():
            assert [(m.span(), m.groups()) for m in spaced_anchor_finditer(rx, anchor, text, lo, hi)] == \
                [(m.span(), m.groups()) for m in rx.finditer(text)], (rx.pattern, text[:40])


def test_date_heads_bound_the_patterns():
    """The head widths of `_HEADS` are those of the patterns' openings (the year, the month)."""
    from extractors import dates

    def width(sub):
        return re._parser.parse(sub).getwidth()

    year = width(f"(?:{dates._Y}|{dates._ROC})")
    assert year == (3, 9) == dates._HEADS[dates._FULL][1:]
    assert width(dates._Y) == (4, 4) == dates._HEADS[dates._YM][1:] == dates._HEADS[dates._WEEKDAY][1:] == \
        dates._HEADS[dates._YEAR_ONLY][1:] == dates._HEADS[dates._MONTH_PERIOD][1:]
    assert width(dates._M) == (1, 2) == dates._HEADS[dates._MD][1:]
    for rx in dates._HEADS:
        assert rx.pattern.startswith(("(?:(?P<y>", "(?P<y>", "(?P<y1>", "(?<![年\\d])(?P<m>")), rx.pattern[:20]


LABEL_LINES = [
    "发布日期：2024-01-02 来源：某某市人民政府办公室",
    "【 发 布 日 期 】 2024年1月2日  【字号：大 中 小】",
    "索 引 号: 11330000/2024-00012  主题分类：综合政务  发文字号：某政发〔2024〕1号",
    "成文日期 2024-01-02 | 发文机关 某某市人民政府 | 标题 关于某某的通知",
    "信息来源  某某网   时间 2024-01-02 10:21  浏览次数：",
    "[来源] 某某日报 作者：某某 编辑:某某",
    "时间，时 间。日期日 期：发布发布机构发布机关：",
    "",
    "   ",
]


@pytest.mark.parametrize("line", LABEL_LINES)
def test_spaced_label_trie_equals_the_sorted_alternation(line):
    from extractors import metadata

    sp = metadata._SP
    plain = "|".join(f"{sp}*".join(map(re.escape, lab)) for lab in sorted(metadata.labels(), key=len, reverse=True))
    trie = longest_word_pattern(metadata.labels(), sep=f"{sp}*")
    for body in (re.compile(f"(?P<label>{plain}){sp}*[:：]"), re.compile(f"(?P<label>{plain})")):
        other = re.compile(body.pattern.replace(plain, trie))
        assert [(m.span(), m.group("label")) for m in other.finditer(line)] == \
            [(m.span(), m.group("label")) for m in body.finditer(line)]


@pytest.mark.parametrize("words", [["发布", "发布日期", "发布时间", "日期", "时间"], ["ab", "abc", "abcd", "b"]])
@pytest.mark.parametrize("text", ["发 布 日期： 发布时 间 发布 日 期x 日 期", "a b c d a bc ab x b"])
def test_spaced_trie_tries_shorter_words_when_a_longer_one_fails_what_follows(words, text):
    sep = r"[ \t]*"
    plain = "|".join(sep.join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))
    trie = longest_word_pattern(words, sep=sep)
    for tail in ("", r"(?=[ \t]*[：x])", r"[ \t]*(?:期|d)"):
        assert [m.span() for m in re.finditer(f"(?:{trie}){tail}", text)] == \
            [m.span() for m in re.finditer(f"(?:{plain}){tail}", text)]


SPACED_NUMBER_TEXTS = [
    "2 025年，2022 年 4 月 25 号，第 3 条，30 %，5 万元，12\u3000个，7\t\t家，年 2024，月 12",
    "1 2 3 4 5 年 月 第 a 1 b", "0 ", " 1", "", "1 1 1 年",
]


@pytest.mark.parametrize("text", SPACED_NUMBER_TEXTS + DATE_TEXTS)
def test_candidate_finditer_equals_finditer_for_split_digits(text):
    from extractors.normalize import _SPLIT_DIGITS, _SPLIT_DIGITS_AT
    from extractors.scan import candidate_finditer

    assert [m.span() for m in candidate_finditer(_SPLIT_DIGITS, _SPLIT_DIGITS_AT, text, 1)] == \
        [m.span() for m in _SPLIT_DIGITS.finditer(text)]


def test_candidate_finditer_on_the_pool():
    from extractors.normalize import _SPLIT_DIGITS, _SPLIT_DIGITS_AT
    from extractors.scan import candidate_finditer

    for text in _date_texts():
        assert [m.span() for m in candidate_finditer(_SPLIT_DIGITS, _SPLIT_DIGITS_AT, text, 1)] == \
            [m.span() for m in _SPLIT_DIGITS.finditer(text)]


def _scanned_patterns():
    from extractors import dates, metadata, regions

    return [regions._OWNER, dates._LABEL, dates._RELATIVE, dates._FIVE_YEAR, dates._ISO, metadata._label_re()]


@pytest.mark.parametrize("index", range(6))
def test_first_char_finditer_equals_finditer(index):
    from extractors.scan import first_char_finditer

    rx = _scanned_patterns()[index]
    for text in _date_texts() + LABEL_LINES + ["主办单位：某某市人民政府 Powered by x POWERED BY y", "今年 明年 3月底前 十二月底以前"]:
        assert [(m.span(), m.groups()) for m in first_char_finditer(rx, text)] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)], (rx.pattern[:30], text[:30])


@pytest.mark.parametrize("pattern,begins,others", [
    (r"[【\[]?(?:发布日期|来源)\s*[:：]", "【[发来", "日期:x"),
    (r"(?:Powered by|版权所有)", "Pp版", "o w"),  # with the case flag below
    (r"(?<!\d)(?=\d)(19|20)\d{2}", "12", "3a"),
    (r"(?:今年|明年)?上半年", "今明上", "年半"),
    (r"a{0,2}b", "ab", "c"),
])
def test_first_chars_are_the_characters_a_match_begins_with(pattern, begins, others):
    from extractors.scan import first_chars

    cls = first_chars(re.compile(pattern, re.I))
    assert all(cls.fullmatch(ch) for ch in begins)
    assert not any(cls.fullmatch(ch) for ch in others)


@pytest.mark.parametrize("pattern", [r"\d+年", r"[^a]b", r".x", r"a*", r"(?:x|)", r"(?P<x>a)?(?(x)b|c)", r"(?i:p)x"])
def test_first_chars_unknown(pattern):
    from extractors.scan import first_chars

    assert first_chars(re.compile(pattern)) is None


@pytest.mark.parametrize("pattern", [r"(?:最高|上限)额度", r"(?<=[省市])[一二三]级", r"[（(]?第[一二]条", r"a|b?c", r"x*y"])
def test_first_char_set_is_the_class_of_first_chars(pattern):
    from extractors.scan import first_char_set, first_chars

    chars = first_char_set(re.compile(pattern))
    cls = first_chars(re.compile(pattern))
    assert chars and {c for c in chars if cls.fullmatch(c)} == chars and len(cls.pattern) >= len(chars)


@pytest.mark.parametrize("pattern", [r"\d+元", r"(?i)abc", r"x*"])
def test_first_char_set_unknown(pattern):
    from extractors.scan import first_char_set

    assert first_char_set(re.compile(pattern)) is None


def _searched(pattern, candidate, text, shift=0):
    """`candidate_finditer` as it runs for a candidate of any width: one search per candidate."""
    out, pos, n = [], 0, len(text)
    while pos <= n:
        c = candidate.search(text, pos - shift if pos >= shift else 0)
        if c is None:
            break
        p = c.start() + shift
        if p > n:
            break
        m = pattern.match(text, p)
        if m is not None:
            out.append(m.span())
            pos = m.end() if m.end() > p else p + 1
        else:
            pos = p + 1
    return out


ONE_CHARACTER_SCANS = [  # (pattern, candidate, shift): a candidate of one character, matches short and long
    (r"\d+年(?:\d+月)?", r"\d", 0),
    (r"(?<=[省市])[\u4e00-\u9fff]{2,12}局", r"[省市]", 1),
    (r"[甲乙]?[\u4e00-\u9fff]{0,20}", r"[甲乙丙]", 0),  # may be long, may be empty
    (r"x?", r"[a-z](?=y)", 0),  # a lookahead in the candidate, empty matches
    (r"(?:ab)+c|a", r"(?<!b)a", 0),  # a lookbehind in the candidate
]
CANDIDATE_TEXTS = ["2024年3月，甲乙丙丁某省财政局和市住房和城乡建设局发布2025年计划。", "abababc aab xyzy aaay",
                   "", "甲" * 30 + "乙丙" * 12, "2024年2025年12月1", "省市省局省市局" * 3]


@pytest.mark.parametrize("pattern,candidate,shift", ONE_CHARACTER_SCANS)
@pytest.mark.parametrize("text", CANDIDATE_TEXTS)
def test_one_character_candidates_step_as_the_searches_do(pattern, candidate, shift, text):
    from extractors.scan import _one_character, candidate_finditer

    rx, cand = re.compile(pattern), re.compile(candidate)
    assert _one_character(cand)
    got = [m.span() for m in candidate_finditer(rx, cand, text, shift)]
    assert got == _searched(rx, cand, text, shift)


@pytest.mark.parametrize("candidate,one", [(r"[年月]", True), (r"\d", True), (r"年(?=\d)", True), (r"\d\d", False),
                                            (r"年|月份", False), (r"a?", False), (r"(?=a)", False)])
def test_a_candidate_of_one_character_is_told_from_its_pattern(candidate, one):
    from extractors.scan import _one_character

    assert _one_character(re.compile(candidate)) is one


def test_first_char_finditer_equals_finditer_on_pool_pages_for_the_date_labels():
    from extractors.dates import _LABEL
    from extractors.scan import first_char_finditer
    from tests.conftest import pool_normalized_texts

    found = 0
    for text in pool_normalized_texts(6):
        got = [m.span() for m in first_char_finditer(_LABEL, text)]
        assert got == [m.span() for m in _LABEL.finditer(text)]
        found += len(got)
    assert found > 0
