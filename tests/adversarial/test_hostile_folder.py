"""The issue's closing check: `policy run` over a folder of hostile files beside good ones stays under 1 GB of
memory (the whole process tree: the run, its workers and Prefect's temporary server), stores every good
document, and gives every hostile file an error row with its reason."""
from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil

from tests.adversarial.test_inputs import NOTICE


def notice_html(title: str) -> str:
    return NOTICE.replace("某市卫生健康委员会关于加强基层医疗卫生服务能力建设的通知", title)


def huge_xml_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            run = "<w:p><w:r><w:t>通知</w:t></w:r></w:p>".encode() * 1000
            for _ in range(40 * (1 << 20) // len(run)):
                f.write(run)
    return buf.getvalue()


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            for _ in range(260):
                f.write(b"\0" * (1 << 20))
    return buf.getvalue()


def test_a_folder_of_hostile_files_beside_good_ones(tmp_path, samples):
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(samples, inputs)
    good = {p.name for p in inputs.iterdir()}
    # hostile files built to break a reader, each of which must become an error row with this reason
    hostile = {"pipe.txt": "read_error", "dangling.txt": "read_error", "loop.html": "read_error",
               "huge-xml.docx": "too_large", "bomb.docx": "too_large", "nul.txt": "decode_error",
               "broken.pdf": "decode_error", "legacy.doc": "unsupported_format"}
    os.mkfifo(inputs / "pipe.txt")
    (inputs / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (inputs / "loop.html").symlink_to(inputs / "loop.html")
    (inputs / "huge-xml.docx").write_bytes(huge_xml_docx())
    (inputs / "bomb.docx").write_bytes(zip_bomb())
    (inputs / "nul.txt").write_bytes("通知".encode() + b"\0\0\0" * 1000)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (inputs / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 1000)
    # hostile in form, good in content: each must be stored as a document
    titles = {"nested.html": "某市民政局关于提高城乡低保标准的通知",
              "attributes.html": "某市教育局关于做好义务教育招生工作的通知",
              "big-attribute.html": "某市交通运输局关于加强道路养护工作的通知"}
    (inputs / "nested.html").write_text("<html><body>" + "<div>" * 100_000 + notice_html(titles["nested.html"])
                                        + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (inputs / "attributes.html").write_text(
        "<html><body><div " + " ".join(f'a{i}="x"' for i in range(500_000)) + ">目录</div>"
        + notice_html(titles["attributes.html"]) + "</body></html>", encoding="utf-8")
    (inputs / "big-attribute.html").write_text(
        f"<html><body><div data-x=\"{'a' * 50_000_000}\">目录</div>{notice_html(titles['big-attribute.html'])}"
        "</body></html>", encoding="utf-8")
    gbk_name = os.fsencode(inputs) + b"/" + "关于印发医疗卫生方案的通知.txt".encode("gbk")
    with open(gbk_name, "wb") as f:
        f.write("某市卫生健康委员会关于印发医疗卫生服务方案的通知\n各区县：到2026年，每万人口全科医生数达到4名。\n"
                .encode("utf-8") * 3)

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(Path(sys.executable).parent / "policy"), "run", str(inputs), "--out", str(out)],
                            env=env, stdout=open(tmp_path / "run.log", "wb"), stderr=subprocess.STDOUT)
    # the tree's peak: the largest sum of resident memory over the run and all its descendants (its worker
    # processes, Prefect's temporary server) at one moment, sampled; and each process's own largest sample
    peak, own = 0, {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in members:
            try:
                rss = p.memory_info().rss
                name = own.get(p.pid, (0, ""))[1] or " ".join(p.cmdline())[:80]
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            total += rss
            own[p.pid] = (max(own.get(p.pid, (0, ""))[0], rss), name)
        peak = max(peak, total)
        time.sleep(0.05)
    log = (tmp_path / "run.log").read_text(errors="replace")
    with sqlite3.connect(out / "policy.sqlite") as c:
        docs = c.execute("SELECT source, title FROM documents").fetchall()
        errors = {Path(s).name: (e, d) for s, e, d in c.execute("SELECT source, error, detail FROM errors")}
    stored = {Path(s).name for s, _ in docs}
    assert good <= stored, log[-3000:]
    for name, title in titles.items():
        assert name in stored and any(t and t.endswith(title) for s, t in docs if s.endswith(name)), name
    assert "关于印发医疗卫生方案的通知.txt" in stored
    for name, reason in hostile.items():
        assert name in errors, (name, log[-3000:])
        assert errors[name][0] == reason and errors[name][1], (name, errors[name])
    # memory: the whole process tree (the run, its extraction worker processes and Prefect's temporary server)
    # stays under 1 GB however hostile the input; the message gives each process's figure
    figures = f"process tree peak {peak / 2**20:.0f} MB; each process's own: " + "; ".join(
        f"{n} {b / 2**20:.0f} MB" for b, n in own.values())
    print(figures)
    assert peak < 2**30, figures
