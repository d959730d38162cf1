"""BibTeX export: one entry per notice, UTF-8, deterministic, streaming.

- **Entry types** by document type: ``@article`` (with a journal), ``@book``, ``@incollection``
  (chapter in a book), ``@inproceedings``, ``@phdthesis``, ``@techreport`` (reports and working
  papers, ``type = {Working paper}``), ``@misc`` (data sets, other documents, and articles or
  chapters without the journal or book they belong to).
- **Keys** ``family`` + ``year`` + first significant title word, ASCII-folded
  (``jouet2019produire``, ``wang2021chengshi``); ``nd`` without a date. Unique within a file:
  a key already used gets ``a``, ``b``… (``jouet2019produirea``). The same notices in the same
  order always give the same keys.
- **Names** ``Family, Given`` joined with ``and``; organisations and single names in braces
  (``{Cairn}``); ``and others`` when the record names only the first authors.
- **Text** kept as UTF-8 (accents, ligatures, non-Latin scripts); the characters special to
  (La)TeX are escaped: ``\\ { } % & # _ $ ~ ^`` (braces as ``\\textbraceleft{}`` so that braces
  stay balanced for BibTeX) and TeX ligatures (``--``, `````, ``''``, ``<<``…) are broken with
  ``{}``. Titles are protected from case changes (``title = {{…}}``). ``doi`` and ``url`` are
  written verbatim (they never hold a brace or a backslash).
- **Fields** author, editor, translator, title, journal / booktitle / series, volume, number,
  pages (``87--112``), year, month (``mar``), date (``2022-03-15``), publisher / school /
  institution, type, isbn, issn, doi, url.

>>> from notice_ld.model import Notice
>>> from notice_ld.writers import serialize
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Produire des savoirs & partager le pouvoir"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}], "creators_et_al": True,
...     "issued": "2019", "container": {"title": "Vie sociale"}})
>>> print(serialize([n], "bibtex").decode())
@article{jouet2019produire,
  author = {Jouet, Emmanuelle and others},
  title = {{Produire des savoirs \\& partager le pouvoir}},
  journal = {Vie sociale},
  year = {2019},
  date = {2019},
  url = {https://hdl.handle.net/10670/1.jt89mr}
}
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from anyascii import anyascii

from notice_ld.citation import fields as f
from notice_ld.citation.names import family_of
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.model import ContainerType, DocumentType, Notice, Organization, Person, Role
from notice_ld.writers.stream import Codec

__all__ = ["BibtexCodec", "KeyRegistry", "base_key", "bibtex_entry", "latex", "write_bibtex"]

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile(r"[\\{}%&#_$~^]")
# TeX ligatures that would change the text: -- --- `` '' ,, << >> !` ?`
_LIGATURE = re.compile(r"([-`',<>])(?=\1)|[!?](?=`)")
_VERBATIM_UNSAFE = re.compile(r"[{}\\\s]")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AND = re.compile(r"(?i)(?:^|\s)and(?:\s|$)")
_WORD = re.compile(r"[^\W_]+")
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "at", "by", "d", "dans", "das", "de", "del", "della", "den", "der", "des",
        "di", "die", "du", "el", "en", "et", "for", "from", "il", "in", "l", "la", "las", "le", "les",
        "lo", "los", "of", "on", "or", "par", "pour", "sur", "the", "to", "um", "uma", "un", "una",
        "une", "und", "von", "zu", "zur",
    }
)  # fmt: skip


def latex(text: str) -> str:
    r"""Escape ``text`` for a BibTeX field value; non-ASCII characters are kept as UTF-8.

    >>> print(latex("R&D: 50% {draft} C:\\temp #1 a_b -- ça"))
    R\&D: 50\% \textbraceleft{}draft\textbraceright{} C:\textbackslash{}temp \#1 a\_b -{}- ça
    """
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(lambda m: _LATEX[m.group(0)], text)
    if _LIGATURE.search(text):
        text = _LIGATURE.sub(lambda m: m.group(0) + "{}", text)
    return text


def _verbatim(text: str) -> str:
    """A DOI or URL as BibTeX reads it verbatim: braces, backslashes and spaces percent-encoded."""
    return _VERBATIM_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), text)


def _folded_words(text: str) -> list[str]:
    """Lower-case ASCII words of ``text`` (transliterated: ``王`` → ``wang``, ``Ελένη`` → ``eleni``)."""
    return [w.lower() for w in _WORD.findall(anyascii(text)) if w.isascii()]


def base_key(notice: Notice) -> str:
    """The citation key before de-duplication: ``family`` + ``year`` + first significant title word.

    Without an author (nor an editor) the title word leads: ``chroniquend``; ``notice`` + year
    when the title has no word either.

    >>> from notice_ld.model import Notice
    >>> base_key(Notice.from_dict({"id": "10.5555/x", "titles": [{"value": "Le rébétiko : chansons"}],
    ...                            "creators": [{"family": "Le Goff", "given": "Y."}], "issued": "1998-05"}))
    'legoff1998rebetiko'
    """
    who = ""
    agents = list(notice.creators) or f.contributors(notice, Role.EDITOR)
    if agents:
        agent = agents[0]
        words = _folded_words(family_of(agent))
        if isinstance(agent, Organization):
            words = [w for w in words if w not in _STOPWORDS][:1] or words[:1]
        who = "".join(words)[:20]
    year = notice.issued[:4] if notice.issued else "nd"
    title_words = _folded_words(f.title(notice))
    word = next((w for w in title_words if w not in _STOPWORDS and len(w) > 2), "")
    word = word or next((w for w in title_words if len(w) > 2), title_words[0] if title_words else "")
    word = word[:20]
    if not who:
        return f"{word or 'notice'}{year}"  # no author: the title word leads
    return f"{who}{year}{word}"


class KeyRegistry:
    """Hands out citation keys, unique within one file: a key already used gets ``a``, ``b``…

    >>> keys = KeyRegistry()
    >>> keys.claim("jouet2019produire"), keys.claim("jouet2019produire"), keys.claim("jouet2019produire")
    ('jouet2019produire', 'jouet2019produirea', 'jouet2019produireb')
    """

    __slots__ = ("_used",)

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, base: str) -> str:
        """Return ``base`` or the first free ``base`` + suffix, and mark it used."""
        key, n = base, 0
        while key in self._used:
            key = base + _suffix(n)
            n += 1
        self._used.add(key)
        return key


def _suffix(n: int) -> str:
    """``a``…``z``, ``aa``, ``ab``… for n = 0, 1, 2…"""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _group(text: str) -> str:
    """A name part in braces when BibTeX would split it (a comma, or the word ``and``)."""
    escaped = latex(text)
    return f"{{{escaped}}}" if "," in text or _AND.search(text) else escaped


def _name(agent: Person | Organization) -> str:
    if isinstance(agent, Organization) or agent.family is None:
        return "{" + latex(agent.name or "") + "}"
    if agent.given is None:
        return "{" + latex(agent.family) + "}"
    return f"{_group(agent.family)}, {_group(agent.given)}"


def _names(agents: Iterable[Person | Organization], et_al: bool = False) -> str | None:
    names = [_name(a) for a in agents]
    if et_al and names:
        names.append("others")
    return " and ".join(names) if names else None


def _entry_type(notice: Notice, part_field: str | None) -> str:
    kind = notice.type
    if kind is DocumentType.ARTICLE:
        return "article" if part_field == "journal" else "misc"
    if kind is DocumentType.CHAPTER:
        return "incollection" if part_field == "booktitle" else "misc"
    if kind is DocumentType.CONFERENCE_PAPER:
        return "inproceedings" if part_field == "booktitle" else "misc"
    return {
        DocumentType.BOOK: "book",
        DocumentType.THESIS: "phdthesis",
        DocumentType.REPORT: "techreport",
        DocumentType.WORKING_PAPER: "techreport",
    }.get(kind, "misc")


_PART_FIELD = {
    ContainerType.JOURNAL: "journal",
    ContainerType.BOOK: "booktitle",
    ContainerType.PROCEEDINGS: "booktitle",
    ContainerType.SERIES: "series",
}
_PUBLISHER_FIELD = {"phdthesis": "school", "techreport": "institution"}


def bibtex_entry(notice: Notice, key: str) -> str:
    """The BibTeX entry of ``notice`` under ``key`` (ending with a newline)."""
    container = notice.container
    part_field: str | None = None
    part_title: str | None = None
    if container is not None:
        part_field, part_title = _PART_FIELD[container.type], container.title
    elif notice.type is DocumentType.ARTICLE and notice.source is not None:
        part_field, part_title = "journal", notice.source
    entry_type = _entry_type(notice, part_field)
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None, *, raw: bool = False) -> None:
        if value:
            fields.append((name, value if raw else f"{{{value}}}"))

    add("author", _names(notice.creators, notice.creators_et_al))
    add("editor", _names(f.contributors(notice, Role.EDITOR)))
    add("translator", _names(f.contributors(notice, Role.TRANSLATOR)))
    add("title", "{" + latex(f.title(notice)) + "}")
    if part_field is not None and part_title is not None:
        add(part_field, latex(part_title))
    if container is not None:
        add("volume", latex(container.volume) if container.volume else None)
        add("number", latex(container.issue) if container.issue else None)
        span = container.page_range
        add("pages", "--".join(latex(p) for p in span) if span else latex(container.pages or ""))
    parts = f.date_parts(notice)
    if parts:
        add("year", f"{parts[0]:04d}")  # year 999 is 0999, as in the notice
        if len(parts) > 1:
            add("month", _MONTHS[parts[1] - 1], raw=True)
        add("date", notice.issued)
    publisher = f.publisher(notice)
    add(_PUBLISHER_FIELD.get(entry_type, "publisher"), latex(publisher) if publisher else None)
    if entry_type == "techreport" or notice.type is DocumentType.THESIS:
        label = notice.type_label
        if label is None and notice.type is DocumentType.WORKING_PAPER:
            label = "Working paper"
        add("type", latex(label) if label else None)
    add("isbn", f.isbn(notice))
    add("issn", f.issn(container))
    found = f.doi(notice)
    add("doi", _verbatim(found) if found else None)
    address = f.link(notice)
    add("url", _verbatim(address) if address else None)
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


class BibtexCodec(Codec):
    """BibTeX: one entry per notice, a blank line between entries, keys unique in the file.

    A part's entries keep their base keys (``unique=False``); :meth:`merge` makes them unique
    across parts, in order, as one writer would have.
    """

    format = Format.BIBTEX
    lead = b"\n"

    def __init__(self, *, unique: bool = True) -> None:
        self.keys = KeyRegistry() if unique else None

    def item(self, graph: NoticeGraph) -> bytes:
        notice = graph.notice
        base = base_key(notice)
        return bibtex_entry(notice, self.keys.claim(base) if self.keys is not None else base).encode("utf-8")

    def for_part(self) -> Codec:
        return BibtexCodec(unique=False)

    def merge(self, parts: Iterable[IO[bytes]], out: IO[bytes]) -> None:
        keys = KeyRegistry()
        first = True
        for part in parts:
            for line in part:
                if first:
                    if line != self.lead:
                        raise ValueError(f"not a part of a BibTeX output (it starts {line[:40]!r})")
                    first = False
                    continue
                head = _ENTRY_HEAD.match(line)
                if head is not None:
                    key = keys.claim(head.group(2).decode("utf-8"))
                    line = b"@" + head.group(1) + b"{" + key.encode("utf-8") + b",\n"
                out.write(line)


_ENTRY_HEAD = re.compile(rb"^@(\w+)\{([^,\s]*),\n$")
"""The first line of an entry (fields are indented, so only entry heads start with ``@``)."""


def write_bibtex(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None) -> None:
    """Write one BibTeX entry per notice, separated by a blank line (``lang`` is not used)."""
    BibtexCodec().write(graphs, out)
