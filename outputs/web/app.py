"""`policy serve`: a read-only web UI over the store for people who do not program.

Commitments and documents with facets (region by province → city → county, agency, indicator, kind,
year, document type), full-text search in Chinese, each commitment opened in its document with the
evidence highlighted, and CSV / Excel export of whatever the filters show. Labels are Chinese.

Why not Datasette: its interface text is English, its search box hands whole clauses to a whitespace
tokenizer (no hits for Chinese words), and a region hierarchy, offset-based highlighting and Excel
export would each need a plugin and template overrides; FastAPI and Jinja2 are already installed with
Prefect, so the UI is a few server-rendered pages that need no JavaScript.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException

from outputs.export import safe_cell
from outputs.labels import KIND_LABELS, LEVEL_LABELS
from outputs.links import chain
from outputs.search import highlight_spans
from outputs.web import queries
from outputs.web.marks import Span, marked
from outputs.web.queries import BadRequest, Filters, Query

log = logging.getLogger("policy.serve")
TEMPLATES = Path(__file__).parent / "templates"

COMMITMENT_FACETS = [("region", "地区"), ("indicator", "指标"), ("kind", "类型"), ("year", "年份"), ("issuer", "发文机关")]
EXPORT_SLOTS = 2  # exports at once; each holds one block of rows (CSV) or a write-only workbook (Excel)
DOCUMENT_FACETS = [("region", "地区"), ("doc_type", "文种"), ("year", "发布年份"), ("issuer", "发文机关")]
FOLLOW_UP_FACETS = [("region", "地区"), ("status", "完成情况"), ("indicator", "指标"), ("year", "目标年份")]
EXPORTS = {"commitments": (queries.COMMITMENT_EXPORT, "承诺"), "documents": (queries.DOCUMENT_EXPORT, "文件"),
           "follow_ups": (queries.FOLLOW_UP_EXPORT, "目标完成情况")}


def create_app(db: str | Path) -> FastAPI:
    db = Path(db)
    queries.connect(db).close()  # fail now, naming the file, if there is no store
    app = FastAPI(title="政策承诺查询", docs_url=None, redoc_url=None, openapi_url=None)
    slots = threading.BoundedSemaphore(EXPORT_SLOTS)
    templates = Jinja2Templates(directory=str(TEMPLATES))

    def url(path: str, f: Filters | None = None, **changes) -> str:
        params = f.params(**changes) if f is not None else {k: v for k, v in changes.items() if v is not None}
        return path + ("?" + urlencode(params) if params else "")

    templates.env.globals.update(url=url, kind_labels=KIND_LABELS, level_labels=LEVEL_LABELS,
                                 region_name=queries.region_name, facet_label=queries.facet_label,
                                 file_label=queries.file_label)

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def open_store() -> sqlite3.Connection:
        return queries.connect(db)

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return page(request, "message.html", 400, heading="请求参数有误", message=str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        names = sorted({str(e.get("loc", ["", "?"])[-1]) for e in exc.errors()})
        return page(request, "message.html", 400, heading="请求参数有误", message="无效的参数：" + "、".join(names))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        heading = {404: "未找到", 405: "只读服务：不支持此操作"}.get(exc.status_code, "请求失败")
        return page(request, "message.html", exc.status_code, heading=heading, message=exc.detail if exc.status_code == 404 else "")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)  # details go to the log, never to the page
        return page(request, "message.html", 500, heading="服务器内部错误", message="请求未能完成，错误已记入服务日志。")

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/commitments")

    def listing(request: Request, table: str, facets: list[tuple[str, str]], template: str):
        f = Filters.parse(request.query_params)
        conn = open_store()
        try:
            q = Query(conn, table)
            total = q.count(f)
            rows = q.rows(f, offset=(f.page - 1) * queries.PAGE_SIZE)
            facet_values = [(name, label, q.facet(name, f)) for name, label in facets]
        finally:
            conn.close()
        if f.q:
            field = "sentence" if table == "commitments" else "title"
            for r in rows:
                r["marked"] = marked(r[field] or "", [Span(s, e) for s, e in highlight_spans(r[field] or "", f.q)])
        pages = max(1, -(-total // queries.PAGE_SIZE))
        return page(request, template, f=f, rows=rows, total=total, pages=pages, facets=facet_values,
                    crumbs=queries.region_path(f.region), indicator_labels=queries.indicator_labels())

    @app.get("/commitments", response_class=HTMLResponse)
    def commitments(request: Request):
        return listing(request, "commitments", COMMITMENT_FACETS, "commitments.html")

    @app.get("/documents", response_class=HTMLResponse)
    def documents(request: Request):
        return listing(request, "documents", DOCUMENT_FACETS, "documents.html")

    def export(request: Request, table: str, fmt: str) -> Response:
        """CSV or Excel of what the filters show, streamed in constant memory: CSV rows as they come from the
        cursor, Excel through a write-only workbook on disk. Cells that a spreadsheet would run as formulas are
        neutralised. At most EXPORT_SLOTS exports run at once; another gets 503 and is asked to retry."""
        f = Filters.parse(request.query_params)
        if not slots.acquire(blocking=False):
            return page(request, "message.html", 503, heading="导出繁忙",
                        message="同时进行的导出已达上限，请稍后再试。")
        release = _once(slots.release)
        columns, sheet = EXPORTS[table]
        headers = {"Content-Disposition": f'attachment; filename="{table}.{fmt}"'}

        def rows():
            conn = open_store()
            try:
                for r in Query(conn, table).iter_rows(f, limit=queries.EXPORT_LIMIT):
                    yield [safe_cell(r.get(c)) for c, _ in columns]
            finally:
                conn.close()

        try:
            if fmt == "csv":
                return _SlotStream(_csv_stream([label for _, label in columns], rows(), release), release,
                                   media_type="text/csv; charset=utf-8", headers=headers)
            path = _xlsx_file([label for _, label in columns], rows(), sheet)
        except BaseException:
            release()
            raise
        release()
        return FileResponse(path, headers=headers, background=BackgroundTask(os.unlink, path),
                            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.get("/commitments.csv")
    def commitments_csv(request: Request):
        return export(request, "commitments", "csv")

    @app.get("/commitments.xlsx")
    def commitments_xlsx(request: Request):
        return export(request, "commitments", "xlsx")

    @app.get("/documents.csv")
    def documents_csv(request: Request):
        return export(request, "documents", "csv")

    @app.get("/documents.xlsx")
    def documents_xlsx(request: Request):
        return export(request, "documents", "xlsx")

    @app.get("/followups", response_class=HTMLResponse)
    def followups(request: Request):
        return listing(request, "follow_ups", FOLLOW_UP_FACETS, "followups.html")

    @app.get("/followups.csv")
    def followups_csv(request: Request):
        return export(request, "follow_ups", "csv")

    @app.get("/followups.xlsx")
    def followups_xlsx(request: Request):
        return export(request, "follow_ups", "xlsx")

    @app.get("/documents/{doc_id}/chain", response_class=HTMLResponse)
    def document_chain(request: Request, doc_id: str):
        conn = open_store()
        try:
            doc = queries.document(conn, doc_id)
            if doc is None:
                raise HTTPException(404, "没有这份文件")
            up, down = chain(conn, doc_id) if queries._has_table(conn, "citations") else ([], [])
        finally:
            conn.close()
        return page(request, "chain.html", doc=doc, up=list(reversed(up)), down=down)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str, c: int | None = None):
        conn = open_store()
        try:
            doc = queries.document(conn, doc_id)
            if doc is None:
                raise HTTPException(404, "没有这份文件")
            items = queries.commitments_of(conn, doc_id)
            mentions = queries.mentions_of(conn, doc_id)
            text = queries.document_text(conn, doc)
            cites = queries.citations_of(conn, doc_id)
            cited_by = queries.cited_by(conn, doc_id)
            copies = queries.copies_of(conn, doc_id)
        finally:
            conn.close()
        body = None
        if text is not None:
            start = doc.get("start") or 0
            end = doc.get("end") or len(text)
            spans = [Span(it["start"] - start, it["end"] - start, "ev current" if it["idx"] == c else "ev",
                          anchor=f"c{it['idx']}", title=f"{it['kind_label']}：{it['indicator'] or it['sentence'][:20]}")
                     for it in items]
            # the value itself, with its unit as written, inside its evidence
            spans += [Span(it["value_start"] - start, it["value_end"] - start, "val val-current" if it["idx"] == c else "val")
                      for it in items if it.get("value_start") is not None and it.get("value_end") is not None]
            spans += [Span(m["start"] - start, m["end"] - start, f"m-{m['kind']}") for m in mentions
                      if m["kind"] in ("agency", "doc_number") and not any(x["start"] <= m["start"] < x["end"] for x in cites)]
            spans += [Span(x["start"] - start, x["end"] - start, "m-citation", anchor=f"cite{i}", title=x["relation_label"])
                      for i, x in enumerate(cites)]
            body = marked(text[start:end], [_trimmed(text[start:end], s) for s in spans])
        return page(request, "document.html", doc=doc, items=items, mentions=mentions, body=body, current=c,
                    cites=cites, cited_by=cited_by, copies=copies,
                    crumbs=queries.region_path(doc.get("region_adcode")))

    @app.get("/errors", response_class=HTMLResponse)
    def errors(request: Request):
        conn = open_store()
        try:
            rows = queries.errors(conn)
        finally:
            conn.close()
        return page(request, "errors.html", rows=rows)

    return app


def _once(fn):
    """`fn` that runs at most once however often it is called (from any thread)."""
    lock, done = threading.Lock(), []

    def call():
        with lock:
            if done:
                return
            done.append(True)
        fn()
    return call


class _SlotStream(StreamingResponse):
    """A streamed export that gives its slot back (`release`) when the response is over, also when the client goes
    away midway: the body's generator is closed then and there, not left to the garbage collector (which, for a
    response cancelled in the middle, may not come for a long time and would keep the slot taken)."""

    def __init__(self, content, release, **kw):
        super().__init__(content, **kw)
        self._content, self._release = content, release

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            try:
                self._content.close()  # its `finally` closes the store's connection
            except ValueError:  # a block is being made in a worker thread right now; it ends with that block
                pass
            self._release()


def _csv_stream(header: list[str], rows, done, chunk: int = 1000):
    """CSV text (with a BOM, so that Excel reads Chinese as UTF-8) in blocks of `chunk` rows; `done()` at the end."""
    try:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        yield "\ufeff" + buf.getvalue()
        buf.seek(0)
        buf.truncate()
        for i, row in enumerate(rows, 1):
            writer.writerow(["" if v is None else v for v in row])
            if i % chunk == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    finally:
        if hasattr(rows, "close"):
            rows.close()
        done()


def _xlsx_file(header: list[str], rows, sheet: str) -> str:
    """A workbook written row by row (openpyxl's write-only mode) to a temporary file; returns its path."""
    import tempfile

    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(header)
    for row in rows:
        ws.append(row)
    fd, path = tempfile.mkstemp(prefix="policy-export-", suffix=".xlsx")
    os.close(fd)
    try:
        wb.save(path)
    except BaseException:
        os.unlink(path)
        raise
    return path


def _trimmed(text: str, span: Span) -> Span:
    """The span without the indentation and line breaks at its ends (evidence spans start at the line)."""
    s, e = max(span.start, 0), min(span.end, len(text))
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, span.css, span.anchor, span.title)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
