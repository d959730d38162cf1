"""Citations: the "Cite this document" string of a notice, in two styles and two languages.

:func:`cite` renders a notice as plain text in a :class:`Style` — ``ISIDORE`` (what ISIDORE's
"Citer ce document" shows; see :mod:`notice_ld.citation.isidore`) or ``APA`` (an APA 7-like
reference; see :mod:`notice_ld.citation.apa`) — in French or English. The exports (BibTeX,
RIS, CSL-JSON) are writers in the same registry as the RDF formats
(:class:`notice_ld.formats.Format`). Rules: ``docs/citations.md``.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}], "creators_et_al": True,
...     "issued": "2019", "source": "Vie sociale", "container": {"title": "Vie sociale"}})
>>> print(cite(n))
Emmanuelle Jouet et al., « Produire des savoirs », Vie sociale, ID : 10670/1.jt89mr
>>> print(cite(n, style="apa", lang="en"))
Jouet, E., et al. (2019). Produire des savoirs. Vie sociale. https://hdl.handle.net/10670/1.jt89mr
>>> print(cite(n, style=Style.APA, lang="fr"))
Jouet, E. et al. (2019). Produire des savoirs. Vie sociale. https://hdl.handle.net/10670/1.jt89mr
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, TypeAlias

from notice_ld.enums import member_named
from notice_ld.errors import ConfigError
from notice_ld.languages import Language

if TYPE_CHECKING:
    from collections.abc import Callable

    from notice_ld.model import Notice

__all__ = ["Style", "citation_language", "cite"]


class Style(enum.Enum):
    """A citation style. The value is the name the CLI uses.

    >>> Style.from_name("APA"), Style.ISIDORE.label
    (<Style.APA: 'apa'>, 'ISIDORE (Citer ce document)')
    """

    ISIDORE = "isidore"
    APA = "apa"

    @property
    def label(self) -> str:
        """A human name for the style (an honest one: APA here is APA 7-*like*)."""
        return {"isidore": "ISIDORE (Citer ce document)", "apa": "APA 7-like"}[self.value]

    @classmethod
    def from_name(cls, name: str) -> Style:
        """Parse a style name (``isidore``, ``apa``; case-insensitive)."""
        return member_named(cls, name, "citation style", ConfigError)


def citation_language(lang: str) -> Language:
    """The :class:`~notice_ld.languages.Language` of a language tag (``"FR"``, ``"fr-CA"``, ``"en-GB"``…).

    >>> citation_language("fr-CA")
    <Language.FR: 'fr'>
    >>> citation_language("de")
    Traceback (most recent call last):
    ...
    notice_ld.errors.ConfigError: citations are written in French or English, not 'de'; use 'fr' or 'en'
    """
    found = Language.from_tag(lang)
    if found is None:
        names = " or ".join(known.english_name for known in Language)
        tags = " or ".join(repr(known.value) for known in Language)
        raise ConfigError(f"citations are written in {names}, not {lang!r}; use {tags}")
    return found


def cite(notice: Notice, *, style: Style | str = Style.ISIDORE, lang: Language | str = Language.FR) -> str:
    """The citation of ``notice`` in ``style`` and ``lang``, as plain text (one line).

    Missing fields are left out with their punctuation (never ``", ,"`` nor empty quotes);
    Unicode is kept as given. Raises :class:`~notice_ld.errors.ConfigError` for an unknown
    style or a language other than French and English.
    """
    chosen = style if isinstance(style, Style) else Style.from_name(style)
    render = _RENDERERS.get(chosen) or _load_renderer(chosen)
    return render(notice, citation_language(lang))


_Renderer: TypeAlias = "Callable[[Notice, Language], str]"
_RENDERERS: dict[Style, _Renderer] = {}


def _load_renderer(style: Style) -> _Renderer:
    """Import the module of ``style`` on its first citation (it brings the notice model, and
    pydantic, with it: ``Style`` and ``citation_language`` alone do not need them)."""
    render: _Renderer
    if style is Style.ISIDORE:
        from notice_ld.citation.isidore import isidore as render
    else:
        from notice_ld.citation.apa import apa as render
    _RENDERERS[style] = render
    return render
