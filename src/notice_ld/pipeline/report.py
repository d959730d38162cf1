"""The report of a run: what went through, what was rejected and why, what was left or deleted.

A :class:`RunReport` counts and keeps (in flat memory: validation results only when asked) what
a :class:`~notice_ld.pipeline.Pipeline` run saw; :meth:`RunReport.as_dict` is the JSON that
``notice-ld convert --report`` writes. Reports of parts merge, in input order, into the report of
the whole run (:meth:`RunReport.merge`).

>>> from notice_ld.errors import RecordError
>>> a, b = RunReport(), RunReport()
>>> a.converted = 2
>>> b.reject(RecordError(record="in.jsonl:3", problem="not valid JSON", fix="…"))
>>> merged = RunReport.merge([a, b])
>>> merged.as_dict()["converted"], merged.as_dict()["rejected"], merged.as_dict()["errors"][0]["record"]
(2, 1, 'in.jsonl:3')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from notice_ld.errors import RecordError
from notice_ld.readers import Deletion, ReadWarning, Residue

if TYPE_CHECKING:
    from notice_ld.validation import ValidationReport, ValidationResult

__all__ = ["RunReport"]

_SEVERITIES = ("Violation", "Warning", "Info")


@dataclass
class RunReport:
    """Counts and details of one run (or one part of it).

    ``converted`` notices went through; ``errors`` are the rejected records (record, field,
    problem, fix); ``residues`` the values of converted notices that could not be mapped;
    ``deletions`` the records deleted at the source; ``warnings`` what to know about inputs;
    ``invalid`` counts notices with SHACL violations; ``severities`` the validation results by
    severity; ``validation`` keeps the results themselves when ``keep_results``.
    """

    converted: int = 0
    errors: list[RecordError] = field(default_factory=list)
    residues: list[Residue] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    invalid: int = 0
    severities: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_SEVERITIES, 0))
    validation: list[ValidationResult] = field(default_factory=list)
    engine: str = ""
    keep_results: bool = True

    @property
    def rejected(self) -> int:
        """How many records were rejected."""
        return len(self.errors)

    def reject(self, error: RecordError) -> None:
        """Count one rejected record."""
        self.errors.append(error)

    def count_validation(self, report: ValidationReport) -> None:
        """Count one notice's validation report (and keep its results when ``keep_results``)."""
        if self.keep_results:
            self.validation.extend(report.results)
        for result in report.results:
            self.severities[result.severity.value] += 1
        self.engine = self.engine or report.engine
        if not report.conforms:
            self.invalid += 1

    @property
    def failed(self) -> bool:
        """Whether some record was rejected or some notice had violations (exit status 1)."""
        return bool(self.errors) or self.invalid > 0

    def as_dict(self) -> dict[str, Any]:
        """The JSON report (the file ``--report`` writes)."""
        return {
            "converted": self.converted,
            "rejected": len(self.errors),
            "errors": [e.as_dict() for e in self.errors],
            "deleted": len(self.deletions),
            "deletions": [d.as_dict() for d in self.deletions],
            "residue": [item for r in self.residues for item in r.as_dicts()],
            "warnings": [w.as_dict() for w in self.warnings],
            "invalid": self.invalid,
            "validation": {
                "engine": self.engine,
                "violations": self.severities["Violation"],
                "warnings": self.severities["Warning"],
                "infos": self.severities["Info"],
                "results": [r.as_dict() for r in self.validation],
            },
        }

    @classmethod
    def merge(cls, parts: Iterable[RunReport]) -> RunReport:
        """The report of the whole run from the reports of its parts, in input order."""
        whole = cls()
        for part in parts:
            whole.converted += part.converted
            whole.errors.extend(part.errors)
            whole.residues.extend(part.residues)
            whole.deletions.extend(part.deletions)
            whole.warnings.extend(part.warnings)
            whole.invalid += part.invalid
            for severity in _SEVERITIES:
                whole.severities[severity] += part.severities[severity]
            whole.validation.extend(part.validation)
            whole.engine = whole.engine or part.engine
            whole.keep_results = whole.keep_results and part.keep_results
        return whole
