"""A JSON lines file is read one line at a time (``open_lines``), never held whole, and
gives exactly the lines that decoding the whole file's bytes at once gave (issue 15: the
whole-file read made `rasd run` grow with the size of its input)."""
from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from rasd.ingest import read_inputs
from rasd.ingest.encoding import _BOMS, DecodeError, decode_bytes, open_lines


def whole_file_lines(data: bytes) -> list[str | DecodeError]:
    """The lines as rasd read them before, from the file's bytes all at once (the reference)."""
    if not data.strip():
        raise DecodeError("empty file")
    raw = data.split(b"\n")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return list(decode_bytes(data).split("\n"))
    lines: list[str | DecodeError] = []
    utf8_lines = 0
    for line in raw:
        try:
            lines.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError as err:
            lines.append(DecodeError(f"not UTF-8 (byte {err.start + 1} of the line: {line[err.start:err.start + 1]!r})"))
    if utf8_lines == 0 and any(isinstance(line, DecodeError) for line in lines):
        return list(decode_bytes(data).split("\n"))
    return lines


def outcome(read) -> object:
    try:
        return [(type(x).__name__, str(x)) for x in read()]
    except DecodeError as err:
        return ("DecodeError", str(err))


ARABIC = "قتل ثلاثة مدنيين في قصف على ريف إدلب %"
PIECES = [b"", b"\n", b"\r\n", b"  ", b"{}", b"abc", b"%", ARABIC.encode("utf-8"), ARABIC.encode("cp1256"),
          b"\xd8", b"\xff", b"\x00", b"\x01\x02", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00\x00"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_lines_read_one_at_a_time_are_the_whole_file_lines(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert outcome(lambda: open_lines(io.BytesIO(data))) == outcome(lambda: whole_file_lines(data))


@pytest.mark.parametrize("data", [
    b"", b"\n \n", ARABIC.encode("utf-8") + b"\n", ("\n".join([ARABIC] * 3)).encode("cp1256"),
    b"ascii\n" + b"\xff bad\n" + ARABIC.encode("utf-8"), b"ascii only\n\xff\n", b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
    ARABIC.encode("utf-16"), b"a\nb", b"a\nb\n",
])
def test_known_files(data: bytes) -> None:
    assert outcome(lambda: open_lines(io.BytesIO(data))) == outcome(lambda: whole_file_lines(data))


def test_a_jsonl_file_is_not_held_whole(tmp_path: Path) -> None:
    """Reading the first record of a large file allocates about one line, not the file."""
    line = json.dumps({"id": "x", "text": ARABIC * 40}, ensure_ascii=False) + "\n"
    path = tmp_path / "big.jsonl"
    path.write_text(line * 5000, encoding="utf-8")       # ~7 MB
    tracemalloc.start()
    try:
        items = read_inputs([path])
        first = next(items)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    items.close()
    assert first.doc_id == "x"
    assert held < path.stat().st_size / 10
