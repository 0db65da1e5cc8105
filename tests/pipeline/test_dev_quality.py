"""Quality gate on the dev gold set: scores from ../shared/tools/score.py must not drop below the floors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SHARED
from tests.pipeline.test_cli import assert_grounded, schema, source_text

# What the extractors reach today; raise them as work lands, never lower them to make a change pass.
FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "agency_f1": 0.99,
    "commit_f1": 0.95,
    "commit_value_unit_f1": 0.98,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "span_grounding": 1.0,
}
CEILINGS = {"docnum_false_from_negatives": 0}
# dev2: short web texts as published (chrome, run-in metadata, e-papers, pages holding several documents)
DEV2_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 1.0,
    "commit_f1": 0.98,
    "commit_value_unit_f1": 0.98,
    "span_grounding": 1.0,
}

# the held-out sets: excerpts of pool pages cut as dev2's are, annotated blind (tools/heldout_set.py,
# audits/heldout/ to audits/heldout9/); their first, blind scores are in audits/README.md
HELDOUT = Path(__file__).resolve().parents[2] / "audits" / "heldout"
HELDOUT_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 0.94,
    "region_acc": 1.0,
    "agency_f1": 0.95,
    "commit_f1": 0.91,
    "span_grounding": 1.0,
}
HELDOUT3_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 0.93,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 0.98,
    "commit_f1": 0.99,
    "span_grounding": 1.0,
}
HELDOUT2_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 1.0,
    "commit_f1": 0.99,
    "span_grounding": 1.0,
}
HELDOUT4_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 0.93,
    # p_05's annotator gave a benefit no year where its term ends (自…之日起至YYYY年M月D日); the dev set's gold and
    # set 2's k_03 keep the term's year, which the extractor follows (audits/README.md, fourth set)
    "commit_f1": 0.92,
    "span_grounding": 1.0,
}
# q_18's draft printed under its consultation notice is a document of its own in this set's gold and part of the
# notice in set 1's h_14 (the dev convention: a notice and what it issues are one); we follow the dev convention
HELDOUT5_FLOORS = {
    "split_f1": 0.97,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 0.94,
    "region_acc": 0.94,
    "agency_f1": 0.98,
    "commit_f1": 0.96,
    "span_grounding": 1.0,
}

HELDOUT6_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 1.0,
    "commit_f1": 0.97,
    "span_grounding": 1.0,
}


# blind on a834092 (the end of a round's rule work, nothing changed for this set)
HELDOUT7_FLOORS = {
    "split_f1": 1.0,
    "docnum_f1": 0.95,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 1.0,
    "region_acc": 1.0,
    "agency_f1": 0.96,
    "commit_f1": 0.75,
    "span_grounding": 1.0,
}

# set 8 (seed 3413, prefix t), blind on 9ae97af: split 0.788, agencies 0.893, commitments 0.778, date 12/16, region 13/16
HELDOUT8_FLOORS = {
    "split_f1": 0.93,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 0.93,
    "region_acc": 0.93,
    "agency_f1": 1.0,
    "commit_f1": 0.78,
    "span_grounding": 1.0,
}
HELDOUT9_FLOORS = {
    "split_f1": 0.96,
    "docnum_f1": 1.0,
    "docnum_own_f1": 1.0,
    "publish_date_acc": 0.93,
    "region_acc": 1.0,
    "agency_f1": 0.93,
    "commit_f1": 1.0,
    "span_grounding": 1.0,
}


def extract_set(name: str, tmp_path_factory, docs: Path | None = None) -> Path:
    """`policy extract` over one gold set's documents, written as JSON lines; skipped without ../shared."""
    docs = docs or SHARED / "corpus" / name / "docs"
    if not docs.is_dir():
        pytest.skip(f"../shared is absent ({docs} not found): {name} quality gate skipped")
    res = CliRunner().invoke(app, ["extract", *map(str, sorted(docs.iterdir())), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    out = tmp_path_factory.mktemp(name) / "pred.jsonl"
    out.write_text(res.stdout, encoding="utf-8")
    return out


def score_set(name: str, pred: Path, gold: Path | None = None, docs: Path | None = None) -> dict:
    """The figures of ../shared/tools/score.py for records of one gold set."""
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--pred", str(pred),
                          "--gold", str(gold or SHARED / "corpus" / name / "gold"),
                          "--docs", str(docs or SHARED / "corpus" / name / "docs"),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def dev_records(tmp_path_factory):
    return extract_set("dev", tmp_path_factory)


def test_dev_records_are_valid(dev_records):
    validator = jsonschema.Draft202012Validator(schema())
    for line in dev_records.read_text(encoding="utf-8").splitlines():
        validator.validate(json.loads(line))


def test_dev_scores_hold_their_floors(dev_records):
    figs = score_set("dev", dev_records)
    low = {k: figs[k] for k, floor in FLOORS.items() if figs[k] is None or figs[k] < floor}
    high = {k: figs[k] for k, ceiling in CEILINGS.items() if figs[k] > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}; all: {figs}"


def test_policy_eval_prints_the_scorer_figures(dev_records, dev_docs, dev_gold):
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--pred", str(dev_records),
                          "--gold", str(dev_gold), "--docs", str(dev_docs)], capture_output=True, text=True, check=True)
    expected = res.stdout.strip().splitlines()[-1]
    out = CliRunner().invoke(app, ["eval", "--gold", str(dev_gold), "--docs", str(dev_docs)])
    assert out.exit_code == 0
    assert out.stdout.strip().splitlines()[-1] == expected


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_html_and_pdf_offsets_index_policy_text(dev_records, dev_docs, suffix):
    checked = 0
    for line in dev_records.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("error") or not rec["source"].endswith(suffix):
            continue
        assert_grounded(rec, source_text(Path(rec["source"])))
        checked += 1
    assert checked >= 3


@pytest.fixture(scope="module")
def dev2_figures(tmp_path_factory):
    return score_set("dev2", extract_set("dev2", tmp_path_factory))


def test_dev2_scores_hold_their_floors(dev2_figures):
    low = {k: dev2_figures[k] for k, floor in DEV2_FLOORS.items() if dev2_figures[k] is None or dev2_figures[k] < floor}
    high = {k: dev2_figures[k] for k, ceiling in CEILINGS.items() if dev2_figures[k] > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}; all: {dev2_figures}"


def heldout_figures(tmp_path_factory, where: Path) -> dict:
    sys.path.insert(0, str(HELDOUT.parents[1] / "tools"))
    import heldout_set
    if not heldout_set.POOL.is_dir():
        pytest.skip(f"../shared is absent ({heldout_set.POOL} not found): held-out quality gate skipped")
    docs = tmp_path_factory.mktemp(f"{where.name}-docs")
    heldout_set.build(where / "sources.json", docs)
    return score_set(where.name, extract_set(where.name, tmp_path_factory, docs), where / "gold", docs)


# each held-out set (a folder of audits/) and its floors
HELDOUT_SETS = {"heldout": HELDOUT_FLOORS, "heldout2": HELDOUT2_FLOORS, "heldout3": HELDOUT3_FLOORS,
                "heldout4": HELDOUT4_FLOORS, "heldout5": HELDOUT5_FLOORS,
                "heldout6": HELDOUT6_FLOORS, "heldout7": HELDOUT7_FLOORS, "heldout8": HELDOUT8_FLOORS,
                "heldout9": HELDOUT9_FLOORS}


@pytest.mark.parametrize("name,floors", list(HELDOUT_SETS.items()), ids=list(HELDOUT_SETS))
def test_heldout_scores_hold_their_floors(tmp_path_factory, name, floors):
    figures = heldout_figures(tmp_path_factory, HELDOUT.with_name(name))
    low = {k: figures[k] for k, floor in floors.items() if figures[k] is None or figures[k] < floor}
    assert not low, f"below floor: {low}; all: {figures}"
