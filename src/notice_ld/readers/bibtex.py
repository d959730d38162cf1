r"""BibTeX and BibLaTeX reader: ``.bib`` files as reference managers, publishers and HAL export them.

Entries are split by bibtexparser 2 (its blocks and failed blocks); values are evaluated as BibTeX
does (``@string`` macros, ``#`` concatenation, month macros) and their LaTeX is decoded by
pylatexenc (``{\'e}`` → ``é``, ``\c{c}`` → ``ç``, ``--`` → ``–``, ``\&`` → ``&``, braces that
protect case and ``\textit{…}`` dropped). Names are split the BibTeX way (``Last, First``,
``First von Last``, ``and others`` → "et al."); a name wholly in braces (``{World Health
Organization}``) is an organisation. Every field is either mapped into the notice (the table in
``docs/readers.md``) or listed in the entry's :class:`~notice_ld.readers.outcomes.Residue` with the
reason.

The file is read entry by entry (an entry starts with ``@type{`` or ``@type(`` at the start of a
line — where bibtexparser recovers from an unclosed entry too), so memory stays flat whatever
the file's size; an entry over ``ReaderOptions.max_record_bytes`` is skipped while it streams and
reported. A broken entry (unbalanced braces, a missing ``=``…) is one
:class:`~notice_ld.errors.RecordError` naming its key and line; the entries before and after it go
through.

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> bib = rb'''@string{vs = "Vie sociale"}
... @article{jouet2019,
...   author = {Jouet, Emmanuelle and Le Goff, Yannick and others},
...   title = {Produire des savoirs {\`a} l'{\'E}cole \& ailleurs},
...   journal = vs, volume = 25, number = {1}, pages = {123--140},
...   year = 2019, month = mar, doi = {10.3917/vsoc.191.0123},
...   address = {Toulouse}
... }
... '''
>>> notice, residue = read(io.BytesIO(bib), InputFormat.BIBTEX, name="refs.bib")
>>> notice.id.value, notice.titles[0].value, notice.issued
('10.3917/vsoc.191.0123', "Produire des savoirs à l'École & ailleurs", '2019-03')
>>> [c.display_name for c in notice.creators], notice.creators_et_al
(['Emmanuelle Jouet', 'Yannick Le Goff'], True)
>>> notice.container.title, notice.container.pages
('Vie sociale', '123-140')
>>> [(i.element, i.value) for i in residue.items]
[('address', 'Toulouse')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import DocumentType
from notice_ld.readers import dc, text
from notice_ld.readers.oai import Mapped, mapped_outcomes
from notice_ld.readers.outcomes import ResidueItem

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["BibtexValue", "LatexDecoder", "decode_latex", "latex_decoder", "read_bibtex", "value_text"]

_BLOCK_START: Final = re.compile(rb"^[ \t]*@[ \t]*([A-Za-z_][\w-]*)?[ \t]*[{(]")
_ENTRY_HEAD: Final = re.compile(r"@\s*([A-Za-z_][\w-]*)\s*[{(]\s*([^,\s{}()=\"#]*)")
_BROKEN_FIX: Final = (
    "correct the entry (braces and quotes balanced, 'name = value' pairs separated by commas)"
)

# entry type -> (document type, container type of its booktitle/journal)
_TYPES: Final[dict[str, DocumentType]] = {
    "article": DocumentType.ARTICLE,
    "periodical": DocumentType.OTHER,
    "suppperiodical": DocumentType.ARTICLE,
    "book": DocumentType.BOOK,
    "mvbook": DocumentType.BOOK,
    "booklet": DocumentType.BOOK,
    "collection": DocumentType.BOOK,
    "mvcollection": DocumentType.BOOK,
    "proceedings": DocumentType.BOOK,
    "mvproceedings": DocumentType.BOOK,
    "reference": DocumentType.BOOK,
    "mvreference": DocumentType.BOOK,
    "inbook": DocumentType.CHAPTER,
    "bookinbook": DocumentType.CHAPTER,
    "suppbook": DocumentType.CHAPTER,
    "incollection": DocumentType.CHAPTER,
    "suppcollection": DocumentType.CHAPTER,
    "inreference": DocumentType.CHAPTER,
    "inproceedings": DocumentType.CONFERENCE_PAPER,
    "conference": DocumentType.CONFERENCE_PAPER,
    "phdthesis": DocumentType.THESIS,
    "mastersthesis": DocumentType.THESIS,
    "thesis": DocumentType.THESIS,
    "techreport": DocumentType.REPORT,
    "report": DocumentType.REPORT,
    "manual": DocumentType.REPORT,
    "preprint": DocumentType.WORKING_PAPER,
    "dataset": DocumentType.DATASET,
    "data": DocumentType.DATASET,
    "misc": DocumentType.OTHER,
    "online": DocumentType.OTHER,
    "electronic": DocumentType.OTHER,
    "www": DocumentType.OTHER,
    "webpage": DocumentType.OTHER,
    "unpublished": DocumentType.OTHER,
    "software": DocumentType.OTHER,
    "patent": DocumentType.OTHER,
    "standard": DocumentType.OTHER,
    "artwork": DocumentType.OTHER,
    "audio": DocumentType.OTHER,
    "video": DocumentType.OTHER,
    "music": DocumentType.OTHER,
    "image": DocumentType.OTHER,
    "movie": DocumentType.OTHER,
    "letter": DocumentType.OTHER,
    "legislation": DocumentType.OTHER,
    "jurisdiction": DocumentType.OTHER,
}
_TYPE_LABELS: Final = {"mastersthesis": "Master's thesis", "unpublished": "Unpublished"}
_PROCEEDINGS_TYPES: Final = frozenset({"inproceedings", "conference"})
_BOOK_PART_TYPES: Final = frozenset(
    {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference"}
)

_MONTHS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# babel/polyglossia language names (langid, hyphenation) that langcodes does not know by that name
_BABEL: Final = {
    "american": "en-US", "british": "en-GB", "usenglish": "en-US", "ukenglish": "en-GB",
    "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ", "english": "en",
    "ngerman": "de", "german": "de", "naustrian": "de-AT", "austrian": "de-AT", "swissgerman": "de-CH",
    "nswissgerman": "de-CH", "french": "fr", "francais": "fr", "frenchb": "fr", "acadian": "fr-CA",
    "canadien": "fr-CA", "brazil": "pt-BR", "brazilian": "pt-BR", "portuges": "pt", "portuguese": "pt",
    "spanish": "es", "catalan": "ca", "italian": "it", "dutch": "nl", "russian": "ru", "polish": "pl",
    "czech": "cs", "greek": "el", "polutonikogreek": "grc", "latin": "la", "swedish": "sv",
    "norsk": "nb", "nynorsk": "nn", "danish": "da", "finnish": "fi", "magyar": "hu", "hungarian": "hu",
    "turkish": "tr", "japanese": "ja", "chinese": "zh", "korean": "ko", "arabic": "ar", "hebrew": "he",
}  # fmt: skip

_NAME_FIELDS: Final = {"author", "editor", "translator", "advisor", "supervisor", "editora", "editorb"}
_ROLES: Final = {
    "editor": "editor",
    "translator": "translator",
    "advisor": "thesis_advisor",
    "supervisor": "thesis_advisor",
    "editora": "contributor",
    "editorb": "contributor",
}
_VERBATIM: Final = frozenset({"doi", "url", "eprint", "hal_id", "isbn", "issn", "handle", "arxiv", "arxivid"})
_IGNORED: Final = frozenset({"hal_version"})  # read together with another field
_REASONS: Final = {
    "address": "the place of publication; the notice model has no place field",
    "location": "the place of publication; the notice model has no place field",
    "note": "a free-text note; the notice model has no note field",
    "annote": "an annotation; the notice model has no note field",
    "annotation": "an annotation; the notice model has no note field",
    "edition": "an edition statement; the notice model has no edition field",
    "chapter": "a chapter number; the notice model has no chapter field",
    "urldate": "the date the URL was visited; the notice holds only the date of issue",
    "file": "a file attached in a reference manager; the notice model describes the work, not its files",
    "pdf": "a file of the document; the notice model describes the work, not its files",
    "pagetotal": "a page count; the notice model has no extent field",
    "numpages": "a page count; the notice model has no extent field",
    "eventtitle": "the event; the notice model has no event field",
    "eventdate": "the event; the notice model has no event field",
    "venue": "the event's place; the notice model has no event field",
    "pmid": "a PubMed id; the notice model has no PubMed scheme",
    "titleaddon": "a title addition; the notice holds titles only",
    "origtitle": "the original title; the notice cannot tell its language",
    "shorttitle": "a short title, a form of the title the notice already holds",
    "crossref": "a cross-reference to another entry: its fields are not inherited (read that entry)",
    "xdata": "a reference to an @xdata entry: its fields are not inherited",
}


@dataclass(frozen=True, slots=True)
class BibtexValue:
    """A field value evaluated as BibTeX does, still in LaTeX: ``text`` and what could not be used."""

    text: str
    notes: tuple[str, ...] = ()


def value_text(raw: str, macros: dict[str, str]) -> BibtexValue:
    """Evaluate a raw BibTeX field value: ``{…}``, ``"…"``, numbers, ``@string`` macros (and the
    month macros ``jan``…``dec``), joined by ``#``. The result keeps its LaTeX and inner braces.

    >>> value_text('"Vie " # vs # {, n\\\\textdegree{} 1}', {"vs": "sociale"})
    BibtexValue(text='Vie sociale, n\\\\textdegree{} 1', notes=())
    >>> value_text("undefinedmacro", {}).notes
    ("'undefinedmacro' is not a defined @string macro: kept as written",)
    """
    parts: list[str] = []
    notes: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch.isspace() or ch == "#":
            i += 1
            continue
        if ch == "{":
            depth, j = 0, i
            while j < n:
                c = raw[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            parts.append(raw[i + 1 : j])
            i = j + 1
        elif ch == '"':
            depth, j = 0, i + 1
            while j < n:
                c = raw[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                elif c == '"' and depth <= 0:
                    break
                j += 1
            parts.append(raw[i + 1 : j])
            i = j + 1
        else:
            j = i
            while j < n and not raw[j].isspace() and raw[j] != "#":
                j += 1
            word = raw[i:j]
            if word.isdigit():
                parts.append(word)
            elif word.lower() in macros:
                parts.append(macros[word.lower()])
            elif word.lower() in _MONTHS:
                parts.append(_MONTH_NAMES[_MONTHS[word.lower()] - 1])
            else:
                parts.append(word)
                notes.append(f"{word!r} is not a defined @string macro: kept as written")
            i = j
    return BibtexValue("".join(parts), tuple(notes))


@dataclass(frozen=True, slots=True)
class LatexDecoder:
    """pylatexenc's parser and text converter, told about the commands BibTeX files and
    notice_ld's writer use (``\\textbraceleft``, ``\\textasciicircum``, ``\\mbox``, ``\\url``,
    ``\\href``, ``\\og``/``\\fg``, ``\\LaTeX``…); build it with :func:`latex_decoder`."""

    parsing: Any
    converter: Any

    def text(self, value: str) -> str:
        """The text of a LaTeX value (may raise on input pylatexenc cannot parse)."""
        from pylatexenc.latexwalker import LatexWalker

        walker = LatexWalker(value, latex_context=self.parsing, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        return str(self.converter.nodelist_to_text(nodes))


def latex_decoder() -> LatexDecoder:
    """A LaTeX-to-text decoder for BibTeX values (one per read: building it takes a millisecond).

    >>> latex_decoder().text(r"\\textbraceleft{}x\\textbraceright{} \\mbox{A} \\href{https://a.org}{here}")
    '{x} A here'
    """
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
    from pylatexenc.macrospec import MacroSpec

    parsing = latexwalker.get_default_latex_context_db()
    parsing.add_context_category(
        "notice-ld-bibtex",
        prepend=True,
        macros=[
            MacroSpec("mbox", "{"),
            MacroSpec("url", "{"),
            MacroSpec("path", "{"),
            MacroSpec("doi", "{"),
            MacroSpec("href", "{{"),
            MacroSpec("og", ""),
            MacroSpec("fg", ""),
        ],
    )
    texts = get_default_latex_context_db()
    texts.add_context_category(
        "notice-ld-bibtex",
        prepend=True,
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("textasciitilde", "~"),
            MacroTextSpec("mbox", "%(1)s"),
            MacroTextSpec("url", "%(1)s"),
            MacroTextSpec("path", "%(1)s"),
            MacroTextSpec("doi", "%(1)s"),
            MacroTextSpec("href", "%(2)s"),
            MacroTextSpec("og", "«"),
            MacroTextSpec("fg", "»"),
            MacroTextSpec("LaTeX", "LaTeX"),
            MacroTextSpec("TeX", "TeX"),
            MacroTextSpec("BibTeX", "BibTeX"),
            MacroTextSpec("LaTeXe", "LaTeX2e"),
        ],
    )
    return LatexDecoder(parsing, LatexNodes2Text(latex_context=texts, math_mode="text"))


_NEEDS_DECODING: Final = re.compile(r"[\\{}$%~&]|--|``|''|!`|\?`")
_NEEDS_LATEX: Final = re.compile(r"[\\$%~&]|--|``|''|!`|\?`")
_UNESCAPED: Final = re.compile(r"(?<!\\)([%&])")


def decode_latex(value: str, decoder: LatexDecoder) -> tuple[str, str | None]:
    """The text of a LaTeX value, and a note when the LaTeX could not be read (braces dropped then).

    ``%`` and ``&`` are characters in BibTeX values, not a comment and an alignment tab.

    >>> d = latex_decoder()
    >>> decode_latex(r"Caf{\\'e} \\c{c}a -- \\textit{50%} R&D", d)
    ('Café ça – 50% R&D', None)
    """
    if _NEEDS_DECODING.search(value) is None:
        return value, None
    if _NEEDS_LATEX.search(value) is None:  # only braces (case protection): what pylatexenc gives
        return value.replace("{", "").replace("}", ""), None
    source = _UNESCAPED.sub(r"\\\1", value)
    try:
        return decoder.text(source), None
    except Exception as exc:  # pylatexenc on hostile input: keep the text, say so
        plain = re.sub(r"\\[A-Za-z]+\*?|[{}\\]", "", value)
        return plain, f"the LaTeX could not be read ({type(exc).__name__}); kept without its markup"


def _verbatim_text(value: str) -> str:
    """A DOI, URL or number as written: braces and ``\\_``-style escapes removed, ``\\url{}`` opened."""
    value = re.sub(r"^\\(?:url|doi|path)\s*\{(.*)\}$", r"\1", value.strip(), flags=re.DOTALL)
    value = re.sub(r"\\([_%&#$~])", r"\1", value)
    return value.replace("{", "").replace("}", "").strip()


# ------------------------------------------------------------------------------------------ stream


@dataclass(slots=True)
class _Block:
    line: int
    data: bytearray = field(default_factory=bytearray)
    size: int = 0


def _blocks(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | int]]:
    """``(first line, bytes)`` of each block — text before the first entry, then one ``@…`` block
    each — or ``(first line, size)`` for a block over ``limit`` bytes (not held in memory)."""
    number = 0
    block = _Block(1)
    while True:
        raw = text.read_line(stream, limit, first=number == 0)
        if raw is None:
            break
        number += 1
        starts = not isinstance(raw, text.LongLine) and _BLOCK_START.match(raw) is not None
        if starts and block.size:
            yield block.line, (bytes(block.data) if block.size <= limit else block.size)
            block = _Block(number)
        elif starts:
            block.line = number
        size = raw.size if isinstance(raw, text.LongLine) else len(raw)
        block.size += size
        if block.size <= limit and not isinstance(raw, text.LongLine):
            block.data += raw
        else:
            block.data = bytearray()
            block.size = max(block.size, limit + 1)
    if block.size:
        yield block.line, (bytes(block.data) if block.size <= limit else block.size)


def _head(data: bytes | str) -> tuple[str, str] | None:
    """``(entry type, key)`` read from the first line of a block, for messages."""
    first = data[:512].decode("utf-8", "replace") if isinstance(data, bytes) else data[:512]
    match = _ENTRY_HEAD.search(first)
    return (match.group(1).lower(), match.group(2)) if match else None


def _label(key: str | None, where: str) -> str:
    return f"{key} ({where})" if key else where


def read_bibtex(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read a BibTeX/BibLaTeX file: one notice (and its residue) per entry, an error per bad entry.

    ``@string`` macros apply to the entries after them; ``@preamble`` and ``@comment`` blocks are
    skipped. An entry with no DOI, Handle, HAL id, arXiv id or URL gets an identifier minted from
    its citation key when ``options.minter`` is set, else an error naming the key and line.
    """
    peek = getattr(stream, "peek", None)
    wide = text.wide_encoding(peek(4)[:4]) if peek is not None else None
    if wide is not None:  # UTF-16/32: one error for the file (its bytes would read as nothing)
        yield text.encoding_error(name, wide)
        return
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import Entry, ParsingFailedBlock, String

    # bibtexparser logs each failed block; the reader reports it as a RecordError instead, so
    # without a handler of the application's, its messages need not reach standard error
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    macros: dict[str, str] = {}
    decoder = latex_decoder()
    mapper = _Mapper(decoder, options, name)
    for line, data in _blocks(stream, options.max_record_bytes):
        where = f"{name}:{line}"
        if isinstance(data, int):
            yield text.long_record_error(where, data, options.max_record_bytes)
            continue
        head = _head(data)
        if head is None:
            continue  # text outside entries: a comment, for BibTeX
        source = text.decode(data)
        if text.has_undecodable(source):
            position, byte = text.undecodable_byte(source) or (0, 0)
            yield RecordError(
                record=_label(head[1], where),
                field=_field_at(source, position),
                problem=text.not_utf8_problem(byte),
                fix=text.not_utf8_fix(name),
            )
            continue
        try:
            library = parse_string(source, parse_stack=[])
        except Exception as exc:  # a bibtexparser bug on hostile input must cost this entry only
            yield RecordError(
                record=_label(head[1], where),
                problem=f"the entry could not be split ({type(exc).__name__})",
                fix=_BROKEN_FIX,
            )
            continue
        for block in library.blocks:
            at = f"{name}:{line + (block.start_line or 0)}"
            if isinstance(block, ParsingFailedBlock):
                failed = _head(block.raw or "")
                reason = getattr(block.error, "abort_reason", None) or str(block.error)
                yield RecordError(
                    record=_label(failed[1] if failed else None, at),
                    problem=f"the entry is not valid BibTeX: {' '.join(str(reason).split())}",
                    fix=_BROKEN_FIX,
                )
            elif isinstance(block, String):
                evaluated = value_text(block.value, macros)
                if len(macros) < 100_000:
                    macros[block.key.lower()] = evaluated.text
            elif isinstance(block, Entry):
                yield from mapper.entry(block, macros, at)


def _field_at(source: str, position: int) -> str:
    """The name of the field whose value holds ``position`` (best effort, for messages)."""
    found = None
    for match in re.finditer(r"([A-Za-z][\w:-]*)\s*=", source[:position]):
        found = match.group(1).lower()
    return found or ""


# ------------------------------------------------------------------------------------------ mapping


@dataclass
class _Entry:
    """The fields of one entry being mapped, and its residue."""

    kind: str
    key: str
    values: dict[str, str]
    raw: dict[str, str]
    residue: list[ResidueItem] = field(default_factory=list)

    def note(self, element: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(element, value, reason))

    def take(self, name: str) -> str | None:
        value = self.values.pop(name, None)
        self.raw.pop(name, None)
        return value or None


class _Mapper:
    def __init__(self, decoder: LatexDecoder, options: ReaderOptions, name: str) -> None:
        self.decoder = decoder
        self.options = options
        self.name = name

    def entry(self, block: Any, macros: dict[str, str], where: str) -> Iterator[Outcome]:
        key = str(block.key).strip()
        label = _label(key, where)
        kind = str(block.entry_type).lower()
        values: dict[str, str] = {}
        raw: dict[str, str] = {}
        item = _Entry(kind, key, values, raw)
        for fld in block.fields:
            fname = str(fld.key).strip().lower()
            evaluated = value_text(str(fld.value), macros)
            for note in evaluated.notes:
                item.note(fname, str(fld.value), note)
            if fname in raw:
                item.note(fname, evaluated.text, "a second value of this field; the first was kept")
                continue
            raw[fname] = evaluated.text
            if fname in _VERBATIM:
                values[fname] = _verbatim_text(evaluated.text)
            elif fname not in _NAME_FIELDS and fname != "pages":
                decoded, unread = decode_latex(evaluated.text, self.decoder)
                if unread:
                    item.note(fname, evaluated.text, unread)
                values[fname] = decoded
        try:
            data, problem = self.build(item)
        except RecordError as err:
            yield err.with_context(record=label)
            return
        rejected = None if problem is None else ("", *problem)
        yield from mapped_outcomes(Mapped(data, item.residue, rejected), label, label)

    # ---------------------------------------------------------------------------------- fields

    def build(self, item: _Entry) -> tuple[dict[str, Any], tuple[str, str] | None]:
        data: dict[str, Any] = {}
        kind = _TYPES.get(item.kind)
        if kind is None:
            kind = DocumentType.OTHER
            item.note(
                "@" + item.kind, item.key, f"an entry type notice_ld does not know: read as '{kind.value}'"
            )
        self._type(item, kind, data)
        self._titles(item, data)
        self._names(item, data)
        self._date(item, data)
        self._container(item, data)
        self._publisher(item, data)
        self._languages(item, data)
        self._abstract_keywords(item, data)
        self._rights(item, data)
        problem = self._identifiers(item, data)
        for name in _IGNORED:
            item.take(name)
        for name, value in list(item.values.items()):
            item.note(name, value, _REASONS.get(name, "a field the notice model has no place for"))
        return data, problem

    def _type(self, item: _Entry, kind: DocumentType, data: dict[str, Any]) -> None:
        label = item.take("type")
        if kind is DocumentType.REPORT and label and dc.document_type(label)[0] == "working_paper":
            kind = DocumentType.WORKING_PAPER
        data["type"] = kind.value
        label = label or _TYPE_LABELS.get(item.kind)
        if label:
            data["type_label"] = label

    def _titles(self, item: _Entry, data: dict[str, Any]) -> None:
        title = item.take("title")
        subtitle = item.take("subtitle")
        if title and subtitle:
            title = f"{title}: {subtitle}"
        title = title or subtitle
        if title is None:
            for other in ("shorttitle", "booktitle", "maintitle"):
                if item.values.get(other) and other != "booktitle":
                    title = item.take(other)
                    item.note("title", "", f"no title: the {other} was taken as the title")
                    break
        if title is not None:
            data["titles"] = [{"value": title}]

    def _names(self, item: _Entry, data: dict[str, Any]) -> None:
        for fname in sorted(_NAME_FIELDS & set(item.raw)):
            raw = item.raw.pop(fname)
            item.values.pop(fname, None)
            agents, et_al = self._agents(item, fname, raw)
            if fname == "author":
                if agents:
                    data["creators"] = agents
                    data["creators_et_al"] = et_al
                elif et_al:
                    item.note("author", raw, "only 'others': no author is named")
            else:
                role = _ROLES[fname]
                if role == "thesis_advisor" and data.get("type") != "thesis":
                    role = "contributor"
                data.setdefault("contributors", []).extend({"role": role, "agent": a} for a in agents)
                if et_al:
                    item.note(fname, "others", "'and others': the notice marks et al. for authors only")
        if "contributors" in data:
            order = {"editor": 0, "translator": 1, "thesis_advisor": 2, "contributor": 3}
            data["contributors"].sort(key=lambda c: order[c["role"]])

    def _agents(self, item: _Entry, fname: str, raw: str) -> tuple[list[dict[str, Any]], bool]:
        from bibtexparser.middlewares.names import (
            InvalidNameError,
            parse_single_name_into_parts,
            split_multiple_persons_names,
        )

        agents: list[dict[str, Any]] = []
        et_al = False
        # bibtexparser's splitter drops a backslash and the character after it when they follow
        # " and " (``x and \&, y``): backslashes are set aside while the names are split
        hidden = " ".join(raw.split()).replace("\\", "\ue000")
        for part in split_multiple_persons_names(hidden):
            name = part.replace("\ue000", "\\").strip()
            if not name:
                continue
            if name.lower() == "others":
                et_al = True
                continue
            if name.startswith("{") and name.endswith("}") and _one_group(name):
                label = self._text(item, fname, name[1:-1])
                if label:
                    agents.append({"type": "organization", "name": label})
                continue
            try:
                parts = parse_single_name_into_parts(name, strict=True)
            except InvalidNameError as exc:
                item.note(fname, name, f"not a BibTeX name ({exc.reason}); kept as one name")
                label = self._text(item, fname, name)
                if label:
                    agents.append({"type": "person", "name": label})
                continue
            family = self._text(item, fname, " ".join(parts.von + parts.last))
            given = self._text(item, fname, " ".join(parts.first))
            suffix = self._text(item, fname, " ".join(parts.jr))
            if family and suffix:
                family = f"{family} {suffix}"
            person: dict[str, Any] = {"type": "person"}
            if family:
                person["family"] = family
                if given:
                    person["given"] = given
            elif given:
                person["name"] = given
            else:
                continue
            agents.append(person)
        return agents, et_al

    def _text(self, item: _Entry, element: str, value: str) -> str:
        decoded, problem = decode_latex(value, self.decoder)
        if problem:
            item.note(element, value, problem)
        return " ".join(decoded.replace("\u00a0", " ").split())

    def _date(self, item: _Entry, data: dict[str, Any]) -> None:
        date_text = item.take("date")
        year = item.take("year")
        month = item.take("month")
        day = item.take("day")
        issued: str | None = None
        if date_text:
            issued, note = dc.parse_date(date_text)
            if issued is None:
                item.note("date", date_text, note or "not a date")
            elif note:
                item.note("date", date_text, note)
        if issued is None and year:
            issued = self._year_month_day(item, year, month, day)
        elif year and issued is not None and not issued.startswith(year.strip()):
            item.note("year", year, f"a year that is not the one of the date ({issued})")
        if issued is not None:
            data["issued"] = issued

    def _year_month_day(self, item: _Entry, year: str, month: str | None, day: str | None) -> str | None:
        found, note = dc.parse_date(year)
        if found is None or len(found) != 4:
            item.note("year", year, note or "not a year")
            return found
        if note:
            item.note("year", year, note)
        if month is None:
            if day:
                item.note("day", day, "a day without a month")
            return found
        number = _month_number(month)
        if number is None:
            item.note("month", month, "not a month (write 1-12, jan…dec or the month's English name)")
            return found
        issued = f"{found}-{number:02d}"
        if day:
            checked, _ = dc.parse_date(f"{issued}-{day.strip().zfill(2)}")
            if checked is None or not day.strip().isdigit():
                item.note("day", day, f"not a day of {issued}")
            else:
                issued = checked
        return issued

    def _container(self, item: _Entry, data: dict[str, Any]) -> None:
        container: dict[str, Any] = {}
        journal = item.take("journal") or item.take("journaltitle")
        booktitle = item.take("booktitle")
        series = item.take("series")
        if journal:
            container = {"type": "journal", "title": journal}
        elif booktitle:
            kind = "proceedings" if item.kind in _PROCEEDINGS_TYPES else "book"
            container = {"type": kind, "title": booktitle}
        elif series:
            container = {"type": "series", "title": series}
            series = None
        for other, value in (("booktitle", booktitle if journal else None), ("series", series)):
            if value:
                item.note(other, value, f"a second container; the notice holds one ({container['title']})")
        if journal and item.values.get("journaltitle"):
            item.note("journaltitle", item.take("journaltitle") or "", "a second journal title")
        volume = item.take("volume")
        number = item.take("number") or item.take("issue")
        pages_raw = item.raw.pop("pages", None)
        pages = None
        if pages_raw:
            pages = self._text(item, "pages", re.sub(r"\s*-{1,3}\s*|\s*[–—]\s*", "-", pages_raw.strip()))
        numbering = {"volume": volume, "issue": number, "pages": pages}
        if container:
            container.update({k: v for k, v in numbering.items() if v})
            data["container"] = container
        else:
            for key, value in numbering.items():
                if value:
                    element = {"issue": "number"}.get(key, key)
                    item.note(element, value, "numbering without a journal, book or series title to hold it")

    def _publisher(self, item: _Entry, data: dict[str, Any]) -> None:
        candidates: list[tuple[str, str]] = []
        order = ("school", "institution", "publisher", "organization")
        if data.get("type") not in ("thesis", "report", "working_paper"):
            order = ("publisher", "school", "institution", "organization")
        for name in order:
            value = item.take(name)
            if value:
                candidates.append((name, value))
        if candidates:
            data["publisher"] = {"type": "organization", "name": candidates[0][1]}
            for name, value in candidates[1:]:
                if value != candidates[0][1]:
                    item.note(name, value, f"a second publisher; the notice holds one ({candidates[0][1]})")

    def _languages(self, item: _Entry, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for name in ("langid", "language", "hyphenation"):
            value = item.take(name)
            if not value:
                continue
            for part in re.split(r"\s*(?:,|;|\band\b)\s*", value):
                if not part:
                    continue
                tag, why = dc.language_tag(_BABEL.get(part.lower().replace(" ", ""), part))
                if tag is None:
                    item.note(name, part, why or "not a language")
                elif tag not in tags:
                    tags.append(tag)
        if tags:
            data["languages"] = tags

    def _abstract_keywords(self, item: _Entry, data: dict[str, Any]) -> None:
        abstract = item.take("abstract")
        if abstract and abstract.strip():
            data["abstracts"] = [{"value": abstract}]
        keywords: list[dict[str, str]] = []
        for name in ("keywords", "keyword", "mots-cles", "mots-clés"):
            value = item.take(name)
            if value:
                separator = ";" if ";" in value else ","
                for word in value.split(separator):
                    word = " ".join(word.split())
                    if word and {"value": word} not in keywords:
                        keywords.append({"value": word})
        if keywords:
            data["keywords"] = keywords

    def _rights(self, item: _Entry, data: dict[str, Any]) -> None:
        chosen: dict[str, str] = {}
        for name in ("license", "licence", "copyright", "rights"):
            value = item.take(name)
            if not value:
                continue
            found = dc.rights(value)
            if found.kind == "access":
                item.note(name, value, "an access status; the notice model has no access-rights field")
            elif chosen:
                item.note(name, value, "a second licence; the notice holds one")
            else:
                if found.iri:
                    chosen["iri"] = found.iri
                if found.label:
                    chosen["label"] = found.label
        if chosen:
            data["license"] = chosen

    def _identifiers(self, item: _Entry, data: dict[str, Any]) -> tuple[str, str] | None:
        pids: list[ids.Identifier] = []
        others: list[ids.Identifier] = []
        urls: list[tuple[str, ids.Identifier]] = []

        def parse(element: str, value: str, scheme: str | None) -> ids.Identifier | None:
            try:
                return ids.parse(value, scheme)
            except IdentifierError as exc:
                item.note(element, value, f"not a usable identifier: {exc.problem}")
                return None

        doi = item.take("doi")
        if doi:
            found = parse("doi", re.sub(r"^doi:\s*", "", doi, flags=re.IGNORECASE), "doi")
            if found:
                pids.append(found)
        for element, scheme in (("handle", "handle"), ("hal_id", "hal")):
            value = item.take(element)
            if value:
                found = parse(element, value, scheme)
                if found:
                    pids.append(found)
        eprint = item.take("eprint")
        eprint_type = (item.take("eprinttype") or item.take("archiveprefix") or "").strip().lower()
        arxiv = item.take("arxiv") or item.take("arxivid")
        if eprint and eprint_type in ("arxiv", ""):
            arxiv = arxiv or (eprint if eprint_type == "arxiv" or _ARXIV.match(eprint) else None)
            if arxiv is None:
                item.note("eprint", eprint, "an e-print id of an unknown archive (eprinttype missing)")
        elif eprint:
            archive = {"hdl": "handle", "handle": "handle", "hal": "hal", "doi": "doi"}.get(eprint_type)
            if archive is None:
                item.note(
                    "eprint",
                    eprint,
                    f"an e-print id of the archive {eprint_type!r}, which notice_ld has no scheme for",
                )
            else:
                found = parse("eprint", eprint, archive)
                if found:
                    pids.append(found)
        item.take("primaryclass")
        if arxiv:
            match = _ARXIV.match(arxiv.strip())
            if match:
                found = parse("eprint", f"10.48550/arXiv.{match.group(1)}", "doi")
                if found:
                    others.append(found)  # the DOI arXiv registers for the preprint
            else:
                item.note("eprint", arxiv, "not an arXiv identifier")
        url_text = item.take("url")
        how = item.take("howpublished")
        if how:
            if re.match(r"^https?://\S+$", how.strip()) and not url_text:
                url_text = how.strip()
            else:
                item.note(
                    "howpublished", how, "how the work was published; the notice model has no such field"
                )
        if url_text:
            found = parse("url", url_text, None)
            if found is not None and found.iri.startswith(("http://", "https://")):
                urls.append((url_text, found))
        isbns = [v for v in re.split(r"[\s,;]+", item.take("isbn") or "") if v]
        issns = [v for v in re.split(r"[\s,;]+", item.take("issn") or "") if v]

        part_of_book = item.kind in _BOOK_PART_TYPES or item.kind in _PROCEEDINGS_TYPES
        own_isbn = None
        if isbns and not part_of_book:
            try:
                own_isbn = ids.parse(isbns[0], "isbn")
            except IdentifierError:
                own_isbn = None  # noted with the other ISBNs below
        # the notice id: a persistent id, else the arXiv DOI, else the URL, else the ISBN, else minted
        pids.sort(key=lambda i: _PID_ORDER.index(i.scheme) if i.scheme in _PID_ORDER else len(_PID_ORDER))
        url_ids = [u for _, u in urls]
        for candidate in url_ids:
            if candidate.scheme is not ids.Scheme.URL and candidate not in pids:
                pids.append(candidate)
        if pids:
            data["id"] = pids[0]
            rest = pids[1:] + others
        elif others:
            data["id"] = others[0]
            rest = others[1:]
        elif url_ids:
            data["id"] = url_ids[0]
            rest = []
        elif own_isbn is not None:
            data["id"] = own_isbn  # a book known by its ISBN alone
            rest = []
        elif self.options.minter is not None and item.key:
            data["id"] = ids.Identifier(ids.Scheme.HANDLE, self.options.minter.mint(item.key))
            rest = []
        else:
            fix = (
                "give the entry a doi or url field, or pass a Handle prefix (--prefix) to mint one from "
                "its citation key"
            )
            return "the entry has no usable identifier (DOI, Handle, HAL id, arXiv id, URL or ISBN)", fix
        for text_, _ in urls:
            if text_ != data["id"].iri and _is_iri(text_):
                data["landing_page"] = text_  # where to read it, as the entry gives it
                break
        identifiers: list[Any] = [r for r in rest if r != data["id"]]
        container = data.get("container")
        for position, value in enumerate(isbns):
            found = parse("isbn", value, "isbn")
            if found is None:
                continue
            if (
                position == 0
                and container is not None
                and container["type"] in ("book", "proceedings")
                and (item.kind in _BOOK_PART_TYPES or item.kind in _PROCEEDINGS_TYPES)
            ):
                container["isbn"] = found
            elif found != data["id"]:
                identifiers.append(found)
        for position, value in enumerate(issns):
            found = parse("issn", value, "issn")
            if found is None:
                continue
            if container is None:
                item.note("issn", value, "an ISSN without a journal or series title to hold it")
            elif position < 2:
                container["issn" if position == 0 else "eissn"] = found
            else:
                item.note("issn", value, "a third ISSN; the journal holds an ISSN and an e-ISSN")
        if identifiers:
            data["identifiers"] = list(dict.fromkeys(identifiers))
        return None


_ARXIV: Final = re.compile(
    r"^(?:arxiv:)?((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)$", re.IGNORECASE
)
_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.HAL,
    ids.Scheme.ARK,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)


def _is_iri(value: str) -> bool:
    try:
        ids.parse(value, ids.Scheme.URL)
    except IdentifierError:
        return False
    return True


def _one_group(name: str) -> bool:
    """Whether ``{…}`` is one brace group from its first to its last character."""
    depth = 0
    for position, ch in enumerate(name):
        if ch == "{" and name[position - 1 : position] != "\\":
            depth += 1
        elif ch == "}" and name[position - 1 : position] != "\\":
            depth -= 1
            if depth == 0 and position != len(name) - 1:
                return False
    return True


def _month_number(value: str) -> int | None:
    text_ = value.strip().rstrip(".").lower()
    if text_.isdigit():
        number = int(text_)
        return number if 1 <= number <= 12 else None
    if text_[:3] in _MONTHS and (
        len(text_) == 3 or _MONTH_NAMES[_MONTHS[text_[:3]] - 1].lower().startswith(text_)
    ):
        return _MONTHS[text_[:3]]
    return None
