"""Prefect flows: `process` reads paths, extracts, stores and exports the tables."""
from __future__ import annotations

from pathlib import Path

from pipeline import settings

settings.apply()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_table_artifact  # noqa: E402

from corpora.readers import expand_paths  # noqa: E402
from outputs.export import export_tables  # noqa: E402
from outputs.store import Store  # noqa: E402
from pipeline.process import extract_records  # noqa: E402


@task(name="extract-file", task_run_name="extract {path}")
def extract_task(path: str) -> list[dict]:
    return extract_records(path)


@flow(name="process", log_prints=False)
def process_flow(paths: list[str], out: str = "out") -> dict:
    """Extract every supported file under `paths`, upsert into out/policy.sqlite, export tables."""
    files = [str(p) for p in expand_paths(paths)]
    futures = [extract_task.submit(f) for f in files]
    out_dir = Path(out)
    store_path = out_dir / "policy.sqlite"
    with Store(store_path) as store:
        for f, fut in zip(files, futures):
            store.put_file(f, fut.result())
        export_tables(store, out_dir / "tables")
        summary = summarize(store, str(store_path))
    try:
        create_table_artifact(key="process-summary", table=summary["by_region"], description="commitments by region")
    except Exception:  # an artifact is a convenience; the run's result does not depend on it
        pass
    return summary


def summarize(store: Store, store_path: str) -> dict:
    docs = store.table("documents")
    coms = store.table("commitments")
    errs = store.table("errors")
    by_region = []
    if len(docs):
        for (code, name), group in docs.groupby([docs["region_adcode"].fillna(""), docs["region_name"].fillna("")]):
            c = coms[coms["doc_id"].isin(group["doc_id"])]
            by_region.append({"region": name or None, "adcode": code or None, "documents": int(len(group)),
                              "targets": int((c["kind"] == "target").sum()), "provisions": int((c["kind"] == "provision").sum())})
    return {"documents": int(len(docs)), "commitments": int((coms["kind"] != "reported").sum()) if len(coms) else 0,
            "errors": errs.to_dict("records"), "by_region": by_region, "store": store_path}
