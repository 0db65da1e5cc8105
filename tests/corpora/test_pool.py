"""Every real page and attachment of ../shared/corpus/pool reads without a crash: a document or a reason."""
from __future__ import annotations

from corpora.readers import expand_paths
from outputs.store import Store
from tests.conftest import POOL

KNOWN_REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document",
                 "too_large"}


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
    assert docs["source"].nunique() > 400
