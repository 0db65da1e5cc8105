"""Chinese full-text search: unigram index, phrase queries, folding of script and width."""
from __future__ import annotations

import sqlite3

import pytest

from outputs.search import fold, highlight_spans, index_text, match_query


@pytest.mark.parametrize("text, expected", [
    ("養老服務", "养老服务"),           # traditional → simplified
    ("２０２５年", "2025年"),           # full-width digits
    ("ＡＢＣ", "abc"),
])
def test_fold(text, expected):
    assert fold(text) == expected


def test_index_text_makes_each_cjk_character_a_token_and_keeps_number_runs():
    assert index_text("到2025年建成10家") == "到 2025 年 建 成 10 家"


@pytest.mark.parametrize("query, expected", [
    ("养老", '"养 老"'),
    ("养老 床位", '"养 老" AND "床 位"'),
    ('" OR 1=1 --', '"or" AND "1 1"'),       # quotes and operators never reach FTS syntax
    ("养老* NEAR(x)", '"养 老" AND "near x"'),
    ("，。！", None),
    ("", None),
])
def test_match_query_is_built_from_tokens_only(query, expected):
    assert match_query(query) == expected


SENTENCES = ["到2025年，全市养老机构床位达到3000张。", "推进醫養結合，家庭医生签约服务覆盖率达到75%。", "新建住房1000套。"]


@pytest.fixture
def index():
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE VIRTUAL TABLE s USING fts5(i UNINDEXED, body, tokenize = "unicode61")')
    conn.executemany("INSERT INTO s VALUES (?, ?)", [(i, index_text(t)) for i, t in enumerate(SENTENCES)])
    return conn


@pytest.mark.parametrize("query, hits", [
    ("养老", [0]),                 # a two-character word, which a trigram index cannot find
    ("床位", [0]),
    ("医养结合", [1]),              # simplified query, traditional text
    ("醫養", [1]),                  # traditional query
    ("２０２５", [0]),              # full-width digits
    ("家庭医生 75", [1]),           # AND of parts
    ("养老 住房", []),
    ("住", [2]),                    # one character
    ("老养", []),                   # order matters: a phrase, not a bag of characters
    ('"); DROP TABLE s; --', []),
])
def test_queries_find_substrings(index, query, hits):
    expr = match_query(query)
    found = [] if expr is None else [r[0] for r in index.execute("SELECT i FROM s WHERE s MATCH ? ORDER BY i", (expr,))]
    assert found == hits
    assert index.execute("SELECT COUNT(*) FROM s").fetchone()[0] == 3


@pytest.mark.parametrize("text, query, spans", [
    ("全市养老机构床位", "养老", [(2, 4)]),
    ("推进醫養結合", "医养", [(2, 4)]),
    ("养老，养老", "养老", [(0, 2), (3, 5)]),
    ("无关", "养老", []),
])
def test_highlight_spans(text, query, spans):
    assert highlight_spans(text, query) == spans
