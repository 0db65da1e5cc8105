"""The `policy` CLI: extract (records valid against the shipped schema, grounded), text, eval, errors."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def schema() -> dict:
    return json.loads((resources.files("extractors") / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))


def extract(*paths) -> list[dict]:
    res = runner.invoke(app, ["extract", *map(str, paths), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def source_text(path: Path) -> str:
    res = runner.invoke(app, ["text", str(path)])
    assert res.exit_code == 0, res.output
    return res.stdout


def assert_grounded(rec: dict, text: str) -> None:
    for field in ("doc_numbers", "agencies", "dates"):
        for it in rec[field]:
            assert text[it["start"]:it["end"]] == it["text"], (field, it)
    for c in rec["commitments"]:
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert text[c["start"]:c["end"]].strip() == c["sentence"]
        # the value with its unit as written, inside its evidence
        assert c["start"] <= c["value_start"] < c["value_end"] <= c["end"], c
        assert re.search(r"[\d０-９〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾]", text[c["value_start"]:c["value_end"]]), c


def test_every_command_has_help():
    import typer.main

    commands = sorted(typer.main.get_command(app).commands)  # every command the app registers
    assert {"extract", "run", "read", "serve", "schedule"} <= set(commands)
    for cmd in ([], *([c] for c in commands)):
        res = runner.invoke(app, [*cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.stdout, cmd


def test_samples_give_valid_grounded_records(samples):
    recs = extract(samples)
    validator = jsonschema.Draft202012Validator(schema())
    for r in recs:
        validator.validate(r)
    docs = [r for r in recs if not r.get("error")]
    assert len(docs) >= 12  # ten files, the compilation holding three documents
    for path in sorted(samples.iterdir()):
        text = source_text(path)
        for r in docs:
            if r["source"] == str(path):
                assert_grounded(r, text)


def test_sample_shapes(samples):
    recs = {(Path(r["source"]).name, r["doc_index"]): r for r in extract(samples)}
    shandong = recs[("shandong_village_doctor_notice.txt", 0)]
    assert shandong["region"]["adcode"] == "370000"
    assert [d["normalized"] for d in shandong["doc_numbers"] if d["role"] == "own"] == ["鲁卫发〔2024〕12号"]
    assert shandong["publish_date"] == "2024-03-18" and shandong["effective_date"] == "2024-04-01"
    assert any(c["value"] == 45 and c["unit"] == "%" and c["year"] == 2025 and c["kind"] == "target"
               for c in shandong["commitments"])
    jinan = recs[("jinan_primary_care_plan_traditional.txt", 0)]
    assert jinan["script"] == "traditional" and jinan["region"]["adcode"] == "370100"
    assert jinan["doc_numbers"][0]["normalized"] == "济政办字〔2024〕8号"
    qingdao = recs[("qingdao_elderly_care_notice.html", 0)]
    assert qingdao["publish_date"] == "2024-06-05" and qingdao["region"]["adcode"] == "370200"
    assert not any("ICP" in d["text"] or "公网安备" in d["text"] for d in qingdao["doc_numbers"])
    zibo = recs[("zibo_county_health_plan.pdf", 0)]
    assert zibo["region"]["adcode"] == "370300" and zibo["publish_date"] == "2024-07-29"
    assert [("compilation_three_documents.txt", i) in recs for i in range(3)] == [True, True, True]
    news = recs[("weifang_news_report.txt", 0)]
    assert news["doc_type"] == "news"
    assert news["commitments"] and all(c["kind"] == "reported" for c in news["commitments"])


def test_bad_input_is_reported_and_others_still_processed(tmp_path, samples):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    recs = extract(bad, samples / "weifang_news_report.txt")
    assert recs[0] == {"source": str(bad), "error": "decode_error", "detail": recs[0]["detail"]}
    assert recs[1]["title"]


def test_missing_path_named_on_stderr(tmp_path, samples):
    res = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(samples / "weifang_news_report.txt")])
    assert res.exit_code == 1
    assert "nope.txt" in res.stderr
    assert json.loads(res.stdout.splitlines()[0])["title"]


def test_table_format(samples):
    res = runner.invoke(app, ["extract", str(samples / "shandong_village_doctor_notice.txt"), "--format", "table"])
    assert res.exit_code == 0 and "鲁卫发" in res.stdout


def test_text_of_unreadable_file_fails_with_reason(tmp_path):
    p = tmp_path / "x.rar"
    p.write_bytes(b"Rar!\x1a\x07\x00")
    res = runner.invoke(app, ["text", str(p)])
    assert res.exit_code == 1 and "unsupported_format" in res.stderr


def test_console_script_installed():
    exe = Path(sys.executable).parent / "policy"
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True)
    assert "extract" in out.stdout


def test_read_prints_counts_by_outcome(tmp_path, samples):
    (tmp_path / "x.rar").write_bytes(b"Rar!\x1a\x07\x00")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    res = runner.invoke(app, ["read", str(samples), str(tmp_path), "--show"])
    assert res.exit_code == 0, res.output
    assert "unsupported_format" in res.stdout and "decode_error" in res.stdout and "files/s" in res.stdout
    assert "compilation_three_documents.txt\tdocuments\t3 document(s)" in res.stdout


def test_compare_and_indicators_over_a_run(tmp_path, samples):
    from outputs.store import Store
    from pipeline.flows import process_flow  # noqa: F401  (the flow itself is tested in test_flows)
    from pipeline.process import extract_file

    db = tmp_path / "policy.sqlite"
    with Store(db) as st:
        for p in sorted(samples.iterdir()):
            st.put_file(str(p), extract_file(p).records)
    res = runner.invoke(app, ["compare", "--db", str(db), "--out", str(tmp_path / "cmp")])
    assert res.exit_code == 0, res.output
    assert "village_doctor_licensed_share (3)" in res.stdout
    assert (tmp_path / "cmp" / "comparison.xlsx").exists()
    res = runner.invoke(app, ["compare", "--db", str(db), "--indicator", "county_medical_subcenters", "--level", "city",
                              "--out", str(tmp_path / "cmp2")])
    assert "淄博市" in res.stdout and "山东省" not in res.stdout
    # a key that does not exist is named as unknown, with the closest keys, and the command fails
    res = runner.invoke(app, ["compare", "--db", str(db), "--indicator", "village_doctor_licenced_share",
                              "--out", str(tmp_path / "cmp3")])
    assert res.exit_code == 2 and "unknown indicator key 'village_doctor_licenced_share'" in res.stderr, res.output
    assert "village_doctor_licensed_share" in res.stderr and "no commitment" not in res.output
    res = runner.invoke(app, ["compare", "--db", str(db), "--indicator", "nosuchkey", "--out", str(tmp_path / "cmp3")])
    assert res.exit_code == 2 and "unknown indicator key 'nosuchkey'" in res.stderr
    # a known key the store has no row of keeps its message and succeeds
    from extractors.indicators import taxonomy

    with Store(db) as st:
        stored = set(st.table("commitments")["indicator_key"].dropna())
    absent = next(i.key for i in taxonomy() if i.key not in stored)
    res = runner.invoke(app, ["compare", "--db", str(db), "--indicator", absent, "--out", str(tmp_path / "cmp4")])
    assert res.exit_code == 0 and "no commitment with a known indicator matches" in res.stdout
    res = runner.invoke(app, ["indicators", "--db", str(db)])
    assert res.exit_code == 0 and "village_doctor_licensed_share" in res.stdout
    res = runner.invoke(app, ["indicators", "--db", str(db), "--unknown"])
    assert res.exit_code == 0 and "candidates" in res.stdout


def test_compare_without_a_store_says_what_to_do(tmp_path):
    res = runner.invoke(app, ["compare", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 1 and "policy run" in res.stderr


def test_citations_and_followups_over_the_sample_store(sample_store):
    res = runner.invoke(app, ["citations", "--db", str(sample_store)], env={"COLUMNS": "240"})
    assert res.exit_code == 0, res.output
    assert "贯彻落实" in res.stdout and "to stored documents" in res.stdout
    linked = int(res.stdout.rsplit(",", 1)[1].split()[0])
    assert linked >= 2  # city → province, county → city
    res = runner.invoke(app, ["followups", "--db", str(sample_store), "--indicator", "family_doctor_coverage"],
                        env={"COLUMNS": "240"})
    assert res.exit_code == 0, res.output
    assert "未完成" in res.stdout and "71%（2026年）" in res.stdout
    res = runner.invoke(app, ["citations", "--db", str(sample_store), "--doc", "ffffffffff"])
    assert res.exit_code == 1 and "no citation" in res.stdout


def test_unknown_indicators_are_grouped_by_measured_noun_phrase(tmp_path):
    from outputs.store import Store
    from pipeline.process import extract_file

    doc = tmp_path / "济南市停车设施管理办法.txt"
    doc.write_text("济南市人民政府关于印发济南市停车设施管理办法的通知\n"
                   "新建住宅小区停车位配建比例不低于1.2个。\n"
                   "新建商业综合体停车位配建比例应当达到0.8个。\n"
                   "违反本办法的，对单位处一万元以上五万元以下罚款。\n"
                   "主管部门应当自受理之日起10个工作日内作出决定。\n"
                   "公共停车场充电桩配建比例不低于15%。\n", encoding="utf-8")
    db = tmp_path / "policy.sqlite"
    with Store(db) as st:
        st.put_file(str(doc), extract_file(doc).records)
    res = runner.invoke(app, ["indicators", "--db", str(db), "--unknown"])
    assert res.exit_code == 0, res.output
    out = res.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert "停车位配建比例" in out
    assert "对单位处" not in out and "应当自" not in out  # the text before a number is not a measure
    res = runner.invoke(app, ["compare", "--db", str(db), "--unkeyed", "--out", str(tmp_path / "cmp")])
    assert res.exit_code == 0, res.output
    assert "（未归类）" in (tmp_path / "cmp" / "comparison.csv").read_text(encoding="utf-8-sig")


def test_report_and_compare_work_on_a_store_of_the_whole_pool(pool_store, tmp_path):
    """The store a user gets from the pool has regions with several values for one indicator, unit and year
    and regions that share a name: both commands must still give their outputs."""
    import pandas as pd

    res = runner.invoke(app, ["report", "--db", str(pool_store), "--out", str(tmp_path / "report.html")])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("class='indicator'") >= 5 and "来源：" in html
    res = runner.invoke(app, ["compare", "--db", str(pool_store), "--out", str(tmp_path / "compare")])
    assert res.exit_code == 0, res.output
    long = pd.read_parquet(tmp_path / "compare" / "comparison.parquet")
    wide = pd.read_csv(tmp_path / "compare" / "matrix.csv", encoding="utf-8-sig")
    assert len(long) >= 20 and wide["地区"].is_unique and len(wide) == long["region_adcode"].nunique()


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "no-such-folder", "no such file or folder"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "nothing to process"),
    (lambda tmp: (tmp / "only-sidecars").mkdir() or (tmp / "only-sidecars" / "a.html.metadata.json").write_text("{}")
     or tmp / "only-sidecars", "no supported file"),
])
def test_run_on_nothing_to_process_exits_1_without_creating_a_store(tmp_path, make, message):
    res = runner.invoke(app, ["run", str(make(tmp_path)), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1 and message in res.output
    assert not (tmp_path / "out" / "policy.sqlite").exists()


def _policy(*args, cwd: Path) -> subprocess.CompletedProcess:
    """`policy` as cron or nohup runs it: no terminal, output to pipes."""
    import os

    env = {**os.environ, "PREFECT_HOME": str(cwd / "prefect"), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run([str(Path(sys.executable).parent / "policy"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_run_without_a_terminal_prints_progress_keeps_library_logs_in_a_file_and_counts_by_kind(tmp_path, samples):
    import shutil
    import sqlite3

    inputs = tmp_path / "in"
    shutil.copytree(samples, inputs)
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (inputs / "blank.html").write_text("<html><body></body></html>", encoding="utf-8")  # the HTML extractor logs errors
    res = _policy("run", str(inputs), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr  # some inputs failed, not all
    n = len(list(inputs.iterdir()))
    assert f"progress: {n}/{n} files" in res.stderr and "2 failed" in res.stderr
    assert f"{n} files read: {n - 2} gave" in res.stdout and "2 failed" in res.stdout
    console = res.stdout + res.stderr
    assert "trafilatura" not in console
    assert "trafilatura" in (tmp_path / "out" / "run.log").read_text(encoding="utf-8")
    for name in ("scan.pdf", "blank.html"):  # at most one line per failed file
        assert sum(name in line for line in console.splitlines()) == 1, name
    with sqlite3.connect(tmp_path / "out" / "policy.sqlite") as c:
        kinds = dict(c.execute("SELECT kind, COUNT(*) FROM commitments GROUP BY kind").fetchall())
    row = next(line for line in res.stdout.splitlines() if str(tmp_path / "out") in line and "│" in line)
    cells = [x.strip() for x in row.split("│") if x.strip()]
    assert cells[1:5] == [str(sum(kinds.values())), str(kinds.get("target", 0)), str(kinds.get("provision", 0)),
                          str(kinds.get("reported", 0))]


def test_run_where_every_input_failed_exits_1(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (inputs / "archive.rar").write_bytes(b"Rar!\x1a\x07\x00")
    res = _policy("run", str(inputs), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert res.returncode == 1 and "every input failed (2 of 2 files" in res.stderr, res.stdout + res.stderr


def test_run_over_copies_gives_every_file_a_row_and_a_bad_file_loses_no_document(tmp_path, samples):
    """The same notice as UTF-8, GBK and UTF-16 beside an empty file: one document, two copies rows naming the file
    that stored it, one error row, and a summary counting what was stored; then the original emptied and run alone:
    its error row, and the document still stored (now under a copy)."""
    import csv
    import sqlite3

    notice = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, encoding in (("a.txt", "utf-8"), ("b_gbk.txt", "gbk"), ("c_utf16.txt", "utf-16")):
        (inputs / name).write_text(notice, encoding=encoding)
    (inputs / "d_empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    res = _policy("run", str(inputs), "--out", str(out), cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "4 files read: 1 gave 1 documents, 2 were copies of documents already stored" in res.stdout, res.stdout
    assert "1 failed" in res.stdout

    def rows() -> dict[str, str]:
        with sqlite3.connect(out / "policy.sqlite") as c:
            got = {Path(s).name: "document" for (s,) in c.execute("SELECT source FROM documents")}
            got |= {Path(s).name: f"copy of {Path(same).name}" for s, same in c.execute("SELECT source, same_as FROM copies")}
            got |= {Path(s).name: e for s, e in c.execute("SELECT source, error FROM errors")}
        return got
    assert rows() == {"a.txt": "document", "b_gbk.txt": "copy of a.txt", "c_utf16.txt": "copy of a.txt",
                      "d_empty.txt": "empty_after_cleaning"}
    with open(out / "tables" / "copies.csv", encoding="utf-8-sig") as f:
        assert sorted(Path(r["source"]).name for r in csv.DictReader(f)) == ["b_gbk.txt", "c_utf16.txt"]

    (inputs / "a.txt").write_text("", encoding="utf-8")  # the file that stored it goes bad
    res = _policy("run", str(inputs / "a.txt"), "--out", str(out), cwd=tmp_path)
    assert rows() == {"a.txt": "empty_after_cleaning", "b_gbk.txt": "document", "c_utf16.txt": "copy of b_gbk.txt",
                      "d_empty.txt": "empty_after_cleaning"}


def test_a_run_over_a_store_from_before_copies_loses_no_document_a_remaining_file_gives(tmp_path, samples):
    """A store the version before the copies table wrote (the notice stored under the GBK file written last, the
    UTF-8 file keeping only its text): the GBK file goes bad and `policy run` is given it alone; the document stays,
    now under the UTF-8 file, and the tables say so."""
    import sqlite3

    from tests.outputs.old_stores import store_before_copies

    notice = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    out.mkdir()
    a, b = inputs / "a.txt", inputs / "b_gbk.txt"
    a.write_text(notice, encoding="utf-8")
    b.write_text(notice, encoding="gbk")
    store_before_copies(out / "policy.sqlite", [a.resolve(), b.resolve()])
    b.write_text("", encoding="utf-8")
    res = _policy("run", str(b), "--out", str(out), cwd=tmp_path)
    assert res.returncode == 1 and "every input failed" in res.stderr, res.stdout + res.stderr
    with sqlite3.connect(out / "policy.sqlite") as c:
        assert [Path(s).name for (s,) in c.execute("SELECT source FROM documents")] == ["a.txt"]
        assert [Path(s).name for (s,) in c.execute("SELECT source FROM errors")] == ["b_gbk.txt"]
        assert c.execute("SELECT COUNT(*) FROM commitments WHERE source = ?", (str(a.resolve()),)).fetchone()[0] > 0
