"""The languages notice_ld writes in: pages, citations, validation messages, reports.

Notices themselves may be in any language (their language tags are BCP 47); what notice_ld
writes for people — landing pages, citations, validation messages — is in French or English.

>>> Language.FR, Language("en").english_name
(<Language.FR: 'fr'>, 'English')
>>> Language.from_tag("fr-CA"), Language.from_tag("EN_gb"), Language.from_tag("de")
(<Language.FR: 'fr'>, <Language.EN: 'en'>, None)
>>> [lang.value for lang in Language]
['fr', 'en']
"""

from __future__ import annotations

import enum

__all__ = ["Language"]


class Language(enum.StrEnum):
    """A language notice_ld writes in. The value is the language tag (and the CLI name)."""

    FR = "fr"
    EN = "en"

    @property
    def english_name(self) -> str:
        """The language's name in English (``French``, ``English``), for messages."""
        return _ENGLISH_NAMES[self]

    @classmethod
    def from_tag(cls, tag: str) -> Language | None:
        """The language of a language tag, by its primary subtag in any case (``"FR"``,
        ``"fr-CA"``, ``"en_GB"``…), or ``None`` when notice_ld does not write in it."""
        base = tag.strip().split("-")[0].split("_")[0].lower()
        for language in cls:
            if language.value == base:
                return language
        return None


_ENGLISH_NAMES = {Language.FR: "French", Language.EN: "English"}
