"""Where the per-article pipeline runs: in this process, in a pool of worker processes, or on
a Dask cluster; the command line picks one (``--workers N``, ``--engine dask``).

Every engine takes what the readers give (articles and ``IngestError``s, read in this
process) and gives back, in the same order, each with its outcome: an ``Extracted`` (the
docs.jsonl line and the document ready for the store) or a ``Failed`` (the one-line reason).
Articles travel in chunks, and only a few chunks are out at a time, so memory stays flat
however many articles come. The per-article time limit (``time_limit``) applies in this
process and in the pool's workers; Dask runs tasks in threads, where it cannot interrupt them.
A worker process that dies is no hang: its chunk is read again one article at a time, and
the article that kills a worker again is a ``Failed``; the batch goes on. An engine made with
``stored=False`` (``rasd extract``, which writes only docs.jsonl) makes no store records, and
loads neither the store nor the grouping.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Protocol

from rasd.export.jsonout import document_json, dumps
from rasd.ingest import IngestError
from rasd.ingest.limits import ArticleLimits, TimeLimitExceeded, time_limit
from rasd.model import Article
from rasd.pipeline import STAGES, Stage, analyze

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from rasd.store import StoredDocument

CHUNK_SIZE = 64          # articles sent to a worker at once: big enough to amortise the transfer
IN_FLIGHT_PER_WORKER = 3  # chunks out per worker: keeps workers busy, bounds memory


@dataclass(frozen=True)
class Extracted:
    line: str                  # the document's docs.jsonl line
    stored: StoredDocument | None   # the document as the store writes it (None: not asked for)
    claims: int


@dataclass(frozen=True)
class Failed:
    message: str               # "extraction failed: ValueError: ..." (the origin is the article's)


Outcome = Extracted | Failed
Item = Article | IngestError


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract(article: Article, limits: ArticleLimits, stages: Sequence[Stage] | None = None,
            stored: bool = True) -> Outcome:
    """One article through the pipeline, within its time limit, with its store record if
    ``stored``; never raises for a bad article."""
    try:
        with time_limit(limits.max_seconds):
            doc = analyze(article, stages or STAGES)
            contract = document_json(doc)
            line = dumps(contract)
            record = None
            if stored:
                from rasd.store import stored_document
                record = stored_document(doc, contract)
            return Extracted(line, record, len(doc.claims))
    except TimeLimitExceeded as exc:
        return Failed(f"extraction {exc}")
    except Exception as exc:  # one bad article must not stop the batch
        return Failed(f"extraction failed: {type(exc).__name__}: {exc}")


def extract_chunk(articles: list[Article], limits: ArticleLimits, stages: Sequence[Stage] | None = None,
                  stored: bool = True) -> list[Outcome]:
    return [extract(a, limits, stages, stored) for a in articles]


class Engine(Protocol):
    def outcomes(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome | None]]:
        """Each item with its outcome (None for an ``IngestError``), in the items' order."""


class InProcess:
    """Everything in this process, one article after the other (``--workers 1``)."""

    def __init__(self, limits: ArticleLimits, stages: Sequence[Stage] | None = None, stored: bool = True):
        self.limits, self.stages, self.stored = limits, stages, stored

    def outcomes(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome | None]]:
        for item in items:
            yield item, extract(item, self.limits, self.stages, self.stored) if isinstance(item, Article) else None


class _Chunked:
    """The ordered, bounded loop over chunks that every parallel engine shares; a subclass says
    how a chunk is sent (``_submit``), which errors mean a dead worker (``_died``) and how
    to start afresh after one (``_recover``)."""

    def __init__(self, limits: ArticleLimits, workers: int, stages: Sequence[Stage] | None,
                 chunk_size: int, stored: bool):
        self.limits, self.workers, self.stages, self.stored = limits, workers, stages, stored
        self.chunk_size = chunk_size
        self.in_flight = max(2, IN_FLIGHT_PER_WORKER * workers)

    def _submit(self, articles: list[Article]) -> Any:
        raise NotImplementedError

    def _died(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def _recover(self, task: Any) -> None:
        """Called once a task failed with a dead worker, before anything is sent again."""

    def outcomes(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome | None]]:
        pending: deque[tuple[list[Item], Any]] = deque()
        items = iter(items)
        while chunk := list(islice(items, self.chunk_size)):
            pending.append((chunk, self._submit([i for i in chunk if isinstance(i, Article)])))
            while len(pending) >= self.in_flight:
                yield from self._finish(*pending.popleft())
        while pending:
            yield from self._finish(*pending.popleft())

    def _finish(self, chunk: list[Item], task: Any) -> Iterator[tuple[Item, Outcome | None]]:
        articles = [i for i in chunk if isinstance(i, Article)]
        try:
            results = iter(task.result())
        except BaseException as exc:
            if not self._died(exc):
                raise
            self._recover(task)
            results = iter([self._alone(a) for a in articles])
        for item in chunk:
            yield item, next(results) if isinstance(item, Article) else None

    def _alone(self, article: Article) -> Outcome:
        """One article in a task of its own: its outcome, or a Failed if its worker dies."""
        task = self._submit([article])
        try:
            return task.result()[0]
        except BaseException as exc:
            if not self._died(exc):
                raise
            self._recover(task)
            return Failed(f"extraction failed: the worker process reading it died ({type(exc).__name__})")


class ProcessPool(_Chunked):
    """Chunks of articles to a pool of ``workers`` processes (forkserver: no threads or locks
    of this process are copied into the workers). Multiprocessing loads with the first chunk:
    a batch smaller than a chunk never needs it."""

    def __init__(self, limits: ArticleLimits, workers: int, stages: Sequence[Stage] | None = None,
                 chunk_size: int = CHUNK_SIZE, stored: bool = True):
        super().__init__(limits, workers, stages, chunk_size, stored)
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, articles: list[Article]) -> Future:
        import multiprocessing
        from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["rasd.engine"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        try:
            future = self._pool.submit(extract_chunk, articles, self.limits, self.stages, self.stored)
        except BrokenProcessPool as exc:     # a worker died since: this chunk fails as the others
            future = Future()
            future.set_exception(exc)
        future.pool = self._pool  # type: ignore[attr-defined]  # which pool, to restart it once
        return future

    def _died(self, exc: BaseException) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        return isinstance(exc, BrokenProcessPool)

    def _recover(self, task: Future) -> None:
        """A new pool, unless the dead one was already replaced (its other tasks fail too)."""
        if self._pool is not None and task.pool is self._pool:  # type: ignore[attr-defined]
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def outcomes(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome | None]]:
        items = iter(items)
        first = list(islice(items, self.chunk_size))
        if len(first) < self.chunk_size:
            # The whole batch is less than one chunk: starting the workers (~0.5 s) would
            # cost more than reading it here.
            yield from InProcess(self.limits, self.stages, self.stored).outcomes(first)
            return
        try:
            yield from super().outcomes(chain(first, items))
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


class DaskEngine(_Chunked):
    """Chunks of articles as tasks on a Dask cluster: the scheduler at ``scheduler``
    (``tcp://host:8786``), or a local cluster of ``workers`` processes. Articles are read here
    and sent with their task; grouping stays in this process (it is about a tenth of the time,
    and needs every report of nearby days together)."""

    def __init__(self, limits: ArticleLimits, workers: int, scheduler: str | None = None,
                 stages: Sequence[Stage] | None = None, chunk_size: int = CHUNK_SIZE, stored: bool = True):
        super().__init__(limits, workers, stages, chunk_size, stored)
        self.scheduler = scheduler
        self._client: Any = None

    def _submit(self, articles: list[Article]) -> Any:
        return self._client.submit(extract_chunk, articles, self.limits, self.stages, self.stored, pure=False)

    def _died(self, exc: BaseException) -> bool:
        from distributed import KilledWorker
        return isinstance(exc, KilledWorker)

    def outcomes(self, items: Iterable[Item]) -> Iterator[tuple[Item, Outcome | None]]:
        from distributed import Client, LocalCluster

        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        self._client = Client(self.scheduler or cluster)
        if self.scheduler is not None:
            self.in_flight = max(2, IN_FLIGHT_PER_WORKER * max(1, sum(
                w["nthreads"] for w in self._client.scheduler_info()["workers"].values())))
        try:
            yield from super().outcomes(items)
        finally:
            self._client.close()
            if cluster is not None:
                cluster.close()


def make_engine(limits: ArticleLimits, workers: int | None = None, engine: str = "local",
                scheduler: str | None = None, stored: bool = True) -> Engine:
    """The engine the command line asked for: ``local`` with one worker runs in this process;
    ``stored``: with each document's store record."""
    workers = workers or default_workers()
    if engine == "dask":
        return DaskEngine(limits, workers, scheduler, stored=stored)
    if scheduler is not None:
        raise ValueError("--scheduler is for --engine dask")
    return InProcess(limits, stored=stored) if workers == 1 else ProcessPool(limits, workers, stored=stored)
