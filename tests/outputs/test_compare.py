"""The cross-region comparison on the sample corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from outputs import compare
from outputs.store import Store
from pipeline.process import extract_file


@pytest.fixture(scope="module")
def commitments(tmp_path_factory):
    from tests.conftest import SAMPLES

    with Store(tmp_path_factory.mktemp("s") / "s.sqlite") as st:
        for p in sorted(SAMPLES.iterdir()):
            st.put_file(str(p), extract_file(p).records)
        return st.table("commitments")


def test_an_indicator_is_compared_across_regions(commitments):
    long = compare.comparison(commitments, indicator="village_doctor_licensed_share")
    got = {(r.region_name, r.year): (r.comparator, r.value, r.unit) for r in long.itertuples()}
    assert got[("山东省", 2025)] == (">=", 45, "%")
    assert got[("济南市", 2025)] == (">=", 55, "%")
    assert got[("淄博市", 2026)] == (">=", 48, "%")


@pytest.mark.parametrize("level,regions", [("province", {"山东省"}), ("city", {"济南市", "淄博市"})])
def test_level_filter(commitments, level, regions):
    long = compare.comparison(commitments, indicator="county_medical_subcenters", level=level)
    assert set(long["region_name"]) == regions


def test_reported_figures_are_never_compared(commitments):
    long = compare.comparison(commitments)
    assert set(long["kind"]) <= {"target", "provision"}
    assert "潍坊市" not in set(long["region_name"])  # the news report's figures are all past results


def test_matrix_and_files(commitments, tmp_path):
    long = compare.comparison(commitments, kind="target")
    wide = compare.matrix(long)
    assert wide.iloc[0]["地区"] == "山东省"  # provinces first
    assert "≥45%（2025）；≥50%（2026）" in wide.set_index("地区").loc["山东省"].tolist()
    paths = compare.write(long, wide, tmp_path)
    assert len(pd.read_excel(paths["comparison.xlsx"], sheet_name="comparison")) == len(long)
    assert len(pd.read_parquet(paths["comparison.parquet"])) == len(long)


def test_unkeyed_and_reported_rows_are_one_option_away_and_labelled(commitments):
    default = compare.comparison(commitments)
    assert default["indicator_key"].notna().all() and set(default["kind"]) <= {"target", "provision"}
    loose = compare.comparison(commitments, unkeyed=True)
    extra = loose[loose["indicator_key"].isna()]
    assert len(extra) > 0 and extra["indicator_label"].str.startswith(compare.UNKEYED).all()
    assert len(loose) == len(default) + len(extra)
    past = compare.comparison(commitments, reported=True, unkeyed=True)
    assert "reported" in set(past["kind"]) and "潍坊市" in set(past["region_name"])
    assert any("（已有数据）" in str(cell) for cell in compare.matrix(past).to_numpy().ravel())
    assert set(compare.comparison(commitments, kind="reported", unkeyed=True)["kind"]) == {"reported"}
