"""SHACL validation: shipped shapes, reports a cataloguer understands, two engines proved equal.

:func:`validate` checks notices (each on its own graph, so a result is always blamed on the notice
it belongs to), notice graphs, rdflib Graphs, or RDF files (Turtle, N-Triples, N-Quads, TriG,
RDF/XML, JSON-LD — RDF that notice_ld did not produce too) against the shipped profiles
(:mod:`notice_ld.validation.shapes`) and the user's own shapes, and returns a
:class:`~notice_ld.validation.report.ValidationReport`. Non-conformance is a result, never an
exception.

Engines: ``"fast"`` (:mod:`notice_ld.validation.fast`, compiled from the shapes, working on the
mapping's triples), ``"pyshacl"`` (:mod:`notice_ld.validation.reference`), and ``"auto"`` (the
default): the fast engine, or pySHACL when the shapes need something the fast engine does not
implement, or when inference is asked for; the report says which engine ran and why.
Every engine also runs the well-formedness check (:mod:`notice_ld.validation.wellformed`).

>>> from notice_ld.validation import validate
>>> report = validate([{"id": "10670/1.jt89mr", "type": "article", "issued": "2019",
...                     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...                     "creators": [{"family": "Jouet", "given": "Emmanuelle"}]}])
>>> report.conforms, report.engine, [(r.severity.value, r.field) for r in report.results]
(True, 'fast', [('Info', 'license.iri')])
>>> validate([{"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}], engine="pyshacl").engine
'pyshacl'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notice_ld.config import Config
from notice_ld.errors import ConfigError, RecordError
from notice_ld.formats import RdfFormat
from notice_ld.languages import Language
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.terms import Literal
from notice_ld.validation.fast import DataGraph, FastEngine, RawResult, Unsupported
from notice_ld.validation.fields import GraphBlame, NoticeBlame
from notice_ld.validation.rdf import RDFTriple, parse_rdf, parse_rdf_path, triples_from_rdflib
from notice_ld.validation.report import Kind, Severity, ValidationReport, ValidationResult, build_results
from notice_ld.validation.shapes import DEFAULT_PROFILES, ShapeProfile, Shapes, load_shapes
from notice_ld.validation.wellformed import check as well_formedness
from notice_ld.vocabulary import NLD

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "Engine",
    "Kind",
    "Severity",
    "ShapeProfile",
    "ValidationReport",
    "ValidationResult",
    "Validator",
    "load_shapes",
    "parse_rdf",
    "parse_rdf_path",
    "validate",
]


class Engine(enum.StrEnum):
    """Which validator runs."""

    AUTO = "auto"
    FAST = "fast"
    PYSHACL = "pyshacl"


RECORD_COMPONENT = NLD.NS + "RecordError"


class Validator:
    """Shapes loaded and compiled once, then any number of graphs validated.

    ``profiles`` are shipped validation profiles (``dcterms``, ``bibo``, ``schema``,
    ``google-article``, ``all``), ``shapes`` user shapes files, ``lang`` the language of
    messages (``en`` or ``fr``), ``inference`` pySHACL's inference option (anything but
    ``"none"`` runs pySHACL).

    >>> v = Validator(["schema"], lang="fr")
    >>> notice = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]})
    >>> v.engine, v.validate_notice(notice).conforms
    ('fast', True)
    """

    def __init__(
        self,
        profiles: Iterable[ShapeProfile | str] | None = None,
        shapes: Iterable[str | Path] = (),
        *,
        engine: Engine | str = Engine.AUTO,
        lang: Language | str = Language.EN,
        inference: str = "none",
        lenient_shapes: bool = False,
    ) -> None:
        self.profiles = ShapeProfile.parse_many(profiles) if profiles is not None else DEFAULT_PROFILES
        self.files = tuple(str(f) for f in shapes)
        # lenient: the problems of the user's shapes files are warnings (self.shapes.warnings)
        self.shapes: Shapes = load_shapes(self.profiles, self.files, lenient=lenient_shapes)
        try:
            self.lang = Language(lang)
        except ValueError:  # messages in another language: English
            self.lang = Language.EN
        chosen = Engine(engine)
        self.note = ""
        self._fast: FastEngine | None = None
        self._reference: Any = None
        if inference != "none":
            if chosen is Engine.FAST:
                raise ConfigError("the fast engine does no inference; use engine 'pyshacl' or 'auto'")
            chosen, self.note = Engine.PYSHACL, f"inference {inference!r} asked for: pySHACL ran"
        if chosen in (Engine.AUTO, Engine.FAST):
            try:
                self._fast = FastEngine(self.shapes)
                chosen = Engine.FAST
            except Unsupported as exc:
                if chosen is Engine.FAST:
                    raise ConfigError(f"the fast engine cannot run these shapes: {exc}") from None
                chosen, self.note = Engine.PYSHACL, f"the fast engine does not support {exc}: pySHACL ran"
        if chosen is Engine.PYSHACL:
            from notice_ld.validation.reference import ReferenceEngine

            self._reference = ReferenceEngine(self.shapes, inference=inference)
        self.engine: str = chosen.value

    def _raw(
        self, triples: Iterable[RDFTriple] | None, *, indexed: bool, rdflib_graph: Any = None
    ) -> list[RawResult]:
        if self._fast is not None:
            if rdflib_graph is not None:
                triples = triples_from_rdflib(rdflib_graph)
            assert triples is not None
            triples = triples if isinstance(triples, (list, tuple)) else list(triples)
            return self._fast.validate(triples, indexed=indexed) + well_formedness(triples)
        if rdflib_graph is not None:
            raw: list[RawResult] = self._reference.validate_rdflib(rdflib_graph)
            return raw + well_formedness(triples_from_rdflib(rdflib_graph))
        assert triples is not None
        triples = triples if isinstance(triples, (list, tuple)) else list(triples)
        return list(self._reference.validate(triples)) + well_formedness(triples)

    def _report(self, results: Iterable[ValidationResult], checked: int = 1) -> ValidationReport:
        return ValidationReport(
            results=tuple(results),
            engine=self.engine,
            engine_note=self.note,
            lang=self.lang,
            checked=checked,
            profiles=self.profiles,
            shapes_files=self.files,
        )

    def validate_graph(self, graph: NoticeGraph) -> ValidationReport:
        """Validate one notice's graph on its own."""
        raw = self._raw(graph.triples, indexed=True)
        if not raw:
            return self._report(())
        results = build_results(raw, self.shapes, NoticeBlame(graph), engine=self.engine, lang=self.lang)
        return self._report(results)

    def validate_notice(self, notice: Notice, config: Config | None = None) -> ValidationReport:
        """Map a notice (with ``config``) and validate its graph."""
        return self.validate_graph(map_notice(notice, config or Config()))

    def validate_triples(self, triples: Iterable[RDFTriple], *, name: str | None = None) -> ValidationReport:
        """Validate a graph given as triples (RDF from anywhere); ``name`` is its file, for records."""
        listed = list(triples)
        raw = self._raw(listed, indexed=False)
        if not raw:
            return self._report(())
        blame = GraphBlame(DataGraph(listed), name)
        return self._report(build_results(raw, self.shapes, blame, engine=self.engine, lang=self.lang))

    def validate_rdflib(self, graph: rdflib.Graph, *, name: str | None = None) -> ValidationReport:
        """Validate an rdflib Graph (or Dataset: the union of its graphs)."""
        if self._fast is not None:
            return self.validate_triples(triples_from_rdflib(graph), name=name)
        raw = self._raw(None, indexed=False, rdflib_graph=graph)
        if not raw:
            return self._report(())
        blame = GraphBlame(DataGraph(triples_from_rdflib(graph)), name)
        return self._report(build_results(raw, self.shapes, blame, engine=self.engine, lang=self.lang))

    def record_error(self, error: RecordError) -> ValidationReport:
        """A report holding one unusable input record (it could not even be mapped)."""
        message = f"{error.problem} (fix: {error.fix})" if error.fix else error.problem
        result = ValidationResult(
            record=error.record,
            field=error.field,
            focus=Literal(error.record or "?"),
            path=None,
            value=None,
            severity=Severity.VIOLATION,
            message=message,
            shape=RECORD_COMPONENT,
            component=RECORD_COMPONENT,
            engine=self.engine,
            kind=Kind.RECORD,
            messages=(("", message),),
        )
        return self._report((result,), checked=0)


@cache
def _validator(
    profiles: tuple[str, ...] | None, files: tuple[str, ...], engine: str, lang: str, inference: str
) -> Validator:
    return Validator(profiles, files, engine=engine, lang=lang, inference=inference)


def _is_rdflib_graph(item: object) -> bool:
    return hasattr(item, "triples") and hasattr(item, "serialize") and not isinstance(item, NoticeGraph)


def _items(data: Any) -> Iterator[Any]:
    if isinstance(data, (Notice, NoticeGraph, Mapping, str, Path)) or _is_rdflib_graph(data):
        yield data
    else:
        yield from data


def validate(
    data: Any,
    *,
    profiles: Iterable[ShapeProfile | str] | None = None,
    shapes: Iterable[str | Path] = (),
    lang: Language | str = Language.EN,
    engine: Engine | str = Engine.AUTO,
    config: Config | None = None,
    inference: str = "none",
    rdf_format: RdfFormat | str | None = None,
) -> ValidationReport:
    """Validate notices, notice graphs, rdflib Graphs or files, and return one report.

    ``data`` is one item or an iterable of items: :class:`~notice_ld.model.Notice`, a notice as
    a dict (its JSON form), :class:`~notice_ld.mapping.NoticeGraph`, an rdflib ``Graph``, or a
    path — an RDF file (format from its extension or ``rdf_format``) or a JSON Lines / JSON file
    of notices. Notices are mapped with ``config`` and validated one by one on their own graph;
    a record that cannot even be read becomes a result of kind ``record``.
    Without ``profiles``, notices are checked against the profiles they are mapped to, RDF
    against ``dcterms``, ``bibo`` and ``schema``.
    """
    cfg = config or Config()
    chosen = ShapeProfile.parse_many(profiles) if profiles is not None else None
    notice_profiles = ShapeProfile.for_mapping(cfg.profiles) if chosen is None else chosen
    files = tuple(str(f) for f in shapes)
    for_notices = _validator(notice_profiles, files, str(engine), lang, inference)
    for_rdf = _validator(chosen, files, str(engine), lang, inference)
    reports: list[ValidationReport] = []
    for item in _items(data):
        if isinstance(item, NoticeGraph):
            reports.append(for_notices.validate_graph(item))
        elif isinstance(item, Notice):
            reports.append(for_notices.validate_notice(item, cfg))
        elif isinstance(item, Mapping):
            try:
                notice = Notice.from_dict(item)
            except RecordError as error:
                reports.append(for_notices.record_error(error))
                continue
            reports.append(for_notices.validate_notice(notice, cfg))
        elif _is_rdflib_graph(item):
            reports.append(for_rdf.validate_rdflib(item))
        elif isinstance(item, (str, Path)):
            fmt = rdf_format or RdfFormat.from_path(item)
            if fmt is not None:
                reports.append(for_rdf.validate_triples(parse_rdf_path(item, fmt), name=str(item)))
            else:
                from notice_ld.readers import read_path

                for outcome in read_path(item):
                    if isinstance(outcome, RecordError):
                        reports.append(for_notices.record_error(outcome))
                    elif isinstance(outcome, Notice):  # deleted records and residues are not notices
                        reports.append(for_notices.validate_notice(outcome, cfg))
        else:
            raise TypeError(f"cannot validate a {type(item).__name__}")
    if not reports:
        return for_notices._report((), checked=0)
    return ValidationReport.combine(reports)
