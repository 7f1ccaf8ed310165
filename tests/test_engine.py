"""The engines (rasd.engine): a pool of worker processes and a Dask cluster give the same
docs.jsonl, errors and incidents as one process; a bad article and a dying worker are named
errors and the batch goes on; ``rasd add`` stays one transaction. Articles written for these
tests (Arabic reports with figures, places and one that cannot be read)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import app
from rasd.engine import Extracted, Failed, InProcess, ProcessPool, make_engine
from rasd.ingest import IngestError
from rasd.ingest.limits import ArticleLimits
from rasd.model import Article
from rasd.pipeline import STAGES, Stage

runner = CliRunner()

# Two outlets on one strike on Saraqib, a drone strike in al-Mayadin, shelling of Tafas, an
# air strike on Ariha told twice, a statement without figures.
ARTICLES = [
    ("saraqib-a", "شبكة الشمال", "2023-03-07",
     "غارات روسية على مدينة سراقب\nقتل أربعة مدنيين وأصيب تسعة آخرون صباح اليوم الثلاثاء جراء غارات "
     "جوية روسية استهدفت سوقاً شعبية في مدينة سراقب بريف إدلب الشرقي، بحسب الدفاع المدني."),
    ("saraqib-b", "مرصد الأخبار", "2023-03-07",
     "مجزرة في سراقب\nأفاد المرصد السوري لحقوق الإنسان بمقتل تسعة مدنيين بينهم ثلاثة أطفال وإصابة 14 "
     "آخرين بغارات نفذتها طائرات حربية روسية على مدينة سراقب صباح اليوم."),
    ("mayadin", "دير الزور اليوم", "2023-03-08",
     "مسيرة تستهدف سيارة في الميادين\nقتل عنصران من الميليشيات الموالية لإيران بضربة من طائرة مسيرة "
     "استهدفت سيارتهم في مدينة الميادين شرقي دير الزور مساء أمس، وفق مصادر محلية."),
    ("tafas", "حوران الآن", "2023-03-09",
     "قصف على طفس\nأصيب خمسة مدنيين بجروح جراء قصف مدفعي لقوات النظام على مدينة طفس بريف درعا "
     "الغربي صباح اليوم الخميس، وفق ما أفاد به ناشطون."),
    ("ariha-a", "شبكة الشمال", "2023-03-10",
     "قتلى في أريحا\nلقيت امرأة وطفلاها حتفهم وجرح سبعة أشخاص بقصف صاروخي لقوات النظام استهدف "
     "أحياء مدينة أريحا جنوبي إدلب فجر اليوم الجمعة."),
    ("ariha-b", "مرصد الأخبار", "2023-03-10",
     "أريحا تحت القصف\nارتفعت حصيلة القصف الصاروخي على مدينة أريحا إلى أربعة قتلى مدنيين، حسبما "
     "ذكر الدفاع المدني السوري، الذي قال إن فرقه أسعفت ثمانية جرحى."),
    ("statement", "وكالة الأنباء", "2023-03-10",
     "بيان حول الأوضاع\nدعت الأمم المتحدة جميع الأطراف في سوريا إلى حماية المدنيين واحترام القانون "
     "الإنساني الدولي، وقالت إنها تتابع التطورات في إدلب بقلق."),
]
MARKER_BAD = "علامة-خطأ-للاختبار"
MARKER_DIE = "علامة-موت-للاختبار"


def write_corpus(path: Path, extra: list[str] = ()) -> Path:
    """The articles as JSON lines, with a line that is not JSON in the middle and ``extra``
    lines (raw) after the fourth article."""
    lines = [json.dumps({"id": doc_id, "outlet": outlet, "published": day, "text": text}, ensure_ascii=False)
             for doc_id, outlet, day, text in ARTICLES]
    lines[3:3] = ["{this is not json", *extra]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(tmp_path: Path, name: str, corpus: Path, *options: str) -> tuple[int, Path]:
    out = tmp_path / name
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), *options])
    return result.exit_code, out


def outputs(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8")
            for name in ("docs.jsonl", "incidents.json", "errors.jsonl", "report.md")}


def test_two_workers_write_what_one_process_writes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl")
    code_1, one = run(tmp_path, "one", corpus, "--workers", "1")
    code_2, two = run(tmp_path, "two", corpus, "--workers", "2")
    assert code_1 == code_2 == 1                       # the line that is not JSON
    assert outputs(one) == outputs(two)
    assert len(outputs(two)["docs.jsonl"].splitlines()) == len(ARTICLES)
    assert json.loads(outputs(two)["incidents.json"])  # some incidents were formed
    with sqlite3.connect(one / "rasd.db") as a, sqlite3.connect(two / "rasd.db") as b:
        assert list(a.iterdump()) == list(b.iterdump())


def _fail_on_marker(state) -> None:
    if MARKER_BAD in state.article.text:
        raise ValueError("a stage that cannot read this article")


def _die_on_marker(state) -> None:
    if MARKER_DIE in state.article.text:
        os._exit(3)


def _articles(*markers: str) -> list[Article | IngestError]:
    items: list[Article | IngestError] = [
        Article(doc_id=doc_id, text=text, outlet=outlet, published=dt.date.fromisoformat(day), origin=doc_id)
        for doc_id, outlet, day, text in ARTICLES]
    for n, marker in enumerate(markers):
        items.insert(2 + n, Article(doc_id=f"marked-{n}", text=f"خبر\n{marker} في مدينة حماة.", origin=f"m{n}"))
    items.insert(1, IngestError("in.jsonl:2", "not JSON"))
    return items


def _summary(outcomes) -> list[tuple[str, str]]:
    return [(item.origin if isinstance(item, IngestError) else item.doc_id,
             "ingest" if outcome is None else outcome.message if isinstance(outcome, Failed) else outcome.line)
            for item, outcome in outcomes]


def test_a_bad_article_in_the_middle_is_named_and_the_rest_read() -> None:
    stages = (*STAGES, Stage("test_fail", _fail_on_marker))
    limits = ArticleLimits()
    alone = _summary(InProcess(limits, stages).outcomes(_articles(MARKER_BAD)))
    pooled = _summary(ProcessPool(limits, 2, stages, chunk_size=2).outcomes(_articles(MARKER_BAD)))
    assert alone == pooled
    assert ("marked-0", "extraction failed: ValueError: a stage that cannot read this article") in pooled
    assert sum(line.startswith("{") for _, line in pooled) == len(ARTICLES)


def test_a_worker_that_dies_is_a_named_error_not_a_hang() -> None:
    stages = (*STAGES, Stage("test_die", _die_on_marker))

    def slowly(items):
        """The items, with a pause after the sixth: the dead worker is noticed before more
        chunks go to the pool it broke."""
        for n, item in enumerate(items):
            if n == 6:
                time.sleep(1)
            yield item

    pool = ProcessPool(ArticleLimits(), 2, stages, chunk_size=1)
    outcomes = list(pool.outcomes(slowly(_articles(MARKER_DIE, MARKER_DIE))))
    failed = {item.doc_id: o.message for item, o in outcomes if isinstance(o, Failed)}
    assert failed == {f"marked-{n}": "extraction failed: the worker process reading it died (BrokenProcessPool)"
                      for n in range(2)}
    assert [item.doc_id for item, o in outcomes if isinstance(o, Extracted)] == [a[0] for a in ARTICLES]


def test_the_time_limit_holds_in_the_workers() -> None:
    def articles():
        yield Article(doc_id="long", text="قصف على حماة. " * 20000, origin="long")
    outcomes = list(ProcessPool(ArticleLimits(max_seconds=0.01), 2, chunk_size=1).outcomes(articles()))
    assert isinstance(outcomes[0][1], Failed)
    assert "took longer than the 0.01 s limit" in outcomes[0][1].message


def test_add_with_workers_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An addition that fails while it is being read leaves the store as it was."""
    corpus = write_corpus(tmp_path / "in.jsonl")
    db = tmp_path / "store.db"
    assert runner.invoke(app, ["add", str(corpus), "--db", str(db), "--workers", "2"]).exit_code == 1
    with sqlite3.connect(db) as conn:
        before = list(conn.iterdump())
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps({"id": f"{doc_id}-v2", "outlet": outlet, "published": day, "text": text + " ."},
                                       ensure_ascii=False) + "\n" for doc_id, outlet, day, text in ARTICLES),
                    encoding="utf-8")
    seen = []

    def failing(self, doc_id: str, version: int) -> None:   # the store breaks after 3 documents
        seen.append(doc_id)
        if len(seen) > 3:
            raise OSError("disk full")
        original(self, doc_id, version)

    from rasd.store import Store
    original = Store._write_document
    monkeypatch.setattr(Store, "_write_document", failing)
    result = runner.invoke(app, ["add", str(more), "--db", str(db), "--workers", "2"])
    assert isinstance(result.exception, OSError)
    with sqlite3.connect(db) as conn:
        assert list(conn.iterdump()) == before


def test_scheduler_needs_the_dask_engine() -> None:
    with pytest.raises(ValueError, match="--engine dask"):
        make_engine(ArticleLimits(), 2, "local", "tcp://127.0.0.1:8786")
    result = runner.invoke(app, ["run", "x.jsonl", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2


def test_dask_local_cluster_writes_what_the_local_engine_writes(tmp_path: Path) -> None:
    """``--engine dask`` without a scheduler: a LocalCluster of two worker processes. In a
    subprocess: importing distributed changes how exceptions pickle for the whole process."""
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("distributed is not installed (pip install 'rasd[dask]')")
    corpus = write_corpus(tmp_path / "in.jsonl")
    _, local = run(tmp_path, "local", corpus, "--workers", "1")
    on_dask = tmp_path / "dask"
    done = subprocess.run([sys.executable, "-m", "rasd", "run", str(corpus), "--out", str(on_dask),
                           "--engine", "dask", "--workers", "2"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr           # the line that is not JSON
    assert outputs(local) == outputs(on_dask)


def test_a_batch_smaller_than_a_chunk_is_read_without_starting_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures.process   # where the pool takes it from, when it starts

    def no_pool(*args, **kwargs):
        raise AssertionError("worker processes started for a batch smaller than one chunk")

    monkeypatch.setattr(concurrent.futures.process, "ProcessPoolExecutor", no_pool)
    limits = ArticleLimits()
    small = _articles()
    assert len(small) < 64
    assert _summary(ProcessPool(limits, 2).outcomes(small)) == _summary(InProcess(limits).outcomes(_articles()))
    with pytest.raises(AssertionError, match="worker processes started"):
        list(ProcessPool(limits, 2, chunk_size=2).outcomes(_articles()))
