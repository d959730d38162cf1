"""Rules for the values found in Dublin Core records: text, languages, dates, names, types, rights.

Each function takes one value as a source gives it and returns what the notice model holds, or
``None`` with the reason when the value cannot be used; the readers turn those reasons into the
residue report. The rules are documented in ``docs/readers.md``.

>>> clean_text("Cancer. 2018. &#x27E8;NNT : 2018MONTT090&#x27E9;")
('Cancer. 2018. ⟨NNT : 2018MONTT090⟩', [])
>>> language_tag("Français"), language_tag("fre"), language_tag("EN")
(('fr', None), ('fr', None), ('en', None))
>>> parse_date("2016-03-01T00:00:00Z"), parse_date("2010/2012")[0]
(('2016-03-01', None), '2010')
"""

from __future__ import annotations

import calendar
import functools
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Final, Literal, TypeVar

from notice_ld.vocabulary import COAR

__all__ = [
    "AgentReading",
    "Rights",
    "access_rights",
    "agent_role",
    "clean_text",
    "document_type",
    "has_organization_word",
    "is_user_name",
    "language_tag",
    "parse_agent",
    "parse_date",
    "read_agent",
    "rights",
    "split_agents",
]

_T = TypeVar("_T")
_MEMO_SIZE: Final = 4096  # distinct values remembered per function
_MEMO_LENGTH: Final = 256  # longer values are not remembered: the memory a memo holds stays small


def _memo_short(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """Remember the results of a pure function of one string whose results are immutable.

    Languages, dates, types and licences recur from record to record of a feed. Only values of up
    to ``_MEMO_LENGTH`` characters are remembered, ``_MEMO_SIZE`` at most (least recently used
    first out): hostile input cannot make the memo grow beyond a few megabytes.
    """
    remembered = functools.lru_cache(maxsize=_MEMO_SIZE)(function)

    @functools.wraps(function)
    def memo(value: str) -> _T:
        return remembered(value) if len(value) <= _MEMO_LENGTH else function(value)

    return memo


# --------------------------------------------------------------------------- text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n\u00a0\u2007\u202f]+")
_SPECIAL = re.compile(r"[&<\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[^\S \u00a0\u2007\u202f]|  ")
_FOLDABLE = re.compile(r"[^\S \u00a0\u2007\u202f]|  ")  # white space other than single spaces
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|hr|h[1-6]|ul|ol|li|dl|dt|dd|a|i|b|em|strong|sub|sup|span|code|pre|blockquote|"
    r"table|thead|tbody|tr|td|th|u|small|font|img|abbr|cite|q|s|strike|del|ins|mark|section|article)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_BLOCK_TAGS: Final = frozenset(
    {
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
"""Elements that start a paragraph."""
_HTML_NAMES: Final = _BLOCK_TAGS | frozenset(
    {
        "a",
        "abbr",
        "b",
        "br",
        "cite",
        "code",
        "del",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "tbody",
        "td",
        "th",
        "thead",
        "u",
    }
)
"""Every element name taken as HTML (anything else in angle brackets is kept as text)."""


class _TextOnly(HTMLParser):
    """Keeps the text of an HTML fragment, paragraph breaks at block elements; decodes nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag not in _HTML_NAMES:
            self.parts.append(self.get_starttag_text() or "")  # not HTML: text that looks like a tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag not in _HTML_NAMES:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")  # entities were decoded once already: not again

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")


def _strip_html(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")


def _charref_code(match: re.Match[str]) -> int:
    return int(match.group(1), 16) if match.group(1) else int(match.group(2))


def _plain(text: str) -> bool:
    """Whether ``text`` has no control, format or unassigned character and no white space but single
    spaces and no-break spaces (U+00A0, U+2007, U+202F): then folding white space changes nothing.

    Only the space is both white space and printable (``str.isprintable``), so a printable text
    without ``"  "`` has nothing to fold; no-break spaces, not printable, are looked at apart.
    """
    if text.isprintable():  # stops at the first character that is not: cheap when it fails
        return "  " not in text
    if "\u00a0" not in text and "\u202f" not in text and "\u2007" not in text:
        return False
    return "  " not in text and (
        text.replace("\u00a0", "x").replace("\u202f", "x").replace("\u2007", "x").isprintable()
    )


def clean_text(value: str, *, block: bool = False) -> tuple[str, list[str]]:
    """Normalise one text value; returns the text and notes on what was removed.

    HTML character references are decoded **once** (``&amp;#x27E8;`` in the XML, which the XML
    parser turns into ``&#x27E8;``, becomes ``⟨``); HTML markup revealed by that decoding (Zenodo
    escapes its HTML descriptions) is reduced to its text, paragraph breaks kept; control
    characters are removed (and noted); white space is folded (``block=True`` keeps paragraph
    breaks); NFC normalisation. An empty result is ``""``.

    >>> clean_text("&lt;p&gt;Un &lt;i&gt;texte&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Deux&lt;/p&gt;", block=True)
    ('Un texte\\n\\nDeux', [])
    >>> clean_text("Bell\\x07 rings")
    ('Bell rings', ['removed the control character U+0007'])
    """
    notes: list[str] = []
    if "&" not in value and "<" not in value:
        # the common cases, with str methods (several times faster than the regular expressions)
        if block and "\n" in value:  # (a text with a line break is never _plain)
            text = unicodedata.normalize("NFC", value)
            if all(part and part.strip() == part and _plain(part) for part in text.split("\n\n")):
                # clean paragraphs separated by exactly one blank line: what the code below returns
                return text, notes
        elif _plain(value):  # implies _SPECIAL.search(value) is None: nothing to decode, remove or fold
            return unicodedata.normalize("NFC", value).strip(), notes
    if _SPECIAL.search(value) is None:  # nothing to decode, remove or fold
        return unicodedata.normalize("NFC", value).strip(), notes
    text = value
    if "&" in value:
        refs = {_charref_code(m) for m in _CHARREF.finditer(value)}
        dropped = sorted(f"U+{c:04X}" for c in refs if 0 <= c < 0x20 and c not in (9, 10, 13))
        if dropped:  # html.unescape turns these into nothing: say so
            notes.append(
                f"removed the control character reference{'s' if len(dropped) > 1 else ''} "
                f"{', '.join(dropped)}"
            )
        text = html.unescape(value)
    if "<" in text and _HTML_TAG.search(text):
        text = _strip_html(text)
    if _CONTROL.search(text):
        found = sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)})
        notes.append(f"removed the control character{'s' if len(found) > 1 else ''} {', '.join(found)}")
        text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _FOLDABLE.search(text) is None:
        return text.strip(), notes  # nothing to fold (the common case): skip the work below
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if block:
        paragraphs = [_SPACES.sub(" ", p.replace("\n", " ")).strip() for p in re.split(r"\n\s*\n", text)]
        return "\n\n".join(p for p in paragraphs if p), notes
    return _SPACES.sub(" ", text.replace("\n", " ")).strip(), notes


# --------------------------------------------------------------------------- languages

_TAG_SHAPE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_NAME_SHAPE = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")
_NOT_A_LANGUAGE: Final = {"und": "undetermined language", "mis": "uncoded language"}


@_memo_short
def language_tag(value: str) -> tuple[str | None, str | None]:
    """A BCP 47 tag for a language given in any common form, or ``None`` and the reason.

    Codes (``fr``, ``FR``, ``fre``, ``fra``, ``fr_FR``) are standardised with langcodes; names in
    many languages (``Français``, ``French``, ``anglais``, ``Deutsch``) are looked up with
    ``langcodes.find`` (language_data). ``und`` (undetermined) is not a language to state.

    >>> language_tag("fr_FR"), language_tag("French"), language_tag("ger")
    (('fr-FR', None), ('fr', None), ('de', None))
    >>> language_tag("Sciences sociales")
    (None, "'Sciences sociales' is not a language code or a language name langcodes knows")
    """
    import langcodes

    text = unicodedata.normalize("NFC", value).strip()
    code = text.replace("_", "-")
    if _TAG_SHAPE.match(code) and langcodes.tag_is_valid(code):
        tag = langcodes.standardize_tag(code)
        if tag in _NOT_A_LANGUAGE:
            return None, f"{_NOT_A_LANGUAGE[tag]} ({tag}): nothing to state"
        return tag, None
    if _NAME_SHAPE.match(text) and len(text) <= 40:
        try:
            found = langcodes.find(text)
        except (LookupError, ImportError):
            found = None
        if found is not None:
            return found.to_tag(), None
    return None, f"{text!r} is not a language code or a language name langcodes knows"


# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_RANGE = re.compile(
    r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*(?:/|--|\s[-–]\s|[-–](?=\d{4}$))\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)?$"
)
_APPROX = re.compile(r"^\[?\s*(?:c\.|ca\.?|circa|vers|env\.?)?\s*(\d{4})\s*(\?)?\s*\]?$", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def _checked_date(year: str, month: str | None = None, day: str | None = None) -> str | None:
    if year == "0000":
        return None
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


@_memo_short
def parse_date(value: str) -> tuple[str | None, str | None]:
    """The ``issued`` value (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) for a date as found in the wild.

    Returns ``(date, note)``: ``note`` says what was not kept (the end of a range, a time of day
    that is not midnight, an approximation), or, when ``date`` is ``None``, why nothing could be
    kept. Date-times keep their date as written (no time-zone shift); ranges (``2010/2012``,
    ``2010-2012``, ``2019-03/2019-06``) keep their start; ``c. 1850``, ``[1850]``, ``1850?`` keep
    the year; ``20190305`` is read as ``2019-03-05``; ``05/03/2019`` only when the day is above 12
    (otherwise day and month cannot be told apart).

    >>> parse_date("2019-5-3"), parse_date("2019-02-30")[0]
    (('2019-05-03', None), None)
    >>> parse_date("2003-01-02T14:30:00+02:00")
    ('2003-01-02', 'the time of day 14:30 is not kept (the notice has day precision)')
    >>> parse_date("c. 1850")
    ('1850', "approximate date 'c. 1850': kept as the year 1850")
    """
    text = " ".join(value.split())
    match = _ISO.match(text)
    if match:
        date = _checked_date(*match.groups())
        return (date, None) if date else (None, f"{text!r} does not exist in the calendar")
    match = _DATETIME.match(text)
    if match:
        date_part, hour, minute, second = match.groups()
        date = _checked_date(*date_part.split("-"))
        if date is None:
            return None, f"{text!r} does not exist in the calendar"
        if (hour, minute, second or "00") != ("00", "00", "00"):
            return date, f"the time of day {hour}:{minute} is not kept (the notice has day precision)"
        return date, None
    match = _COMPACT.match(text)
    if match:
        date = _checked_date(*match.groups())
        return (date, None) if date else (None, f"{text!r} is not a date")
    match = _RANGE.match(text)
    if match:
        start, end = match.groups()
        date = _checked_date(*start.split("-")) if start.count("-") <= 2 else None
        if date is None:
            return None, f"{text!r}: the start of the range does not exist in the calendar"
        end_text = "open" if end in (None, "..") else end
        return (
            date,
            f"date range {text!r}: the notice keeps its start {date}; the end ({end_text}) is not kept",
        )
    match = _APPROX.match(text)
    if match and (match.group(2) or text != match.group(1)):
        return match.group(1), f"approximate date {text!r}: kept as the year {match.group(1)}"
    match = _DMY.match(text)
    if match:
        day, month, year = match.groups()
        if int(day) > 12 or day == month:
            date = _checked_date(year, month, day)
            if date:
                return date, None
        return None, f"{text!r}: day and month cannot be told apart; write YYYY-MM-DD"
    return None, f"{text!r} is not a date form notice_ld reads (YYYY, YYYY-MM-DD, a date-time, a range)"


# --------------------------------------------------------------------------- agents

_ORG_WORDS = re.compile(
    r"\b(?:universit\w*|univ\.|institut\w*|laborato\w*|labex|lab|centre|center|cnrs|inserm|inra\w*|ird|"
    r"cea|ehess|ens|umr|ums|upr|ea\s*\d+|associa\w*|soci[eé]t[eéy]\w*|society|department|d[eé]partement|"
    r"[eé]cole|school|college|coll[eè]ge|minist\w*|agen\w*|group\w*|groupe\w*|collecti[fv]\w*|consorti\w*|"
    r"committee|comit[eé]|foundation|fondation|office|council|conseil|bureau|team|[eé]quipe|project|"
    r"projet|network|r[eé]seau|inc|ltd|gmbh|corporation|company|library|biblioth[eè]que|archives|"
    r"museum|mus[eé]e|press|presses|editions?|[eé]ditions?|publishing|publishers?|hospital|h[oô]pital|"
    r"chu|academy|acad[eé]mie|federation|f[eé]d[eé]ration|observatoire|observatory|service|direction|"
    r"organi[sz]ation|unit[eé]?|program\w*|programme|platform\w*|plateforme|federal|national|nationale)\b",
    re.IGNORECASE,
)
_PARTICLES: Final = frozenset(
    {
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "bin",
        "ben",
        "al",
        "el",
        "y",
        "d'",
        "l'",
        "mac",
        "st",
        "saint",
        "zu",
    }
)
_ORCID_IN_NAME = re.compile(
    r"\(?\s*(?:https?://orcid\.org/|orcid:?\s*)?(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])\s*\)?"
)


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def parse_agent(value: str, *, default: Literal["person", "organization"] = "person") -> dict[str, Any]:
    """The JSON form of a person or an organisation named by a ``dc:creator``-style string.

    * ``"Family, Given"`` (one comma) is a person with family and given names;
    * a name with words such as *Université*, *Institut*, *Laboratoire*, *CNRS*, *Society*,
      *Press*…, with ``;`` or parentheses, with digits, or in capitals only (``"INSERM"``) is an
      organisation;
    * ``"Given Family"``: the family name is the words in capitals (``"Jean DUPONT"``), else the
      last word with the particles before it (``"Jean de La Fontaine"`` → ``de La Fontaine``);
    * a single word is a person's ``name`` (or an organisation with ``default="organization"``);
    * an ORCID written in the name (``"Doe, Jane (0000-0002-1825-0097)"``) becomes its identifier.

    >>> parse_agent("Lanotte, Romain")
    {'type': 'person', 'family': 'Lanotte', 'given': 'Romain'}
    >>> parse_agent("Jean de La Fontaine")
    {'type': 'person', 'family': 'de La Fontaine', 'given': 'Jean'}
    >>> parse_agent("Université Montpellier")
    {'type': 'organization', 'name': 'Université Montpellier'}
    >>> parse_agent("DUPONT Marie-Anne")
    {'type': 'person', 'family': 'DUPONT', 'given': 'Marie-Anne'}
    """
    text = value
    identifiers: list[str] = []
    orcid = _ORCID_IN_NAME.search(text)
    if orcid:
        identifiers.append(orcid.group(1).upper())
        text = (text[: orcid.start()] + text[orcid.end() :]).strip(" ,;")
    text = " ".join(text.split())
    agent: dict[str, Any]
    if _looks_like_organization(text):
        agent = {"type": "organization", "name": text}
    elif text.count(",") == 1:
        family, given = text.split(",")  # exactly one comma: two parts
        family, given = family.strip(), given.strip()
        agent = {"type": "person", "family": family} if family else {"type": "person", "name": given}
        if family and given:
            agent["given"] = given
    else:
        words = text.split(" ")
        if len(words) == 1 or "," in text:
            kind = default if len(words) == 1 else "person"
            agent = (
                {"type": "organization", "name": text}
                if kind == "organization"
                else {"type": "person", "name": text}
            )
        else:
            upper = [w for w in words if _is_upper_word(w)]
            if upper and len(upper) < len(words) and words[: len(upper)] == upper:
                agent = {"type": "person", "family": " ".join(upper), "given": " ".join(words[len(upper) :])}
            elif upper and len(upper) < len(words) and words[-len(upper) :] == upper:
                agent = {"type": "person", "family": " ".join(upper), "given": " ".join(words[: -len(upper)])}
            else:
                cut = len(words) - 1
                while cut > 1 and words[cut - 1].lower() in _PARTICLES:
                    cut -= 1
                agent = {"type": "person", "family": " ".join(words[cut:]), "given": " ".join(words[:cut])}
    if identifiers and agent["type"] == "person":
        agent["identifiers"] = identifiers
    return agent


def _factored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""The same search as ``\b(?:word1|word2|…)\b``, faster: alternatives grouped by their first
    letter (or first ``[…]`` class), tried only where a word starts.

    ``(?:ab|ac)`` and ``a(?:b|c)`` match the same strings, and every alternative starts with a
    letter (a word character), so a match can only start where a word starts: ``(?=\w)``. Python's
    regular expressions try the ~80 alternatives one by one at each word boundary; grouped, most
    positions fail on ~20 first letters. ``tests/test_readers_oai.py`` checks that both agree.
    """
    source = pattern.pattern
    head, tail = r"\b(?:", r")\b"
    assert source.startswith(head) and source.endswith(tail), source
    groups: dict[str, list[str]] = {}
    for alternative in source[len(head) : -len(tail)].split("|"):
        first = alternative[: alternative.index("]") + 1] if alternative.startswith("[") else alternative[0]
        assert first.startswith("[") or first.isalpha(), alternative
        groups.setdefault(first, []).append(alternative[len(first) :])
    body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(rf"\b(?=\w)(?:{body})\b", pattern.flags)


_ORG_WORDS_FAST = _factored(_ORG_WORDS)
_DIGIT = re.compile(r"\d")


_USER_NAME = re.compile(r"^(?=[^A-Z]*$|.*\d)[A-Za-z][A-Za-z0-9._-]*\d*$")
"""One token, lower case or with digits (``jdupont``, ``user123``, ``j.dupont2``): an account name."""


def is_user_name(text: str) -> bool:
    """Whether ``text`` is an account name (``jdupont``, ``user123``), not a person's or an
    organisation's name: one token, in lower case or with digits, and no organisation word.

    >>> is_user_name("jdupont"), is_user_name("user123"), is_user_name("INSERM"), is_user_name("Dupont")
    (True, True, False, False)
    """
    return (
        " " not in text
        and bool(_USER_NAME.match(text))
        and _ORG_WORDS_FAST.search(text) is None
        and not _is_upper_word(text.rstrip("0123456789"))
    )


def has_organization_word(text: str) -> bool:
    """Whether ``text`` holds a word that names a kind of organisation (*Université*, *Centre*,
    *Press*, *Éditions*…).

    >>> has_organization_word("Presses universitaires de Rennes")
    True
    >>> has_organization_word("Cultures & conflits")
    False
    """
    return _ORG_WORDS_FAST.search(text) is not None


def _looks_like_organization(text: str) -> bool:
    if is_user_name(text):
        return False  # an account name: a person's, kept as their name
    if ";" in text or "(" in text or "&" in text or _DIGIT.search(text):
        return True  # "&" joins the names of firms and journals ("Cultures & conflits")
    if _ORG_WORDS_FAST.search(text):  # _ORG_WORDS, faster
        return True
    words = text.split()
    return (len(words) == 1 and _is_upper_word(text) and len(text) <= 12) or len(words) > 6


_ADVISOR = re.compile(
    r"th[eè]se|thesis|dissertation|advis[oe]r|supervis|promot[eo]r|encadr|betreuer|doktor|"
    r"^(?:co-?)?directeur$|^(?:co-?)?directrice$|^(?:co-?)?director$|^rapporteur|^jury",
    re.IGNORECASE,
)
_EDITOR = re.compile(
    r"^(?:eds?|[ée]ds?|dirs?|hrsg|hg|coord|editor|editors|[ée]dit(?:eur|rice|eurs|rices)|"
    r"directeur de (?:la )?publication|directrice de (?:la )?publication|direction|"
    r"coordinat(?:eur|rice|or)|scientific editor|herausgeber(?:in)?)\.?$",
    re.IGNORECASE,
)
_TRANSLATOR = re.compile(r"^(?:trad|transl|trans|[üu]bers)\.?$|^tradu|^translat|^[üu]bersetz", re.IGNORECASE)
_CONTRIBUTOR = re.compile(
    r"^(?:contribut|collaborat|illustrat|pr[ée]fac|postfac|commentat|interview|compil|photograph)",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(r"^\s*([^:]{2,40}?)\s*:\s*(.+)$")
_TRAILING = re.compile(r"^(?P<name>.+?)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]\s*$")
_ET_AL = re.compile(r"[,;]?\s*(?:et\s+al\.?|and\s+others|et\s+autres|u\.\s*a\.)\s*$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|et|und|&)\s+", re.IGNORECASE)


@_memo_short
def agent_role(text: str) -> Literal["thesis_advisor", "editor", "translator", "contributor"] | None:
    """The role a text next to a name gives (``Directeur de thèse``, ``dir.``, ``trad.``…), or ``None``.

    ``dir.`` and ``éd.`` name the editors of a book; ``directeur/directrice`` alone, ``supervisor``,
    ``promotor``, ``encadrant`` or any mention of a thesis name an advisor.

    >>> agent_role("Directeur de thèse"), agent_role("dir."), agent_role("trad."), agent_role("Lyon")
    ('thesis_advisor', 'editor', 'translator', None)
    """
    words = " ".join(text.split()).strip(" .,;:")
    if not words:
        return None
    if _EDITOR.match(words) or _EDITOR.match(words + "."):
        return "editor"
    if _ADVISOR.search(words):
        return "thesis_advisor"
    if _TRANSLATOR.search(words):
        return "translator"
    if _CONTRIBUTOR.match(words):
        return "contributor"
    return None


def _split_outside(text: str, separator: str) -> list[str]:
    """``text`` cut at each ``separator`` outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _names_around_and(text: str) -> list[str]:
    """The names of ``"A and B"``, ``"A, B and C"``, ``"Family, Given and Family, Given"``;
    else ``[text]``."""
    if "(" in text or "[" in text or _ORG_WORDS_FAST.search(text):
        return [text]
    pieces = _AND.split(text)
    if len(pieces) == 1:
        commas = [c.strip() for c in text.split(",")]
        # a bare comma list only when it cannot be "Family, Given": three or more full names
        if len(commas) >= 3 and all(2 <= len(c.split()) <= 4 for c in commas):
            return commas
        return [text]
    names: list[str] = []
    if "," in pieces[-1]:  # "Family, Given" throughout: commas alternate family and given names
        for piece in pieces:
            parts = [c.strip() for c in piece.split(",")]
            if len(parts) % 2 or not all(parts):
                return [text]
            names += [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    else:  # "Given Family": commas separate names
        for piece in pieces:
            names += [c.strip() for c in piece.split(",")]
    if any(not n or ("," not in n and len(n.split()) < 2) or len(n.split()) > 5 for n in names):
        return [text]  # "Laurel and Hardy", "Cultures & conflits": not two full names
    return names


def split_agents(value: str) -> tuple[list[str], bool]:
    """The names in one ``dc:creator`` value that holds several, and whether it ends with *et al.*

    ``;`` separates names (outside parentheses); ``and``/``et``/``und``/``&`` too when every part is a
    full name (``"Laurel and Hardy"``, ``"Cultures & conflits"`` stay whole, and so does any value
    with an organisation word); ``"A, B and C"`` splits at the commas when the names are written
    ``Given Family``, and pairs them when they are written ``Family, Given``.

    >>> split_agents("Marie Curie and Pierre Curie")
    (['Marie Curie', 'Pierre Curie'], False)
    >>> split_agents("Dupont, Jean; Martin, Anne")
    (['Dupont, Jean', 'Martin, Anne'], False)
    >>> split_agents("Jean Dupont, Anne Martin and Paul Roux")
    (['Jean Dupont', 'Anne Martin', 'Paul Roux'], False)
    >>> split_agents("Dupont, J. and Martin, A.")
    (['Dupont, J.', 'Martin, A.'], False)
    >>> split_agents("Martínez Muñoz, David"), split_agents("Jean Dupont et al.")
    ((['Martínez Muñoz, David'], False), (['Jean Dupont'], True))
    """
    text = " ".join(value.split())
    et_al = False
    trimmed = _ET_AL.sub("", text)
    if trimmed != text and trimmed.strip():
        text, et_al = trimmed.strip(), True
    names: list[str] = []
    for part in _split_outside(text, ";"):
        names += _names_around_and(part)
    return names or [text], et_al


@dataclass(frozen=True, slots=True)
class AgentReading:
    """What a name value says: the agent (JSON form), the role written with it, and a note on
    text that was set aside (an affiliation or a remark in parentheses)."""

    agent: dict[str, Any]
    role: Literal["thesis_advisor", "editor", "translator", "contributor"] | None = None
    note: str | None = None


def read_agent(value: str, *, default: Literal["person", "organization"] = "person") -> AgentReading:
    """Read one name with what is written around it: a role in parentheses or after a comma
    (``"Dupont, Jean (Directeur de thèse)"``, ``"Jean Dupont (dir.)"``, ``"Dupont, Jean, trad."``)
    or before a colon (``"Thesis advisor: Jean Dupont"``); other text in parentheses after a
    person's name (``"Jean Dupont (Université de Lyon)"``) is set aside with a note — the value
    is still a person, not an organisation. An organisation's own parentheses stay
    (``"Institut … (IRCM)"``).

    >>> r = read_agent("Chardès, Thierry (Directeur de thèse)")
    >>> r.agent, r.role
    ({'type': 'person', 'family': 'Chardès', 'given': 'Thierry'}, 'thesis_advisor')
    >>> read_agent("Jean Dupont (Université de Lyon)").note
    "'Université de Lyon' after the name is not kept (an affiliation or a remark)"
    """
    text = " ".join(value.split())
    role: Literal["thesis_advisor", "editor", "translator", "contributor"] | None = None
    note: str | None = None
    prefix = _ROLE_PREFIX.match(text)
    if prefix and not _ORCID_IN_NAME.search(prefix.group(1)):
        found = agent_role(prefix.group(1))
        if found:
            role, text = found, prefix.group(2).strip()
    trailing = _TRAILING.match(text)
    if trailing and not _ORCID_IN_NAME.fullmatch(trailing.group("inner").strip()):
        name, inner = trailing.group("name").strip(" ,"), trailing.group("inner").strip()
        found = agent_role(inner)
        if found:
            role, text = role or found, name
        elif name and not _looks_like_organization(name):
            note, text = f"{inner!r} after the name is not kept (an affiliation or a remark)", name
    elif text.count(",") >= 1:
        head, _, last = text.rpartition(",")
        found = agent_role(last) if len(last.split()) <= 4 else None
        if found and head.strip():
            role, text = found, head.strip(" ,")
    return AgentReading(parse_agent(text, default=default), role, note)


# --------------------------------------------------------------------------- types

_EU_REPO_TYPES: Final = {
    "article": "article",
    "contributiontoperiodical": "article",
    "review": "article",
    "bachelorthesis": "thesis",
    "masterthesis": "thesis",
    "doctoralthesis": "thesis",
    "book": "book",
    "bookpart": "chapter",
    "conferenceobject": "conference_paper",
    "conferencepaper": "conference_paper",
    "conferenceposter": "conference_paper",
    "conferenceproceedings": "conference_paper",
    "conferencecontribution": "conference_paper",
    "conferenceitem": "conference_paper",
    "studentthesis": "thesis",
    "habilitationthesis": "thesis",
    "bookreview": "article",
    "periodical": "other",
    "software": "other",
    "image": "other",
    "video": "other",
    "sound": "other",
    "cartographicmaterial": "other",
    "musicalnotation": "other",
    "interactiveresource": "other",
    "workingpaper": "working_paper",
    "preprint": "working_paper",
    "report": "report",
    "researchproposal": "report",
    "technicaldocumentation": "report",
    "dataset": "dataset",
    "lecture": "other",
    "annotation": "other",
    "patent": "other",
    "other": "other",
}
_EU_REPO_VERSIONS: Final = frozenset(
    {"draft", "submittedversion", "acceptedversion", "publishedversion", "updatedversion"}
)
# COAR resource type IRIs, in their namespace and written with https
_COAR_NAMESPACES: Final = (COAR.NS, "https" + COAR.NS.removeprefix("http"))
_COAR: Final = {
    "c_6501": "article",
    "c_2df8fbb1": "article",
    "c_dcae04bc": "article",
    "c_beb9": "article",
    "c_db06": "thesis",
    "c_bdcc": "thesis",
    "c_7a1f": "thesis",
    "c_46ec": "thesis",
    "c_2f33": "book",
    "c_3248": "chapter",
    "c_5794": "conference_paper",
    "c_c94f": "conference_paper",
    "c_93fc": "report",
    "c_8042": "working_paper",
    "c_816b": "working_paper",
    "c_ddb1": "dataset",
    "c_1843": "other",
}
_TYPE_LABELS: Final = {
    # English and French labels met in oai_dc feeds (HAL, OpenEdition, Cairn, DOAJ, Zenodo, Persée)
    "article": "article",
    "journal article": "article",
    "journal articles": "article",
    "article dans une revue": "article",
    "articles": "article",
    "scholarly article": "article",
    "text.article": "article",
    "publication-article": "article",
    "review article": "article",
    "book": "book",
    "books": "book",
    "ouvrage": "book",
    "ouvrages": "book",
    "livre": "book",
    "monograph": "book",
    "monographie": "book",
    "publication-book": "book",
    "book chapter": "chapter",
    "book chapters": "chapter",
    "book sections": "chapter",
    "chapter": "chapter",
    "chapitre": "chapter",
    "chapitre d'ouvrage": "chapter",
    "chapitre d’ouvrage": "chapter",
    "part of book or chapter of book": "chapter",
    "publication-section": "chapter",
    "thesis": "thesis",
    "theses": "thesis",
    "thèse": "thesis",
    "thèses": "thesis",
    "these": "thesis",
    "doctoral thesis": "thesis",
    "phd thesis": "thesis",
    "master thesis": "thesis",
    "mémoire": "thesis",
    "hdr": "thesis",
    "publication-thesis": "thesis",
    "report": "report",
    "reports": "report",
    "rapport": "report",
    "rapports": "report",
    "publication-report": "report",
    "technical report": "report",
    "conference paper": "conference_paper",
    "conference papers": "conference_paper",
    "communication dans un congrès": "conference_paper",
    "conference object": "conference_paper",
    "conference proceedings": "conference_paper",
    "poster": "conference_paper",
    "publication-conferencepaper": "conference_paper",
    "working paper": "working_paper",
    "working papers": "working_paper",
    "document de travail": "working_paper",
    "preprint": "working_paper",
    "preprints": "working_paper",
    "pré-publication, document de travail": "working_paper",
    "pre-print": "working_paper",
    "publication-preprint": "working_paper",
    "publication-workingpaper": "working_paper",
    "dataset": "dataset",
    "datasets": "dataset",
    "jeu de données": "dataset",
    "data set": "dataset",
    "données": "dataset",
}
_DCMI_GENERIC: Final = frozenset(
    {
        "text",
        "image",
        "still image",
        "moving image",
        "sound",
        "software",
        "collection",
        "event",
        "interactive resource",
        "physical object",
        "service",
        "other",
        "autre",
        "document",
        "info:eu-repo/semantics/other",
    }
)


@_memo_short
def document_type(value: str) -> tuple[str | None, str]:
    """The notice type a ``dc:type`` value names, and how: ``"uri"``, ``"label"``, ``"version"`` or ``""``.

    ``info:eu-repo/semantics/*`` (the OpenAIRE vocabulary) and COAR resource-type IRIs are read
    as types; ``info:eu-repo/semantics/publishedVersion`` and the like are versions, not types
    (``(None, "version")``). Labels in English or French (``Article dans une revue``, ``Thèse``,
    ``Book chapter``, ``Preprint``…) are matched without case. Generic DCMI types (``Text``,
    ``Software``…) give ``"other"``. ``(None, "")`` means not recognised.

    >>> document_type("info:eu-repo/semantics/doctoralThesis"), document_type("Theses")
    (('thesis', 'uri'), ('thesis', 'label'))
    >>> document_type("info:eu-repo/semantics/publishedVersion"), document_type("Poème")
    ((None, 'version'), (None, ''))
    >>> document_type("conferenceProceedings"), document_type("info:eu-repo/semantics/bookReview")
    (('conference_paper', 'label'), ('article', 'uri'))
    """
    text = " ".join(value.split())
    lowered = text.lower()
    if lowered.startswith("info:eu-repo/semantics/"):
        name = lowered.rsplit("/", 1)[-1]
        if name in _EU_REPO_VERSIONS:
            return None, "version"
        kind = _EU_REPO_TYPES.get(name)
        return (kind, "uri") if kind else (None, "")
    if lowered.startswith(_COAR_NAMESPACES):
        kind = _COAR.get(lowered.rstrip("/").rsplit("/", 1)[-1])
        return (kind, "uri") if kind else (None, "")
    kind = _TYPE_LABELS.get(lowered) or _EU_REPO_TYPES.get(lowered.replace(" ", ""))
    if kind:
        return kind, "label"
    if lowered in _DCMI_GENERIC:
        return "other", "label"
    return None, ""


# --------------------------------------------------------------------------- rights

_CC_URL = re.compile(
    r"^https?://(?:www\.)?creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d\.\d)/?"
    r"(?:([a-z]{2})/?)?(?:(?:legalcode|deed)(?:\.[a-z_-]+)?/?)?$",
    re.IGNORECASE,
)
_CC_LABEL = re.compile(
    r"^(?:creative\s*commons|cc)[\s_:-]*(?:licen[cs]e[\s_:-]*)?\(?"
    r"(by(?:[\s_-]*(?:nc|nd|sa)){0,2}|zero|0)\)?[\s_-]*(?:v(?:ersion)?\s*)?(\d\.\d)?"
    r"(?:[\s_-]*(international|unported|generic|[a-z]{2}))?$",
    re.IGNORECASE,
)
_CC_WORDS = re.compile(
    r"^(?:creative\s*commons\s*)?(attribution(?:[\s-]*(?:non[\s-]?commercial|no[\s-]?deriv(?:ative)?s|"
    r"share[\s-]?alike)){0,2})[\s-]*(\d\.\d)?(?:\s+(?:international|unported|generic))?(?:\s+licen[cs]e)?$",
    re.IGNORECASE,
)
_ACCESS = re.compile(
    r"^(?:info:eu-repo/semantics/(?:open|closed|restricted|embargoed|metadataOnly)Access|open|"
    r"open\s*access|closed|closed\s*access|restricted|restricted\s*access|embargoed(?:\s*access)?|"
    r"metadata\s*only|free|free\s*access|accès\s*(?:libre|ouvert|restreint|fermé))$",
    re.IGNORECASE,
)
AccessKind = Literal["open", "embargoed", "restricted", "closed"]
_ACCESS_KINDS: Final[tuple[tuple[re.Pattern[str], AccessKind], ...]] = (
    (re.compile(r"embargo", re.IGNORECASE), "embargoed"),
    (re.compile(r"restrict|restreint", re.IGNORECASE), "restricted"),
    (re.compile(r"closed|metadata\s*only|metadataonly|ferm[ée]", re.IGNORECASE), "closed"),
    (re.compile(r"open|free|libre|ouvert", re.IGNORECASE), "open"),
)
_COAR_ACCESS: Final[dict[str, AccessKind]] = {
    "c_abf2": "open",
    "c_f1cf": "embargoed",
    "c_16ec": "restricted",
    "c_14cb": "closed",
}


@_memo_short
def access_rights(value: str) -> AccessKind | None:
    """The access status a rights value states (``info:eu-repo/semantics/openAccess``, ``OPEN``,
    ``Accès libre``, a COAR access-right IRI…), or ``None`` when it states none.

    ``closedAccess`` and *metadata only* are ``"closed"`` (COAR's "metadata only access").

    >>> access_rights("info:eu-repo/semantics/embargoedAccess"), access_rights("OPEN")
    ('embargoed', 'open')
    >>> access_rights("http://purl.org/coar/access_right/c_14cb"), access_rights("CC BY 4.0")
    ('closed', None)
    """
    text = " ".join(value.split())
    coar = re.match(r"^https?://purl\.org/coar/access_right/(c_[0-9a-f]{4})/?$", text)
    if coar:
        return _COAR_ACCESS.get(coar.group(1))
    if not _ACCESS.match(text):
        return None
    for pattern, kind in _ACCESS_KINDS:
        if pattern.search(text):
            return kind
    return None


_OTHER_LICENCES: Final = {
    "apache license 2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "apache license, version 2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "mit": "https://opensource.org/licenses/MIT",
    "mit license": "https://opensource.org/licenses/MIT",
    "gpl-3.0": "https://www.gnu.org/licenses/gpl-3.0.html",
    "gnu general public license v3.0 only": "https://www.gnu.org/licenses/gpl-3.0.html",
    "licence ouverte 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "licence ouverte / open licence 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "etalab-2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rights:
    """What a rights value is: a licence (an ``iri`` if recognisable, a ``label``), or an access status."""

    kind: Literal["licence", "access"]
    iri: str | None = None
    label: str | None = None


def _cc_iri(code: str, version: str | None) -> str | None:
    parts = re.findall(r"by|nc|nd|sa|zero|0", code.lower())
    if parts in (["zero"], ["0"]):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if not parts or parts[0] != "by" or version is None:
        return None
    order = {"by": 0, "nc": 1, "nd": 2, "sa": 2}
    return f"https://creativecommons.org/licenses/{'-'.join(sorted(parts, key=order.__getitem__))}/{version}/"


@_memo_short
def rights(value: str) -> Rights:
    """Classify a ``dc:rights`` / ``dcterms:license`` value.

    Creative Commons URLs are normalised (``https``, no ``legalcode``/``deed``, trailing ``/``,
    jurisdiction ports kept); labels such as ``CC BY 4.0``, ``CC-BY-NC-ND-4.0``,
    ``Creative Commons Attribution 4.0 International``, ``CC0`` get their IRI — a label without a
    version (``cc-by``) stays a label, no version is guessed; a few software and open-data
    licences are known by name; any other http(s) URL is taken as the licence IRI. Access
    statements (``info:eu-repo/semantics/openAccess``, ``OPEN``…) are ``kind="access"``.

    >>> rights("CC BY-NC-ND 4.0").iri, rights("http://creativecommons.org/licenses/by-nc-sa/3.0/fr/").iri
    ('https://creativecommons.org/licenses/by-nc-nd/4.0/', 'https://creativecommons.org/licenses/by-nc-sa/3.0/fr/')
    >>> rights("cc-by"), rights("info:eu-repo/semantics/openAccess").kind
    (Rights(kind='licence', iri=None, label='cc-by'), 'access')
    """
    text = " ".join(value.split())
    if _ACCESS.match(text):
        return Rights("access", label=text)
    match = _CC_URL.match(text)
    if match:
        kind, code, version, port = match.groups()
        if kind.lower() == "publicdomain":
            iri = f"https://creativecommons.org/publicdomain/{code.lower()}/{version}/"
        else:
            iri = f"https://creativecommons.org/licenses/{code.lower()}/{version}/" + (
                f"{port.lower()}/" if port else ""
            )
        return Rights("licence", iri=iri)
    match = _CC_LABEL.match(text)
    if match:
        return Rights("licence", iri=_cc_iri(match.group(1), match.group(2)), label=text)
    match = _CC_WORDS.match(text)
    if match:
        words = match.group(1).lower()
        code = "by" + "".join(
            f"-{short}"
            for word, short in (("commercial", "nc"), ("deriv", "nd"), ("share", "sa"))
            if word in words
        )
        return Rights("licence", iri=_cc_iri(code, match.group(2)), label=text)
    lowered = text.lower()
    if lowered in ("cc0 1.0 universal", "public domain dedication", "cc0 1.0"):
        return Rights("licence", iri="https://creativecommons.org/publicdomain/zero/1.0/", label=text)
    if lowered in _OTHER_LICENCES:
        return Rights("licence", iri=_OTHER_LICENCES[lowered], label=text)
    if _URL.match(text):
        return Rights("licence", iri=text)
    return Rights("licence", label=text)
