"""Nothing a bad record can do loses a batch; outputs are atomic and deterministic (issue 13).

Each crash case below ended the whole batch with a traceback before; now each is a named
line in ``errors.jsonl`` (an error when nothing could be read, a warning when the record was
repaired) and the rest of the batch is read. Then: a pathological article is bounded in
size and time, the output folder is swapped in whole (a SIGKILL mid-run leaves the old
outputs), runs lock each other out, output bytes do not depend on the hash seed, and
report.md shows data as text. Property tests feed the readers arbitrary bytes, JSON values
and file names, and tag soup to the HTML path.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt
from click.testing import CliRunner

from rasd import cli, engine
from rasd.cli import app
from rasd.export.jsonout import SENTENCE_EXCERPT_CHARS, document_json, dumps, sentence_excerpt
from rasd.export.outdir import OutputFolder
from rasd.extract.sites import _covered
from rasd.ingest import IngestError, read_inputs
from rasd.ingest.readers import article_from_html
from rasd.model import Article
from rasd.pipeline import analyze
from rasd.text.sentences import MAX_SENTENCE_CHARS, split_sentences

ROOT = Path(__file__).resolve().parents[1]
RASD = [sys.executable, "-m", "rasd"]

# Written for these tests: two short reports of one strike, and a third elsewhere.
STRIKE = ("قتل ثلاثة مدنيين وأصيب خمسة آخرون جراء غارة جوية استهدفت سوقاً في مدينة سراقب "
          "بريف إدلب الشرقي، بحسب الدفاع المدني.")
SHELLING = ("أصيب طفلان بجروح جراء قصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب "
            "صباح اليوم، وفق ناشطين محليين.")
MALFORMED_HTML = "<svg><meta name=date content=2021><meta name=date content=2021>&\x00<h1><html>"

runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def docs_of(out: Path) -> dict[str, dict]:
    return {d["doc_id"]: d for d in map(json.loads, (out / "docs.jsonl").read_text("utf-8").splitlines())}


def errors_of(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "errors.jsonl").read_text("utf-8").splitlines()]


def all_outputs_are_utf8(out: Path) -> None:
    for name in ("docs.jsonl", "incidents.json", "report.md", "errors.jsonl", "run.json"):
        (out / name).read_bytes().decode("utf-8")
    json.loads((out / "incidents.json").read_text("utf-8"))


# ------------------------------------------------------------------ each former crash

def test_a_lone_surrogate_escape_is_replaced_and_said(tmp_path: Path):
    feed = write(tmp_path / "in" / "feed.jsonl",
                 "\n".join([json.dumps({"id": "bad", "text": STRIKE + " \ud800", "outlet": "A\udfff"}),
                            line(id="good", text=SHELLING)]) + "\n")
    result = invoke("run", feed, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    docs = docs_of(tmp_path / "out")
    assert set(docs) == {"bad", "good"}
    assert docs["bad"]["text"].endswith("\ufffd") and docs["bad"]["outlet"] == "A\ufffd"
    warning, = [e for e in errors_of(tmp_path / "out") if e["origin"] == f"{feed}:1"]
    assert warning["level"] == "warning" and "surrogate" in warning["message"]
    all_outputs_are_utf8(tmp_path / "out")


def test_a_number_of_thousands_of_digits_in_a_line_or_a_sidecar(tmp_path: Path):
    huge = "9" * 5000
    folder = tmp_path / "in"
    write(folder / "feed.jsonl", f'{{"id": "line", "text": "{STRIKE}", "published": {huge}, "views": {huge}}}\n'
          f'{{"id": {huge}, "text": "{SHELLING}"}}\n')
    write(folder / "page.txt", STRIKE)
    write(folder / "page.meta.json", f'{{"published": {huge}, "outlet": "Outlet"}}')
    result = invoke("run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    docs = docs_of(tmp_path / "out")
    assert {"line", huge, "page"} == set(docs)
    assert docs["line"]["published"] is None and docs["page"]["outlet"] == "Outlet"
    assert all(e["level"] == "warning" for e in errors_of(tmp_path / "out"))


@pytest.mark.parametrize("digits", ["9" * 5000, "٩" * 5000, "1" * 13])
def test_a_digit_run_in_the_text_is_no_count_and_the_article_is_read(digits: str, tmp_path: Path):
    text = f"{STRIKE}\nوقال مصدر إن {digits} شخصا قتلوا."
    feed = write(tmp_path / "feed.jsonl", line(id="a", text=text) + "\n")
    result = invoke("run", feed, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    claims = docs_of(tmp_path / "out")["a"]["claims"]
    assert {("killed", 3), ("injured", 5)} <= {(c["kind"], c["min"]) for c in claims}
    assert all(c["min"] < 10 ** 12 for c in claims)


def test_tiny_malformed_html_is_one_named_error(tmp_path: Path):
    folder = tmp_path / "in"
    write(folder / "a.html", MALFORMED_HTML)
    write(folder / "b.jsonl", line(id="page", html=MALFORMED_HTML) + "\n" + line(id="good", text=STRIKE) + "\n")
    write(folder / "c.txt", SHELLING)
    result = invoke("run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert set(docs_of(tmp_path / "out")) == {"good", "c"}
    failed = [e["origin"] for e in errors_of(tmp_path / "out") if e["level"] == "error"]
    assert failed == [str(folder / "a.html"), f"{folder / 'b.jsonl'}:1"]
    assert all(line.startswith(tuple(failed)) for line in result.stderr.splitlines()[:2])


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes are a Linux matter")
def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xff\xfe-report.txt", "w", encoding="utf-8") as handle:
        handle.write(STRIKE)
    write(folder / "other.txt", SHELLING)
    result = invoke("run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert set(docs_of(tmp_path / "out")) == {"\\xff\\xfe-report", "other"}
    warning, = errors_of(tmp_path / "out")
    assert warning["origin"] == f"{folder}/\\xff\\xfe-report.txt" and "not UTF-8" in warning["message"]
    all_outputs_are_utf8(tmp_path / "out")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_far_out_of_range_is_dropped_with_a_warning(published: str, tmp_path: Path):
    feed = write(tmp_path / "feed.jsonl", line(id="a", text=STRIKE + " وقتل شخص أمس.", published=published) + "\n")
    result = invoke("run", feed, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert docs_of(tmp_path / "out")["a"]["published"] is None
    warning, = errors_of(tmp_path / "out")
    assert warning["level"] == "warning" and published in warning["message"]


# ------------------------------------------------------------------ silent losses

def test_one_undecodable_byte_costs_its_line_not_the_file(tmp_path: Path):
    feed = write(tmp_path / "feed.jsonl", line(id="a", text=STRIKE).encode() + b"\n"
                 + b'{"id": "b", "text": "\xff\xfe"}\n' + line(id="c", text=SHELLING).encode() + b"\n")
    result = invoke("run", feed, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert set(docs_of(tmp_path / "out")) == {"a", "c"}
    error, = errors_of(tmp_path / "out")
    assert error["origin"] == f"{feed}:2" and "UTF-8" in error["message"]


def test_a_jsonl_file_in_windows_1256_is_still_read_whole(tmp_path: Path):
    feed = write(tmp_path / "feed.jsonl", (line(id="a", text=STRIKE) + "\n").encode("cp1256"))
    article, = read_inputs([feed])
    assert isinstance(article, Article) and article.text == STRIKE


def test_a_broken_link_and_an_unlistable_folder_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "in"
    write(folder / "a.txt", STRIKE)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    locked = folder / "locked"
    write(locked / "b.txt", SHELLING)
    scandir = os.scandir

    def refusing(path):        # what a folder without read permission does (root reads anything)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    results = list(read_inputs([folder]))
    errors = {e.origin: e.reason for e in results if isinstance(e, IngestError)}
    assert "broken link" in errors[str(folder / "gone.txt")]
    assert "Permission denied" in errors[str(locked)]
    assert [a.doc_id for a in results if isinstance(a, Article)] == ["a"]


def test_the_output_folder_is_never_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write(tmp_path / "a.txt", STRIKE)
    write(tmp_path / "feed.jsonl", line(id="b", text=SHELLING) + "\n")
    monkeypatch.chdir(tmp_path)
    first = invoke("run", ".")
    assert first.exit_code == 0, first.output
    before = (tmp_path / "out" / "docs.jsonl").read_bytes()
    assert invoke("run", ".").exit_code == 0
    assert (tmp_path / "out" / "docs.jsonl").read_bytes() == before
    assert set(docs_of(tmp_path / "out")) == {"a", "b"}



def test_extract_never_reads_its_own_output_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write(tmp_path / "a.txt", STRIKE)
    write(tmp_path / "feed.jsonl", line(id="b", text=SHELLING) + "\n")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert invoke("extract", ".", "--out", "docs.jsonl").exit_code == 0
        assert {json.loads(x)["doc_id"] for x in Path("docs.jsonl").read_text("utf-8").splitlines()} == {"a", "b"}


# ------------------------------------------------------------------ size and time

def blob(chars: int) -> str:
    """A scraped blob: clauses joined by و, no full stop and no line break."""
    clauses = ("قتل ثلاثة مدنيين جراء غارة جوية استهدفت مستودعا في مدينة سراقب",
               "أصيب خمسة آخرون بقصف مدفعي على مخيم للنازحين بريف إدلب",
               "شنت الطائرات أربع غارات على بلدة كفرنبل")
    out, n, k = [], 0, 0
    while n < chars:
        out.append(clauses[k % len(clauses)])
        n += len(out[-1]) + 3
        k += 1
    return " و".join(out)


def test_overlong_sentences_are_cut_at_a_comma_before_a_waw_word_or_hard():
    at_commas = "، ".join(["قصف مدفعي على القرية"] * 400)
    at_waw = " ".join(["قصف مدفعي على القرية وقتل شخص"] * 300)
    no_spaces = "ب" * (3 * MAX_SENTENCE_CHARS)
    for text in (at_commas, at_waw, no_spaces, blob(20_000)):
        spans = split_sentences(text)
        assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
        assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert all(at_commas[e - 1] == "،" for _, e in split_sentences(at_commas)[:-1])
    assert all(at_waw[s] == "و" for s, _ in split_sentences(at_waw)[1:])
    assert len(split_sentences(no_spaces)) == 3


def test_a_long_article_without_sentence_ends_keeps_bounded_excerpts():
    text = "غارات على سراقب\n" + blob(60_000)
    doc = analyze(Article(doc_id="blob", text=text, origin="blob"))
    assert len(doc.claims) > 20
    written = document_json(doc)
    for claim in written["claims"]:
        start, end = claim["sentence_span"]
        assert claim["sentence"] == text[start:end] and len(claim["sentence"]) <= SENTENCE_EXCERPT_CHARS
        assert start <= claim["span"][0] and claim["span"][1] <= end
    per_claim = len(dumps(written["claims"])) / len(written["claims"])
    assert per_claim < SENTENCE_EXCERPT_CHARS + 1000     # not the 60,000-character sentence each


@given(st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 200))
def test_a_sentence_excerpt_holds_its_claim_and_stays_within_its_sentence(a: int, b: int, width: int):
    sentence = (min(a, b), max(a, b) + width + 1)
    claim_start = sentence[0] + (sentence[1] - sentence[0]) // 3
    claim = (claim_start, min(sentence[1], claim_start + width))
    lo, hi = sentence_excerpt(sentence, claim)
    assert sentence[0] <= lo <= claim[0] and claim[1] <= hi <= sentence[1]
    assert hi - lo <= max(SENTENCE_EXCERPT_CHARS, claim[1] - claim[0])


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=8),
       st.lists(st.integers(0, 80), max_size=30))
def test_covered_points_agree_with_a_plain_scan(spans: list[tuple[int, int]], points: list[int]):
    spans = [(s, s + n) for s, n in spans]
    points = sorted(points)
    assert _covered(points, spans) == [any(s <= p < e for s, e in spans) for p in points]


def test_the_size_limit_makes_a_named_error(tmp_path: Path):
    folder = tmp_path / "in"
    write(folder / "blob.txt", blob(5_000))
    write(folder / "feed.jsonl", line(id="blob", text=blob(5_000)) + "\n" + line(id="ok", text=STRIKE) + "\n")
    result = invoke("run", folder, "--out", tmp_path / "out", "--max-chars", 1000)
    assert result.exit_code == 1
    assert set(docs_of(tmp_path / "out")) == {"ok"}
    errors = {e["origin"]: e["message"] for e in errors_of(tmp_path / "out")}
    assert set(errors) == {str(folder / "blob.txt"), f"{folder / 'feed.jsonl'}:1"}
    assert all(m.startswith("too long") for m in errors.values())


def test_the_time_limit_makes_a_named_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    feed = write(tmp_path / "feed.jsonl", line(id="slow", text=SHELLING) + "\n" + line(id="ok", text=STRIKE) + "\n")
    real = engine.analyze

    def stuck_on_slow(article, *stages):
        if article.doc_id == "slow":
            time.sleep(30)
        return real(article, *stages)

    monkeypatch.setattr(engine, "analyze", stuck_on_slow)
    started = time.monotonic()
    result = invoke("run", feed, "--out", tmp_path / "out", "--max-seconds", 0.2, "--workers", 1)
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert set(docs_of(tmp_path / "out")) == {"ok"}
    error, = errors_of(tmp_path / "out")
    assert error["origin"] == f"{feed}:1" and "0.2 s limit" in error["message"]


# ------------------------------------------------------------------ usage errors, run.json, logging

@pytest.mark.parametrize("args", [
    ["--set", "same_place_km=nan"], ["--set", "same_place_km=-5"], ["--set", "orphan_km=inf"],
    ["--set", "radius=10"], ["--set", "stale_days=two"], ["--bogus"], ["--max-chars", "0"],
    ["--max-seconds", "nan"], ["--max-seconds", "-1"],
], ids=lambda a: " ".join(a))
def test_a_usage_error_exits_2_and_touches_nothing(args: list[str], tmp_path: Path):
    write(tmp_path / "a.txt", STRIKE)
    result = invoke("run", tmp_path / "a.txt", "--out", tmp_path / "new" / "out", *args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "new").exists()


def test_a_folder_of_other_files_is_not_taken_as_output(tmp_path: Path):
    write(tmp_path / "a.txt", STRIKE)
    notes = write(tmp_path / "out" / "notes.md", "mine")
    result = invoke("run", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "notes.md" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["notes.md"] and notes.read_text() == "mine"


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"rasd {cli.rasd.__version__}"


def test_run_json_records_version_settings_inputs_counts_and_errors(tmp_path: Path):
    folder = tmp_path / "in"
    page = write(folder / "a.txt", STRIKE)
    sidecar = write(folder / "a.meta.json", '{"outlet": "Outlet", "published": "2024-05-14"}')
    write(folder / "bad.txt", b"")
    result = invoke("run", folder, "--out", tmp_path / "out", "--set", "same_place_km=10")
    assert result.exit_code == 1
    record = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert record["rasd_version"] == cli.rasd.__version__
    assert record["settings"]["merge"]["same_place_km"] == 10.0
    assert record["settings"]["limits"] == {"max_chars": 300_000, "max_seconds": 30.0}
    files = {f["path"]: f for f in record["input_files"]}
    assert files[str(page)]["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert files[str(sidecar)]["bytes"] == sidecar.stat().st_size
    assert record["counts"]["articles"] == 1 and record["counts"]["errors"] == 1
    assert record["errors"][0]["origin"] == str(folder / "bad.txt")
    assert record["duration_seconds"] >= 0


def test_quiet_keeps_errors_and_drops_warnings_and_the_summary(tmp_path: Path):
    folder = tmp_path / "in"
    write(folder / "feed.jsonl", line(id="a", text=STRIKE, published="sometime") + "\n" + "{broken\n")
    result = invoke("--quiet", "run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{folder / 'feed.jsonl'}:2: broken JSON line: "
                                          "Expecting property name enclosed in double quotes (column 2)"]
    loud = invoke("--verbose", "run", folder, "--out", tmp_path / "out")
    assert "sometime" in loud.stderr and "grouping" in loud.stderr


# ------------------------------------------------------------------ report.md

def test_report_shows_data_as_text_never_as_html_or_links(tmp_path: Path):
    hostile = '<script>alert(1)</script> [click](http://evil.example) www.evil.example | **x**'
    folder = tmp_path / "in"
    write(folder / "feed.jsonl", line(id="<img src=x onerror=alert(1)>", text=STRIKE, outlet=hostile,
                                      published="2024-05-14") + "\n")
    assert invoke("run", folder, "--out", tmp_path / "out").exit_code == 0
    report = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert not re.search(r"(?<!\\)[<\[]", report) and "http://" not in report and "www.evil" not in report
    html = MarkdownIt("commonmark").enable("table").render(report)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ------------------------------------------------------------------ atomic outputs, lock

def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module           # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def corpus(path: Path, n: int, seed: int) -> Path:
    module = _load_corpus_module()
    module.write_jsonl(module.generate(n, seed=seed), path)
    return path


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_sigkill_mid_run_leaves_the_old_outputs_whole(tmp_path: Path):
    out = tmp_path / "out"
    small, large = corpus(tmp_path / "small.jsonl", 20, seed=1), corpus(tmp_path / "large.jsonl", 300, seed=2)
    subprocess.run([*RASD, "-q", "run", small, "--out", out], check=True, timeout=120)
    old = snapshot(out)
    assert set(old) == set(cli.RUN_OUTPUTS)

    # Its own process group, killed whole: SIGKILL leaves a run's worker processes orphaned
    # (no process outlives a killed job here, as none would under a shell's kill of the job).
    second = subprocess.Popen([*RASD, "-q", "run", large, "--out", out], stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:   # wait until it is writing documents into its temporary folder
            partial = [p for p in tmp_path.glob(".out.tmp-*/docs.jsonl.tmp") if p.stat().st_size > 0]
            if partial or second.poll() is not None:
                break
            time.sleep(0.02)
        assert second.poll() is None, "the run ended before it could be killed"
        os.killpg(second.pid, signal.SIGKILL)
        second.wait(timeout=30)
    finally:
        if second.poll() is None:
            os.killpg(second.pid, signal.SIGKILL)
    assert snapshot(out) == old
    assert list(tmp_path.glob(".out.tmp-*"))          # the killed run's leftovers ...

    subprocess.run([*RASD, "-q", "run", small, "--out", out], check=True, timeout=120)
    assert not list(tmp_path.glob(".out.tmp-*"))      # ... are cleared by the next run
    new = snapshot(out)
    assert {k: v for k, v in new.items() if k != "run.json"} == {k: v for k, v in old.items() if k != "run.json"}


def test_a_second_run_into_a_locked_folder_refuses_and_changes_nothing(tmp_path: Path):
    write(tmp_path / "a.txt", STRIKE)
    out = tmp_path / "out"
    assert invoke("run", tmp_path / "a.txt", "--out", out).exit_code == 0
    old = snapshot(out)
    with open(tmp_path / ".out.lock", "w") as lock:     # a run in progress holds it
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = invoke("run", tmp_path / "a.txt", "--out", out)
    assert result.exit_code == 2 and "another rasd run" in result.stderr
    assert snapshot(out) == old


def test_a_swap_cut_between_its_two_renames_is_restored(tmp_path: Path):
    parked = write(tmp_path / ".out.old-1-ab" / "docs.jsonl", "old")
    write(tmp_path / ".out.tmp-1-ab" / "docs.jsonl", "half")
    with OutputFolder(tmp_path / "out") as tmp:
        assert (tmp_path / "out" / "docs.jsonl").read_text() == "old"
        assert not parked.exists() and not (tmp_path / ".out.tmp-1-ab").exists()
        write(tmp / "docs.jsonl", "new")
    assert (tmp_path / "out" / "docs.jsonl").read_text() == "old"   # no commit: the old outputs stay


# ------------------------------------------------------------------ determinism

def test_output_bytes_do_not_depend_on_the_hash_seed(tmp_path: Path):
    inputs = [ROOT / "examples" / "articles", corpus(tmp_path / "corpus.jsonl", 40, seed=3)]
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([*RASD, "-q", "run", *inputs, "--out", out], check=True, timeout=120, env=env)
        outputs.append({k: v for k, v in snapshot(out).items() if k != "run.json"})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["docs.jsonl"].splitlines()) == 43


# ------------------------------------------------------------------ property tests

NAMES = ("feed.jsonl", "page.txt", "page.html")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), name=st.sampled_from(NAMES))
def test_any_bytes_as_a_file_give_articles_or_named_errors(tmp_path_factory, data: bytes, name: str):
    path = write(tmp_path_factory.mktemp("bytes") / name, data)
    for item in read_inputs([path]):
        assert isinstance(item, (Article, IngestError))
        if isinstance(item, Article):
            dumps({"doc_id": item.doc_id, "text": item.text, "title": item.title, "warnings": item.warnings})
        assert item.origin.startswith(str(path))


class RawNumber(str):
    """A JSON number written as is: one of thousands of digits cannot go through ``json.dumps``."""


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    | st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)
    | st.integers(4000, 6000).map(lambda n: RawNumber("9" * n)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)
FIELDS = ("id", "text", "html", "published", "outlet", "url", "title")


def json_line(record: dict) -> str:
    """The record as one JSON line (ASCII escapes, so lone surrogates travel as "\\udXXX")."""
    raws: list[str] = []

    def placeholder(value):
        if isinstance(value, RawNumber):
            raws.append(value)
            return f"@raw{len(raws) - 1}@"
        if isinstance(value, list):
            return [placeholder(v) for v in value]
        if isinstance(value, dict):
            return {k: placeholder(v) for k, v in value.items()}
        return value

    text = json.dumps(placeholder(record))
    for n, raw in enumerate(raws):
        text = text.replace(f'"@raw{n}@"', raw, 1)
    return text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=json_values)
def test_any_json_value_in_any_field_gives_an_article_or_a_named_error(tmp_path_factory, field: str, value):
    record = {"id": "x", "text": STRIKE, "published": "2024-05-14", field: value}
    feed = tmp_path_factory.mktemp("json") / "feed.jsonl"
    feed.write_text(json_line(record) + "\n", encoding="utf-8")
    item, = read_inputs([feed])
    assert isinstance(item, (Article, IngestError)) and item.origin == f"{feed}:1"
    if isinstance(item, Article):
        dumps({"doc_id": item.doc_id, "text": item.text, "outlet": item.outlet, "url": item.url,
               "title": item.title, "published": str(item.published), "warnings": item.warnings})


file_names = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".") and len(b) < 200)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes are a Linux matter")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=file_names, suffix=st.sampled_from([b".txt", b".jsonl", b".TXT", b".md"]))
def test_any_file_name_gives_writable_origins(tmp_path_factory, stem: bytes, suffix: bytes):
    folder = tmp_path_factory.mktemp("names")
    content = STRIKE if suffix.lower() != b".jsonl" else line(id="x", text=STRIKE)
    with open(os.fsencode(folder) + b"/" + stem + suffix, "w", encoding="utf-8") as handle:
        handle.write(content)
    items = list(read_inputs([folder]))
    assert items and all(isinstance(i, (Article, IngestError)) for i in items)
    for item in items:
        item.origin.encode("utf-8")
        if isinstance(item, Article):
            item.doc_id.encode("utf-8")
            assert all(isinstance(w, str) for w in item.warnings)


TAG_SOUP = st.lists(st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "</td>", "<html>", "<body>", "<head>",
    "<title>", "</title>", "<meta name=date content=2021>", "<time datetime='2021-01-01'>", "<br>",
    "<a href=x>", "</a>", "<!--", "-->", "<![CDATA[", "<svg>", "<math>", "<li>", "<h1>", "&", "&#0;",
    "\x00", "<", ">", STRIKE, "قتل", "x"]), max_size=12).map("".join)


@settings(max_examples=40, deadline=None)
@given(html=TAG_SOUP)
def test_any_tag_soup_gives_an_article_or_an_ingest_error(html: str):
    try:
        article = article_from_html(html, doc_id="page", origin="page.html")
    except IngestError as err:
        assert err.origin == "page.html"
    else:
        assert article.text.strip()


TIED_GOVERNORATES = [   # reports naming Damascus and a town of Rif Dimashq equally often
    "غارات إسرائيلية على محيط مطار دمشق\nقُتلت امرأة وأصيب طفلاها بسقوط صاروخ على منزلهم في بلدة "
    "الغزلانية بريف دمشق فجر اليوم، بحسب مصادر محلية في دمشق.",
    "قصف إسرائيلي قرب دمشق\nأفادت وكالة أنباء بمقتل مدنية وإصابة طفلين جراء قصف إسرائيلي طال منطقة "
    "في محيط دمشق فجر اليوم.",
    "ريف دمشق: مقتل امرأة في الغزلانية\nقُتلت امرأة في بلدة الغزلانية جراء الغارات الإسرائيلية على "
    "محيط مطار دمشق الدولي فجر اليوم.",
]


def test_a_tie_between_governorates_does_not_depend_on_the_hash_seed():
    program = ("import json, sys, rasd\nfrom rasd.incidents import build_incidents\n"
               "texts = json.loads(sys.stdin.read())\n"
               "docs = [rasd.extract(t, published='2023-04-18', outlet=f'Outlet {n}', doc_id=f't{n}') "
               "for n, t in enumerate(texts)]\n"
               "print([i.location.name_en for i in build_incidents(docs)])")
    chosen = {subprocess.run([sys.executable, "-c", program], input=json.dumps(TIED_GOVERNORATES),
                             capture_output=True, text=True, check=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "3")}
    assert len(chosen) == 1, chosen
