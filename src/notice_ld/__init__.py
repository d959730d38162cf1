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

Heavy libraries (pyshacl, pyld, rdflib's parsers) are imported only by the functions that need
them.
"""

from notice_ld.citation import cite
from notice_ld.config import Config, Profile
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.identifiers import mint_handle
from notice_ld.identifiers import parse as parse_identifier
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.writers import serialize
from notice_ld.writers.schema_jsonld import script_block

__all__ = [
    "Config",
    "Format",
    "Notice",
    "NoticeGraph",
    "NoticeLdError",
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
