"""Benchmark: ``rasd run`` end to end on real-shaped reports, with 1 and N worker processes.

The corpus: the dev reports in /work/shared/dev/airwars/articles.jsonl when that file exists
(read at run time, never copied into the repository), else bench/corpus.py's generated
articles; either is replicated to ``--articles`` (10,000; 100,000 with ``--large``), each copy
published ``SHIFT_DAYS`` days after the previous one under its own doc_id, so the replicas
are new reports of other days, not duplicates. It is written as plain JSON lines, as HTML
pages (one file and its .meta.json each) and, when rasd reads .warc files, as a WARC (warcio).

Each row times ``rasd run`` in a subprocess (the whole command: start-up, reading,
extraction, grouping, the store and every export) and samples the peak resident memory of
its whole process tree (psutil, the sum over the parent and its workers). Two yardsticks
are measured in the same run, on the same texts: a naive claim rule (one regular expression
for "killed/injured N") and trafilatura.extract alone over the HTML pages.

    .venv/bin/python bench/throughput.py [--articles N] [--large] [--workers N] [--repeats R]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html import escape
from pathlib import Path

import psutil

DEV = Path("/work/shared/dev/airwars/articles.jsonl")
SHIFT_DAYS = 400          # a replica's reports are this many days after the previous replica's
NAIVE_CLAIM = re.compile(r"(?:مقتل|قتل|إصابة|أصيب|جرح)\s+(\d+|[\u0621-\u064a]+)")


def seed_records() -> tuple[list[dict], str]:
    """The records to replicate, and where they come from."""
    if DEV.exists():
        with DEV.open(encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        return records, f"{DEV} ({len(records)} reports)"
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import generate

    articles = generate(600)
    return ([{"id": a.doc_id, "text": a.text, "outlet": a.outlet, "url": a.url,
              "published": a.published.isoformat() if a.published else None} for a in articles],
            "bench/corpus.py (600 generated articles)")


def replicated(records: list[dict], n: int) -> list[dict]:
    out = []
    for k in range(n):
        r = dict(records[k % len(records)])
        copy = k // len(records)
        r["id"] = f"{r['id']}-r{copy}"
        if r.get("published"):
            day = dt.date.fromisoformat(r["published"][:10]) + dt.timedelta(days=SHIFT_DAYS * copy)
            r["published"] = day.isoformat()
        out.append(r)
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def page(r: dict) -> str:
    """A news page around the report: navigation, the article's paragraphs, a footer."""
    title, _, body = r["text"].strip().partition("\n")
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in body.split("\n") if p.strip())
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><nav><a href="/">الرئيسية</a> <a href="/syria">سوريا</a> <a href="/world">العالم</a></nav>'
            f"<article><h1>{escape(title)}</h1>\n{paragraphs}</article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")


def write_html(records: list[dict], folder: Path) -> Path:
    folder.mkdir()
    for n, r in enumerate(records):
        name = f"{n:06d}"
        (folder / f"{name}.html").write_text(page(r), encoding="utf-8")
        meta = {k: r.get(k) for k in ("outlet", "published", "url")}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return folder


def write_warc(records: list[dict], path: Path) -> Path:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n, r in enumerate(records):
            body = page(r).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(r.get("url") or f"https://example.org/{n}", "response",
                                               payload=BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": f"{r.get('published') or '2020-01-01'}T00:00:00Z"})
            writer.write_record(record)
    return path


def rasd_reads_warc() -> bool:
    from rasd.ingest import readers

    return ".warc" in getattr(readers, "_READERS", {}) or ".gz" in getattr(readers, "_READERS", {})


def timed_run(inputs: Path, workers: int, out: Path) -> tuple[float, int, int]:
    """Seconds, peak RSS of the process tree (bytes) and exit code of one ``rasd run``."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "-q", "run", str(inputs), "--out", str(out),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, root = 0, psutil.Process(proc.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return seconds, peak, code


def naive_rate(texts: list[str]) -> float:
    started = time.perf_counter()
    found = sum(len(NAIVE_CLAIM.findall(t)) for t in texts)
    seconds = time.perf_counter() - started
    assert found                       # the rule reads something, or the yardstick means nothing
    return len(texts) / seconds


def trafilatura_rate(folder: Path, limit: int) -> float:
    import trafilatura

    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))[:limit]]
    started = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    return len(pages) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--large", action="store_true", help="also 100,000 articles (plain text only)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeats", type=int, default=1, help="runs per row (the median is shown)")
    parser.add_argument("--formats", default="jsonl,html,warc")
    args = parser.parse_args()

    seeds, origin = seed_records()
    print(f"corpus: {origin}, replicated with dates shifted by {SHIFT_DAYS} days per copy; "
          f"machine: {os.cpu_count()} cores, workers N={args.workers}")
    sizes = [args.articles] + ([100_000] if args.large else [])
    with tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp:
        root = Path(tmp)
        for size in sizes:
            records = replicated(seeds, size)
            texts = [r["text"] for r in records]
            megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
            naive = naive_rate(texts)
            print(f"\n{size} articles, {megabytes:.1f} MB of text; yardstick naive regex claim rule: "
                  f"{naive:,.0f} articles/s")
            inputs = {"jsonl": write_jsonl(records, root / f"articles-{size}.jsonl")}
            formats = args.formats.split(",") if size == args.articles else ["jsonl"]
            if "html" in formats:
                inputs["html"] = write_html(records, root / f"html-{size}")
                print(f"yardstick trafilatura.extract alone over the HTML pages: "
                      f"{trafilatura_rate(inputs['html'], 2000):,.0f} articles/s (first 2,000 pages)")
            if "warc" in formats:
                if rasd_reads_warc():
                    inputs["warc"] = write_warc(records, root / f"articles-{size}.warc.gz")
                else:
                    print("warc: skipped (this rasd has no .warc reader yet)")
            print(f"{'input':<6} {'workers':>7} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} "
                  f"{'peak RSS MB':>11} {'x naive':>7}")
            for name, path in inputs.items():
                if name not in formats:
                    continue
                for workers in dict.fromkeys((1, args.workers)):
                    runs = [timed_run(path, workers, root / "out") for _ in range(args.repeats)]
                    seconds = statistics.median(r[0] for r in runs)
                    peak = max(r[1] for r in runs)
                    codes = {r[2] for r in runs}
                    rate = size / seconds
                    print(f"{name:<6} {workers:>7} {seconds:>8.1f} {rate:>10,.0f} {megabytes / seconds:>6.2f} "
                          f"{peak / 1e6:>11,.0f} {rate / naive:>7.4f}" + ("" if codes <= {0, 1} else f"  exit {codes}"),
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
