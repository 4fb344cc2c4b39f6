"""Bytes to text: BOM, declared charsets (windows-1256, ISO-8859-6), then detection."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.parse import UnparseablePage, extract
from akhbar.parse.decoding import declared_charset, decode

ARABIC = "افتتاح معرض الكتاب بمشاركة واسعة"


class TestDecode:
    def test_windows_1256_page_declared_in_meta_is_read(self, test_data):
        """A windows-1256 page with an http-equiv charset decodes to the right Arabic."""
        content = (test_data / "parse" / "windows1256.html").read_bytes()
        assert declared_charset(content) == "cp1256"
        assert ARABIC in decode(content)

    def test_iso_8859_6_declared_with_meta_charset_is_read(self):
        """<meta charset="ISO-8859-6"> is honoured."""
        page = f'<html><head><meta charset="ISO-8859-6"></head><body><p>{ARABIC}</p></body></html>'
        assert ARABIC in decode(page.encode("iso8859_6"))

    def test_undeclared_single_byte_arabic_text_is_detected(self, test_data):
        """Plain text in ISO-8859-6 with no declaration is still read as Arabic."""
        text = decode((test_data / "parse" / "iso88596.txt").read_bytes())
        assert "وصل الوفد إلى العاصمة" in text

    def test_bom_wins_over_a_wrong_declaration(self):
        """A UTF-8 BOM decides, whatever the page claims."""
        page = f'<meta charset="windows-1256"><p>{ARABIC}</p>'
        assert ARABIC in decode(codecs.BOM_UTF8 + page.encode("utf-8"))

    def test_utf8_page_claiming_latin1_is_read_as_utf8(self):
        """A Western charset declared on valid UTF-8 Arabic is the usual lie; UTF-8 wins."""
        page = f'<meta charset="iso-8859-1"><p>{ARABIC}</p>'
        assert ARABIC in decode(page.encode("utf-8"))


class TestUnreadableContent:
    @pytest.mark.parametrize("content", ["", "   \n\t", b"", b"  \n"])
    def test_empty_content_raises_unparseable_page(self, content):
        """Empty or blank content raises UnparseablePage, which is a ValueError."""
        with pytest.raises(UnparseablePage):
            extract(content)
        assert issubclass(UnparseablePage, ValueError)


class TestOneDecodeRule:
    """Ingest and parse decode bytes with one rule (``akhbar.shared.decoding``)."""

    CASES = [
        codecs.BOM_UTF8 + f'<meta charset="windows-1256"><p>{ARABIC}</p>'.encode(),
        codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
        codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"),
        f'<meta charset="windows-1256"><p>{ARABIC}</p>'.encode("cp1256"),
        f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"><p>{ARABIC}</p>'.encode(
            "iso8859_6"
        ),
        f'<?xml version="1.0" encoding="windows-1256"?><p>{ARABIC}</p>'.encode("cp1256"),
        f'<meta charset="iso-8859-1"><p>{ARABIC}</p>'.encode(),
        f"<p>{ARABIC}</p>".encode(),
        "Publié le 30 août 2023".encode("cp1252"),
    ]

    @pytest.mark.parametrize("content", CASES)
    def test_ingest_and_parse_read_the_same_text(self, content):
        """For BOMs, meta/http-equiv/XML declarations, the Western-charset lie on UTF-8 and
        undeclared bytes, ingest's decode_bytes and parse's decode give the same text."""
        from akhbar.ingest.decode import decode_bytes

        assert decode_bytes(content) == decode(content)

    @pytest.mark.parametrize("charset", ["windows-1256", "iso-8859-6", "latin-1", None])
    def test_a_transport_charset_is_read_the_same_way(self, charset):
        """A charset given by the transport (HTTP header) is honoured alike by both."""
        from akhbar.ingest.decode import decode_bytes

        # Arabic has no Latin-1 form: that case is the usual lie, UTF-8 bytes sent as Latin-1.
        codec = charset if charset in ("windows-1256", "iso-8859-6") else "utf-8"
        content = f"<p>{ARABIC}</p>".encode(codec)
        assert decode_bytes(content, charset) == decode(content, charset)
        assert ARABIC in decode(content, charset)

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=300))
    def test_any_bytes_give_the_same_text_or_both_refuse(self, content):
        """On arbitrary bytes the two sides agree, including on refusing them."""
        from akhbar.ingest.decode import UndecodableError, decode_bytes

        try:
            expected = decode_bytes(content)
        except UndecodableError:
            with pytest.raises(UnparseablePage):
                decode(content)
        else:
            assert decode(content) == expected
