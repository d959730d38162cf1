"""The reference engine: pySHACL, called so that it follows the SHACL specification for our shapes.

pySHACL is imported only when this engine runs. The shapes graph is built once per
:class:`Shapes` (and cached with it); each call validates one data graph with:

* ``inference="none"`` — no RDFS/OWL reasoning unless asked (``inference="rdfs"``…): SHACL
  validates the data as given, and ``sh:targetClass`` follows ``rdfs:subClassOf`` triples of the
  data graph only;
* ``allow_warnings=True, allow_infos=True`` — ``sh:Warning`` and ``sh:Info`` results do not make
  the data non-conforming (notice_ld publishes a notice with warnings);
* ``advanced`` (SHACL-AF: ``sh:rule``, ``sh:target``, node expressions) only when the shapes use
  it, ``js=False``, ``meta_shacl=False``, ``abort_on_first=False``.

Results are read back from the report graph (top-level ``sh:result`` nodes; ``sh:detail`` nested
results are not results of the data graph) as :data:`~notice_ld.validation.fast.RawResult`
tuples, the same form the fast engine produces.

>>> from notice_ld.validation.shapes import load_shapes
>>> from notice_ld import Notice, map_notice
>>> g = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T", "lang": "fr"}],
...                                 "issued": "2019"}))
>>> sorted(r[5].rsplit("#")[1] for r in ReferenceEngine(load_shapes(["dcterms"])).validate(g.triples))
['Document-creator-present', 'Document-license-known']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from notice_ld.validation.fast import RawResult
from notice_ld.validation.rdf import RDFTriple, from_rdflib_node, to_rdflib_graph
from notice_ld.validation.shapes import SH, Shapes

if TYPE_CHECKING:
    import rdflib

__all__ = ["ReferenceEngine"]

_ADVANCED = tuple(SH + t for t in ("rule", "target", "expression", "SPARQLRule", "TripleRule"))


class ReferenceEngine:
    """pySHACL over one :class:`Shapes` graph; ``inference`` is pySHACL's option (``"none"`` by default)."""

    def __init__(self, shapes: Shapes, *, inference: str = "none") -> None:
        self.shapes = shapes
        self.inference = inference
        self.advanced = any(p in _ADVANCED or o in _ADVANCED for _, p, o in shapes.triples)

    def validate(self, triples: Iterable[RDFTriple]) -> list[RawResult]:
        """Validate the graph made of ``triples``."""
        return self.validate_rdflib(to_rdflib_graph(triples))

    def validate_rdflib(self, graph: rdflib.Graph) -> list[RawResult]:
        """Validate an rdflib Graph (not modified)."""
        import pyshacl

        _, report, _ = pyshacl.validate(
            graph,
            shacl_graph=self.shapes.rdflib_graph,
            inference=self.inference,
            advanced=self.advanced,
            allow_warnings=True,
            allow_infos=True,
            abort_on_first=False,
            meta_shacl=False,
            js=False,
            inplace=False,
        )
        if not hasattr(report, "objects"):  # a pySHACL ValidationFailure
            from notice_ld.errors import ShapesError
            from notice_ld.validation.shapes import SPEC, LintProblem

            raise ShapesError([LintProblem("pySHACL", f"pySHACL could not validate: {report}", SPEC)])
        return _results(report)


def _results(report: Any) -> list[RawResult]:
    from rdflib import URIRef

    sh = {
        name: URIRef(SH + name)
        for name in (
            "result",
            "focusNode",
            "resultPath",
            "value",
            "sourceConstraintComponent",
            "resultSeverity",
            "sourceShape",
        )
    }
    out: list[RawResult] = []
    for node in report.objects(None, sh["result"]):
        path = report.value(node, sh["resultPath"])
        value = report.value(node, sh["value"])
        out.append(
            (
                from_rdflib_node(report.value(node, sh["focusNode"])),
                from_rdflib_node(path) if path is not None else None,
                from_rdflib_node(value) if value is not None else None,
                str(report.value(node, sh["sourceConstraintComponent"])),
                str(report.value(node, sh["resultSeverity"])),
                str(from_rdflib_node(report.value(node, sh["sourceShape"]))),
            )
        )
    return out
