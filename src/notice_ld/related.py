"""What related notices share: creators, subjects or disciplines.

A notice page lists the notices "by the same authors", "on the same subjects" and "in the same
disciplines". The same three kinds are asked of a store (:func:`notice_ld.stores.queries.related`,
``notice-ld related --by``) and of the index a static site builds from its input
(:class:`notice_ld.web.related.InputRelated`). The order of the members is the page's order.

>>> [by.value for by in RelatedBy]
['creators', 'subjects', 'disciplines']
>>> RelatedBy.from_name("Subjects"), RelatedBy.DISCIPLINES.predicate
(<RelatedBy.SUBJECTS: 'subjects'>, 'nld:discipline')
>>> RelatedBy.from_name("journals")
Traceback (most recent call last):
...
ValueError: related by 'journals'? use one of: creators, subjects, disciplines
"""

from __future__ import annotations

import enum

__all__ = ["RelatedBy"]


class RelatedBy(enum.StrEnum):
    """What two notices share to be related. The value is the name the CLI uses (``--by``)."""

    CREATORS = "creators"
    SUBJECTS = "subjects"
    DISCIPLINES = "disciplines"

    @property
    def predicate(self) -> str:
        """The property (a CURIE) whose values are compared: ``dcterms:creator``,
        ``dcterms:subject`` (the concepts that are not also disciplines) or ``nld:discipline``."""
        return _PREDICATES[self]

    @classmethod
    def from_name(cls, name: str) -> RelatedBy:
        """Parse a name (case-insensitive); a :class:`ValueError` lists the known ones."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            known = ", ".join(by.value for by in cls)
            raise ValueError(f"related by {name!r}? use one of: {known}") from None


_PREDICATES = {
    RelatedBy.CREATORS: "dcterms:creator",
    RelatedBy.SUBJECTS: "dcterms:subject",
    RelatedBy.DISCIPLINES: "nld:discipline",
}
