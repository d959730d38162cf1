"""notice_ld: publish bibliographic records ("notices") as linked data.

Map a notice to Dublin Core terms, BIBO and schema.org at once, with stable IRIs, and serialize
it deterministically (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD, schema.org JSON-LD for web
pages).

>>> import notice_ld
>>> notice = notice_ld.Notice.from_dict({
...     "id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}], "creators_et_al": True,
...     "issued": "2019"})
>>> turtle = notice_ld.serialize([notice], notice_ld.Format.TURTLE).decode()
>>> print(turtle.split("\\n\\n")[1].splitlines()[0])
<https://hdl.handle.net/10670/1.jt89mr> a bibo:AcademicArticle, schema:ScholarlyArticle ;

Nothing is imported by ``import notice_ld`` itself: each name below is imported from its module
the first time it is used (``notice_ld.Notice`` imports :mod:`notice_ld.model`, pydantic with it),
and heavy libraries (pyshacl, pyld, rdflib's parsers) only by the functions that need them.
"""

# ``typing.TYPE_CHECKING`` without importing typing (~5 ms): type checkers read any name
# ``TYPE_CHECKING`` as true (the idiom of PEP 781), the interpreter sees False.
TYPE_CHECKING = False
if TYPE_CHECKING:  # what type checkers and IDEs see; at run time, ``__getattr__`` below
    from notice_ld.citation import cite
    from notice_ld.config import Config, Profile
    from notice_ld.errors import NoticeLdError, RecordError
    from notice_ld.formats import Format
    from notice_ld.identifiers import mint_handle
    from notice_ld.identifiers import parse as parse_identifier
    from notice_ld.mapping import NoticeGraph, map_notice
    from notice_ld.model import Notice
    from notice_ld.pipeline import Pipeline
    from notice_ld.readers import read_path
    from notice_ld.writers import serialize
    from notice_ld.writers.schema_jsonld import script_block

__all__ = [
    "Config",
    "Format",
    "Notice",
    "NoticeGraph",
    "NoticeLdError",
    "Pipeline",
    "Profile",
    "RecordError",
    "cite",
    "map_notice",
    "mint_handle",
    "parse_identifier",
    "read_path",
    "script_block",
    "serialize",
]

__version__ = "0.1.0"

# exported name -> (module, name in that module); keep in step with the imports above
_EXPORTS = {
    "Config": ("notice_ld.config", "Config"),
    "Format": ("notice_ld.formats", "Format"),
    "Notice": ("notice_ld.model", "Notice"),
    "NoticeGraph": ("notice_ld.mapping", "NoticeGraph"),
    "NoticeLdError": ("notice_ld.errors", "NoticeLdError"),
    "Pipeline": ("notice_ld.pipeline", "Pipeline"),
    "Profile": ("notice_ld.config", "Profile"),
    "RecordError": ("notice_ld.errors", "RecordError"),
    "cite": ("notice_ld.citation", "cite"),
    "map_notice": ("notice_ld.mapping", "map_notice"),
    "mint_handle": ("notice_ld.identifiers", "mint_handle"),
    "parse_identifier": ("notice_ld.identifiers", "parse"),
    "read_path": ("notice_ld.readers", "read_path"),
    "script_block": ("notice_ld.writers.schema_jsonld", "script_block"),
    "serialize": ("notice_ld.writers", "serialize"),
}

if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt name stays an error for them

    def __getattr__(name: str) -> object:
        """Import an exported name from its module on first use (then it is a plain attribute)."""
        try:
            module_name, attribute = _EXPORTS[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        from importlib import import_module

        value = getattr(import_module(module_name), attribute)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
