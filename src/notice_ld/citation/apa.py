"""An APA 7-like reference, in English or in the French adaptation (plain text, no italics).

``Author, A. A., & Author, B. B. (Year). Title. Source. https://doi.org/…``

- **Authors** ``Family, I.`` (initials of every given name, hyphens kept: ``J.-P.``; given
  names in full for scripts without capitals; Chinese, Japanese and Korean names
  ``FamilyGiven``); organisations by their full name. Up to 20 authors are named, joined
  with ``, &`` (French: ``et``, no comma before it); 21 or more give the first 19, ``. . .``
  and the last. When the source names only the first authors (``creators_et_al``), ``et al.``
  follows them — APA would list everyone, but no co-author is ever invented.
- **Date** the year: ``(2019)``; without one ``(n.d.)`` / ``(s. d.)``.
- **Without authors** the title moves to the author position (``Title. (2019). Source.``);
  an edited book without authors is led by its editors ``(Ed.)``/``(Eds.)``/``(dir.)``.
- **Source** by what the document is part of: a journal ``Journal, 41(2), 87–112.``; a book or
  proceedings ``In A. Editor (Ed.), Book (pp. 45–67). Publisher.`` (French ``Dans … (dir.), …
  (p. 45-67)``); a series goes in parentheses after the title with its numbering
  ``(OIVE Infos, No. 47)``; a thesis ``[Thesis, University]``, a data set ``[Data set]``, a
  working paper ``[Working paper]``. The publisher closes books, chapters, reports, data sets —
  left out when it is also the author (APA's rule). Translators: ``(E. Lefèvre, Trans.)``.
- **Link** ``https://doi.org/DOI`` when there is a DOI, else the landing page, else the http(s)
  IRI of the notice's identifier (a Handle gives ``https://hdl.handle.net/…``).

Missing parts are left out with their punctuation; a period is never added after ``?``, ``!``,
``…`` or ``.``.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "halshs-04187263", "type": "article",
...     "titles": [{"value": "Habiter le périurbain"}], "issued": "2022-03-15",
...     "creators": [{"family": "Dumoulin", "given": "Claire"}, {"family": "Le Goff", "given": "Yannick"}],
...     "container": {"title": "Espaces et sociétés", "volume": "41", "issue": "2", "pages": "87-112"},
...     "identifiers": ["10.3917/esu.412.0087"]})
>>> print(apa(n, "en"))
Dumoulin, C., & Le Goff, Y. (2022). Habiter le périurbain. Espaces et sociétés, 41(2), 87–112. https://doi.org/10.3917/esu.412.0087
>>> print(apa(n, "fr"))
Dumoulin, C. et Le Goff, Y. (2022). Habiter le périurbain. Espaces et sociétés, 41(2), 87–112. https://doi.org/10.3917/esu.412.0087
"""

from __future__ import annotations

from notice_ld.citation import fields as f
from notice_ld.citation.names import inverted_name, natural_name, short_name
from notice_ld.languages import Language
from notice_ld.model import ContainerType, DocumentType, Notice, Organization, Person, Role

__all__ = ["MAX_AUTHORS", "apa"]

MAX_AUTHORS = 20
"""Up to this many authors are named; beyond, the first 19, ``. . .`` and the last."""

_WORDS = {
    Language.EN: {
        "and": "&",
        "et_al": "et al.",
        "nd": "n.d.",
        "ed": "Ed.",
        "eds": "Eds.",
        "in": "In",
        "trans": "{names}, Trans.",
        "vol": "Vol.",
        "no": "No.",
        "p": "p.",
        "pp": "pp.",
        "thesis": "Thesis",
        "dataset": "Data set",
        "working_paper": "Working paper",
    },
    Language.FR: {
        "and": "et",
        "et_al": "et al.",
        "nd": "s. d.",
        "ed": "dir.",
        "eds": "dir.",
        "in": "Dans",
        "trans": "trad. {names}",
        "vol": "vol.",
        "no": "n°",
        "p": "p.",
        "pp": "p.",
        "thesis": "Thèse",
        "dataset": "Jeu de données",
        "working_paper": "Document de travail",
    },
}
_ENDS = (".", "?", "!", "…")


def _period(text: str) -> str:
    return text if text.endswith(_ENDS) else text + "."


def _join(names: list[str], words: dict[str, str], lang: Language, *, listing: bool) -> str:
    """Join names: ``A, & B`` / ``A, B, & C`` (authors, English), ``A & B`` (editors), ``A et B``."""
    if len(names) == 1:
        return names[0]
    serial = lang == Language.EN and (listing or len(names) > 2)  # "A, & B" for authors, "A, B, & C"
    return ", ".join(names[:-1]) + ("," if serial else "") + f" {words['and']} " + names[-1]


def _authors(notice: Notice, words: dict[str, str], lang: Language) -> str | None:
    names = [inverted_name(agent) for agent in notice.creators]
    if not names:
        return None
    if notice.creators_et_al:
        shown = names[: MAX_AUTHORS - 1]
        sep = ", " if lang == Language.EN else " "
        return ", ".join(shown) + sep + words["et_al"]
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[: MAX_AUTHORS - 1]) + ", . . . " + names[-1]
    return _join(names, words, lang, listing=True)


def _short_names(agents: list[Person | Organization], words: dict[str, str], lang: Language) -> str:
    return _join([short_name(a) for a in agents], words, lang, listing=False)


def _numbering(volume: str | None, issue: str | None) -> str:
    if volume and issue:
        return f", {volume}({issue})"
    if volume:
        return f", {volume}"
    if issue:
        return f", ({issue})"
    return ""


def apa(notice: Notice, lang: Language) -> str:
    """The APA 7-like reference of ``notice`` in English (``"en"``) or French (``"fr"``)."""
    words = _WORDS[lang]
    container = notice.container
    editors = f.contributors(notice, Role.EDITOR)
    translators = f.contributors(notice, Role.TRANSLATOR)
    publisher = f.publisher(notice)

    head = _authors(notice, words, lang)
    if head is None and editors and notice.type is DocumentType.BOOK:
        label = words["ed"] if len(editors) == 1 else words["eds"]
        head = _join([inverted_name(a) for a in editors], words, lang, listing=True) + f" ({label})"
        editors = []
    date = f.date_parts(notice)
    when = f"({date[0]})." if date else f"({words['nd']})."

    if container is not None and container.type is ContainerType.JOURNAL:
        kind = "journal"
    elif container is not None and container.type in (ContainerType.BOOK, ContainerType.PROCEEDINGS):
        kind = "in"
    elif container is None and notice.type is DocumentType.ARTICLE and notice.source is not None:
        kind = "source"
    else:
        kind = "standalone"

    # the title, with what APA puts after it: (translator; series) [description]
    notes: list[str] = []
    if translators and kind != "in":
        notes.append(words["trans"].format(names=_short_names(translators, words, lang)))
    if kind == "standalone" and container is not None:
        series = [container.title]
        if container.volume:
            series.append(f"{words['vol']} {container.volume}")
        if container.issue:
            series.append(f"{words['no']} {container.issue}")
        notes.append(", ".join(series))
    description = None
    if notice.type is DocumentType.THESIS:
        description = words["thesis"] + (f", {publisher}" if publisher else "")
        publisher = None
    elif notice.type is DocumentType.DATASET:
        description = words["dataset"]
    elif notice.type is DocumentType.WORKING_PAPER:
        description = words["working_paper"]
    title = f.title(notice)
    if notes:
        title += f" ({'; '.join(notes)})"
    if description:
        title += f" [{description}]"
    title = _period(title)

    out = [_period(head), when, title] if head is not None else [title, when]

    if kind == "journal" and container is not None:
        span = f.pages(notice, "–")
        out.append(
            _period(
                container.title
                + _numbering(container.volume, container.issue)
                + (f", {span}" if span else "")
            )
        )
        publisher = None
    elif kind == "source" and notice.source is not None:
        out.append(_period(notice.source))
        publisher = None
    elif kind == "in" and container is not None:
        text = words["in"] + " "
        if editors:
            label = words["ed"] if len(editors) == 1 else words["eds"]
            text += f"{_short_names(editors, words, lang)} ({label}), "
        text += container.title
        span = f.pages(notice, "–")
        if span:
            text += f" ({words['pp' if container.page_range else 'p']} {span})"
        out.append(_period(text))

    if publisher and publisher not in {natural_name(a) for a in notice.creators}:
        out.append(_period(publisher))
    found = f.doi(notice)
    address = f"https://doi.org/{found}" if found else f.link(notice)
    if address:
        out.append(address)
    return " ".join(out)
