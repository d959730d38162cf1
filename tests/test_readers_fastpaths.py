"""Differential tests for the readers' fast paths: each must give exactly what the code it shortcuts gives.

The text-cleaning functions (``dc.clean_text``, the model's ``_clean_line`` / ``_clean_block``)
take str-method fast paths when a value has nothing to decode, remove or fold; the reference
implementations below are the regular-expression versions they replaced, kept verbatim. The
organisation-word pattern is searched in a factored form; the Dublin Core value rules are memoised;
records are parsed with per-page caches (namespace declarations, record-name scanner). Each is
checked against its reference on tricky generated text and on the reader fixtures.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld import model
from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, Residue, dc, read

DATA = Path(__file__).with_name("data") / "readers"


# --------------------------------------------------------------------------- references (the old code)


def reference_clean_text(value: str, *, block: bool = False) -> tuple[str, list[str]]:
    """``dc.clean_text`` before its str-method fast paths."""
    notes: list[str] = []
    if dc._SPECIAL.search(value) is None:
        return unicodedata.normalize("NFC", value).strip(), notes
    text = value
    if "&" in value:
        refs = {dc._charref_code(m) for m in dc._CHARREF.finditer(value)}
        dropped = sorted(f"U+{c:04X}" for c in refs if 0 <= c < 0x20 and c not in (9, 10, 13))
        if dropped:
            notes.append(
                f"removed the control character reference{'s' if len(dropped) > 1 else ''} "
                f"{', '.join(dropped)}"
            )
        import html

        text = html.unescape(value)
    if "<" in text and dc._HTML_TAG.search(text):
        text = dc._strip_html(text)
    if dc._CONTROL.search(text):
        found = sorted({f"U+{ord(c):04X}" for c in dc._CONTROL.findall(text)})
        notes.append(f"removed the control character{'s' if len(found) > 1 else ''} {', '.join(found)}")
        text = dc._CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if dc._FOLDABLE.search(text) is None:
        return text.strip(), notes
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if block:
        paragraphs = [dc._SPACES.sub(" ", p.replace("\n", " ")).strip() for p in re.split(r"\n\s*\n", text)]
        return "\n\n".join(p for p in paragraphs if p), notes
    return dc._SPACES.sub(" ", text.replace("\n", " ")).strip(), notes


def reference_clean_line(value: object) -> object:
    """The model's ``_clean_line`` before its fast path."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    if model._CONTROL.search(text):
        raise model.Invalid("contains a control character", "remove the control character")
    text = model._SPACES.sub(" ", text).strip()
    if not text:
        raise model.Invalid("is empty", "remove the field or give a value")
    return text


def reference_clean_block(value: object) -> object:
    """The model's ``_clean_block`` before its fast path."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    if model._CONTROL.search(text):
        raise model.Invalid("contains a control character", "remove the control character")
    paragraphs = [model._SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise model.Invalid("is empty", "remove the field or give a value")
    return text


def outcome(function: Any, value: object) -> tuple[str, object]:
    try:
        return "ok", function(value)
    except model.Invalid as exc:
        return "invalid", exc.problem


# --------------------------------------------------------------------------- generated text

# pieces that sit on the edges of the fast paths: every kind of white space (folded, kept, paragraph
# breaks), control and format characters, entities and tags (decoded once), NFC compositions,
# characters whose case folds unusually (for the organisation words), astral characters
PIECES = [
    "a", "é", "Z", "ß", "文", "\U0001f600", " ", "  ", "\u00a0", "\u202f", "\u2007", "\u2000", "\u3000",
    "\n", "\n\n", "\n \n", "\n\n\n", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028",
    "\u2029", "\x00", "\x07", "\x1f", "\x7f", "\x9f", "\u00ad", "\u200b", "\ufeff", "\ue000", "\u0378",
    "e\u0301", "\u0301", "\u212b", "&", "&amp;", "&lt;", "&#x27E8;", "&#7;", "&#x1F;", "&#128512;",
    "&nbsp;", "<", "<p>", "</p>", "<br>", "<br/>", "<i>", "</i>", "<x>", "<notatag", ">", "ſ", "K",
    "İ", "ı", "Univ.", "univ", "UNIVERSITÉ", "cnrs", "ea 1", "École", "ecole", "équipe", "Lab", "labex",
    "press", "Presses", "inc", ",", ";", "(", "0000-0002-1825-0097", "«", "»", "’", "-",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
any_text = st.one_of(texts, st.text(max_size=30))


@settings(max_examples=3000)
@given(any_text)
def test_clean_text_is_the_reference(value: str) -> None:
    assert dc.clean_text(value) == reference_clean_text(value)
    assert dc.clean_text(value, block=True) == reference_clean_text(value, block=True)


@settings(max_examples=3000)
@given(any_text)
def test_model_cleaning_is_the_reference(value: str) -> None:
    assert outcome(model._clean_line, value) == outcome(reference_clean_line, value)
    assert outcome(model._clean_block, value) == outcome(reference_clean_block, value)


@settings(max_examples=2000)
@given(any_text)
def test_organisation_words_factored(value: str) -> None:
    assert bool(dc._ORG_WORDS_FAST.search(value)) == bool(dc._ORG_WORDS.search(value))


def test_organisation_words_every_alternative() -> None:
    words = re.findall(r"[a-zà-ÿ]{2,}", dc._ORG_WORDS.pattern.replace(r"\w*", ""))
    for word in words:
        for form in (word, word.upper(), word.title(), f"x {word} y", f"{word}s", f"x{word}", f"{word}."):
            assert bool(dc._ORG_WORDS_FAST.search(form)) == bool(dc._ORG_WORDS.search(form)), form


def test_clean_text_on_fixture_values() -> None:
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)  # one is broken
    for path in sorted(DATA.glob("*.xml")):
        for element in etree.parse(str(path), parser).iter():
            if isinstance(element.tag, str) and element.text and element.text.strip():
                for block in (False, True):
                    assert dc.clean_text(element.text, block=block) == reference_clean_text(
                        element.text, block=block
                    )


@pytest.mark.parametrize("function", [dc.language_tag, dc.parse_date, dc.document_type, dc.rights])
def test_memoised_rules(function: Any) -> None:
    values = ["fr", "Français", "2019", "c. 1850", "Thèse", "CC BY 4.0", "info:eu-repo/semantics/openAccess"]
    values += ["x" * 300, "CC BY " + "4" * 300, "https://example.org/" + "a" * 400]  # too long to remember
    for value in values + values:  # the second round is answered from the memo
        assert function(value) == function.__wrapped__(value)


# --------------------------------------------------------------------------- whole pages

OAI = "http://www.openarchives.org/OAI/2.0/"
DC = 'xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"'


def record(index: int, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    declare = f' xmlns:{prefix}="{OAI}"' if prefix else ""
    if index % 7 == 3:
        return (
            f'<{p}record{declare}><{p}header status="deleted"><{p}identifier>oai:t:{index}</{p}identifier>'
            f"</{p}header></{p}record>"
        )
    title = "Un  titre\u00a0: «\u202fessai\u202f»" if index % 2 else "A title"
    abstract = (
        "Premier paragraphe.\n\nSecond paragraphe &amp;#x27E8;x&amp;#x27E9;." if index % 3 else "Court."
    )
    return (
        f"<{p}record{declare}><!-- note --><{p}header><{p}identifier>oai:t:{index}</{p}identifier>"
        f"<{p}datestamp>2024-01-01</{p}datestamp></{p}header><{p}metadata><oai_dc:dc {DC}>"
        f'<dc:title xml:lang="fr">{title} {index}</dc:title><dc:creator>Université de Lille</dc:creator>'
        f"<dc:creator>Dupont, Jean</dc:creator><dc:description>{abstract}</dc:description>"
        f"<dc:date>2019</dc:date><dc:language>fre</dc:language><dc:rights>CC BY 4.0</dc:rights>"
        f"<dc:identifier>10.1234/t.{index}</dc:identifier><dc:coverage>Inde</dc:coverage>"
        f"</oai_dc:dc></{p}metadata></{p}record>"
    )


def page(records: list[str]) -> bytes:
    return (
        f'<OAI-PMH xmlns="{OAI}" xmlns:x="urn:x"><ListRecords xmlns:y="urn:y">'
        + "\n".join(records)
        + "</ListRecords></OAI-PMH>"
    ).encode()


def comparable(items: list[object]) -> list[object]:
    out: list[object] = []
    for item in items:
        if isinstance(item, Notice):
            out.append(item.to_dict())
        elif isinstance(item, Residue):
            out.append((item.record, item.source, item.items))
        elif isinstance(item, Deletion):
            out.append(item)
        elif isinstance(item, RecordError):
            out.append(item.problem)
    return out


def test_a_page_reads_as_its_records_one_by_one() -> None:
    """Per-page caches (namespace context, record scanner) change nothing: records with and without
    a prefix, deleted ones, comments, in one page read as each in a page of its own."""
    records = [record(i, "oai" if i % 4 == 1 else "") for i in range(12)]
    whole = comparable(list(read(io.BytesIO(page(records)), InputFormat.OAI_DC)))
    alone = [x for r in records for x in comparable(list(read(io.BytesIO(page([r])), InputFormat.OAI_DC)))]
    assert whole == alone
    assert sum(isinstance(x, dict) for x in whole) == 10
    assert sum(isinstance(x, Deletion) for x in whole) == 2
