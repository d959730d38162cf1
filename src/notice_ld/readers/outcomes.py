"""What readers yield besides notices and errors: residue reports and deletions.

A reader's stream is made of four kinds of values, in input order:

* :class:`~notice_ld.model.Notice` — a record that went through;
* :class:`Residue` — right after its notice: the values of that record that could not be mapped
  (element, value, why), so that nothing is dropped without a word;
* :class:`Deletion` — an OAI-PMH record whose header says ``status="deleted"``;
* :class:`~notice_ld.errors.RecordError` — a record that could not be read or validated;
* :class:`ReadWarning` — something about the input the user should know, which lost nothing
  (an XML declaration its bytes contradict, say).

>>> r = Residue(record="10.1234/x", source="oai:hal:x",
...             items=(ResidueItem("dc:coverage", "Inde", "the notice model has no coverage field"),))
>>> r.as_dicts()[0]["element"], r.as_dicts()[0]["record"]
('dc:coverage', '10.1234/x')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Deletion", "ReadWarning", "Residue", "ResidueItem", "residue_summary"]


@dataclass(frozen=True, slots=True)
class ResidueItem:
    """One value that was not mapped: the element it came from, the value, and why.

    >>> ResidueItem("dc:rights", "info:eu-repo/semantics/openAccess", "an access status").element
    'dc:rights'
    """

    element: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class Residue:
    """The unmapped values of one record; it follows the :class:`~notice_ld.model.Notice` it belongs to.

    ``record`` is the notice's identifier, ``source`` where the record came from (its OAI
    identifier, or ``file:line``).
    """

    record: str
    source: str
    items: tuple[ResidueItem, ...]

    def as_dicts(self) -> list[dict[str, str]]:
        """One JSON-ready mapping per item (used by reports).

        >>> Residue("x", "f.csv:2", (ResidueItem("notes", "a", "unknown column"),)).as_dicts()
        [{'record': 'x', 'source': 'f.csv:2', 'element': 'notes', 'value': 'a', 'reason': 'unknown column'}]
        """
        return [
            {
                "record": self.record,
                "source": self.source,
                "element": item.element,
                "value": item.value,
                "reason": item.reason,
            }
            for item in self.items
        ]


@dataclass(frozen=True, slots=True)
class Deletion:
    """A record the repository reports as deleted (OAI-PMH ``<header status="deleted">``).

    ``oai_identifier`` names the record; ``notice_id`` is the identifier the notice had when it
    can be known without its metadata — the Handle minted from the OAI identifier when a minting
    prefix is configured — else ``None``. ``datestamp`` is the deletion's datestamp.

    >>> d = Deletion(oai_identifier="oai:hal:x", datestamp="2024-01-02", notice_id=None)
    >>> d.as_dict()
    {'oai_identifier': 'oai:hal:x', 'datestamp': '2024-01-02', 'notice_id': None}
    """

    oai_identifier: str
    datestamp: str | None = None
    notice_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The JSON-ready form (used by reports)."""
        return {
            "oai_identifier": self.oai_identifier,
            "datestamp": self.datestamp,
            "notice_id": self.notice_id,
        }


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """A warning about an input (or part of it): where, what, and what to do; nothing was lost.

    >>> print(ReadWarning("a.xml", "the declaration says ISO-8859-1, the bytes are UTF-8", "declare UTF-8"))
    a.xml: the declaration says ISO-8859-1, the bytes are UTF-8 (fix: declare UTF-8)
    """

    record: str
    problem: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        """The JSON-ready form (used by reports)."""
        return {"record": self.record, "problem": self.problem, "fix": self.fix}

    def __str__(self) -> str:
        return f"{self.record}: {self.problem}" + (f" (fix: {self.fix})" if self.fix else "")


_POSITION = re.compile(r"\[\d+\]")


def residue_summary(residues: list[Residue], *, limit: int = 8) -> list[str]:
    """Lines for a command's summary: how many values were not mapped, by element and reason.

    >>> r = Residue("x", "s", (ResidueItem("dc:coverage", "Inde", "no coverage field"),
    ...                        ResidueItem("dc:coverage", "1999", "no coverage field")))
    >>> residue_summary([r])
    ['2 values not mapped in 1 notice (listed in the report): dc:coverage x2 (no coverage field)']

    Positions in element paths are grouped (``creators[0].affiliation`` and
    ``creators[1].affiliation`` count as ``creators[].affiliation``).
    """
    counts: dict[tuple[str, str], int] = {}
    for residue in residues:
        for item in residue.items:
            key = (_POSITION.sub("[]", item.element), item.reason)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    total = sum(counts.values())
    notices = len(residues)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{element} x{count} ({reason})" for (element, reason), count in ranked[:limit]]
    more = f"; and {len(ranked) - limit} more kinds" if len(ranked) > limit else ""
    head = (
        f"{total} value{'s' if total > 1 else ''} not mapped in {notices} notice{'s' if notices > 1 else ''} "
        "(listed in the report)"
    )
    return [f"{head}: {'; '.join(parts)}{more}"]
