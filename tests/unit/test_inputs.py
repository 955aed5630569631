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


def test_a_stale_legacy_declaration_on_utf8_bytes_loses() -> None:
    text, used, step = decode(PAGE.format(cs="windows-1252").encode("utf-8"))
    assert "Ça coûte 5 €, déjà payé." in text and (used, step) == ("utf-8", "utf-8")


def test_a_declaration_that_reads_as_mojibake_loses_to_detection() -> None:
    body = "Москва — столица России, крупнейший по численности населения город страны. " * 3
    data = f"<html><head><meta charset='koi8-r'></head><body><p>{body}</p></body></html>".encode("windows-1251")
    text, used, step = decode(data)
    assert body in text and (used, step) == ("cp1251", "detected")


def test_a_right_declaration_stays() -> None:
    data = PAGE.format(cs="iso-8859-15").encode("iso-8859-15")
    assert decode(data)[1:] == ("iso8859-15", "declared")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    text, used, step = decode(PAGE.format(cs="utf-16").encode(codec))
    assert "déjà" in text and (used, step) == (codec, "utf-16")


@pytest.mark.parametrize("label", ["undefined", "unicode_escape", "utf-7", "base64", "charmap", "idna", "nonsense"])
def test_labels_that_name_no_page_encoding_are_ignored(label: str) -> None:
    data = PAGE.format(cs=label).replace("€", "EUR").encode("utf-8") + b"<p>\\x41</p>"
    text, used, step = decode(data)
    assert "déjà" in text and "\\x41" in text and used == "utf-8"
    assert decode(data, encoding=label)[1] == "utf-8"


def test_windows_1258_is_nfc_normalised() -> None:
    # "Việt" with the tone mark as a combining character, as windows-1258 stores it
    data = "<p>Vi\u00ea\u0323t Nam</p>".encode("cp1258")
    text, used, _ = decode(data, encoding="windows-1258")
    assert "Việt Nam" in text and used == "cp1258"


def test_str_is_held_to_the_byte_limit_by_its_utf8_size() -> None:
    from newsparse.errors import InputTooLarge

    read("é" * 1000, max_bytes=2000)
    with pytest.raises(InputTooLarge, match="2,002 bytes"):
        read("é" * 1001, max_bytes=2000)


def test_control_characters_and_surrogates_are_cleaned() -> None:
    raw = read("<p>a\x01b\x7fc\x9fd \ud800 e\r\nf\rg</p>")
    assert raw.text == "<p>abcd \ufffd e\nf\ng</p>"
