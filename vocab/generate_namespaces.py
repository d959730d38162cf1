"""Generate ``src/notice_ld/namespaces.py`` from the vocabulary files in ``vocab/``.

Usage::

    python vocab/generate_namespaces.py          # (re)write src/notice_ld/namespaces.py
    python vocab/generate_namespaces.py --check  # exit 1 if the file is missing or stale

For each vocabulary the generated module holds one closed rdflib ``DefinedNamespace``
(``_fail = True``: asking for a term the vocabulary file does not declare raises
``AttributeError``). A term is every IRI of the namespace that is the subject of an
``rdf:type`` triple in the vocabulary file. Local names that are not Python identifiers,
or are Python keywords, are listed in ``_extras`` (reach them with ``NS["local-name"]``).
The output is deterministic: terms are sorted, and nothing depends on time or machine.
"""

from __future__ import annotations

import argparse
import keyword
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
VOCAB_DIR = ROOT / "vocab"
OUTPUT = ROOT / "src" / "notice_ld" / "namespaces.py"
MAX_LINE = 110


@dataclass(frozen=True)
class Vocabulary:
    """One generated ``DefinedNamespace`` class."""

    class_name: str
    namespace: str
    filename: str
    title: str


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary("DCTERMS", "http://purl.org/dc/terms/", "dcterms.ttl", "DCMI Metadata Terms"),
    Vocabulary("DCMITYPE", "http://purl.org/dc/dcmitype/", "dcmitype.ttl", "DCMI Type Vocabulary"),
    Vocabulary("BIBO", "http://purl.org/ontology/bibo/", "bibo.ttl", "The Bibliographic Ontology (BIBO)"),
    Vocabulary("SDO", "http://schema.org/", "schema.ttl", "schema.org (the subset in vocab/schema.ttl)"),
    Vocabulary("FOAF", "http://xmlns.com/foaf/0.1/", "foaf.ttl", "Friend of a Friend (FOAF)"),
    Vocabulary("SKOS", "http://www.w3.org/2004/02/skos/core#", "skos.ttl", "SKOS Core"),
    Vocabulary("NLD", "https://w3id.org/notice-ld/ns#", "notice_ld.ttl", "notice_ld's own vocabulary"),
)

HEADER = '''"""Closed rdflib namespaces for the vocabularies notice_ld publishes with.

GENERATED FILE -- do not edit by hand. It is written by ``vocab/generate_namespaces.py``
from the vocabulary files in ``vocab/``; to regenerate it after changing them, run::

    python vocab/generate_namespaces.py

(``python vocab/generate_namespaces.py --check`` exits 1 when this file is stale.)

Each class is an rdflib ``DefinedNamespace`` with ``_fail = True``: only the terms
declared in the corresponding vocabulary file exist, and a misspelt term raises
``AttributeError`` instead of silently minting a new IRI. ``SDO`` is schema.org in the
``http://schema.org/`` namespace (the one the official JSON-LD context maps to), unlike
``rdflib.namespace.SDO`` which uses ``https://schema.org/``.
"""

# rdflib's namespace module is imported as a module (not ``from ... import DefinedNamespace``)
# so that tools probing this module's globals (pytest's doctest collection) do not touch the
# open base class DefinedNamespace, which warns on every unknown attribute.
from rdflib import namespace as rdflib_namespace
from rdflib.term import URIRef

'''


def _label(graph: Graph, term: URIRef) -> str:
    """Return the term's English label (else any label, else its local name)."""
    labels = [o for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)]
    for wanted in ("en", None):
        for label in sorted(labels, key=str):
            if label.language == wanted:
                return str(label)
    if labels:
        return str(sorted(labels, key=str)[0])
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _comment_text(text: str, room: int) -> str:
    """Collapse whitespace and cut ``text`` to at most ``room`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= room:
        return flat
    return flat[: max(room - 3, 0)].rstrip() + "..."


def _terms(graph: Graph, namespace: str) -> list[URIRef]:
    """All IRIs of ``namespace`` that the graph types with ``rdf:type``."""
    found = {
        subject
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(namespace) and str(subject) != namespace
    }
    return sorted(found, key=str)


def _is_attribute_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


def render_class(vocabulary: Vocabulary) -> str:
    """Render the ``DefinedNamespace`` class of one vocabulary."""
    graph = Graph()
    graph.parse(VOCAB_DIR / vocabulary.filename, format="turtle")
    attributes: list[str] = []
    extras: list[str] = []
    for term in _terms(graph, vocabulary.namespace):
        local = str(term)[len(vocabulary.namespace) :]
        if _is_attribute_name(local):
            code = f"    {local}: URIRef"
            room = MAX_LINE - len(code) - len("  # ")
            attributes.append(f"{code}  # {_comment_text(_label(graph, term), room)}")
        else:
            extras.append(local)
    lines = [
        f"class {vocabulary.class_name}(rdflib_namespace.DefinedNamespace):",
        f'    """{vocabulary.title}: terms of ``vocab/{vocabulary.filename}``."""',
        "",
        "    _fail = True",
        "",
        *attributes,
    ]
    if extras:
        lines += [
            "",
            "    # Local names that are not Python identifiers: use the item syntax, NS[name].",
            "    # (A list, not a tuple: DefinedNamespace declares _extras as List[str].)",
            "    _extras = [  # noqa: RUF012",
        ]
        lines += [f'        "{name}",' for name in extras]
        lines.append("    ]")
    lines += ["", f'    _NS = rdflib_namespace.Namespace("{vocabulary.namespace}")']
    return "\n".join(lines) + "\n"


def render() -> str:
    """Render the whole ``namespaces.py`` module."""
    names = sorted(vocabulary.class_name for vocabulary in VOCABULARIES)
    all_line = "__all__ = [" + ", ".join(f'"{name}"' for name in names) + "]\n"
    classes = "\n\n".join(render_class(vocabulary) for vocabulary in VOCABULARIES)
    return HEADER + all_line + "\n\n" + classes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if src/notice_ld/namespaces.py is missing or differs",
    )
    args = parser.parse_args(argv)
    text = render()
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
    if args.check:
        if current != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is stale: run python vocab/generate_namespaces.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    if current != text:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)}")
    else:
        print(f"{OUTPUT.relative_to(ROOT)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
