"""An explicit Arrow schema for the notice JSON form, and notices to and from Arrow and Parquet.

Arrow (and Spark, and Parquet) cannot infer a schema from raw notice JSON: some fields are a
string *or* an object. This module fixes one typed, nested schema (:func:`notice_schema`) that
holds every notice, with two documented **union encodings**:

* an **identifier** (``id``, ``identifiers``, an agent's ``identifiers``, a container's ``issn``,
  ``eissn``, ``issn_l``, ``isbn``, a relation's ``identifier``) — ``"10.1234/x"`` or
  ``{"scheme": "doi", "value": "10.1234/x"}`` — is always ``struct<scheme: string, value: string>``;
  the string form is ``scheme`` null (the scheme is then detected from the value, exactly as for
  the string). An ARK read from a resolver URL (``https://gallica.bnf.fr/ark:/…``) keeps that URL
  as its ``value``, so its IRI stays on that resolver (the ``{scheme, value}`` form of
  :meth:`Notice.to_dict` drops it);
* an **agent** (``creators``, ``contributors[].agent``, ``organization``, ``publisher``) — a person
  or an organisation — is one ``struct<type, name, family, given, identifiers>``: ``type`` is
  ``"organization"`` for an organisation and null (or ``"person"``) for a person.

Every field is nullable, and a null field is an absent field (the notice form gives no meaning to
``null``). Other columns of a table (partition keys, ingestion dates) are not read. No field is
carried as JSON text; a table whose records do not fit may instead have one ``json`` string
column holding each record's JSON (:data:`JSON_COLUMN`, read by :mod:`notice_ld.pipeline.on_spark`).

Rows are written from validated notices (:func:`notice_row`), so a notice read back from its row
(:func:`records_from_arrow`, then :meth:`~notice_ld.model.Notice.from_dict`) is the same notice,
mapped to the same RDF bytes.
:func:`write_parquet` puts records in a data lake with this schema; :func:`spark_ddl` is the same
schema as a Spark DDL string (``spark.read.schema(spark_ddl()).parquet(…)``).

pyarrow is imported by the functions that need it (``pip install "notice-ld[spark]"``).

>>> from notice_ld.model import Notice
>>> notice = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Vie sociale", "lang": "fr"}],
...                            "creators": [{"family": "Jouet"}, {"type": "organization", "name": "Cairn"}]})
>>> table = to_arrow([notice])
>>> table.schema.field("id").type
StructType(struct<scheme: string, value: string>)
>>> [record] = records_from_arrow(table)
>>> record["creators"]
[{'family': 'Jouet'}, {'type': 'organization', 'name': 'Cairn'}]
>>> Notice.from_dict(record) == notice
True
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from notice_ld.errors import ConfigError, RecordError
from notice_ld.model import Notice

if TYPE_CHECKING:
    from notice_ld.pipeline.report import RunReport
    from notice_ld.readers import Outcome

__all__ = [
    "JSON_COLUMN",
    "notice_columns",
    "notice_row",
    "notice_schema",
    "records_from_arrow",
    "spark_ddl",
    "to_arrow",
    "write_parquet",
]

JSON_COLUMN: Final = "json"
"""The column that holds a record's JSON text, for tables whose records do not fit the schema."""

_STRING, _BOOL = "string", "bool"
# The notice form as nested (name, type) pairs; a type is a scalar name, a tuple of fields (a
# struct) or a one-item list (a list of that type). Kept in the model's field order.
_TEXT: Final = (("value", _STRING), ("lang", _STRING))
_IDENTIFIER: Final = (("scheme", _STRING), ("value", _STRING))
_AGENT: Final = (
    ("type", _STRING),
    ("name", _STRING),
    ("family", _STRING),
    ("given", _STRING),
    ("identifiers", [_IDENTIFIER]),
)
_CONCEPT: Final = (("iri", _STRING), ("labels", [_TEXT]), ("notation", _STRING))
_NOTICE: Final = (
    ("id", _IDENTIFIER),
    ("type", _STRING),
    ("type_label", _STRING),
    ("titles", [_TEXT]),
    ("abstracts", [_TEXT]),
    ("creators", [_AGENT]),
    ("creators_et_al", _BOOL),
    ("contributors", [(("role", _STRING), ("agent", _AGENT))]),
    ("issued", _STRING),
    ("languages", [_STRING]),
    ("keywords", [_TEXT]),
    ("subjects", [_CONCEPT]),
    ("disciplines", [_CONCEPT]),
    ("scope", _CONCEPT),
    ("source", _STRING),
    (
        "container",
        (
            ("type", _STRING),
            ("title", _STRING),
            ("issn", _IDENTIFIER),
            ("eissn", _IDENTIFIER),
            ("issn_l", _IDENTIFIER),
            ("isbn", _IDENTIFIER),
            ("iri", _STRING),
            ("volume", _STRING),
            ("issue", _STRING),
            ("pages", _STRING),
        ),
    ),
    ("collection", (("name", _STRING), ("iri", _STRING))),
    ("organization", _AGENT),
    ("publisher", _AGENT),
    ("license", (("iri", _STRING), ("label", _STRING))),
    ("access_rights", _STRING),
    ("embargo_end", _STRING),
    ("landing_page", _STRING),
    ("citation", _STRING),
    ("identifiers", [_IDENTIFIER]),
    ("relations", [(("type", _STRING), ("identifier", _IDENTIFIER))]),
)


def notice_columns() -> tuple[str, ...]:
    """The top-level columns of the notice schema, in order (no pyarrow needed).

    >>> notice_columns()[:4]
    ('id', 'type', 'type_label', 'titles')
    """
    return tuple(name for name, _ in _NOTICE)


_FIELDS: Final = frozenset(notice_columns())


def _arrow_type(spec: Any) -> Any:
    import pyarrow as pa

    if spec == _STRING:
        return pa.string()
    if spec == _BOOL:
        return pa.bool_()
    if isinstance(spec, list):
        return pa.list_(_arrow_type(spec[0]))
    return pa.struct([pa.field(name, _arrow_type(item)) for name, item in spec])


@functools.cache
def notice_schema() -> Any:
    """The Arrow schema of the notice form (a ``pyarrow.Schema``; see the module docs).

    >>> schema = notice_schema()
    >>> str(schema.field("creators").type)  # doctest: +ELLIPSIS
    'list<item: struct<type: string, name: string, family: string, given: string, identifiers: list<...>>>'
    >>> schema.names == list(notice_columns())
    True
    """
    import pyarrow as pa

    return pa.schema([pa.field(name, _arrow_type(spec)) for name, spec in _NOTICE])


def _ddl(spec: Any) -> str:
    if spec == _STRING:
        return "STRING"
    if spec == _BOOL:
        return "BOOLEAN"
    if isinstance(spec, list):
        return f"ARRAY<{_ddl(spec[0])}>"
    return "STRUCT<" + ", ".join(f"`{name}`: {_ddl(item)}" for name, item in spec) + ">"


def spark_ddl() -> str:
    """The notice schema as a Spark DDL string, for ``spark.read.schema(…)`` (no pyspark needed).

    >>> spark_ddl()[:50]
    '`id` STRUCT<`scheme`: STRING, `value`: STRING>, `t'
    """
    return ", ".join(f"`{name}` {_ddl(spec)}" for name, spec in _NOTICE)


def _without_nulls(value: Any) -> Any:
    """A row value as the notice form: fields that are null are left out (lists keep their items)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def records_from_arrow(data: Any) -> Iterator[dict[str, Any]]:
    """The notice dicts of an Arrow ``Table`` or ``RecordBatch`` in the notice schema, in row order.

    Only the notice columns are read (other columns — keys, partitions — are not part of a
    notice); nulls are left out. The dicts go through :meth:`Notice.from_dict` like any record.

    >>> import pyarrow as pa
    >>> batch = pa.RecordBatch.from_pylist([{"id": {"value": "10670/1.abc"}, "titles": [{"value": "T"}],
    ...                                      "shard": 3}])
    >>> list(records_from_arrow(batch))
    [{'id': {'value': '10670/1.abc'}, 'titles': [{'value': 'T'}]}]
    """
    names = [name for name in data.schema.names if name in _FIELDS]
    columns = [data.column(name).to_pylist() for name in names]
    for values in zip(*columns, strict=True):
        yield {
            name: _without_nulls(value)
            for name, value in zip(names, values, strict=True)
            if value is not None
        }


def notice_row(notice: Notice) -> dict[str, Any]:
    """The row of ``notice``: its JSON form, with identifiers read from a resolver URL kept as that
    URL (see the module docs), so that the notice read back maps to the same IRIs.

    >>> gallica = "https://gallica.bnf.fr/ark:/12148/btv1b53201782"
    >>> n = Notice.from_dict({"id": gallica, "titles": [{"value": "T"}]})
    >>> notice_row(n)["id"]["value"], n.to_dict()["id"]["value"]
    ('https://gallica.bnf.fr/ark:/12148/btv1b53201782', 'ark:/12148/btv1b53201782')
    >>> Notice.from_dict(notice_row(n)).id.iri
    'https://gallica.bnf.fr/ark:/12148/btv1b53201782'
    """
    row: dict[str, Any] = _faithful(notice, notice.to_dict())
    return row


def _faithful(value: Any, data: Any) -> Any:
    """``data`` (the JSON form of ``value``) with identifiers that have a resolver written as their IRI."""
    from pydantic import BaseModel

    from notice_ld.identifiers import Identifier

    if isinstance(value, Identifier):
        return {"scheme": value.scheme.value, "value": value.iri} if value.resolver else data
    if isinstance(value, BaseModel) and isinstance(data, dict):
        return {key: _faithful(getattr(value, key), item) for key, item in data.items()}
    if isinstance(value, tuple) and isinstance(data, list):
        return [_faithful(v, d) for v, d in zip(value, data, strict=True)]
    return data


def to_arrow(notices: Iterable[Notice]) -> Any:
    """An Arrow ``Table`` in the notice schema, one row per notice, in order.

    >>> from notice_ld.model import Notice
    >>> to_arrow([Notice.from_dict({"id": "10.1234/x", "titles": [{"value": "T"}]})]).num_rows
    1
    """
    import pyarrow as pa

    return pa.Table.from_pylist([notice_row(notice) for notice in notices], schema=notice_schema())


def write_parquet(
    records: Iterable[Outcome | Notice | Mapping[str, Any]],
    path: str | os.PathLike[str],
    *,
    row_group_size: int = 10_000,
) -> RunReport:
    """Write ``records`` to a Parquet file in the notice schema (for a data lake): notices, notice
    dicts (validated, named ``record N``) or what a reader gives (``Pipeline().outcomes(files)``).

    Rejected records, deletions and warnings are not written: they are in the returned report
    (``converted`` counts the rows written). Memory holds one row group.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "notices.parquet")
    >>> report = write_parquet([{"id": "10670/1.abc", "titles": [{"value": "T"}]}, {"titles": []}], path)
    >>> report.converted, report.errors[0].record
    (1, 'record 2')
    >>> import pyarrow.parquet as pq
    >>> pq.read_table(path).column("id").to_pylist()
    [{'scheme': 'handle', 'value': '10670/1.abc'}]
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from notice_ld.pipeline.report import RunReport
    from notice_ld.readers import Deletion, ReadWarning, Residue
    from notice_ld.readers.jsonl import to_outcome

    if row_group_size < 1:
        raise ConfigError(f"a row group holds at least one row, not {row_group_size}")
    report = RunReport()
    schema = notice_schema()
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(os.fspath(path), schema) as writer:
        for number, item in enumerate(records, start=1):
            outcome = to_outcome(item, f"record {number}") if isinstance(item, Mapping) else item
            if isinstance(outcome, Notice):
                rows.append(notice_row(outcome))
                report.converted += 1
            elif isinstance(outcome, RecordError):
                report.reject(outcome)
            elif isinstance(outcome, Deletion):
                report.deletions.append(outcome)
            elif isinstance(outcome, Residue):
                report.residues.append(outcome)
            elif isinstance(outcome, ReadWarning):
                report.warnings.append(outcome)
            else:
                raise TypeError(f"not a notice, a notice dict or a reader outcome: {type(item).__name__}")
            if len(rows) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows.clear()
        if rows or not report.converted:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return report
