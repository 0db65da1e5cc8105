"""The precision audit draws a reproducible sample and recomputes precision from judgments."""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import precision_audit  # noqa: E402


def _records(tmp_path: Path) -> Path:
    recs = [
        {"source": "a.txt", "doc_index": 0, "title": "关于示例的通知", "commitments": [
            {"value": 20, "unit": "%", "comparator": ">=", "kind": "provision", "sentence": "首付比例不得低于20%。"},
            {"value": 3, "unit": "年", "comparator": "<=", "kind": "provision", "indicator_key": "loan_term",
             "sentence": "期限不超过3年。"},
        ]},
        {"source": "b.txt", "error": "unsupported_format", "detail": "doc"},
        {"source": "c.txt", "doc_index": 0, "title": "示例方案", "commitments": [
            {"value": 90, "unit": "%", "comparator": ">=", "kind": "target", "year": 2027, "sentence": "到2027年，覆盖率达到90%以上。"},
        ]},
    ]
    return _jsonl(tmp_path / "records.jsonl", recs)


def _judged(tmp_path: Path, judge) -> Path:
    """A sample of all three commitments of `_records`, each row judged by `judge(row)` (the judgment columns)."""
    out = tmp_path / "s.tsv"
    precision_audit.main(["sample", str(_records(tmp_path)), "--n", "3", "--out", str(out)])
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    for r in rows:
        r.update(judge(r))
    precision_audit.write_rows(out, rows)
    return out


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_sample_is_seeded_and_complete(tmp_path):
    rec = _records(tmp_path)
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    precision_audit.main(["sample", str(rec), "--n", "2", "--seed", "7", "--out", str(a)])
    precision_audit.main(["sample", str(rec), "--n", "2", "--seed", "7", "--out", str(b)])
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    rows = list(csv.DictReader(a.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == 2 and all(r["sentence"] for r in rows)
    assert all(r["quantity_ok"] == "" for r in rows)


def test_score_counts_rows_with_all_core_fields_right(tmp_path, capsys):
    out = _judged(tmp_path, lambda r: dict(  # the 3年 row's comparator judged wrong
        quantity_ok="y", value_ok="y", unit_ok="y", comparator_ok="n" if r["unit"] == "年" else "y",
        year_ok="-", kind_ok="y", key_ok="y" if r["indicator_key"] else "-"))
    capsys.readouterr()
    precision_audit.main(["score", str(out)])
    figs = json.loads(capsys.readouterr().out)
    assert figs["judged"] == 3
    assert figs["precision_value_unit_comparator_kind"] == round(2 / 3, 3)
    assert figs["keys_given"] == 1 and figs["precision_keys"] == 1.0
    assert figs["wrong_by_field"] == {"comparator_ok": 1}


def test_recheck_carries_judgments_over_to_newer_records(tmp_path, capsys):
    out = _judged(tmp_path, lambda r: dict(  # 3年 judged no quantity, 90% right, 20% with a wrong kind
        quantity_ok="n" if r["unit"] == "年" else "y", value_ok="y", unit_ok="y", comparator_ok="y",
        year_ok="-", kind_ok="n" if r["value"] == "20" else "y", key_ok="-"))
    newer = _jsonl(tmp_path / "newer.jsonl", [
        {"source": "a.txt", "doc_index": 0, "commitments": [   # 3年 dropped, 20% now another kind
            {"value": 20, "unit": "%", "comparator": ">=", "kind": "target", "sentence": "首付比例不得低于20%。"}]},
        {"source": "c.txt", "doc_index": 0, "commitments": [
            {"value": 90.0, "unit": "%", "comparator": ">=", "kind": "target", "year": 2027, "sentence": "到2027年，覆盖率达到90%以上。"}]},
    ])
    capsys.readouterr()
    precision_audit.main(["recheck", str(out), str(newer)])
    figs = json.loads(capsys.readouterr().out)
    assert figs["dropped"] == {"not_a_quantity": 1, "quantity_right": 0, "quantity_wrong_elsewhere": 0}
    assert figs["dropped_quantities"] == []
    assert figs["changed_to_judge_again"] == 1
    assert figs["kept_unchanged"] == 1 and figs["precision_value_unit_comparator_kind_of_kept"] == 1.0


def test_carry_fills_only_rows_identical_to_judged_ones(tmp_path):
    rec = _records(tmp_path)
    old, new = tmp_path / "old.tsv", tmp_path / "new.tsv"
    precision_audit.main(["sample", str(rec), "--n", "3", "--out", str(old)])
    rows = list(csv.DictReader(old.open(encoding="utf-8"), delimiter="\t"))
    for r in rows:
        r.update(quantity_ok="y", value_ok="y", unit_ok="y", comparator_ok="y", year_ok="-", kind_ok="y",
                 key_ok="-", note="judged")
    precision_audit.write_rows(old, rows)
    # newer code reads one of the rows differently: only the two unchanged rows are carried
    changed = json.loads("[" + ",".join(rec.read_text(encoding="utf-8").splitlines()) + "]")
    changed[0]["commitments"][0]["comparator"] = ">"
    _jsonl(rec, changed)
    precision_audit.main(["sample", str(rec), "--n", "3", "--out", str(new)])
    precision_audit.main(["carry", str(new), "--from", str(old)])
    got = list(csv.DictReader(new.open(encoding="utf-8"), delimiter="\t"))
    carried = [r for r in got if r["quantity_ok"] == "y"]
    assert len(carried) == 2 and all("carried from old.tsv" in r["note"] for r in carried)
    (fresh,) = [r for r in got if r["quantity_ok"] == ""]
    assert fresh["comparator"] == ">" and fresh["note"] == ""


def test_stable_draw_keeps_the_rows_that_survive_a_change(tmp_path):
    def records(n_rows: int, drop: set[int]) -> Path:
        commitments = [{"value": i, "unit": "%", "comparator": "=", "kind": "target", "sentence": f"第{i}项达到{i}%。",
                        "value_start": 10 * i, "value_end": 10 * i + 2} for i in range(n_rows) if i not in drop]
        p = tmp_path / f"r{len(drop)}.jsonl"
        p.write_text(json.dumps({"source": "a.txt", "doc_index": 0, "commitments": commitments}, ensure_ascii=False),
                     encoding="utf-8")
        return p

    def drawn(p: Path) -> set[str]:
        out = tmp_path / (p.stem + ".tsv")
        precision_audit.main(["sample", str(p), "--n", "10", "--seed", "3", "--out", str(out)])
        return {r["sentence"] for r in csv.DictReader(out.open(encoding="utf-8"), delimiter="\t")}

    before = drawn(records(100, set()))
    gone = {int(s[1:s.index("项")]) for s in list(before)[:3]}
    after = drawn(records(100, gone))
    # the seven drawn rows that still exist are drawn again; three others take the places of the removed ones
    assert len(before & after) == 7 and len(after) == 10


def test_score_reads_a_review_of_keys_alone(tmp_path, capsys):
    out = tmp_path / "keys.tsv"
    rows = [{"n": str(i), "indicator_key": "k", "sentence": "s", "key_ok": ok, "note": ""}
            for i, ok in enumerate(["y", "y", "n", "", "y"], 1)]
    precision_audit.write_rows(out, rows)
    capsys.readouterr()
    precision_audit.main(["score", str(out)])
    figs = json.loads(capsys.readouterr().out)
    assert figs == {"keys_judged": 4, "not_judged": 1, "precision_keys": 0.75}


def test_recheck_follows_a_row_into_another_document_of_its_file(tmp_path, capsys):
    out = _judged(tmp_path, lambda r: dict(quantity_ok="y", value_ok="y", unit_ok="y", comparator_ok="y", year_ok="-",
                                           kind_ok="y", key_ok="-"))
    newer = _jsonl(tmp_path / "newer.jsonl", [
        {"source": "a.txt", "doc_index": 0, "commitments": []},  # a.txt now split: its rows are in its second document
        {"source": "a.txt", "doc_index": 1, "commitments": [
            {"value": 20, "unit": "%", "comparator": ">=", "kind": "provision", "sentence": "首付比例不得低于20%。"},
            {"value": 3, "unit": "年", "comparator": "<=", "kind": "provision", "sentence": "期限不超过3年。"}]},
        {"source": "c.txt", "doc_index": 0, "commitments": []},  # c.txt's row is gone
    ])
    capsys.readouterr()
    precision_audit.main(["recheck", str(out), str(newer)])
    figs = json.loads(capsys.readouterr().out)
    assert figs["kept_unchanged"] == 2
    assert figs["dropped"] == {"not_a_quantity": 0, "quantity_right": 1, "quantity_wrong_elsewhere": 0}
