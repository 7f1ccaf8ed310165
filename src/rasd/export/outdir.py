"""An output folder replaced as a whole: a run writes every file into a fresh hidden folder
beside DIR and swaps it in at the end, so DIR holds either the previous run's outputs or
the new ones, never a mix, whenever the process is killed.

- The swap is one atomic exchange of the two folders (Linux ``renameat2(RENAME_EXCHANGE)``);
  where that is not available, two renames, with DIR restored from the parked copy by the
  next run if the process died between them.
- A lock file beside DIR (``.DIR.lock``, ``flock``) keeps a second run out while one writes.
- Temporary names are unique per run (``.DIR.tmp-PID-RANDOM``); leftovers of killed runs are
  removed by the next run, under the lock.
- DIR must hold nothing but rasd's outputs: a folder of other files is never swapped away.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputFolderError(Exception):
    """DIR cannot be written as asked (not a folder, holds other files, another run holds it)."""


def check_output_folder(out: Path, names: frozenset[str]) -> None:
    """Refuse, before any work, a DIR that is a file or holds anything but ``names``."""
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{out} exists and is not a folder")
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if p.name not in names)
        if foreign:
            shown = ", ".join(foreign[:5]) + (" ..." if len(foreign) > 5 else "")
            raise OutputFolderError(f"{out} holds files rasd did not write ({shown}): the whole folder is "
                                    "replaced by each run, so give a new or empty folder")


class OutputFolder:
    """``with OutputFolder(DIR) as tmp:`` write the outputs into ``tmp``; call ``commit()``
    inside the block to swap them in. Leaving the block without a commit (an exception, an
    interrupt) removes ``tmp`` and leaves DIR as it was."""

    def __init__(self, out: Path):
        self.out = out.absolute()
        parent, name = self.out.parent, self.out.name
        self._lock_path = parent / f".{name}.lock"
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.tmp = parent / f".{name}.tmp-{token}"
        self._parked = parent / f".{name}.old-{token}"
        self._lock_fd: int | None = None

    def __enter__(self) -> Path:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputFolderError(f"another rasd run is writing {self.out} "
                                    f"(it holds {self._lock_path}); try again when it has finished") from None
        self._lock_fd = fd
        self._recover()
        self.tmp.mkdir()
        return self.tmp

    def commit(self) -> None:
        """Make the temporary folder DIR; the previous DIR is removed."""
        _sync_folder(self.tmp)
        if not self.out.exists():
            os.rename(self.tmp, self.out)
        elif _exchange(self.tmp, self.out):
            shutil.rmtree(self.tmp)                  # now holds the previous outputs
        else:
            os.rename(self.out, self._parked)         # a kill here: the next run restores DIR
            os.rename(self.tmp, self.out)
            shutil.rmtree(self._parked)
        _sync_folder(self.out.parent, files=False)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            shutil.rmtree(self.tmp, ignore_errors=True)
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)               # releases the lock
                self._lock_fd = None

    def _recover(self) -> None:
        """Under the lock: DIR back from a swap cut between its two renames; leftovers removed."""
        prefix = f".{self.out.name}."
        leftovers = sorted(p for p in self.out.parent.iterdir()
                           if p.name.startswith(prefix) and p.name[len(prefix):].startswith(("tmp-", "old-")))
        parked = [p for p in leftovers if p.name[len(prefix):].startswith("old-")]
        if parked and not self.out.exists():
            os.rename(parked[-1], self.out)
        for path in leftovers:
            if path.exists():
                shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux); False when the system cannot, and nothing moved."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path, files: bool = True) -> None:
    """Flush the folder's entries (and its files) to disk, so a power cut after the swap keeps them."""
    if files:
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink():
                _sync(path)
    _sync(folder)
