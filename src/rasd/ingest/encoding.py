"""Turn the bytes of an input file into text without guessing.

Order: a byte-order mark decides; else the bytes must decode as strict UTF-8; else
charset-normalizer picks among the legacy code pages Arabic is written in (Windows-1256
above all). Limiting the candidates matters: on a short Windows-1256 file an unrestricted
detector happily answers Urdu or Central-European code pages and the Arabic comes out
as mojibake. Anything else is refused with a reason, never decoded "with replacement".
"""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),     # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ARABIC_CODE_PAGES = ("cp1256", "iso8859_6", "cp864", "cp720", "mac_arabic")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01   # a legacy code page decodes any byte: refuse what is not text


class DecodeError(ValueError):
    """The bytes are not text this project can read; ``str(err)`` is the reason."""


def decode_bytes(data: bytes) -> str:
    """Decode an input file's bytes (see the module docstring for the order)."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _text_only(data.decode(encoding))
            except UnicodeDecodeError as err:
                raise DecodeError(f"invalid {encoding} after its byte-order mark") from err
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return _text_only(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes   # for the rare file that is not UTF-8: 0.01 s to import

    best = from_bytes(data, cp_isolation=list(ARABIC_CODE_PAGES)).best()
    if best is None:
        raise DecodeError("undecodable: neither UTF-8 nor an Arabic code page")
    return _text_only(str(best))


def _text_only(text: str) -> str:
    """Refuse decoded "text" that is mostly control characters (a binary file)."""
    controls = sum(1 for ch in text if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise DecodeError("binary file (control characters)")
    return text


def open_lines(stream: BinaryIO) -> Iterator[str | DecodeError]:
    """The lines of a seekable JSON lines file, each decoded on its own so that one bad byte
    costs one line, not the file: a line that is not UTF-8 is a ``DecodeError`` in its place.
    A byte-order mark, or a file in which no line with non-ASCII bytes is UTF-8 (a whole file
    in Windows-1256), is decoded whole as ``decode_bytes`` does. Only the line being read is
    held, never the file (a JSON lines file of any size reads in constant memory). Whether the
    file is read line by line or decoded whole is settled here, before the first line is
    given: it raises ``DecodeError`` for an empty file, or as ``decode_bytes`` does for a file
    decoded whole.

    Deciding reads ahead until the first line with non-ASCII bytes that is UTF-8 (the first
    line of an Arabic file) or, for a file with no such line, to its end; it keeps nothing of
    what it read and starts again from the beginning. A file decoded whole (a byte-order
    mark, a legacy code page) is held whole, as the detection of its code page needs.
    """
    start = stream.tell()
    head = stream.read(4)
    if any(head.startswith(bom) for bom, _ in _BOMS):
        stream.seek(start)
        return iter(decode_bytes(stream.read()).split("\n"))
    stream.seek(start)
    blank, undecodable, utf8 = True, False, False
    for raw in stream:
        blank = blank and not raw.strip()
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            undecodable = True
            continue
        utf8 = True   # a file with one UTF-8 line of Arabic is read line by line
        break
    stream.seek(start)
    if blank and not utf8:
        raise DecodeError("empty file")
    if undecodable and not utf8:
        return iter(decode_bytes(stream.read()).split("\n"))
    return _each_line(stream)


def _each_line(stream: BinaryIO) -> Iterator[str | DecodeError]:
    """Each line of ``stream`` decoded as UTF-8 on its own, or a ``DecodeError`` in its place;
    the lines of ``data.split(b"\\n")`` (so an empty last line after a final newline)."""
    ended = True
    for raw in stream:
        ended = raw.endswith(b"\n")
        line = raw[:-1] if ended else raw
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as err:
            yield DecodeError(f"not UTF-8 (byte {err.start + 1} of the line: {line[err.start:err.start + 1]!r})")
    if ended:
        yield ""
