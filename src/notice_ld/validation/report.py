"""Validation reports a cataloguer understands: typed, in French or English, as text, JSON or RDF.

A :class:`ValidationReport` holds :class:`ValidationResult` objects. Each result says which
**record** (the notice identifier) and which **notice field** (``titles[fr]``,
``creators[1].name``) it is about, the offending **value**, the **severity**, the **message** in
the language asked for (from the shape's ``sh:message``), and — for those who read RDF — the focus
node, the path, the source shape, the source constraint component, the engine that ran and the kind
of check (``shacl``, or ``well-formedness`` for ill-typed literals and invalid language tags).

``conforms`` is true when no result is a Violation: warnings and infos do not stop publication
(pySHACL's ``allow_warnings``/``allow_infos``; the ``sh:conforms`` of the report graph says the
same). Reports render as text (:meth:`ValidationReport.to_text`), JSON
(:meth:`ValidationReport.to_json`) and the standard SHACL report graph in Turtle
(:meth:`ValidationReport.to_turtle`, or an rdflib Graph with :meth:`ValidationReport.to_rdflib`);
every rendering is deterministic.

>>> from notice_ld.validation import validate
>>> report = validate([{"id": "10670/1.eqcfw6", "titles": [{"value": "Rapport", "lang": "fr"},
...                                                       {"value": "Bilan", "lang": "fr"}]}], lang="fr")
>>> report.conforms, [(r.record, r.field, r.path) for r in report.violations]
(False, [('10670/1.eqcfw6', 'titles', 'dcterms:title'), ('10670/1.eqcfw6', 'titles', 'schema:headline'),
         ('10670/1.eqcfw6', 'titles', 'schema:name')])
>>> print(report.violations[0].message[:70])
Deux titres ont la même langue : gardez un seul titre par langue (cham
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from notice_ld.crosswalk import prefixes as vocab_prefixes
from notice_ld.languages import Language
from notice_ld.terms import RDF, RDF_LANGSTRING, XSD, XSD_STRING, Literal
from notice_ld.validation.fast import INFO, WARNING, RawResult
from notice_ld.validation.rdf import BNode, Term, nt
from notice_ld.validation.shapes import SH, SHAPE_PREFIXES, Shapes
from notice_ld.validation.wellformed import LANGUAGE_TAG, SHAPE

if TYPE_CHECKING:
    import rdflib

    from notice_ld.validation.fields import _Blame

__all__ = ["Kind", "Severity", "ValidationReport", "ValidationResult", "build_results"]


class Severity(enum.StrEnum):
    """SHACL severities; a custom severity IRI counts as a Violation (as pySHACL does)."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def iri(self) -> str:
        """``sh:Violation``, ``sh:Warning`` or ``sh:Info`` as an IRI."""
        return SH + self.value

    @classmethod
    def from_iri(cls, iri: str) -> Severity:
        """The severity of an IRI (unknown ones are Violations).

        >>> Severity.from_iri("http://www.w3.org/ns/shacl#Warning")
        <Severity.WARNING: 'Warning'>
        """
        return {WARNING: cls.WARNING, INFO: cls.INFO}.get(iri, cls.VIOLATION)


class Kind(enum.StrEnum):
    """What produced a result: a shape, the well-formedness check of literals, or an unreadable record."""

    SHACL = "shacl"
    WELL_FORMEDNESS = "well-formedness"
    RECORD = "record"


_ORDER = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    Language.EN: {Severity.VIOLATION: "Violation", Severity.WARNING: "Warning", Severity.INFO: "Info"},
    Language.FR: {
        Severity.VIOLATION: "Violation",
        Severity.WARNING: "Avertissement",
        Severity.INFO: "Information",
    },
}

# Messages for results of shapes without sh:message (user shapes), by constraint component.
_GENERIC = {
    "MinCount": ("Too few values.", "Trop peu de valeurs."),
    "MaxCount": ("Too many values.", "Trop de valeurs."),
    "Datatype": ("The value does not have the expected datatype.", "La valeur n'a pas le type attendu."),
    "NodeKind": (
        "The value is not the expected kind of node (IRI, blank node, literal).",
        "La valeur n'est pas le type de nœud attendu (IRI, nœud anonyme, littéral).",
    ),
    "Class": (
        "The value is not an instance of the expected class.",
        "La valeur n'est pas une instance de la classe attendue.",
    ),
    "In": (
        "The value is not one of the allowed values.",
        "La valeur ne fait pas partie des valeurs permises.",
    ),
    "HasValue": ("A required value is missing.", "Une valeur obligatoire manque."),
    "Pattern": ("The value does not have the expected form.", "La valeur n'a pas la forme attendue."),
    "LanguageIn": ("The value's language is not allowed.", "La langue de la valeur n'est pas permise."),
    "UniqueLang": ("Two values have the same language.", "Deux valeurs ont la même langue."),
    "MinLength": ("The value is too short.", "La valeur est trop courte."),
    "MaxLength": ("The value is too long.", "La valeur est trop longue."),
    "Node": (
        "The value does not conform to the expected shape.",
        "La valeur n'est pas conforme à la forme attendue.",
    ),
    "Not": ("The value conforms to a shape it must not.", "La valeur est conforme à une forme interdite."),
    "And": (
        "The value does not conform to all the expected shapes.",
        "La valeur n'est pas conforme à toutes les formes attendues.",
    ),
    "Or": (
        "The value conforms to none of the allowed shapes.",
        "La valeur n'est conforme à aucune des formes permises.",
    ),
    "Xone": (
        "The value must conform to exactly one of the shapes.",
        "La valeur doit être conforme à exactement une des formes.",
    ),
}


def _well_formed_messages(component: str, value: Term | None) -> dict[str, str]:
    if component == LANGUAGE_TAG and isinstance(value, Literal):
        return {
            Language.EN: f"The language tag '{value.lang}' is not a valid BCP 47 tag: "
            "write a tag such as fr, en or de-CH.",
            Language.FR: f"L'étiquette de langue « {value.lang} » n'est pas une étiquette BCP 47 valide : "
            "écrivez une étiquette comme fr, en ou de-CH.",
        }
    kind = _curie(value.datatype) if isinstance(value, Literal) else "?"
    text = value.value if isinstance(value, Literal) else "?"
    return {
        Language.EN: f'The literal "{text}" is ill-typed: it is not a valid {kind} '
        "(check the digits, the month and the day).",
        Language.FR: f"Le littéral « {text} » est mal typé : ce n'est pas un {kind} valide "
        "(vérifiez les chiffres, le mois et le jour).",
    }


def _curie(iri: str) -> str:
    table = dict(vocab_prefixes())
    table.update(SHAPE_PREFIXES)
    best = ""
    result = f"<{iri}>"
    for prefix, namespace in table.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            local = iri[len(namespace) :]
            if local and all(c.isalnum() or c in "-_" for c in local):
                best, result = namespace, f"{prefix}:{local}"
    return result


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One validation result, with the record and notice field it concerns.

    ``focus``, ``value`` are RDF terms (``value`` is ``None`` for results about a missing or
    duplicated value); ``path`` is the SHACL path in property-path syntax (``dcterms:title``,
    ``bibo:authorList/rdf:_1``, ``^schema:identifier``) and ``path_turtle`` the same path as
    Turtle; ``shape`` and ``component`` are IRIs (or blank-node labels); ``messages`` has the
    message in every language the shape gives, ``message`` the one chosen.
    """

    record: str | None
    field: str
    focus: Term
    path: str | None
    value: Term | None
    severity: Severity
    message: str
    shape: str
    component: str
    engine: str
    kind: Kind = Kind.SHACL
    messages: tuple[tuple[str, str], ...] = ()
    path_turtle: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None, str, str]:
        """``(focus, path, value, component, severity)`` in N-Triples form: what engines must agree on."""
        return (
            nt(self.focus),
            self.path_turtle,
            nt(self.value) if self.value is not None else None,
            self.component,
            self.severity.value,
        )

    def as_dict(self) -> dict[str, Any]:
        """The result as a JSON-ready mapping."""
        return {
            "record": self.record,
            "field": self.field,
            "severity": self.severity.value,
            "message": self.message,
            "value": nt(self.value) if self.value is not None else None,
            "focus": nt(self.focus),
            "path": self.path,
            "shape": self.shape,
            "component": self.component,
            "kind": self.kind.value,
            "engine": self.engine,
        }

    def to_text(self, lang: str = Language.EN) -> str:
        """Three lines for a person: severity, field and value; the message; where in the RDF."""
        words = _SEVERITY_WORDS.get(lang, _SEVERITY_WORDS[Language.EN])
        value = f" = {_show(self.value)}" if self.value is not None else ""
        where = self.field or (self.path or "")
        if self.kind is Kind.RECORD:
            return f"  {words[self.severity]:<13} {where}\n      {self.message}"
        detail = [
            f"shape {_curie(self.shape) if not self.shape.startswith('_:') else self.shape}",
            _curie(self.component),
            f"focus {_show(self.focus)}",
        ]
        if self.path:
            detail.append(f"path {self.path}")
        return (
            f"  {words[self.severity]:<13} {where}{value}\n      {self.message}\n      ({', '.join(detail)})"
        )


def _show(term: Term) -> str:
    if isinstance(term, Literal):
        text = term.value if len(term.value) <= 80 else term.value[:77] + "…"
        base = json.dumps(text, ensure_ascii=False)
        if term.lang:
            return f"{base}@{term.lang}"
        if term.datatype != XSD_STRING:
            return f"{base}^^{_curie(term.datatype)}"
        return base
    if isinstance(term, BNode):
        return str(term)
    return f"<{term}>"


@dataclass(frozen=True)
class ValidationReport:
    """The results of a validation, and how it was run.

    ``checked`` counts the graphs validated (one per notice); ``engine`` is ``"fast"`` or
    ``"pyshacl"``; ``engine_note`` says why pySHACL ran when the fast engine was asked for.
    """

    results: tuple[ValidationResult, ...] = ()
    engine: str = "fast"
    engine_note: str = ""
    lang: str = Language.EN
    checked: int = 0
    profiles: tuple[str, ...] = ()
    shapes_files: tuple[str, ...] = ()
    records: tuple[str, ...] = field(default=(), compare=False)

    @property
    def conforms(self) -> bool:
        """No Violation (warnings and infos allowed)."""
        return not any(r.severity is Severity.VIOLATION for r in self.results)

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        """The Violation results."""
        return tuple(r for r in self.results if r.severity is Severity.VIOLATION)

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        """The Warning results."""
        return tuple(r for r in self.results if r.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[ValidationResult, ...]:
        """The Info results."""
        return tuple(r for r in self.results if r.severity is Severity.INFO)

    def counts(self) -> dict[str, int]:
        """``{"violations": …, "warnings": …, "infos": …}``."""
        return {"violations": len(self.violations), "warnings": len(self.warnings), "infos": len(self.infos)}

    @classmethod
    def combine(cls, reports: Iterable[ValidationReport]) -> ValidationReport:
        """One report for many (results in order, engines and notes merged)."""
        items = list(reports)
        if not items:
            return cls()
        engines = sorted({r.engine for r in items})
        notes = sorted({r.engine_note for r in items if r.engine_note})
        return cls(
            results=tuple(res for r in items for res in r.results),
            engine="+".join(engines),
            engine_note="; ".join(notes),
            lang=items[0].lang,
            checked=sum(r.checked for r in items),
            profiles=items[0].profiles,
            shapes_files=items[0].shapes_files,
        )

    # -- renderings
    def as_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready mapping."""
        return {
            "conforms": self.conforms,
            "engine": self.engine,
            "engine_note": self.engine_note,
            "lang": self.lang,
            "checked": self.checked,
            "profiles": list(self.profiles),
            "shapes_files": list(self.shapes_files),
            "counts": self.counts(),
            "results": [r.as_dict() for r in self.results],
        }

    def to_json(self) -> str:
        """The report as JSON (UTF-8 text, keys in a fixed order, two-space indent)."""
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_text(self) -> str:
        """The report for a person, grouped by record, in the report's language."""
        fr = self.lang == Language.FR
        counts = self.counts()
        if fr:
            head = (
                f"{counts['violations']} violation(s), {counts['warnings']} avertissement(s), "
                f"{counts['infos']} information(s) ; {self.checked} graphe(s) vérifié(s) "
                f"(moteur : {self.engine})"
            )
            verdict = "conforme" if self.conforms else "NON CONFORME"
        else:
            head = (
                f"{counts['violations']} violation(s), {counts['warnings']} warning(s), "
                f"{counts['infos']} info(s); {self.checked} graph(s) checked (engine: {self.engine})"
            )
            verdict = "conforms" if self.conforms else "DOES NOT CONFORM"
        lines = [f"{verdict}: {head}"]
        if self.engine_note:
            lines.append(("note : " if fr else "note: ") + self.engine_note)
        current: object = object()
        for result in self.results:
            if result.record != current:
                current = result.record
                lines.append("")
                lines.append(("notice " if fr else "record ") + (result.record or "?"))
            lines.append(result.to_text(self.lang))
        return "\n".join(lines) + "\n"

    def to_turtle(self) -> str:
        """The standard SHACL validation report graph, in Turtle (deterministic)."""
        out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted({"sh": SH, "xsd": XSD, "rdf": RDF}.items())]
        out.append("")
        conforms = "true" if self.conforms else "false"
        if not self.results:
            out.append(f"[] a sh:ValidationReport ;\n    sh:conforms {conforms} .")
            return "\n".join(out) + "\n"
        blocks = []
        for r in self.results:
            props = [
                "a sh:ValidationResult",
                f"sh:focusNode {nt(r.focus)}",
            ]
            if r.path_turtle is not None:
                props.append(f"sh:resultPath {r.path_turtle}")
            if r.value is not None:
                props.append(f"sh:value {nt(r.value)}")
            props.append(f"sh:resultSeverity {nt(r.severity.iri)}")
            props.append(f"sh:sourceConstraintComponent {nt(r.component)}")
            props.append(f"sh:sourceShape {nt(r.shape)}")
            messages = r.messages or (("", r.message),)
            for lang, text in messages:
                props.append(
                    f"sh:resultMessage {nt(Literal(text, RDF_LANGSTRING, lang) if lang else Literal(text))}"
                )
            blocks.append("[\n        " + " ;\n        ".join(props) + "\n    ]")
        out.append(
            f"[] a sh:ValidationReport ;\n    sh:conforms {conforms} ;\n    sh:result "
            + ",\n    ".join(blocks)
            + " ."
        )
        return "\n".join(out) + "\n"

    def to_rdflib(self) -> rdflib.Graph:
        """The SHACL validation report graph as an rdflib Graph."""
        import rdflib

        return rdflib.Graph().parse(data=self.to_turtle(), format="turtle")


# -- building results -----------------------------------------------------------------------------


def render_path(shapes: Shapes, node: Term | str | None, depth: int = 0) -> tuple[str | None, str | None]:
    """A path node of the shapes graph as ``(property-path text, Turtle)``."""
    if node is None:
        return None, None
    if isinstance(node, Literal) or depth > 20:
        return str(node), None
    if not isinstance(node, BNode):
        return shapes.compact(str(node)), nt(str(node))
    members = shapes.items(node) if shapes.objects(node, RDF + "first") else None
    if members is not None:
        parts = [render_path(shapes, m, depth + 1) for m in members]
        return "/".join(_group(p[0]) for p in parts), "( " + " ".join(p[1] or "" for p in parts) + " )"
    for local, symbol in (
        ("inversePath", "^"),
        ("zeroOrMorePath", "*"),
        ("oneOrMorePath", "+"),
        ("zeroOrOnePath", "?"),
    ):
        inner = shapes.objects(node, SH + local)
        if inner:
            text, turtle = render_path(shapes, inner[0], depth + 1)
            shown = f"^{_group(text)}" if symbol == "^" else f"{_group(text)}{symbol}"
            return shown, f"[ sh:{local} {turtle} ]"
    alternatives = shapes.objects(node, SH + "alternativePath")
    if alternatives:
        parts = [render_path(shapes, m, depth + 1) for m in shapes.items(alternatives[0]) or ()]
        return (
            "(" + "|".join(p[0] or "" for p in parts) + ")",
            "[ sh:alternativePath ( " + " ".join(p[1] or "" for p in parts) + " ) ]",
        )
    return str(node), None


def _group(text: str | None) -> str:
    text = text or ""
    return f"({text})" if ("/" in text or "|" in text) and not text.startswith("(") else text


def _messages(shapes: Shapes, raw: RawResult) -> dict[str, str]:
    _, _, value, component, _, shape = raw
    if shape == SHAPE:
        return _well_formed_messages(component, value)
    found: dict[str, str] = {}
    for message in shapes.objects(shape, SH + "message"):
        if isinstance(message, Literal):
            found.setdefault(message.lang, message.value)
    if found:
        return found
    local = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    en, fr = _GENERIC.get(
        local, ("The value does not conform to the shape.", "La valeur n'est pas conforme à la forme.")
    )
    return {Language.EN: en, Language.FR: fr}


def _choose(messages: Mapping[str, str], lang: str) -> str:
    for candidate in (lang, Language.EN, Language.FR, ""):
        if candidate in messages:
            return messages[candidate]
    return next(iter(messages.values()), "")


def build_results(
    raw: Sequence[RawResult],
    shapes: Shapes,
    blame: _Blame,
    *,
    engine: str,
    lang: str,
) -> list[ValidationResult]:
    """Turn engine results into :class:`ValidationResult` objects, sorted, without duplicates."""
    out: dict[tuple[Any, ...], ValidationResult] = {}
    for item in raw:
        focus, path, value, component, severity, shape = item
        well_formed = shape == SHAPE
        path_text: str | None
        path_turtle: str | None
        if well_formed:
            path_text, path_turtle = _curie(str(path)), nt(str(path)) if path is not None else None
        else:
            path_text, path_turtle = render_path(shapes, path)
        messages = _messages(shapes, item)
        result = ValidationResult(
            record=blame.record_of(focus),
            field=blame.field(focus, path, value),
            focus=focus,
            path=path_text,
            value=value,
            severity=Severity.from_iri(severity),
            message=_choose(messages, lang),
            shape=str(shape),
            component=component,
            engine=engine,
            kind=Kind.WELL_FORMEDNESS if well_formed else Kind.SHACL,
            messages=tuple(sorted(messages.items())),
            path_turtle=path_turtle,
        )
        out.setdefault((result.key, result.shape, result.record), result)
    return sorted(out.values(), key=_sort_key)


def _sort_key(r: ValidationResult) -> tuple[Any, ...]:
    return (
        r.record or "",
        _ORDER[r.severity],
        r.field,
        r.shape,
        r.component,
        nt(r.focus),
        nt(r.value) if r.value is not None else "",
    )
