"""The well-formedness check: ill-typed literals and invalid language tags, whatever the shapes say.

SHACL says an ill-typed literal (``"2019-13"^^xsd:gYearMonth``) does not match ``sh:datatype``;
pySHACL accepts it for the datatypes rdflib does not parse (``xsd:gYear``, ``xsd:gYearMonth``…),
and the fast engine follows pySHACL so that the two stay equal. This check closes the gap for
every engine: each literal whose datatype is one of the XSD datatypes below must have a lexical
form in that datatype's lexical space (XML Schema 1.1 Part 2, with real calendar days), and each
language tag must be a valid BCP 47 tag. Its results are Violations of a kind of their own
(``kind="well-formedness"``), with the component ``nld:IllTypedLiteral`` or
``nld:InvalidLanguageTag``; the mapping never produces them, RDF from elsewhere may.

>>> from notice_ld.terms import Literal, XSD
>>> issued = Literal("2019-13", XSD + "gYearMonth")
>>> triple = ("http://example.org/d", "http://purl.org/dc/terms/issued", issued)
>>> check([triple])[0][3]
'https://w3id.org/notice-ld/ns#IllTypedLiteral'
>>> well_typed(Literal("2020-02-29", XSD + "date")), well_typed(Literal("2019-02-29", XSD + "date"))
(True, False)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from notice_ld.terms import XSD, Literal
from notice_ld.validation.fast import VIOLATION, RawResult
from notice_ld.validation.rdf import RDFTriple
from notice_ld.vocabulary import NLD as _NLD

__all__ = ["ILL_TYPED", "LANGUAGE_TAG", "SHAPE", "check", "valid_language_tag", "well_typed"]

NLD = _NLD.NS
ILL_TYPED = NLD + "IllTypedLiteral"
LANGUAGE_TAG = NLD + "InvalidLanguageTag"
SHAPE = NLD + "WellFormedness"

_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?(?:[1-9][0-9]{3,}|0[0-9]{3})"
_TIME = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
_DATE = re.compile(rf"^({_YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


def _days_ok(text: str) -> bool:
    match = _DATE.match(text)
    if match is None:
        return False
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    # XML Schema years are proleptic Gregorian with a year 0 (= 1 BCE): leap when divisible as usual
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = 29 if month == 2 and leap else calendar.monthrange(2001, month)[1]
    return day <= days


def _regex(pattern: str, extra: Callable[[str], bool] | None = None) -> Callable[[str], bool]:
    compiled = re.compile(rf"^(?:{pattern})$")

    def check(text: str) -> bool:
        return compiled.match(text) is not None and (extra is None or extra(text))

    return check


def _integer(low: int | None, high: int | None) -> Callable[[str], bool]:
    compiled = re.compile(r"^[+-]?[0-9]+$")

    def check(text: str) -> bool:
        if compiled.match(text) is None:
            return False
        value = int(text)
        return (low is None or value >= low) and (high is None or value <= high)

    return check


_DECIMAL = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_LEXICAL: dict[str, Callable[[str], bool]] = {
    XSD + "gYear": _regex(_YEAR + _TZ),
    XSD + "gYearMonth": _regex(f"{_YEAR}-(?:0[1-9]|1[0-2]){_TZ}"),
    XSD + "date": _regex(f"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]){_TZ}", _days_ok),
    XSD + "dateTime": _regex(f"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T{_TIME}{_TZ}", _days_ok),
    XSD + "time": _regex(_TIME + _TZ),
    XSD + "gMonth": _regex(f"--(?:0[1-9]|1[0-2]){_TZ}"),
    XSD + "gDay": _regex(f"---(?:0[1-9]|[12][0-9]|3[01]){_TZ}"),
    XSD + "decimal": _regex(_DECIMAL),
    XSD + "float": _regex(rf"{_DECIMAL}(?:[Ee][+-]?[0-9]+)?|[+-]?INF|NaN"),
    XSD + "double": _regex(rf"{_DECIMAL}(?:[Ee][+-]?[0-9]+)?|[+-]?INF|NaN"),
    XSD + "boolean": _regex("true|false|1|0"),
    XSD + "integer": _integer(None, None),
    XSD + "long": _integer(-(2**63), 2**63 - 1),
    XSD + "int": _integer(-(2**31), 2**31 - 1),
    XSD + "short": _integer(-(2**15), 2**15 - 1),
    XSD + "byte": _integer(-128, 127),
    XSD + "nonNegativeInteger": _integer(0, None),
    XSD + "positiveInteger": _integer(1, None),
    XSD + "nonPositiveInteger": _integer(None, 0),
    XSD + "negativeInteger": _integer(None, -1),
    XSD + "unsignedLong": _integer(0, 2**64 - 1),
    XSD + "unsignedInt": _integer(0, 2**32 - 1),
    XSD + "unsignedShort": _integer(0, 2**16 - 1),
    XSD + "unsignedByte": _integer(0, 255),
}


def well_typed(literal: Literal) -> bool:
    """Whether the literal's lexical form is in its datatype's lexical space (unknown datatypes pass)."""
    check_ = _LEXICAL.get(literal.datatype)
    return check_ is None or check_(literal.value)


@lru_cache(maxsize=4096)
def valid_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a valid BCP 47 language tag (case does not matter).

    >>> valid_language_tag("zh-hant"), valid_language_tag("fr-fr"), valid_language_tag("english")
    (True, True, False)
    """
    import langcodes

    return langcodes.tag_is_valid(tag)


def check(triples: Iterable[RDFTriple]) -> list[RawResult]:
    """Results for every ill-typed literal and invalid language tag among the objects of ``triples``."""
    out: list[RawResult] = []
    lexical = _LEXICAL
    for s, p, o in triples:
        if o.__class__ is Literal:
            if o.lang:
                if not valid_language_tag(o.lang):
                    out.append((s, p, o, LANGUAGE_TAG, VIOLATION, SHAPE))
            else:
                test = lexical.get(o.datatype)
                if test is not None and not test(o.value):
                    out.append((s, p, o, ILL_TYPED, VIOLATION, SHAPE))
    return out
