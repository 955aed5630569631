"""Decoding: encodings by priority, formats, binary and empty input."""
from __future__ import annotations

import codecs
import gzip

import pytest

from newsparse.errors import BinaryInput, EmptyInput, UnsupportedInput
from newsparse.inputs import decode, read

PAGE = "<html><head><meta charset='{cs}'></head><body><p>Ça coûte 5 €, déjà payé.</p></body></html>"


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1252", "iso-8859-15"])
def test_declared_charset_is_used(encoding: str) -> None:
    data = PAGE.format(cs=encoding).encode(encoding)
    text, used, step = decode(data)
    assert "Ça coûte 5 €, déjà payé." in text
    assert codecs.lookup(used).name == codecs.lookup(encoding).name


def test_bom_wins_over_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + PAGE.format(cs="windows-1252").encode("utf-8")
    text, used, step = decode(data)
    assert step == "bom" and "déjà" in text


def test_caller_encoding_wins_over_meta() -> None:
    data = PAGE.format(cs="utf-8").encode("cp1252")
    text, used, step = decode(data, encoding="cp1252")
    assert step == "caller" and "déjà" in text


def test_undeclared_legacy_encoding_is_detected() -> None:
    text = "Москва — столица России, крупнейший по численности населения город страны. " * 5
    decoded, used, step = decode(text.encode("windows-1251"))
    assert decoded == text and step == "detected"


def test_gzip_is_transparent() -> None:
    decoded, _, _ = decode(gzip.compress(PAGE.format(cs="utf-8").encode()))
    assert "déjà" in decoded


def test_format_sniffing() -> None:
    assert read("<!DOCTYPE html><html><body><p>x</p></body></html>").format == "html"
    assert read("Just a line of text.\nAnother line.").format == "text"
    assert read("A dump that mentions <b> once.").format == "text"
    assert read("<p>forced</p>", format="text").format == "text"


@pytest.mark.parametrize("data", [b"", b"   \n ", b"\xef\xbb\xbf  "])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        read(data)


def test_binary_and_unsupported() -> None:
    with pytest.raises(BinaryInput):
        read(b"\x7fELF\x02\x01\x01" + bytes(64))
    with pytest.raises(UnsupportedInput):
        read(3.14)
    with pytest.raises(UnsupportedInput):
        read("x", format="pdf")
