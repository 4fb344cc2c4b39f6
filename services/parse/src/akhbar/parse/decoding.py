"""Bytes to text: BOM first, then the charset the page declares, then a guess.

Arabic pages still come in windows-1256 and ISO-8859-6; a page that declares one of them
is read in it. A declared Western charset is often a lie on UTF-8 pages, so valid UTF-8 wins
over it. charset-normalizer guesses only when nothing else decides.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from akhbar.parse.errors import UnparseablePage

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
_WESTERN = {"iso8859-1", "cp1252", "ascii", "latin-1", "iso8859-15"}


def declared_charset(head: bytes) -> str | None:
    """The codec named in the first bytes of a page, if Python knows it."""
    for match in _DECLARED.finditer(head):
        try:
            return codecs.lookup(match[1].decode("ascii")).name
        except LookupError:
            continue
    return None


def declares_utf8(content: bytes) -> bool:
    """True for bytes with no BOM whose first bytes declare UTF-8 (read as-is by lexbor)."""
    if any(content.startswith(bom) for bom, _ in _BOMS):
        return False
    return declared_charset(content[:4096]) == "utf-8"


def decode(content: bytes, charset: str | None = None) -> str:
    """Text of a page given as bytes; ``charset`` is a transport hint (HTTP header)."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, errors="replace")
    declared = None
    for name in (charset,):
        if name:
            try:
                declared = codecs.lookup(name).name
            except LookupError:
                declared = None
    declared = declared or declared_charset(content[:4096])
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
        raise UnparseablePage("content is bytes in no encoding that could be detected")
    return str(best)
