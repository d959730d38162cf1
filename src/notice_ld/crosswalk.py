"""The crosswalk: which term of which vocabulary carries each notice field.

The mapping is data. ``vocab/crosswalk.csv`` lists, for each notice field and profile, the node
the statement is made on (the document, an agent, the container…), the term (a CURIE), and the
form of the value (``lang-literal``, ``date``, ``node``…). ``vocab/types.csv`` gives the class
of each document, container and agent type per vocabulary. The mapping code asks this module
for its terms, the docs render the same tables, and validation (a later step) maps RDF paths
back to notice fields with :meth:`Crosswalk.fields_for`.

>>> cw = crosswalk()
>>> [row.curie for row in cw.rows_for("titles", Profile.SCHEMA)]
['schema:name', 'schema:headline']
>>> cw.type_class("document", "article", "bibo")
'http://purl.org/ontology/bibo/AcademicArticle'
>>> cw.fields_for("http://purl.org/dc/terms/title")
('titles', 'collection.name', 'container.title', 'license.label')
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from notice_ld.config import Profile
from notice_ld.resources import data_dir

__all__ = ["Crosswalk", "Curies", "Row", "crosswalk", "prefixes"]


@cache
def prefixes() -> Mapping[str, str]:
    """The fixed prefix table (from ``vocab/contexts/notice_ld.jsonld``), sorted by prefix."""
    with (data_dir("vocab") / "contexts" / "notice_ld.jsonld").open(encoding="utf-8") as fh:
        context = json.load(fh)["@context"]
    return MappingProxyType({k: context[k] for k in sorted(context) if isinstance(context[k], str)})


def expand(curie: str) -> str:
    """Expand a CURIE such as ``dcterms:title`` with the fixed prefix table.

    >>> expand("bibo:doi")
    'http://purl.org/ontology/bibo/doi'
    """
    prefix, _, local = curie.partition(":")
    try:
        return prefixes()[prefix] + local
    except KeyError:
        raise ValueError(f"unknown prefix in {curie!r}") from None


class Curies:
    """Prefixed names (``dcterms:title``) for IRIs in the fixed prefix table, memoised.

    ``local_ok`` says which local names the target syntax accepts as they are (Turtle is
    stricter than JSON-LD); for other IRIs the call returns ``None``.

    >>> Curies(lambda local: local.isidentifier())("http://purl.org/dc/terms/title")
    'dcterms:title'
    >>> Curies(lambda local: local.isidentifier())("https://hdl.handle.net/10670/1.jt89mr") is None
    True
    """

    def __init__(self, local_ok: Callable[[str], object]) -> None:
        self._by_namespace = {ns: prefix for prefix, ns in prefixes().items()}
        self._local_ok = local_ok
        self._memo: dict[str, str] = {}

    def __call__(self, iri: str) -> str | None:
        known = self._memo.get(iri)
        if known is not None:
            return known
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix = self._by_namespace.get(iri[:cut])
        local = iri[cut:]
        if prefix is None or not self._local_ok(local):
            return None
        text = f"{prefix}:{local}"
        if len(self._memo) < 4096:  # vocabulary terms recur; bounded so memory stays flat
            self._memo[iri] = text
        return text


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the crosswalk."""

    field: str
    profile: Profile
    node: str
    curie: str
    term: str
    value: str
    note: str


@dataclass(frozen=True, eq=False)
class Crosswalk:
    """The crosswalk and type tables, indexed for the mapping code."""

    rows: tuple[Row, ...]
    types: Mapping[tuple[str, str], Mapping[str, str]]

    def rows_for(self, field: str, profile: Profile, node: str = "document") -> tuple[Row, ...]:
        """The rows of ``field`` for ``profile`` on ``node``, in file order."""
        return _rows_index(self)[(field, profile, node)]

    def terms(self, field: str, profile: Profile, node: str = "document") -> tuple[str, ...]:
        """The term IRIs of ``field`` for ``profile`` on ``node`` (empty when the vocabulary has none)."""
        return tuple(row.term for row in self.rows_for(field, profile, node))

    def type_class(self, kind: str, type_: str, vocabulary: str) -> str | None:
        """The class IRI for a document/container/agent type in ``vocabulary`` (or ``None``)."""
        local = self.types[(kind, type_)].get(vocabulary, "")
        if not local:
            return None
        if "://" in local:  # a concept scheme without a prefix (COAR resource types) gives full IRIs
            return local
        return expand(f"{vocabulary}:{local}")

    def fields_for(self, term: str) -> tuple[str, ...]:
        """The notice fields whose values a term carries (used to explain validation results)."""
        seen: dict[str, None] = {}
        for row in self.rows:
            if row.term == term:
                seen.setdefault(row.field, None)
        return tuple(sorted(seen, key=lambda f: ("." in f, f)))

    def curies(self) -> frozenset[str]:
        """Every term and constant class the mapping can emit, as CURIEs."""
        found = {row.curie for row in self.rows}
        found.update(row.value for row in self.rows if row.value.partition(":")[0] in prefixes())
        for columns in self.types.values():
            for vocabulary, local in columns.items():
                if local and vocabulary in ("dcmitype", "foaf", "bibo", "schema"):
                    found.add(f"{vocabulary}:{local}")
        return frozenset(found)


@cache
def _rows_index(cw: Crosswalk) -> Mapping[tuple[str, Profile, str], tuple[Row, ...]]:
    index: dict[tuple[str, Profile, str], list[Row]] = {}
    for row in cw.rows:
        index.setdefault((row.field, row.profile, row.node), []).append(row)
    return _DefaultEmpty({k: tuple(v) for k, v in index.items()})


class _DefaultEmpty(dict[tuple[str, Profile, str], tuple[Row, ...]]):
    def __missing__(self, key: tuple[str, Profile, str]) -> tuple[Row, ...]:
        return ()


@cache
def crosswalk() -> Crosswalk:
    """Load ``vocab/crosswalk.csv`` and ``vocab/types.csv`` (once per process)."""
    folder = data_dir("vocab")
    with (folder / "crosswalk.csv").open(encoding="utf-8", newline="") as fh:
        rows = tuple(
            Row(
                field=r["field"],
                profile=Profile(r["profile"]),
                node=r["node"],
                curie=r["term"],
                term=expand(r["term"]),
                value=r["value"],
                note=r["note"],
            )
            for r in csv.DictReader(fh)
        )
    types: dict[tuple[str, str], Mapping[str, str]] = {}
    with (folder / "types.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            types[(r["kind"], r["type"])] = MappingProxyType(dict(r))
    return Crosswalk(rows=rows, types=MappingProxyType(types))
