"""`policy report`: one self-contained HTML file comparing commitments across regions.

For every indicator: a bar chart of the value by region (one bar per deadline year, one chart per unit,
since 万元 and % cannot share an axis) and the table behind it with each value's source; then a timeline
of deadlines and the region × indicator matrix. Charts are Plotly figures with plotly.js written into the
file itself, so the report opens offline and sends no request; text is text, drawn by the reader's
browser with the CJK fonts the page asks for, so Chinese renders wherever a CJK font is installed.
"""
from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path

import pandas as pd

from outputs import compare as cmp
from outputs.export import atomic_write
from outputs.labels import KIND_LABELS, LEVEL_RANK

FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'


def _chart_id(*parts) -> str:
    return "chart-" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def _value_text(row) -> str:
    return cmp._cell(row)


def _source_text(r) -> str:
    """Where a value comes from, for a hover: title, document number, date, and the page or file."""
    doc = " ".join(str(x) for x in (r["doc_number"], r["publish_date"]) if isinstance(x, str) and x)
    return "<br>".join(escape(str(x)) for x in (r["title"], doc, r["source"]) if isinstance(x, str) and x)


def _bar_chart(group: pd.DataFrame, indicator: str, unit: str) -> str:
    """One bar per region and deadline year (and kind, when a region has both a target and a provision);
    a region's name on the axis is unique (`compare.region_labels`), so any store charts."""
    import plotly.graph_objects as go

    group = group.sort_values("publish_date", ascending=False, na_position="last", kind="stable")
    regions = (group.assign(r=group["region_level"].map(LEVEL_RANK)).sort_values(["r", "region_adcode"], kind="stable")
               ["region_label"].drop_duplicates().tolist())
    both_kinds = group["kind"].nunique() > 1
    fig = go.Figure()
    years = sorted(group["year"].dropna().unique().tolist()) + ([None] if group["year"].isna().any() else [])
    for year in years:
        in_year = group[group["year"].isna()] if year is None else group[group["year"] == year]
        for kind in sorted(in_year["kind"].unique(), key=lambda k: list(KIND_LABELS).index(k) if k in KIND_LABELS else 9):
            part = in_year[in_year["kind"] == kind].drop_duplicates("region_label")  # the latest value per region
            part = part.assign(o=part["region_label"].map({r: i for i, r in enumerate(regions)})).sort_values("o")
            year_text = "未定年份" if year is None else f"{int(year)}年"
            fig.add_trace(go.Bar(
                name=year_text + (f"·{KIND_LABELS.get(kind, kind)}" if both_kinds else ""), x=part["region_label"].tolist(),
                y=part["value"].tolist(), text=part["value_text"].tolist(), textposition="outside",
                customdata=[[year_text, KIND_LABELS.get(kind, kind), _source_text(r)] for _, r in part.iterrows()],
                hovertemplate="<b>%{x}</b> %{text}<br>期限：%{customdata[0]}（%{customdata[1]}）<br>来源：%{customdata[2]}<extra></extra>"))
    fig.update_layout(
        title=dict(text=f"{indicator}（{unit}）"), barmode="group", height=380, margin=dict(l=50, r=20, t=50, b=80),
        font=dict(family=FONT, size=13), yaxis=dict(title=unit, rangemode="tozero"), legend=dict(title="期限年份"),
        xaxis=dict(type="category", categoryorder="array", categoryarray=regions), template="plotly_white")
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=_chart_id(indicator, unit),
                       config={"displaylogo": False, "responsive": True})


def _timeline(long: pd.DataFrame) -> str:
    import plotly.graph_objects as go

    dated = long[long["deadline"].notna()].sort_values("deadline")
    if dated.empty:
        return "<p class='muted'>没有带期限的目标。</p>"
    fig = go.Figure()
    for label, part in dated.groupby("indicator_label", sort=False):
        fig.add_trace(go.Scatter(
            x=part["deadline"].tolist(), y=part["region_label"].tolist(), mode="markers", name=label,
            marker=dict(size=11), text=[f"{label}：{_value_text(r)}" for _, r in part.iterrows()],
            hovertemplate="%{y} · %{x}<br>%{text}<extra></extra>"))
    rows = dated["region_label"].nunique()
    fig.update_layout(title=dict(text="目标期限时间轴"), height=max(300, 60 + 28 * rows), font=dict(family=FONT, size=13),
                      xaxis=dict(type="date", title="期限", tickformat="%Y-%m"), yaxis=dict(type="category"), template="plotly_white",
                      margin=dict(l=90, r=20, t=50, b=50))
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id="chart-timeline",
                       config={"displaylogo": False, "responsive": True})


def _table(df: pd.DataFrame, columns: list[tuple[str, str]], css: str = "") -> str:
    head = "".join(f"<th>{escape(label)}</th>" for _, label in columns)
    body = []
    for _, r in df.iterrows():
        cells = []
        for c, _ in columns:
            v = r[c]
            cells.append(f"<td>{'' if v is None or (isinstance(v, float) and pd.isna(v)) else escape(str(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table class='{css}'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _links_section(documents: pd.DataFrame, citations: pd.DataFrame | None, follow_ups: pd.DataFrame | None) -> str:
    """Implements chains (province → city → county, as far as the store holds them) and, per indicator,
    how many targets later reports show met, not met, unclear or not yet reported."""
    from outputs.links import RELATION_LABELS, STATUS_LABELS

    parts = ["<h2 id='links'>贯彻落实与目标完成情况</h2>"]
    titles = documents.set_index("doc_id")["title"].to_dict() if not documents.empty else {}
    regions = documents.set_index("doc_id")["region_name"].to_dict() if not documents.empty else {}
    if citations is not None and not citations.empty:
        rel = citations["relation"].map(RELATION_LABELS).value_counts()
        linked = int(citations["cited_doc_id"].notna().sum())
        parts.append(f"<p>引用 {len(citations)} 处（{escape('，'.join(f'{k} {v}' for k, v in rel.items()))}），"
                     f"其中 {linked} 处指向库中文件。</p>")
        impl = citations[(citations["relation"] == "implements") & citations["cited_doc_id"].notna()]
        parent = dict(zip(impl["doc_id"], impl["cited_doc_id"]))
        children: dict[str, list[str]] = {}
        for child, par in parent.items():
            children.setdefault(par, []).append(child)
        roots = [d for d in children if d not in parent]

        def tree(d: str, seen: frozenset) -> str:
            kids = "".join(tree(k, seen | {d}) for k in sorted(children.get(d, [])) if k not in seen)
            title, region = titles.get(d), regions.get(d)  # a missing value comes back from the table as NaN
            title = title if isinstance(title, str) and title else "（无标题）"
            region = region if isinstance(region, str) else ""
            label = f"{escape(title)} <span class='muted'>{escape(region)}</span>"
            return f"<li>{label}{f'<ul>{kids}</ul>' if kids else ''}</li>"

        chains = "".join(tree(r, frozenset()) for r in sorted(roots))
        parts.append(f"<h3>贯彻落实链条</h3><ul class='chains'>{chains}</ul>" if chains
                     else "<p class='muted'>库中没有相互贯彻落实的文件。</p>")
    if follow_ups is not None and not follow_ups.empty:
        from extractors.indicators import labels

        counts = (follow_ups.assign(label=follow_ups["indicator_key"].map(lambda k: labels().get(k, k)),
                                    status=follow_ups["status"].map(STATUS_LABELS))
                  .pivot_table(index="label", columns="status", values="idx", aggfunc="count", fill_value=0))
        counts = counts.reindex(columns=[v for v in STATUS_LABELS.values() if v in counts.columns])
        table = counts.reset_index().rename(columns={"label": "指标"})
        parts.append("<h3>目标完成情况（按指标）</h3>" + _table(table, [(c, c) for c in table.columns], "followups"))
    return "".join(parts) if len(parts) > 1 else ""


def build(commitments: pd.DataFrame, documents: pd.DataFrame, title: str = "政策承诺跨地区比较",
          citations: pd.DataFrame | None = None, follow_ups: pd.DataFrame | None = None) -> str:
    """The report's HTML: plotly.js inline, then per-indicator charts and tables, timeline and matrix."""
    from plotly.offline import get_plotlyjs

    long = cmp.comparison(commitments)
    wide = cmp.matrix(long)
    sections = []
    if not long.empty:
        long = long.assign(value_text=long.apply(_value_text, axis=1), kind_label=long["kind"].map(KIND_LABELS),
                           region_label=cmp.region_labels(long))
        spread = long.groupby("indicator_key")["region_adcode"].nunique().sort_values(ascending=False, kind="stable")
        for key in spread.index:
            part = long[long["indicator_key"] == key]
            label = part["indicator_label"].iloc[0]
            charts = "".join(_bar_chart(g, label, unit) for unit, g in part.groupby("unit", sort=True))
            table = _table(part, [("region_label", "地区"), ("kind_label", "类型"), ("value_text", "数值"), ("deadline", "期限"),
                                  ("title", "文件"), ("doc_number", "发文字号"), ("issuer", "发文机关"), ("publish_date", "发布日期"),
                                  ("sentence", "依据原文")], "detail")
            sections.append(f"<section class='indicator' data-indicator='{escape(key)}' data-regions='{spread[key]}'>"
                            f"<h2 id='{escape(key)}'>{escape(label)} <span class='muted'>{spread[key]} 个地区</span></h2>"
                            f"{charts}<details><summary>数据与出处（{len(part)} 条）</summary>{table}</details></section>")
    toc = "".join(f"<li><a href='#{escape(k)}'>{escape(long[long['indicator_key'] == k]['indicator_label'].iloc[0])}</a>"
                  f"（{n} 个地区）</li>" for k, n in (spread.items() if not long.empty else []))
    matrix = _table(wide, [(c, c) for c in wide.columns], "matrix") if not wide.empty else ""
    others = _others(commitments)
    n_docs, n_regions = len(documents), long["region_adcode"].nunique() if not long.empty else 0
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: {FONT}; margin: 0 auto; max-width: 1200px; padding: 1em 1.5em; color: #1f2933; }}
h1 {{ color: #8b1a1a; }} h2 {{ border-bottom: 2px solid #8b1a1a; padding-bottom: .2em; margin-top: 2em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border: 1px solid #e1e4e8; padding: .3em .5em; text-align: left; vertical-align: top; }}
th {{ background: #eef1f5; }} .muted {{ color: #7b8794; font-size: .8em; font-weight: normal; }}
details {{ margin: .5em 0 1em; }} summary {{ cursor: pointer; color: #1f4e8c; }}
</style>
<script type="text/javascript">{get_plotlyjs()}</script>
</head><body>
<h1>{escape(title)}</h1>
<p>基于 {n_docs} 份文件中的 {len(long)} 项可比较的目标与政策规定，涉及 {n_regions} 个地区。
每个指标取各地区最近发布的数值；图中每根柱为一个地区在一个期限年份的数值。</p>
<nav><h2>指标</h2><ol>{toc or '<li>没有可比较的指标。</li>'}</ol></nav>
{''.join(sections)}
<h2>期限</h2>
{_timeline(long) if not long.empty else "<p class='muted'>没有带期限的目标。</p>"}
<h2>地区 × 指标</h2>
{matrix or "<p class='muted'>没有可比较的指标。</p>"}
{others}
{_links_section(documents, citations, follow_ups)}
</body></html>
"""


def _others(commitments: pd.DataFrame) -> str:
    """The values left out of the comparison, one click away: unkeyed targets and provisions (（未归类）
    with their measured noun phrase) and past figures (已有数据)."""
    rest = cmp.comparison(commitments, unkeyed=True, reported=True)
    rest = rest[rest["indicator_key"].isna() | (rest["kind"] == "reported")]
    if rest.empty:
        return ""
    rest = rest.assign(value_text=rest.apply(_value_text, axis=1), kind_label=rest["kind"].map(KIND_LABELS))
    table = _table(rest, [("region_name", "地区"), ("indicator_label", "指标"), ("kind_label", "类型"), ("value_text", "数值"),
                          ("title", "文件"), ("sentence", "依据原文")], "others")
    past = rest["kind"] == "reported"
    return (f"<section id='others'><h2>未列入比较的数值</h2><details><summary>未归类的目标与政策规定 "
            f"{int((rest['indicator_key'].isna() & ~past).sum())} 条，已有数据 {int(past.sum())} 条</summary>"
            f"{table}</details></section>")


def write(store, out: str | Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    html = build(store.table("commitments"), store.table("documents"), citations=store.table("citations"),
                 follow_ups=store.table("follow_ups"))
    atomic_write(out, lambda p: Path(p).write_text(html, encoding="utf-8"))
    return out
