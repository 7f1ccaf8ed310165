"""Per-article limits: a pathological article (a megabyte without a sentence end, a page that
sends a library into a long loop) becomes a named error instead of holding up the batch.

``ArticleLimits`` holds the limits; ``time_limit`` interrupts a block that runs too long.
The interruption is a ``BaseException`` so that a library's ``except Exception`` does not
swallow it; the readers and the command line catch it per article.
"""
from __future__ import annotations

import math
import signal
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleLimits:
    """How big an article may be and how long each of its steps (reading, extracting) may take.

    The defaults leave room for the longest real reports (a few tens of thousands of
    characters, read in well under a second) many times over.
    """
    max_chars: int = 300_000
    max_seconds: float = 30.0

    def __post_init__(self) -> None:
        if not (isinstance(self.max_chars, int) and self.max_chars > 0):
            raise ValueError(f"max_chars must be a positive whole number, not {self.max_chars!r}")
        if not (math.isfinite(self.max_seconds) and self.max_seconds > 0):
            raise ValueError(f"max_seconds must be a positive number of seconds, not {self.max_seconds!r}")


class TimeLimitExceeded(BaseException):
    """A block ran past its time limit; ``str()`` says which limit."""


class time_limit:
    """``with time_limit(seconds):`` raises ``TimeLimitExceeded`` inside the block once it has
    run ``seconds``.

    Uses the process's real-time interval timer, so it only acts in the main thread (the
    command line); elsewhere, or with ``seconds=None``, the block runs unlimited. A class,
    not a generator: exceptions leave the block untouched (``IngestError`` is frozen and
    a generator-based manager would set its ``__traceback__``).
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._previous: object = None
        self._armed = False

    def __enter__(self) -> None:
        if self.seconds is None or threading.current_thread() is not threading.main_thread():
            return
        self._previous = signal.signal(signal.SIGALRM, self._interrupt)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        self._armed = True

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._armed = False

    def _interrupt(self, signum: int, frame: object) -> None:
        raise TimeLimitExceeded(f"took longer than the {self.seconds:g} s limit per article (see --max-seconds)")
