"""Names of people and organisations as citation styles write them.

Nothing here guesses: a person's ``family`` and ``given`` names are used as given, a ``name``
without parts is kept whole, organisations keep their full name. Unicode is kept (accents,
ligatures, non-Latin scripts); only initials are derived.

>>> from notice_ld.model import Person
>>> natural_name(Person(family="Jouet", given="Emmanuelle"))
'Emmanuelle Jouet'
>>> natural_name(Person(family="王", given="晓明"))
'王晓明'
>>> initials("Jean-Pierre Marie"), initials("J.R.R."), initials("Ελένη")
('J.-P. M.', 'J. R. R.', 'Ε.')
>>> inverted_name(Person(family="Le Goff", given="Yannick")), inverted_name(Person(family="王", given="晓明"))
('Le Goff, Y.', '王晓明')
"""

from __future__ import annotations

import re
import unicodedata

from notice_ld.model import Organization, Person

__all__ = ["family_of", "initials", "inverted_name", "is_cjk", "natural_name", "short_name"]

_CJK_NAMES = ("CJK ", "HIRAGANA", "KATAKANA", "HANGUL")
_INITIAL_SPLIT = re.compile(r"[\s.]+")


def is_cjk(text: str) -> bool:
    """Whether ``text`` is written in Chinese, Japanese or Korean script (no initials, no space)."""
    return any(unicodedata.name(ch, "").startswith(_CJK_NAMES) for ch in text if not ch.isascii())


def _cased(text: str) -> bool:
    """Whether the first letter of ``text`` belongs to a script with capital letters."""
    for ch in text:
        if ch.isalpha():
            return ch.lower() != ch.upper()
    return False


def natural_name(agent: Person | Organization) -> str:
    """The name in reading order: ``Given Family`` (CJK names: ``FamilyGiven``), or the name given.

    >>> from notice_ld.model import Organization
    >>> natural_name(Organization(type="organization", name="Cairn"))
    'Cairn'
    """
    if isinstance(agent, Organization):
        return agent.name
    if agent.name is not None:
        return agent.name
    family = agent.family or ""
    if agent.given is None:
        return family
    if is_cjk(family) and is_cjk(agent.given):
        return family + agent.given
    return f"{agent.given} {family}"


def _initial(part: str) -> str:
    """``"Pierre"`` → ``"P."``: the first letter with its combining marks, and a period."""
    for start, ch in enumerate(part):
        if ch.isalpha():
            end = start + 1
            while end < len(part) and unicodedata.combining(part[end]):
                end += 1
            return part[start:end] + "."
    return ""


def initials(given: str) -> str:
    """Initials of given names: hyphens kept (``J.-P.``), one space between names.

    Returns ``""`` when ``given`` has no letter at all.

    >>> initials("María José"), initials("Thi Lan"), initials("Íñigo")
    ('M. J.', 'T. L.', 'Í.')
    """
    words = []
    for word in given.split():
        parts = [_initial(p) for p in word.split("-")]
        joined = "-".join(p for p in parts if p)
        if joined:
            # "J.R.R." is one word holding three initials
            if "-" not in word and word.count(".") > 1:
                joined = " ".join(_initial(p) for p in _INITIAL_SPLIT.split(word) if _initial(p))
            words.append(joined)
    return " ".join(words)


def inverted_name(agent: Person | Organization) -> str:
    """``Family, I.`` (APA); given names in full where the script has no capitals; CJK ``FamilyGiven``.

    A person known only by a ``name`` and organisations keep the whole name.

    >>> from notice_ld.model import Person
    >>> inverted_name(Person(family="Benali", given="Karima", name="كريمة بن علي"))
    'Benali, K.'
    >>> inverted_name(Person(family="Haddad", given="نور")), inverted_name(Person(name="Platon"))
    ('Haddad, نور', 'Platon')
    """
    return _abbreviated(agent, inverted=True)


def short_name(agent: Person | Organization) -> str:
    """``I. Family`` (APA editors and translators), or the whole name.

    >>> from notice_ld.model import Person
    >>> short_name(Person(family="Sørensen", given="Birgit"))
    'B. Sørensen'
    """
    return _abbreviated(agent, inverted=False)


def _abbreviated(agent: Person | Organization, *, inverted: bool) -> str:
    """Family name with initials (``Family, I.`` or ``I. Family``); whole names where no initials apply."""
    if isinstance(agent, Organization):
        return agent.name
    if agent.family is None:
        return agent.name or ""
    if agent.given is None:
        return agent.family
    if is_cjk(agent.family) and is_cjk(agent.given):
        return agent.family + agent.given
    given = (initials(agent.given) or agent.given) if _cased(agent.given) else agent.given
    return f"{agent.family}, {given}" if inverted else f"{given} {agent.family}"


def family_of(agent: Person | Organization) -> str:
    """The family name, else the whole name (used for keys and sorting)."""
    if isinstance(agent, Organization):
        return agent.name
    return agent.family or agent.name or ""
