"""The ISIDORE style: what ISIDORE's "Citer ce document" shows, and its English form.

``Authors, « Title », Source, ID : identifier`` — authors in reading order (``Given Family``),
the title as published between guillemets (English: curly double quotes), the source (ISIDORE's
*source* label, else the journal, series or book title), and the notice's own identifier. No
date: ISIDORE's own citation has none. Parts that are missing are left out with their comma.

Authors: one, two or three are all named (``A et B``, ``A, B et C``; English ``and``); more
than three, or a notice whose ``creators_et_al`` says the source names only the first ones,
give the first author followed by ``et al.`` — no co-author is ever invented.

Spaces: exactly ISIDORE's characters — ordinary spaces (U+0020) inside ``« »`` and before the
colon of ``ID :``, as in the seed notice's citation. Text taken from the notice (the title with
its own U+202F before ``:``, the names) is never retouched.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Produire des savoirs"}],
...                       "creators": [{"family": "Jouet", "given": "Emmanuelle"}],
...                       "creators_et_al": True, "source": "Vie sociale"})
>>> isidore(n, "fr")
'Emmanuelle Jouet et al., « Produire des savoirs », Vie sociale, ID : 10670/1.jt89mr'
>>> isidore(n, "en")
'Emmanuelle Jouet et al., “Produire des savoirs”, Vie sociale, ID: 10670/1.jt89mr'
"""

from __future__ import annotations

from notice_ld.citation.fields import title
from notice_ld.citation.names import natural_name
from notice_ld.languages import Language
from notice_ld.model import Notice

__all__ = ["MAX_NAMES", "isidore"]

MAX_NAMES = 3
"""At most this many authors are named; more give ``First Author et al.``"""

_WORDS = {
    Language.FR: {"and": " et ", "et_al": " et al.", "open": "« ", "close": " »", "id": "ID : "},
    Language.EN: {"and": " and ", "et_al": " et al.", "open": "“", "close": "”", "id": "ID: "},
}


def _authors(notice: Notice, words: dict[str, str]) -> str | None:
    names = [natural_name(agent) for agent in notice.creators]
    if not names:
        return None
    if notice.creators_et_al or len(names) > MAX_NAMES:
        return names[0] + words["et_al"]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + words["and"] + names[-1]


def _source(notice: Notice) -> str | None:
    if notice.source is not None:
        return notice.source
    return notice.container.title if notice.container is not None else None


def isidore(notice: Notice, lang: Language) -> str:
    """The ISIDORE citation of ``notice`` in French (``"fr"``) or English (``"en"``)."""
    words = _WORDS[lang]
    parts = [
        _authors(notice, words),
        words["open"] + title(notice) + words["close"],
        _source(notice),
        words["id"] + notice.id.value,
    ]
    return ", ".join(part for part in parts if part)
