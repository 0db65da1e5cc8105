"""Span masking: same length, same offsets, line breaks kept, whatever the spans (overlapping, nested,
empty, out of order, reaching the ends), and the same answer as blanking character by character."""
import pytest

from corpora.chars import mask


def _one_by_one(text, spans, fill):
    chars = list(text)
    for span in spans:
        for i in range(span[0], span[1]):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)


CASES = [
    ("发文字号：国发〔2024〕1号", [(5, 15)], "#", "发文字号：##########"),
    ("第一行\n第二行", [(1, 6, "nav")], " ", "第  \n  行"),
    ("abcdef", [(3, 5), (1, 4)], "#", "a####f"),  # overlapping, out of order
    ("abcdef", [(1, 5), (2, 3)], "#", "a####f"),  # nested
    ("abcdef", [(2, 2), (4, 3)], "#", "abcdef"),  # empty and reversed spans blank nothing
    ("abc", [(0, 3)], "#", "###"),
    ("a\n\nb", [(0, 4)], " ", " \n\n "),
    ("abc", [], "#", "abc"),
]


@pytest.mark.parametrize("text,spans,fill,expected", CASES)
def test_mask(text, spans, fill, expected):
    out = mask(text, spans, fill)
    assert out == expected
    assert out == _one_by_one(text, spans, fill)
    assert len(out) == len(text)


def test_mask_agrees_with_blanking_character_by_character():
    import random

    rnd = random.Random(7)
    for _ in range(3000):
        n = rnd.randint(0, 25)
        text = "".join(rnd.choice("ab\n中 ") for _ in range(n))
        spans = [(rnd.randint(0, n), rnd.randint(0, n), "k") for _ in range(rnd.randint(0, 5))]
        fill = rnd.choice("# ")
        assert mask(text, spans, fill) == _one_by_one(text, spans, fill), (text, spans)
