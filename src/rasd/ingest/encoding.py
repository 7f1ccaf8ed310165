"""Turn the bytes of an input file into text without guessing.

Order: a byte-order mark decides; else the bytes must decode as strict UTF-8; else
charset-normalizer picks among the legacy code pages Arabic is written in (Windows-1256
above all). Limiting the candidates matters: on a short Windows-1256 file an unrestricted
detector happily answers Urdu or Central-European code pages and the Arabic comes out
as mojibake. Anything else is refused with a reason, never decoded "with replacement".
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

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
