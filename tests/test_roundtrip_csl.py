"""Round trip: what notice_ld writes as CSL-JSON reads back as the same notice, for every field
CSL-JSON carries.

What CSL-JSON carries is written down here as a projection of a notice (:func:`csl_view`): the
test compares the projection of a generated notice with the projection of the notice read back
from its export. Outside the projection: title and abstract languages, other titles and
abstracts, languages after the first, keyword languages, disciplines, subjects, the "et al."
marker, contributors other than editors and translators, the licence, the providing
organisation, whether a one-name agent is a person or an organisation (CSL writes both as
``literal``), and the container's kind (CSL derives it from the item type, except series).
"""

from __future__ import annotations

import io
import re
from typing import Any

from hypothesis import HealthCheck, given, settings

from notice_ld import Notice, serialize
from notice_ld.citation import fields as f
from notice_ld.errors import RecordError
from notice_ld.model import ContainerType, DocumentType, Organization, Person, Role
from notice_ld.readers import InputFormat, ReaderOptions, read
from notice_ld.readers.csl_json import csl_text

from .strategies import notices

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_back(data: bytes) -> Notice:
    outcomes = list(read(io.BytesIO(data), InputFormat.CSL_JSON, name="export", options=ReaderOptions()))
    errors = [o for o in outcomes if isinstance(o, RecordError)]
    assert not errors, (errors, data.decode())
    found = [o for o in outcomes if isinstance(o, Notice)]
    assert len(found) == 1, outcomes
    return found[0]


def _t(value: str | None) -> str | None:
    """Text as CSL carries it: its rich-text tags (``<i>``…) are markup."""
    return None if value is None else " ".join(csl_text(value).split()) or None


def agent_view(agent: Person | Organization) -> tuple[str | None, ...]:
    if isinstance(agent, Person) and agent.family is not None:
        return ("person", _t(agent.family), _t(agent.given))
    return ("name", _t(agent.display_name))


def csl_view(notice: Notice) -> dict[str, Any]:
    container = notice.container
    if container is not None and container.type is ContainerType.SERIES:
        part: tuple[Any, ...] | None = ("series", _t(container.title), container.volume or container.issue)
    elif container is not None:
        part = ("part", _t(container.title), container.volume, container.issue)
    elif notice.type is DocumentType.ARTICLE and notice.source is not None:
        part = ("part", _t(notice.source), None, None)
    else:
        part = None
    keywords = re.split(r"[,;]", ", ".join(f.keywords(notice, None)))
    return {
        "id": (notice.id.scheme, notice.id.value),
        "type": notice.type,
        "type_label": _t(notice.type_label),
        "title": _t(f.title(notice)),
        "creators": [agent_view(a) for a in notice.creators],
        "editors": [agent_view(a) for a in f.contributors(notice, Role.EDITOR)],
        "translators": [agent_view(a) for a in f.contributors(notice, Role.TRANSLATOR)],
        "issued": notice.issued,
        "container": part,
        "pages": container.pages if container is not None else None,
        "issn": f.issn(container),
        "isbn": f.isbn(notice),
        "publisher": _t(f.publisher(notice)),
        "doi": f.doi(notice),
        "link": f.link(notice),
        "language": notice.languages[0] if notice.languages else None,
        "abstract": _t(f.abstract(notice, None)),
        "keywords": list(dict.fromkeys(k for k in (_t(k) for k in keywords) if k)),
        "source": _t(notice.collection.name) if notice.collection is not None else None,
    }


@SETTINGS
@given(data=notices())
def test_csl_json_reads_back_the_same_notice(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    if _t(f.title(notice)) is None:
        return  # a title made only of markup: CSL-JSON carries nothing of it
    again = read_back(serialize([notice], "csl-json"))
    assert csl_view(again) == csl_view(notice)


def test_the_seed_notice_reads_back(seed: Notice) -> None:
    again = read_back(serialize([seed], "csl-json"))
    assert csl_view(again) == csl_view(seed)
