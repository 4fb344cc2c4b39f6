"""Bytes to text: BOM, declared charsets (windows-1256, ISO-8859-6), then detection."""

from __future__ import annotations

import codecs

import pytest

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
