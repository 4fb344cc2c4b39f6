"""Bytes to text, one rule for every service: BOM first, then the declared charset, then a
guess.

Arabic pages still come in windows-1256 and ISO-8859-6; a page that declares one of them
(``<meta charset>``, ``http-equiv``, XML ``encoding=``, or the transport's charset) is read
in it. A declared Western charset is often a lie on UTF-8 pages, so valid UTF-8 wins over
it. charset-normalizer guesses only when nothing else decides. Ingest decodes what producers
push as bytes with this, and parse the bytes it is given, so a page reads the same in both.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="...">, <meta http-equiv="Content-Type" content="text/html; charset=...">,
# <?xml encoding="..."?>: all put the name after "charset=" or "encoding=".
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEAD_BYTES = 4096
_WESTERN = {"iso8859-1", "cp1252", "ascii", "latin-1", "iso8859-15"}


class UndecodableBytes(ValueError):
    """Bytes that no BOM, declaration or guess turns into text."""


def bom_codec(content: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the bytes open with a byte-order mark."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return codec, len(bom)
    return None


def declared_charset(head: bytes) -> str | None:
    """The codec named in the first bytes of a page, if Python knows it."""
    for match in _DECLARED.finditer(head[:_HEAD_BYTES]):
        try:
            return codecs.lookup(match[1].decode("ascii")).name
        except LookupError:
            continue
    return None


def declares_utf8(content: bytes) -> bool:
    """True for bytes with no BOM whose first bytes declare UTF-8."""
    return bom_codec(content) is None and declared_charset(content) == "utf-8"


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(content: bytes, charset: str | None = None) -> str:
    """Text of a page given as bytes; ``charset`` is a transport hint (HTTP header).

    Raises ``UndecodableBytes`` (a ``ValueError``) when nothing reads the bytes.
    """
    found = bom_codec(content)
    if found is not None:
        codec, size = found
        return content[size:].decode(codec, errors="replace")
    declared = _known(charset) or declared_charset(content)
    try:
        utf8 = content.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if declared and declared != "utf-8" and not (utf8 is not None and declared in _WESTERN):
        try:
            return content.decode(declared)
        except UnicodeDecodeError:
            pass
    if utf8 is not None:
        return utf8
    best = from_bytes(content).best()
    if best is None:
        raise UndecodableBytes("bytes are in no text encoding that could be detected")
    return str(best)
