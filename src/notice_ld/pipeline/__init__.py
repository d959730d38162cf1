"""One pipeline: read → map → validate → write (or load), as a public, partitionable unit.

A :class:`Pipeline` is configured once — the mapping :class:`~notice_ld.config.Config`, the
validation (:class:`Validation`, or ``None`` for none), the reader options (size limit, Handle
minting) — and runs over input files (:class:`Source`) or over records (notices or their dicts).
It writes one or more formats, hands notice graphs to a store, or gives each notice's validation
report; a record whose id an earlier record of the run has is rejected, naming both places
(:mod:`notice_ld.pipeline.duplicates`). Every run returns a :class:`RunReport` (converted;
rejected with record, field, problem and fix; residue; deletions; warnings; validation counts)
whose :meth:`RunReport.as_dict` is the JSON ``notice-ld convert --report`` writes. The commands
``convert``, ``validate``, ``load``, ``site`` and ``harvest --load`` all run through it.

A run over a *part* of the input (:func:`partition`: byte ranges of JSON Lines files cut on line
boundaries, files) with ``part=True`` writes part outputs; the parts' outputs merged in order
(:meth:`notice_ld.writers.Codec.merge`) and their reports merged in order
(:meth:`RunReport.merge`) are exactly the output and the report of the whole run.

>>> import io
>>> from notice_ld.formats import Format
>>> pipeline = Pipeline()
>>> records = [{"id": "10670/1.jt89mr", "type": "article", "titles": [{"value": "Vie sociale"}]},
...            {"id": "10670/1.bad", "titles": []}]
>>> out = io.BytesIO()
>>> report = pipeline.convert_records(records, {Format.N_TRIPLES: out})
>>> report.converted, report.rejected, report.errors[0].field
(1, 1, 'titles')
>>> b'"Vie sociale"' in out.getvalue()
True
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from notice_ld.config import Config
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.iris import iri_rules, mixed_script_iris
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.pipeline.duplicates import Claims, duplicate_error, place_code
from notice_ld.pipeline.report import RunReport
from notice_ld.pipeline.sources import Part, Source, as_source, numbered_source, partition
from notice_ld.readers import Deletion, InputFormat, Outcome, ReaderOptions, ReadWarning, Residue

if TYPE_CHECKING:
    from notice_ld.stores import Store
    from notice_ld.stores.load import LoadReport
    from notice_ld.validation import Engine, ValidationReport, Validator

__all__ = ["Part", "Pipeline", "RunReport", "Source", "Validation", "partition"]

Echo = Callable[[str], None]
"""Where a run tells what happens as it happens (one line per rejected record, warning…)."""


def host_warnings(notice: Notice, place: str) -> Iterator[ReadWarning]:
    """A warning for each IRI of ``notice`` whose host mixes scripts (a look-alike of another
    site, :func:`notice_ld.iris.mixed_script_iris`); the notice still goes through.

    >>> n = Notice.from_dict({"id": "10670/1.a", "titles": [{"value": "T"}],
    ...                       "landing_page": "https://ex\u0430mple.org/a"})
    >>> print(next(host_warnings(n, "in.jsonl:1")).problem)
    field landing_page: the host of https://exаmple.org/a mixes CYRILLIC and LATIN letters, ...
    """
    for path, iri, scripts in mixed_script_iris(notice):
        yield ReadWarning(
            record=f"{notice.id} ({place})",
            problem=f"field {path}: the host of {iri} mixes {' and '.join(scripts)} letters, so it looks "
            "like another site's name and may lead elsewhere",
            fix="check the IRI at its source; a host is written in one script (or as xn-- punycode "
            "when it truly is so)",
        )


@dataclass(frozen=True)
class Validation:
    """How notices are validated: shape ``profiles`` (``None``: those of the mapping's profiles),
    extra ``shapes`` files, the ``engine``, the ``lang`` of messages, and whether notices with
    violations are written anyway (``keep_invalid``; they are still reported).

    >>> Validation(lang="fr").lang
    'fr'
    """

    profiles: tuple[str, ...] | None = None
    extra_profiles: tuple[str, ...] = ()
    shapes: tuple[str, ...] = ()
    engine: Engine | None = None  # None: automatic (the fast engine when it can)
    lang: str = "en"
    keep_invalid: bool = False

    def validator(self, config: Config) -> Validator:
        """The validator for notices mapped with ``config``."""
        from notice_ld.validation import Engine, ShapeProfile, Validator

        profiles = self.profiles
        if profiles is None:
            profiles = tuple(p.value for p in ShapeProfile.for_mapping(config.profiles))
        return Validator(
            [*profiles, *self.extra_profiles],
            list(self.shapes),
            engine=self.engine or Engine.AUTO,
            lang=self.lang,
        )


@functools.lru_cache(maxsize=8)
def _validator(validation: Validation, config: Config) -> Validator:
    """One validator per configuration and process: loading shapes costs more than a part."""
    return validation.validator(config)


@dataclass(frozen=True)
class Pipeline:
    """Read → map → validate → write, configured once (see the module docs).

    ``echo`` receives one line per rejected record, input warning and validation problem as the
    run goes (the command line prints them on standard error); ``quiet`` leaves out validation
    warnings; ``keep_results`` keeps every validation result in the report (memory then grows
    with the results; counts are always kept).
    """

    config: Config = field(default_factory=Config)
    validation: Validation | None = field(default_factory=Validation)
    reader_options: ReaderOptions = field(default_factory=ReaderOptions)
    input_format: InputFormat | None = None
    keep_results: bool = True
    quiet: bool = False
    echo: Echo | None = None

    # -- reading -----------------------------------------------------------------------------
    def sources(self, inputs: Iterable[Source | str | os.PathLike[str]]) -> list[Source]:
        """The inputs as :class:`Source` objects (paths take the pipeline's input format)."""
        return [as_source(item, self.input_format) for item in inputs]

    def partition(self, inputs: Sequence[Source | str | os.PathLike[str]], parts: int) -> list[Part]:
        """Cut the inputs into about ``parts`` parts, in order (see :func:`partition`)."""
        return partition(self.sources(inputs), parts=parts)

    def outcomes(
        self, inputs: Iterable[Source | str | os.PathLike[str]], *, claims: Claims | None = None
    ) -> Iterator[Outcome]:
        """What the readers give for the inputs, in order: notices, errors, residues, deletions,
        warnings — a notice whose id an earlier record of the run has is an error naming both
        places (:mod:`notice_ld.pipeline.duplicates`; ``claims``: the ids a part of a run is told
        about, default: a run of its own)."""
        claims = Claims() if claims is None else claims
        rules = iri_rules(self.config, cached=False)
        for offset, source in enumerate(self.sources(inputs)):
            index = claims.first_source + offset
            lines, numbered = numbered_source(source, self.reader_options)
            claims.name(index, source.path, lines=lines)
            for number, outcome in numbered:
                if isinstance(outcome, Notice):
                    try:
                        document = rules.document(outcome.id)
                    except (NoticeLdError, ValueError):
                        yield outcome  # mapping reports it
                        continue
                    first = claims.check(index, number, document)
                    if first is not None:
                        yield duplicate_error(outcome, claims.place(place_code(index, number)), first)
                        continue
                    yield outcome
                    if mixed_script_iris(outcome):  # rare: the place is written only then
                        yield from host_warnings(outcome, claims.place(place_code(index, number)))
                    continue
                yield outcome

    # -- mapping and validation --------------------------------------------------------------
    def graphs(self, outcomes: Iterable[Outcome | Notice], report: RunReport) -> Iterator[NoticeGraph]:
        """Map and validate each notice of ``outcomes``; everything else is counted in ``report``.

        The one place where what readers give is told apart.
        """
        validator = _validator(self.validation, self.config) if self.validation is not None else None
        for outcome in outcomes:
            graph = self._graph(outcome, report)
            if graph is None:
                continue
            if validator is not None and not self._valid(validator.validate_graph(graph), report):
                continue
            report.converted += 1
            yield graph

    def _graph(self, outcome: Outcome | Notice, report: RunReport) -> NoticeGraph | None:
        if isinstance(outcome, Notice):
            try:
                return map_notice(outcome, self.config)
            except (NoticeLdError, ValueError) as exc:
                self._reject(report, RecordError(record=str(outcome.id), problem=f"cannot be mapped: {exc}"))
                return None
        if isinstance(outcome, RecordError):
            self._reject(report, outcome)
        elif isinstance(outcome, Residue):
            report.residues.append(outcome)
        elif isinstance(outcome, Deletion):
            report.deletions.append(outcome)
        elif isinstance(outcome, ReadWarning):
            report.warnings.append(outcome)
            self._say(f"warning: {outcome}")
        else:
            raise TypeError(f"not a reader outcome: {type(outcome).__name__}")
        return None

    def _reject(self, report: RunReport, error: RecordError) -> None:
        report.reject(error)
        self._say(f"rejected {error}")

    def _valid(self, result: ValidationReport, report: RunReport) -> bool:
        keep = self.validation is not None and self.validation.keep_invalid
        report.count_validation(result)
        for item in result.results:
            where = f"record {item.record}" + (f", field {item.field}" if item.field else "")
            if item.severity.value == "Violation":
                verdict = "written anyway (--keep-invalid)" if keep else "not written"
                self._say(f"invalid {where}: {item.message} [{verdict}]")
            elif item.severity.value == "Warning" and not self.quiet:
                self._say(f"warning: {where}: {item.message}")
        return result.conforms or keep

    def _say(self, line: str) -> None:
        if self.echo is not None:
            self.echo(line)

    def new_report(self) -> RunReport:
        """An empty report for a run of this pipeline."""
        return RunReport(keep_results=self.keep_results)

    # -- running -----------------------------------------------------------------------------
    def convert(
        self,
        inputs: Iterable[Source | str | os.PathLike[str]],
        outputs: Mapping[Format, IO[bytes]],
        *,
        lang: str | None = None,
        part: bool = False,
        progress: Callable[[Iterator[NoticeGraph]], Iterator[NoticeGraph]] | None = None,
        claims: Claims | None = None,
    ) -> RunReport:
        """Read ``inputs``, write each notice in every format of ``outputs`` (binary streams).

        ``part=True`` writes part outputs (items only, see :mod:`notice_ld.writers.stream`);
        ``progress`` may wrap the stream of graphs (a progress bar); ``claims`` as in
        :meth:`outcomes`.
        """
        return self._write(
            self.outcomes(inputs, claims=claims), outputs, lang=lang, part=part, progress=progress
        )

    def convert_records(
        self,
        records: Iterable[Notice | Mapping[str, Any]],
        outputs: Mapping[Format, IO[bytes]],
        *,
        lang: str | None = None,
        part: bool = False,
    ) -> RunReport:
        """Like :meth:`convert`, over records: notices or notice dicts (named ``record N``); a
        repeated id is rejected as in :meth:`outcomes`."""
        return self._write(self.unique_records(records), outputs, lang=lang, part=part)

    def unique_records(self, records: Iterable[Notice | Mapping[str, Any]]) -> Iterator[Outcome]:
        """:meth:`from_records`, where a notice whose id an earlier record has is an error naming
        both (``record N``)."""
        claims = Claims()
        claims.name(0, "", lines=False)
        rules = iri_rules(self.config, cached=False)
        for number, outcome in enumerate(self.from_records(records), start=1):
            if isinstance(outcome, Notice):
                try:
                    first = claims.check(0, number, rules.document(outcome.id))
                except (NoticeLdError, ValueError):
                    first = None  # mapping reports it
                if first is not None:
                    yield duplicate_error(outcome, f"record {number}", first)
                    continue
                yield outcome
                yield from host_warnings(outcome, f"record {number}")
                continue
            yield outcome

    @staticmethod
    def from_records(records: Iterable[Notice | Mapping[str, Any]]) -> Iterator[Outcome]:
        """Notices as they are; dicts validated into notices or record errors (``record N``)."""
        from notice_ld.readers.jsonl import to_outcome

        for number, record in enumerate(records, start=1):
            yield record if isinstance(record, Notice) else to_outcome(record, f"record {number}")

    def _write(
        self,
        outcomes: Iterable[Outcome | Notice],
        outputs: Mapping[Format, IO[bytes]],
        *,
        lang: str | None,
        part: bool,
        progress: Callable[[Iterator[NoticeGraph]], Iterator[NoticeGraph]] | None = None,
    ) -> RunReport:
        from notice_ld.writers import codec

        report = self.new_report()
        graphs = self.graphs(outcomes, report)
        if progress is not None:
            graphs = progress(graphs)
        with ExitStack() as stack:
            writers = [
                stack.enter_context(codec(fmt, lang).open(out, part=part)) for fmt, out in outputs.items()
            ]
            for graph in graphs:
                for writer in writers:
                    writer.add(graph)
        return report

    def validate(
        self,
        inputs: Iterable[Source | str | os.PathLike[str]],
        validator: Validator | None = None,
        *,
        claims: Claims | None = None,
    ) -> Iterator[ValidationReport]:
        """The validation report of each notice of ``inputs`` (and of each unreadable record or
        duplicate id); ``validator`` (default: the pipeline's) may be one already built;
        ``claims`` as in :meth:`outcomes`."""
        if validator is None:
            validator = _validator(self.validation or Validation(), self.config)
        for outcome in self.outcomes(inputs, claims=claims):
            if isinstance(outcome, RecordError):
                yield validator.record_error(outcome)
            elif isinstance(outcome, Notice):
                yield validator.validate_notice(outcome, self.config)
            elif isinstance(outcome, ReadWarning):
                self._say(f"warning: {outcome}")

    def load(
        self,
        inputs: Iterable[Source | str | os.PathLike[str]],
        store: Store,
        *,
        sync: bool = False,
        batch: int = 500,
    ) -> LoadReport:
        """Load the notices of ``inputs`` into ``store``, incrementally: each notice is one named
        graph, replaced when it changed (see :mod:`notice_ld.stores.load`)."""
        return self.load_outcomes(self.outcomes(inputs), store, sync=sync, batch=batch)

    def load_outcomes(
        self, outcomes: Iterable[Outcome | Notice], store: Store, *, sync: bool = False, batch: int = 500
    ) -> LoadReport:
        """Like :meth:`load`, over reader outcomes (a harvest, say)."""
        from notice_ld.stores.load import load

        return load(
            store,
            outcomes,
            config=self.config,
            sync=sync,
            validate=self.validation is not None,
            max_notices=max(1, batch),
        )
