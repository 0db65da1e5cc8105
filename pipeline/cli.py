"""The `policy` command line: extract, text, run, eval."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline import settings

settings.apply()

# options several commands share, declared once
DEFAULT_OUT = Path("out")
DEFAULT_DB = DEFAULT_OUT / "policy.sqlite"
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder for the store and tables.")]
StoreDb = Annotated[Path, typer.Option("--db", help="The store `policy run` wrote.")]

app = typer.Typer(help="Read Chinese policy notices and extract grounded, comparable commitments.",
                  no_args_is_help=True, add_completion=False)


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders (every supported file in them).")],
            format: Annotated[str, typer.Option("--format", "-f", help="jsonl (the contract) or table.")] = "jsonl"):
    """Print extraction records (CONTRACT.md), one per document found."""
    from corpora.readers import expand_paths
    from pipeline.process import iter_records

    if format not in {"jsonl", "table"}:
        raise typer.BadParameter("format must be jsonl or table", param_hint="--format")
    files = expand_paths(paths)
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    for m in missing:
        typer.echo(f"policy: {m}: no such file or folder", err=True)
    rows = []
    for f in files:
        if str(f) in missing:
            continue
        for rec in iter_records(f):  # streamed: a large text file is printed as its windows are extracted
            if format == "jsonl":
                sys.stdout.write(json.dumps(rec.as_dict(), ensure_ascii=False) + "\n")
            else:
                rows.append(rec)
    if format == "table":
        _print_table(rows)
    raise typer.Exit(1 if missing else 0)


def _console():
    """A terminal's own width; 200 columns when printing to a file or pipe."""
    from rich.console import Console
    return Console() if sys.stdout.isatty() else Console(width=200)


def _print_table(records) -> None:
    from rich.table import Table

    from corpora.records import ReadError

    t = Table("source", "#", "title", "type", "date", "region", "doc no.", "agencies", "commitments", "error")
    for r in records:
        if isinstance(r, ReadError):
            t.add_row(Path(r.source).name, "", "", "", "", "", "", "", "", f"{r.reason.value}: {r.detail}")
            continue
        own = [d.normalized for d in r.doc_numbers if d.role == "own"]
        t.add_row(Path(r.source).name, str(r.doc_index), (r.title or "")[:40], r.doc_type,
                  r.publish_date or "", r.region.name if r.region else "", ", ".join(dict.fromkeys(own)),
                  str(len({a.normalized for a in r.agencies})),
                  str(sum(1 for c in r.commitments if c.kind != "reported")), "")
    _console().print(t)


@app.command()
def read(paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
         show: Annotated[bool, typer.Option("--show/--no-show", help="One line per file with its outcome.")] = False):
    """Read inputs without extracting: counts by outcome (documents, unsupported, no text layer, ...)
    and throughput."""
    import time

    from rich.progress import track

    from corpora.readers import expand_paths, iter_source
    from corpora.records import ReadError
    from extractors.document import documents

    files = expand_paths(paths)
    counts: dict[str, int] = {}
    total_bytes = 0
    t0 = time.perf_counter()
    for f in track(files, description="reading", transient=True, disable=not sys.stderr.isatty()):
        try:
            total_bytes += f.stat().st_size
            n = sum(len(documents(st)) for _, st in iter_source(f))
            outcome, detail = "documents", f"{n} document(s)"
            counts["files with documents"] = counts.get("files with documents", 0) + 1
            counts["documents"] = counts.get("documents", 0) + n
        except ReadError as e:
            outcome, detail = e.reason.value, e.detail
            counts[outcome] = counts.get(outcome, 0) + 1
        except OSError as e:
            outcome, detail = "read_error", str(e)
            counts[outcome] = counts.get(outcome, 0) + 1
        if show:
            typer.echo(f"{f}\t{outcome}\t{detail}")
    secs = time.perf_counter() - t0
    from rich.table import Table
    t = Table("outcome", "count", title=f"{len(files)} files read")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        t.add_row(k, str(v))
    t.add_row("seconds", f"{secs:.1f}")
    t.add_row("files/s", f"{len(files) / secs:.1f}" if secs else "-")
    t.add_row("MB/s", f"{total_bytes / 1e6 / secs:.2f}" if secs else "-")
    _console().print(t)


@app.command()
def text(path: Annotated[Path, typer.Argument(help="One file.")]):
    """Print the source text that extraction offsets index."""
    from corpora.readers import iter_source
    from corpora.records import ReadError

    try:
        for _, st in iter_source(path):  # a large text file comes in windows, written as they are decoded
            sys.stdout.write(st.text)
    except ReadError as e:
        typer.echo(f"policy: {e}", err=True)
        raise typer.Exit(1)


@app.command()
def run(paths: Annotated[list[Path], typer.Argument(help="Files or folders to process.")],
        out: OutDir = DEFAULT_OUT,
        workers: Annotated[int | None, typer.Option(min=1, max=64, help="Documents extracted at once (default: one per core, at most 4, fewer when memory is short).")] = None,
        runner: Annotated[str, typer.Option(help="processes (worker processes on this machine, each with a memory cap), threads (one process), or dask (a cluster).")] = "processes",
        dask_address: Annotated[str | None, typer.Option(help="tcp://host:port of a Dask scheduler; default: a local cluster of --workers processes.")] = None,
        worker_memory_mb: Annotated[int | None, typer.Option(min=0, help="Memory cap of each worker process in MB (0: none; default 1536 or $POLICY_WORKER_MEMORY_MB); a file that exceeds it becomes an error row.")] = None):
    """Run the Prefect flow over the inputs: extract, store, write Parquet and CSV tables, summarize.
    Reports to the Prefect server PREFECT_API_URL names, else to a temporary one started for the run."""
    from pipeline.workers import default_count, limit_arenas

    limit_arenas()  # before any thread or worker starts

    workers = workers or default_count()
    if runner not in {"processes", "threads", "dask"}:
        raise typer.BadParameter("processes, threads or dask", param_hint="--runner")
    if dask_address and runner != "dask":
        runner = "dask"
    from corpora.readers import SUPPORTED_SUFFIXES, expand_paths

    missing = [p for p in paths if not p.exists()]
    for m in missing:
        typer.echo(f"policy: {m}: no such file or folder", err=True)
    present = [p for p in paths if p.exists()]
    if not expand_paths(present):  # checked before the store is created: no empty store for a wrong path
        where = ", ".join(map(str, present)) or "the paths given"
        typer.echo(f"policy: nothing to process: no supported file in {where} "
                   f"({' '.join(sorted(SUPPORTED_SUFFIXES))})", err=True)
        raise typer.Exit(1)
    from contextlib import ExitStack

    from pipeline.ephemeral import prefect_api

    with ExitStack() as stack:
        pool = head = None
        if runner == "processes":  # the workers warm up while Prefect's server starts
            from pipeline import workers as worker_processes
            from pipeline.intake import HeadStart
            from pipeline.runlog import for_workers

            stack.enter_context(for_workers(out))
            pool = stack.enter_context(worker_processes.WorkerPool(
                workers, worker_processes.DEFAULT_MEMORY_MB if worker_memory_mb is None else worker_memory_mb))
            # and begin extracting the first files once Prefect is imported, while the flow run starts
            head = HeadStart(pool, present, out)
        stack.enter_context(prefect_api(out / "prefect-server.log", while_starting=lambda: _import_flows(head)))
        from pipeline.flows import process_flow, with_dask, with_processes, with_workers

        if runner == "dask":
            flow_obj = with_dask(process_flow, dask_address, workers)
        elif runner == "threads":
            flow_obj = with_workers(process_flow, workers)
        else:
            flow_obj = with_processes(process_flow, workers, worker_memory_mb, pool)
        summary = flow_obj([str(p) for p in present], str(out), progress="bar" if sys.stderr.isatty() else "lines")
    _print_summary(summary)
    run = summary["run"]
    copies = ""
    if run.get("copies"):  # files (or parts of files) giving a document another file already provides
        copies = f"{run['only_copies']} were copies of documents already stored"
        if run["copies"] != run["only_copies"]:
            copies += f" ({run['copies']} copies in all)"
        copies += " (the copies table), "
    typer.echo(f"{run['files']} files read: {run.get('with_documents', run['files'] - run['failed'])} gave "
               f"{run['documents']} documents, {copies}"
               f"{run['failed']} failed (reasons in the errors table); library messages in {run['log']}")
    if run["failed"] == run["files"]:
        typer.echo(f"policy: every input failed ({run['failed']} of {run['files']} files gave no document)", err=True)
        raise typer.Exit(1)
    raise typer.Exit(1 if missing else 0)


def _import_flows(head=None) -> None:
    """Load the flows while Prefect's temporary server starts; then start `head` (a `pipeline.intake.HeadStart`)."""
    import pipeline.flows

    if head is not None:
        head.start(pipeline.flows.cached_locally())


@app.command()
def ingest(config: Annotated[Path, typer.Option(help="Sources file (TOML), see sources.example.toml.")],
           out: OutDir = DEFAULT_OUT,
           source: Annotated[list[str] | None, typer.Option(help="Only these source names.")] = None):
    """Fetch what is new from published sources (list pages, detail pages, attachments) and process it."""
    from corpora.sources import SourceConfigError, load_sources_report

    try:
        sources, problems = load_sources_report(config)
    except SourceConfigError as e:
        typer.echo(f"policy: {e}", err=True)
        raise typer.Exit(1)
    for problem in problems:  # a bad source is skipped with its reason; the others are fetched
        typer.echo(f"policy: {problem}", err=True)
    if not sources:
        raise typer.Exit(1)
    if source:
        unknown = set(source) - {s.name for s in sources}
        if unknown:
            typer.echo(f"policy: {config}: no source named {', '.join(sorted(unknown))}", err=True)
            raise typer.Exit(1)
        sources = [s for s in sources if s.name in source]
    from pipeline.ephemeral import prefect_api

    with prefect_api(out / "prefect-server.log", while_starting=_import_flows):
        from pipeline.flows import ingest_flow

        summary = ingest_flow(sources, str(out))
    from rich.table import Table
    t = Table("source", "list pages", "links", "fetched", "unchanged", "new documents", "errors", title="ingest")
    for sc in summary["scans"]:
        t.add_row(sc["source_name"], *(str(sc[k]) for k in ("list_pages", "links", "fetched", "not_modified",
                                                             "new_documents", "errors")))
    _console().print(t)
    _print_summary(summary)
    unread = [s for s in sources if any(sc["source_name"] == s.name and sc["list_pages"] == 0 for sc in summary["scans"])]
    if unread:
        from outputs.store import Store

        with Store(Path(summary["store"])) as st:
            fetches = st.table("fetches").set_index("url")
        for s in unread:
            why = [str(fetches.at[u, "error"]) for u in s.list_urls if u in fetches.index and fetches.at[u, "error"]]
            typer.echo(f"policy: could not read any list page of {s.name}: " + ("; ".join(why) or "no list page fetched"),
                       err=True)
        raise typer.Exit(1)


ERRORS_SHOWN = 50


def _print_summary(summary: dict) -> None:
    from rich.table import Table

    c = _console()
    kinds = summary.get("commitments_by_kind", {})
    t = Table("documents", "commitments", "targets", "provisions", "reported", "errors", "store", title="policy run (the whole store)")
    t.add_row(str(summary["documents"]), str(summary["commitments"]), *(str(kinds.get(k, 0)) for k in ("target", "provision", "reported")),
              str(len(summary["errors"])), summary["store"])
    c.print(t)
    o = Table("outcome", "count", title="outcomes")
    for k, v in summary["outcomes"].items():
        o.add_row(k, str(v))
    c.print(o)
    r = Table("region", "documents", "targets", "provisions", title="commitments by region")
    for row in summary["by_region"]:
        r.add_row(row["region"] or "(none)", str(row["documents"]), str(row["targets"]), str(row["provisions"]))
    c.print(r)
    if summary["errors"]:
        shown = summary["errors"][:ERRORS_SHOWN]
        e = Table("file", "reason", "detail", title="inputs without a document (one line each)")
        for err in shown:
            e.add_row(err["source"], err["error"], (err.get("detail") or "")[:80])
        c.print(e)
        if len(summary["errors"]) > len(shown):
            typer.echo(f"... and {len(summary['errors']) - len(shown)} more: see the errors table under "
                       f"{Path(summary['store']).parent / 'tables'}")


@app.command()
def schedule(config: Annotated[Path, typer.Option(help="Sources file (TOML) with a cron `schedule` per source.")],
             out: OutDir = DEFAULT_OUT,
             api_url: Annotated[str | None, typer.Option(help="A Prefect server's API (default: PREFECT_API_URL, else a local one).")] = None,
             source: Annotated[list[str] | None, typer.Option(help="Only these source names.")] = None):
    """Register one ingestion deployment per source with its cron schedule and serve them. Starts a local
    Prefect server (SQLite) when none is reachable."""
    import os

    from corpora.sources import SourceConfigError, load_sources
    from pipeline import schedule as sched

    try:
        scheduled = [s for s in load_sources(config) if s.schedule and (not source or s.name in source)]
    except SourceConfigError as e:
        typer.echo(f"policy: {e}", err=True)
        raise typer.Exit(1)
    if not scheduled:
        typer.echo(f"policy: {config}: no source with a schedule", err=True)
        raise typer.Exit(1)
    url = api_url or os.environ.get("PREFECT_API_URL") or sched.DEFAULT_API
    server = None
    if not sched.reachable(url):
        auth_file = out / "prefect-server.auth"
        typer.echo(f"no Prefect server at {url}; starting one on loopback with basic authentication "
                   f"(credentials: {auth_file}, log: {out / 'prefect-server.log'})", err=True)
        try:
            auth = sched.new_auth_string(auth_file)
            server = sched.start_local_server(url, out / "prefect-server.log", auth)
        except RuntimeError as e:
            typer.echo(f"policy: {e}", err=True)
            raise typer.Exit(1)
        os.environ["PREFECT_API_AUTH_STRING"] = auth
    os.environ["PREFECT_API_URL"] = url  # before prefect is imported by the flows
    os.environ.update(sched.serve_environment(str(config), str(out)))  # what the served runs use, fixed here
    deps = sched.deployments(str(config), str(out), [s.name for s in scheduled])
    for s in scheduled:
        typer.echo(f"serving ingest-{s.name} on cron {s.schedule!r} against {url}")
    typer.echo(f"Prefect UI: {url.rstrip('/').removesuffix('/api')}/ ; serving in the foreground until stopped (Ctrl+C)")
    try:
        sched.serve_deployments(deps)
    finally:
        if server is not None:
            server.terminate()
    typer.echo("stopped")


def _open_store(db: Path):
    from outputs.store import Store

    if not db.exists():
        typer.echo(f"policy: {db}: no store here; run `policy run PATH... --out {db.parent}` first", err=True)
        raise typer.Exit(1)
    return Store(db)


def _known_indicator(key: str, commitments) -> None:
    """Refuse an --indicator key that is neither in the taxonomy nor in the store, naming the closest known keys."""
    import difflib

    from extractors.indicators import taxonomy

    known = {i.key for i in taxonomy()}
    if "indicator_key" in commitments:  # a store may hold keys an earlier taxonomy gave
        known |= set(commitments["indicator_key"].dropna())
    if key in known:
        return
    close = difflib.get_close_matches(key, sorted(known), n=5, cutoff=0.5)
    if not close:  # a part of a key (doctor, elderly) finds the keys that contain it
        close = sorted(k for k in known if key.lower() in k)[:5]
    typer.echo(f"policy: unknown indicator key {key!r}"
               + (f"; closest known keys: {', '.join(close)}" if close else "")
               + " (`policy indicators` lists every key)", err=True)
    raise typer.Exit(2)


@app.command()
def compare(db: StoreDb = DEFAULT_DB,
            indicator: Annotated[str | None, typer.Option(help="One indicator key (see `policy indicators`).")] = None,
            level: Annotated[str | None, typer.Option(help="province, city or county.")] = None,
            kind: Annotated[str | None, typer.Option(help="target, provision or reported.")] = None,
            unkeyed: Annotated[bool, typer.Option("--unkeyed", help="Add values without an indicator key, labelled （未归类）.")] = False,
            reported: Annotated[bool, typer.Option("--reported", help="Add past figures (kind reported), marked （已有数据）.")] = False,
            out: Annotated[Path, typer.Option(help="Folder for comparison.csv/.parquet/.xlsx and matrix.csv.")] = Path("out/compare")):
    """Compare commitments across regions: region × indicator → value, unit, comparator, deadline, source.
    By default only what can be compared: targets and provisions with an indicator key."""
    from rich.table import Table

    from outputs import compare as cmp

    if level not in {None, "province", "city", "county"}:
        raise typer.BadParameter("province, city or county", param_hint="--level")
    if kind not in {None, "target", "provision", "reported"}:
        raise typer.BadParameter("target, provision or reported", param_hint="--kind")
    with _open_store(db) as store:
        commitments = store.table("commitments")
    if indicator is not None:
        _known_indicator(indicator, commitments)
    long = cmp.comparison(commitments, indicator, level, kind, unkeyed=unkeyed, reported=reported)
    wide = cmp.matrix(long)
    paths = cmp.write(long, wide, out)
    if long.empty:
        typer.echo("no commitment with a known indicator matches these filters"
                   + ("" if unkeyed else " (--unkeyed adds values without a key, --reported past figures)"))
        return
    t = Table(*wide.columns, title="commitments by region and indicator")
    for row in wide.itertuples(index=False):
        t.add_row(*map(str, row))
    _console().print(t)
    compared = long.dropna(subset=["indicator_key"]).groupby("indicator_key")["region_adcode"].nunique()
    typer.echo(f"{len(long)} values; indicators compared across 2+ regions: "
               + (", ".join(f"{k} ({n})" for k, n in compared[compared >= 2].items()) or "none"))
    typer.echo("written: " + ", ".join(str(p) for p in paths.values()))


@app.command()
def report(db: StoreDb = DEFAULT_DB,
           out: Annotated[Path, typer.Option(help="The HTML file to write.")] = Path("out/report.html")):
    """A self-contained HTML report: value by region for each indicator, deadlines, region × indicator matrix."""
    from outputs import report as rep

    with _open_store(db) as store:
        path = rep.write(store, out)
    typer.echo(f"written: {path} ({path.stat().st_size / 1e6:.1f} MB, opens offline)")


@app.command()
def serve(db: StoreDb = DEFAULT_DB,
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 to let other machines in.")] = "127.0.0.1"):
    """A read-only web UI over the store: filter commitments and documents, search, read evidence, export."""
    from outputs.web.app import serve as run_server

    if not db.is_file():
        typer.echo(f"policy: {db}: no store here; run `policy run PATH... --out {db.parent}` first", err=True)
        raise typer.Exit(1)
    typer.echo(f"serving {db} read-only at http://{host}:{port}/ (Ctrl+C stops)")
    run_server(db, host, port)


@app.command()
def indicators(db: StoreDb = DEFAULT_DB,
               unknown: Annotated[bool, typer.Option("--unknown", help="Group the indicators the taxonomy does not know.")] = False):
    """The indicator taxonomy with how often each key occurs, or groups of unknown indicators to name."""
    from collections import Counter
    from types import SimpleNamespace

    from rich.table import Table

    from extractors.indicators import group_unknown, labels, measured_phrase, value_context

    with _open_store(db) as store:
        coms = store.table("commitments")
    coms = coms[coms["kind"] != "reported"]
    if unknown:
        rows = coms[coms["indicator_key"].isna()]
        items = []
        for r in rows.itertuples(index=False):
            c = SimpleNamespace(indicator=r.indicator if isinstance(r.indicator, str) else None,
                                unit=r.unit, sentence=r.sentence or "", start=None, end=None)
            items.append((c.indicator, value_context(c)[1]))
        counts = Counter(n for n in (measured_phrase(*i) for i in items) if n)
        groups = sorted(group_unknown(items), key=lambda g: -sum(counts[p] for p in g))
        t = Table("group", "commitments", "phrases", "measured noun phrases (most frequent first)",
                  title="measured noun phrases without a key (candidates for indicators.tsv)")
        for i, members in enumerate(groups, 1):
            members = sorted(members, key=lambda p: -counts[p])
            t.add_row(str(i), str(sum(counts[p] for p in members)), str(len(members)),
                      "；".join(f"{p}（{counts[p]}）" for p in members[:5]))
        _console().print(t)
        return
    counts = coms["indicator_key"].value_counts()
    t = Table("key", "label", "commitments", "regions", title="indicator taxonomy (extractors/data/indicators.tsv)")
    for key, label in labels().items():
        regions = coms.loc[coms["indicator_key"] == key, "region_adcode"].nunique()
        t.add_row(key, label, str(int(counts.get(key, 0))), str(regions))
    _console().print(t)


@app.command(name="eval")
def eval_(gold: Annotated[Path, typer.Option(help="Folder of gold annotations (<stem>.json).")],
          docs: Annotated[Path, typer.Option(help="Folder of the annotated source files.")]):
    """Extract the annotated files and score them against gold (the figures of score.py)."""
    from pipeline.process import extract_records
    from pipeline.scoring import score

    files = sorted(p for p in docs.iterdir() if p.is_file() and (gold / (p.stem + ".json")).exists())
    records = [rec for f in files for rec in extract_records(f)]
    figs = score(records, gold, docs)
    typer.echo(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figs.items()))


@app.command()
def citations(db: Annotated[Path, typer.Option(help="The store `policy run` wrote.")] = Path("out/policy.sqlite"),
              doc: Annotated[str | None, typer.Option(help="One document's id (or its first characters): what it cites and what cites it.")] = None):
    """Who cites whom: relation (implements, repeals, amends, cites) and the cited document when it is stored."""
    from rich.table import Table

    from outputs.links import RELATION_LABELS

    with _open_store(db) as store:
        conn = store.conn
        sql = """SELECT c.doc_id, d.title, c.relation, c.text, c.cited_doc_id, t.title FROM citations c
                 JOIN documents d ON d.doc_id = c.doc_id LEFT JOIN documents t ON t.doc_id = c.cited_doc_id"""
        args: tuple = ()
        if doc:
            sql += " WHERE c.doc_id LIKE ? OR c.cited_doc_id LIKE ?"
            args = (doc + "%", doc + "%")
        rows = conn.execute(sql + " ORDER BY d.title, c.start", args).fetchall()
    if not rows:
        typer.echo("no citation matches" + (f" document {doc}" if doc else ""))
        raise typer.Exit(0 if not doc else 1)
    t = Table("citing", "relation", "cited as written", "stored as", title="citations")
    for citing_id, citing, rel, text, cited_id, cited in rows:
        t.add_row(f"{(citing or '（无标题）')[:40]} [{citing_id[:8]}]", RELATION_LABELS.get(rel, rel), text[:60],
                  f"{(cited or '')[:40]} [{cited_id[:8]}]" if cited_id else "—")
    _console().print(t)
    linked = sum(1 for r in rows if r[4])
    typer.echo(f"{len(rows)} citations, {linked} to stored documents")


@app.command()
def followups(db: Annotated[Path, typer.Option(help="The store `policy run` wrote.")] = Path("out/policy.sqlite"),
              indicator: Annotated[str | None, typer.Option(help="One indicator key (see `policy indicators`).")] = None):
    """Were the targets met: each keyed target with the latest later report for its region and indicator."""
    from rich.table import Table

    from outputs.links import STATUS_LABELS

    with _open_store(db) as store:
        fu = store.table("follow_ups")
    if indicator:
        fu = fu[fu["indicator_key"] == indicator]
    if fu.empty:
        typer.echo("no keyed target with a region and deadline year" + (f" for {indicator}" if indicator else ""))
        return
    t = Table("region", "indicator", "year", "target", "reported", "status", title="target follow-up")
    for r in fu.itertuples(index=False):
        target = f"{r.comparator or ''}{r.value:g}{r.unit}"
        reported = "—" if r.report_value is None or r.report_value != r.report_value else f"{r.report_value:g}{r.report_unit}（{int(r.report_year)}年）"
        t.add_row(r.region_name or "", r.indicator_key, str(r.year), target, reported, STATUS_LABELS.get(r.status, r.status))
    _console().print(t)
    typer.echo(", ".join(f"{STATUS_LABELS.get(k, k)} {n}" for k, n in fu["status"].value_counts().items()))
