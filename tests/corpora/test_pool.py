"""Every real page and attachment of ../shared/corpus/pool reads without a crash: a document or a reason;
and no single document floods the pool's commitments. One pass over the pool per test session
(`pool_store` in conftest) serves every pool test."""
from __future__ import annotations

from pathlib import Path

from corpora.readers import expand_paths
from extractors.structure import BARE_READING, names_site_or_column
from outputs.store import Store
from tests.conftest import POOL

# documents of the pool that may stay untitled (pages whose text names no document at all). Reached: 1 (an
# e-paper page whose headline the layout scattered); e-paper continuation pages take their headline, portal pages
# their title tags, forms their heading, and pages of menus, links and contact tables are not documents.
MAX_UNTITLED = 5

KNOWN_REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document",
                 "too_large"}
MAX_SHARE = 0.03  # of the pool's commitments, from one source document
# Documents reviewed by hand whose many rows are real rules, each with why; they may not exceed DENSE_MAX.
DENSE = {
    "c005fea13361": "a county's package of ~40 economic measures: tax rates, subsidies, loan caps, time limits",
    "6a74fd7b77d4": "a penalty discretion benchmark: one fine range per offence and degree",
    "54257bc8a3a5": "a land auction: deposit, price caps and building conditions for each of 16 parcels",
}
DENSE_MAX = 0.06


def test_pool_reads_without_a_crash(pool_store):
    files = {str(f) for f in expand_paths([POOL])}
    assert len(files) > 500
    with Store(pool_store) as st:
        docs, errors = st.table("documents"), st.table("errors")
    # read_error is what extraction reports for an unexpected exception: a crash
    bad = errors[~errors["error"].isin(KNOWN_REASONS)]
    assert bad.empty, bad[["source", "error", "detail"]].to_dict("records")[:5]
    # every file: a document or a reason; a document whose text is the same as another file's is stored once
    # (its id is the hash of its text), so a few copies in the pool have no row of their own
    missing = files - set(docs["source"]) - set(errors["source"])
    assert len(missing) <= 5, sorted(missing)
    # about 80 pages of the pool are list pages and menus (not_a_document), the rest hold documents
    assert docs["source"].nunique() > 380


def test_no_document_supplies_more_than_3_percent_of_the_pool_commitments(pool_store):
    with Store(pool_store) as st:
        coms = st.table("commitments")
    total = len(coms)
    assert total > 1000
    counts = coms.groupby("doc_id").size().sort_values(ascending=False)
    sources = coms.drop_duplicates("doc_id").set_index("doc_id")["source"]

    def limit(source: str) -> float:
        return DENSE_MAX if Path(source).name[:12] in DENSE else MAX_SHARE

    over = {sources[d]: f"{n} ({n / total:.1%})" for d, n in counts.items() if n > limit(sources[d]) * total}
    assert not over, f"documents over their share of {total} commitments (3%; reviewed dense ones 6%): {over}"


def test_pool_documents_are_titled_and_never_by_a_site_or_column_name(pool_store):
    with Store(pool_store) as st:
        docs = st.table("documents")
    untitled = docs[docs["title"].isna() | (docs["title"] == "")]
    assert len(untitled) <= MAX_UNTITLED, untitled[["source", "doc_index"]].to_dict("records")
    # an interpretation under its notice, headed only 政策解读, keeps that heading though a column bears the name
    site_titles = [(s, t) for s, t, i in zip(docs["source"], docs["title"], docs["doc_index"])
                   if isinstance(t, str) and t and names_site_or_column(t) and not (i > 0 and BARE_READING.match(t))]
    assert not site_titles, site_titles
