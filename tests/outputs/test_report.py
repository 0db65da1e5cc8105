"""`policy report`: one HTML file that opens offline, with a chart per indicator across regions."""
from __future__ import annotations

import pytest

from outputs import report
from outputs.store import Store


@pytest.fixture(scope="module")
def report_file(sample_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    with Store(sample_store) as st:
        report.write(st, out)
    return out


def test_report_opens_offline_and_compares_an_indicator_across_regions(report_file, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_file.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert requests == [report_file.as_uri()]  # nothing outside the file: no CDN, no fonts, no data

    sections = page.locator("section.indicator")
    compared = [s for s in sections.all() if int(s.get_attribute("data-regions")) >= 2]
    assert compared, "no indicator compared across two regions"
    chart = compared[0].locator(".js-plotly-plot").first
    ticks = chart.locator(".xtick text").evaluate_all("els => els.map(e => e.textContent)")
    assert len(set(ticks)) >= 2 and all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in ticks)
    assert chart.locator(".point path").count() >= 2  # one bar per region at least
    assert page.locator("#chart-timeline path.point").count() >= 1
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)


def test_the_report_is_the_same_on_a_rerun(report_file, sample_store, tmp_path):
    again = tmp_path / "again.html"
    with Store(sample_store) as st:
        report.write(st, again)
    assert again.read_bytes() == report_file.read_bytes()


def test_an_empty_store_gives_a_report_that_says_so(tmp_path):
    with Store(tmp_path / "empty.sqlite") as st:
        html = report.write(st, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "没有可比较的指标" in html


def _with_duplicates(commitments):
    """The sample commitments plus the two shapes a large store has: one region with a target and a provision
    for the same indicator, unit and year, and two regions of the same name (朝阳区 of 北京市 and of 长春市)."""
    import pandas as pd

    base = commitments[commitments["indicator_key"].notna() & commitments["kind"].isin(["target", "provision"])
                       & commitments["region_adcode"].notna() & commitments["year"].notna()].iloc[0]
    rows = [base.to_dict()]
    rows.append({**rows[0], "kind": "provision" if base["kind"] == "target" else "target", "value": base["value"] + 1,
                 "doc_id": "dup-kind", "source": "/elsewhere/a.html"})
    for code in ("110105", "220104"):
        rows.append({**rows[0], "region_adcode": code, "region_name": "朝阳区", "region_level": "county",
                     "doc_id": f"dup-{code}", "source": f"/elsewhere/{code}.html"})
    return pd.concat([commitments, pd.DataFrame(rows)], ignore_index=True)


def test_a_store_with_duplicate_region_indicator_unit_year_gives_a_report_and_a_comparison(sample_store, tmp_path):
    from outputs import compare

    with Store(sample_store) as st:
        coms, docs = _with_duplicates(st.table("commitments")), st.table("documents")
    html = report.build(coms, docs)
    assert "朝阳区（北京市）" in html and "朝阳区（长春市）" in html  # two regions of one name stay apart
    assert "期限：" in html and "来源：" in html  # each bar's hover names its deadline year and its source
    long = compare.comparison(coms)
    wide = compare.matrix(long)
    assert wide["地区"].is_unique and {"朝阳区（北京市）", "朝阳区（长春市）"} <= set(wide["地区"])
    key = coms.loc[coms["doc_id"] == "dup-kind", "indicator_key"].iloc[0]
    assert html.count(f"data-indicator='{key}'") == 1  # one section per indicator, one chart per unit in it


def test_unkeyed_and_reported_values_are_one_click_away_and_labelled(report_file):
    import re

    html = report_file.read_text(encoding="utf-8")
    compared, others = html.split("<section id='others'>")
    assert "（未归类）" not in compared and "已有数据" not in compared.split("<h2>期限</h2>")[0]
    assert "<details><summary>未归类的目标与政策规定" in others
    assert re.search(r"<td>（未归类）[^<]+</td>", others) and "<td>已有数据</td>" in others


def test_a_store_written_with_an_older_taxonomy_still_reports(sample_store):
    """A key the current taxonomy no longer has (a store from an earlier version) is shown as the key."""
    with Store(sample_store) as st:
        coms, docs = st.table("commitments"), st.table("documents")
    coms.loc[coms["indicator_key"].notna().idxmax(), "indicator_key"] = "a_key_since_renamed"
    html = report.build(coms, docs)
    assert "a_key_since_renamed" in html
