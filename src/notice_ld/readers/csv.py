"""CSV reader: one notice per row, with a documented column convention (``docs/readers.md``).

Columns (any order; repeat a column, or separate values with ``|`` in a cell, to give several):

* ``id`` (required), ``type``, ``type_label``, ``issued``, ``creators_et_al``, ``source``,
  ``citation``, ``landing_page``, ``language``;
* language-tagged texts: ``title``, ``title@fr``, ``abstract@en``, ``keyword@fr``…;
* creators: ``creator`` (``Family, Given`` names, ``|``-separated) or ordered
  ``creator.1.family``, ``creator.1.given``, ``creator.1.name``, ``creator.1.type``
  (``person``/``organization``), ``creator.1.id``; contributors likewise with ``.role``;
* concepts: ``subject@fr``, ``subject.iri``, ``subject.notation`` (the n-th values of each
  column make the n-th concept), ``discipline…`` likewise, ``scope@fr``, ``scope.iri``;
* ``container.type``, ``container.title``, ``container.issn``, ``container.eissn``,
  ``container.issn_l``, ``container.isbn``, ``container.iri``, ``container.volume``,
  ``container.issue``, ``container.pages``; ``collection.name``, ``collection.iri``;
  ``organization``, ``organization.id``; ``publisher``, ``publisher.type``, ``publisher.id``;
  ``license`` (an IRI, or a label such as ``CC BY 4.0``), ``license.label``;
* ``access_rights`` (``open``, ``embargoed``, ``restricted``, ``closed``, or an
  ``info:eu-repo/semantics/…Access`` value or COAR access-right IRI), ``embargo_end``;
* relations, ordered: ``relation.1.type`` (``is_version_of``, ``references``…; ``related`` when
  left out) and ``relation.1.identifier`` (a DOI, Handle, ARK, URN or URL), ``relation.2.…``;
* other identifiers by kind: ``doi``, ``handle``, ``ark``, ``hal``, ``nnt``, ``isbn``, ``urn``,
  ``url``, or ``identifier`` (kind detected).

Header errors (an unknown or misspelt column) stop the file, naming the column; cell errors
reject their row only, naming the row (as a spreadsheet numbers it: the header is row 1) and
the column. UTF-8 with or without BOM; the separator (``,``, ``;`` or tab) is read from the header.

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> text = ("id,title@fr,creator.1.family,creator.1.given,issued\\n"
...         "10670/1.abc123,Un titre,Jouet,Emmanuelle,2019\\n")
>>> [n.creators[0].display_name for n in read(io.StringIO(text), InputFormat.CSV)]
['Emmanuelle Jouet']
>>> bad = "id,title,issued\\n10670/1.abc123,T,2019-13\\n"
>>> print(next(read(io.StringIO(bad), InputFormat.CSV, name="n.csv")))
record 10670/1.abc123 (n.csv row 2), field issued (column 'issued'): month 13 does not exist (fix: ...)
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import dc, text

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["COLUMNS", "read_csv"]

_SIMPLE: Final = (
    "id",
    "type",
    "type_label",
    "issued",
    "creators_et_al",
    "source",
    "citation",
    "landing_page",
    "language",
    "organization",
    "organization.id",
    "publisher",
    "publisher.type",
    "publisher.id",
    "license",
    "license.label",
    "collection.name",
    "collection.iri",
    "access_rights",
    "embargo_end",
)
_CONTAINER: Final = ("type", "title", "issn", "eissn", "issn_l", "isbn", "iri", "volume", "issue", "pages")
_TAGGED: Final = ("title", "abstract", "keyword", "subject", "discipline", "scope")
_AGENT_PARTS: Final = ("family", "given", "name", "type", "id", "role")
_ID_KINDS: Final = ("doi", "handle", "ark", "hal", "nnt", "isbn", "urn", "url", "identifier")
_SINGLE: Final = frozenset(
    {
        "id",
        "type",
        "type_label",
        "issued",
        "creators_et_al",
        "source",
        "citation",
        "landing_page",
        "organization",
        "publisher",
        "publisher.type",
        "license",
        "license.label",
        "collection.name",
        "collection.iri",
        "access_rights",
        "embargo_end",
        "scope.iri",
        *(f"container.{p}" for p in _CONTAINER),
    }
)
COLUMNS: Final = (
    *_SIMPLE,
    *(f"container.{p}" for p in _CONTAINER),
    *(f"{t}@LANG" for t in _TAGGED),
    *_TAGGED,
    "subject.iri",
    "subject.notation",
    "discipline.iri",
    "discipline.notation",
    "scope.iri",
    "creator",
    "contributor",
    *(f"creator.N.{p}" for p in _AGENT_PARTS if p != "role"),
    *(f"contributor.N.{p}" for p in _AGENT_PARTS),
    "relation.N.type",
    "relation.N.identifier",
    *_ID_KINDS,
)
"""Every column name the convention knows (``LANG`` is a language tag, ``N`` a position 1, 2…)."""

_LANG_COLUMN = re.compile(
    r"^(title|abstract|keyword|subject|discipline|scope)@([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$"
)
_AGENT_COLUMN = re.compile(r"^(creator|contributor)\.(\d+)\.(family|given|name|type|id|role)$")
_RELATION_COLUMN = re.compile(r"^relation\.(\d+)\.(type|identifier)$")
_FIX_HEADER = "rename the column to one of the convention (see docs/readers.md, CSV columns)"
_TRUE: Final = frozenset({"true", "yes", "1", "oui", "vrai", "x"})
_FALSE: Final = frozenset({"false", "no", "0", "non", "faux", ""})


@dataclass(frozen=True)
class _Column:
    index: int
    name: str
    kind: str  # "simple", "tagged", "agent", "concept", "ids", "container"
    key: str
    lang: str | None = None
    position: int = 0
    part: str = ""


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _classify(index: int, name: str) -> _Column | str:
    """A column, or the problem with its name."""
    if name in _SIMPLE:
        return _Column(index, name, "simple", name)
    if name.startswith("container.") and name[10:] in _CONTAINER:
        return _Column(index, name, "container", name[10:])
    tagged = _LANG_COLUMN.match(name)
    if tagged or name in _TAGGED:
        base = tagged.group(1) if tagged else name
        lang = None
        if tagged:
            lang, why = dc.language_tag(tagged.group(2))
            if lang is None:
                return f"the language in column name {name!r} is not a language tag ({why})"
        return _Column(index, name, "tagged", base, lang)
    if name in ("subject.iri", "subject.notation", "discipline.iri", "discipline.notation", "scope.iri"):
        base, _, part = name.partition(".")
        return _Column(index, name, "concept", base, part=part)
    if name in ("creator", "contributor"):
        return _Column(index, name, "agent-list", name)
    agent = _AGENT_COLUMN.match(name)
    if agent:
        base, number, part = agent.groups()
        if int(number) < 1:
            return f"column {name!r}: positions start at 1"
        if part == "role" and base == "creator":
            return "creators have no role: use contributor.N.role"
        return _Column(index, name, "agent", base, position=int(number), part=part)
    if name in _ID_KINDS:
        return _Column(index, name, "ids", name)
    relation = _RELATION_COLUMN.match(name)
    if relation:
        if int(relation.group(1)) < 1:
            return f"column {name!r}: positions start at 1"
        return _Column(
            index, name, "relation", "relation", position=int(relation.group(1)), part=relation.group(2)
        )
    return f"unknown column {name!r}"


def _header(row: list[str], where: str) -> list[_Column] | RecordError:
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(row, start=1):
        name = raw.strip()
        if not name:
            return RecordError(
                record=where,
                field=f"column {index}",
                problem="the column has no name",
                fix="name every column, or delete the empty column",
            )
        found = _classify(index, name)
        if isinstance(found, str):
            known = [c.replace("LANG", "fr").replace(".N.", ".1.") for c in COLUMNS]
            close = difflib.get_close_matches(name, known, n=1)
            fix = f"did you mean {close[0]!r}? ({_FIX_HEADER})" if close else _FIX_HEADER
            return RecordError(record=where, field=f"column {index} {name!r}", problem=found, fix=fix)
        if name in _SINGLE and name in seen:
            return RecordError(
                record=where,
                field=f"column {index} {name!r}",
                problem=f"the column {name!r} appears twice (also column {seen[name]}) and holds one value",
                fix="keep one of the two columns",
            )
        seen.setdefault(name, index)
        columns.append(found)
    if "id" not in seen:
        return RecordError(
            record=where,
            field="header",
            problem="there is no 'id' column",
            fix="add an 'id' column with each notice's identifier (DOI, Handle, URL…)",
        )
    return columns


class _CellError(Exception):
    def __init__(self, column: str, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.column, self.problem, self.fix = column, problem, fix


def _agent(values: dict[str, str], column: str) -> dict[str, Any]:
    kind = values.get("type", "person").lower()
    if kind not in ("person", "organization", "organisation"):
        raise _CellError(
            f"{column}.type", f"{values['type']!r} is not an agent type", "write person or organization"
        )
    agent: dict[str, Any] = {"type": "organization" if kind.startswith("organi") else "person"}
    for part in ("family", "given", "name"):
        if part in values:
            agent[part] = values[part]
    if "id" in values:
        agent["identifiers"] = _split(values["id"])
    return agent


def _row_dict(columns: list[_Column], row: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The notice dict of one row, and which column each field path came from."""
    data: dict[str, Any] = {}
    paths: dict[str, str] = {}
    agents: dict[tuple[str, int], dict[str, str]] = {}
    agent_cols: dict[tuple[str, int], str] = {}
    concepts: dict[str, dict[str, list[Any]]] = {}
    lists: dict[str, list[Any]] = {}
    relations: dict[int, dict[str, str]] = {}
    for column in columns:
        cell = row[column.index - 1].strip() if column.index - 1 < len(row) else ""
        if not cell:
            continue
        name = column.name
        if column.kind == "simple":
            _simple(data, paths, column, cell)
        elif column.kind == "container":
            data.setdefault("container", {})[column.key] = cell
            paths[f"container.{column.key}"] = name
            paths.setdefault("container", name)
        elif column.kind == "tagged":
            for value in _split(cell):
                if column.key in ("title", "abstract", "keyword"):
                    key = {"title": "titles", "abstract": "abstracts", "keyword": "keywords"}[column.key]
                    text: dict[str, Any] = {"value": value, **({"lang": column.lang} if column.lang else {})}
                    paths[f"{key}[{len(lists.get(key, []))}]"] = name
                    lists.setdefault(key, []).append(text)
                else:
                    concepts.setdefault(column.key, {}).setdefault("labels", []).append(
                        (column.lang, value, name)
                    )
        elif column.kind == "concept":
            concepts.setdefault(column.key, {}).setdefault(column.part, []).extend(
                (None, v, name) for v in _split(cell)
            )
        elif column.kind == "agent-list":
            key = "creators" if column.key == "creator" else "contributors"
            for value in _split(cell):
                agent = dc.parse_agent(value)
                paths[f"{key}[{len(lists.get(key, []))}]"] = name
                lists.setdefault(key, []).append(
                    agent if key == "creators" else {"role": "contributor", "agent": agent}
                )
        elif column.kind == "agent":
            agents.setdefault((column.key, column.position), {})[column.part] = cell
            agent_cols[(column.key, column.position)] = f"{column.key}.{column.position}"
        elif column.kind == "relation":
            relations.setdefault(column.position, {})[column.part] = cell
        elif column.kind == "ids":
            for value in _split(cell):
                ident = value if column.key == "identifier" else {"scheme": column.key, "value": value}
                paths[f"identifiers[{len(lists.get('identifiers', []))}]"] = name
                lists.setdefault("identifiers", []).append(ident)
    for (base, position), values in sorted(agents.items()):
        prefix = agent_cols[(base, position)]
        if base == "creator":
            paths[f"creators[{len(lists.get('creators', []))}]"] = f"{prefix}.*"
            lists.setdefault("creators", []).append(_agent(values, prefix))
        else:
            role = values.pop("role", "contributor").lower().replace(" ", "_")
            paths[f"contributors[{len(lists.get('contributors', []))}]"] = f"{prefix}.*"
            lists.setdefault("contributors", []).append({"role": role, "agent": _agent(values, prefix)})
    for position, given in sorted(relations.items()):
        if "identifier" not in given:
            raise _CellError(
                f"relation.{position}.identifier",
                "a relation without the identifier of the related resource",
                "fill the cell with its DOI, Handle, ARK, URN or URL, or empty the relation's other cells",
            )
        index = len(lists.get("relations", []))
        paths[f"relations[{index}]"] = f"relation.{position}.*"
        for part in ("type", "identifier"):
            paths[f"relations[{index}].{part}"] = f"relation.{position}.{part}"
        kind = given.get("type", "related").lower().replace(" ", "_").replace("-", "_")
        lists.setdefault("relations", []).append({"type": kind, "identifier": given["identifier"]})
    for base, parts in concepts.items():
        _concepts(data, paths, base, parts)
    for key, items in lists.items():
        data[key] = items
    return data, paths


def _simple(data: dict[str, Any], paths: dict[str, str], column: _Column, cell: str) -> None:
    name = column.name
    if name == "creators_et_al":
        lowered = cell.lower()
        if lowered not in _TRUE | _FALSE:
            raise _CellError(name, f"{cell!r} is not true or false", "write true or false")
        data[name] = lowered in _TRUE
    elif name == "language":
        tags = []
        for value in _split(cell):
            tag, why = dc.language_tag(value)
            if tag is None:
                raise _CellError(
                    name,
                    why or f"{value!r} is not a language",
                    "write a code such as fr or a name such as French",
                )
            tags.append(tag)
        data["languages"] = tags
        paths["languages"] = name
        return
    elif name in ("organization", "publisher"):
        data.setdefault(name, {"type": "organization"})["name"] = cell
    elif name in ("organization.id", "publisher.id"):
        data.setdefault(name.split(".")[0], {"type": "organization"})["identifiers"] = _split(cell)
    elif name == "publisher.type":
        data.setdefault("publisher", {})["type"] = (
            "organization" if cell.lower().startswith("organi") else cell.lower()
        )
    elif name == "license":
        found = dc.rights(cell)
        licence = data.setdefault("license", {})
        if found.iri:
            licence["iri"] = found.iri
        if found.label and "label" not in licence:
            licence["label"] = found.label
    elif name == "license.label":
        data.setdefault("license", {})["label"] = cell
    elif name == "access_rights":
        data[name] = dc.access_rights(cell) or cell  # a value the model does not know: its error
    elif name.startswith("collection."):
        data.setdefault("collection", {})[name.split(".")[1]] = cell
    else:
        data[name] = cell
    paths[name.split(".")[0] if "." in name else name] = name
    paths[name] = name


def _concepts(data: dict[str, Any], paths: dict[str, str], base: str, parts: dict[str, list[Any]]) -> None:
    key = {"subject": "subjects", "discipline": "disciplines", "scope": "scope"}[base]
    iris = parts.get("iri", [])
    notations = parts.get("notation", [])
    labels_by_lang: dict[str | None, list[tuple[str, str]]] = {}
    for lang, value, column in parts.get("labels", []):
        labels_by_lang.setdefault(lang, []).append((value, column))
    count = max([len(iris), len(notations), *(len(v) for v in labels_by_lang.values())])
    concepts = []
    for i in range(count):
        concept: dict[str, Any] = {}
        columns = []
        if i < len(iris):
            concept["iri"] = iris[i][1]
            columns.append(iris[i][2])
        if i < len(notations):
            concept["notation"] = notations[i][1]
            columns.append(notations[i][2])
        labels = []
        for lang, values in labels_by_lang.items():
            if i < len(values):
                labels.append({"value": values[i][0], **({"lang": lang} if lang else {})})
                columns.append(values[i][1])
        if labels:
            concept["labels"] = labels
        path = key if key == "scope" else f"{key}[{i}]"
        paths[path] = " / ".join(dict.fromkeys(columns))
        concepts.append(concept)
    if key == "scope":
        data["scope"] = concepts[0]
    else:
        data[key] = concepts


def _column_of(field_path: str, paths: dict[str, str]) -> str | None:
    best = None
    for path, column in paths.items():
        matches = field_path == path or field_path.startswith((f"{path}.", f"{path}["))
        if matches and (best is None or len(path) > len(best[0])):
            best = (path, column)
    return best[1] if best else None


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_csv(stream: IO[bytes], name: str, options: ReaderOptions | None = None) -> Iterator[Outcome]:
    """Read notices from CSV bytes (see the module docstring for the columns).

    A malformed row (a quote not closed, a cell or row over the size limit, a byte that is not
    UTF-8) is an error for that row; reading goes on with the next line.
    """
    limit = options.max_record_bytes if options is not None else 8 * 1024 * 1024
    if csv.field_size_limit() < limit:
        # process-wide in the csv module; only ever raised, to the largest record allowed
        csv.field_size_limit(limit)
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    wide = text.wide_encoding(head)
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    source = _Lines(stream, limit)
    try:
        first = next(source)
    except (StopIteration, _LongLine):
        first = ""
    if not first.strip():
        yield RecordError(
            record=name,
            problem="the file is empty (no header row)" if not first else "the header row is too long",
            fix="put the column names on the first row",
        )
        return
    source.push(first)
    rows = csv.reader(source, delimiter=_delimiter(first), strict=True)
    try:
        header = next(rows)
    except csv.Error as exc:
        yield RecordError(record=f"{name} row 1", problem=f"the header is malformed ({exc})", fix=_FIX_QUOTES)
        return
    columns = _header(header, f"{name} row 1")
    if isinstance(columns, RecordError):
        yield columns
        return
    number = 1
    while True:
        number += 1
        start = source.number + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except _LongLine as long:
            yield text.long_record_error(f"{name} row {number} (line {long.number})", long.size, limit)
            continue
        except csv.Error as exc:
            yield _malformed(name, number, start, source.number, str(exc), limit)
            continue
        if not any(cell.strip() for cell in row):
            continue
        size = sum(len(cell) for cell in row)
        if size > limit:
            yield text.long_record_error(f"{name} row {number}", size, limit)
            continue
        yield _row(columns, row, number, name)


_FIX_QUOTES: Final = "check the quotes: a cell that contains the separator or a line break is quoted"


def _malformed(name: str, number: int, start: int, end: int, message: str, limit: int) -> RecordError:
    where = f"{name} row {number}" + (f" (line {start})" if start != number else "")
    if "field larger than field limit" in message:
        return text.long_record_error(where, limit + 1, limit)
    if "unexpected end of data" in message:
        return RecordError(
            record=where,
            problem=f"a quote opened on line {start} is never closed: "
            f"lines {start}-{end} were read as one cell",
            fix=_FIX_QUOTES,
        )
    return RecordError(record=where, problem=f"the CSV is malformed ({message})", fix=_FIX_QUOTES)


class _LongLine(Exception):
    def __init__(self, number: int, size: int) -> None:
        super().__init__(f"line {number} is {size} bytes")
        self.number, self.size = number, size


class _Lines:
    """The lines of a binary stream as text, for :func:`csv.reader` (line breaks kept).

    A class, not a generator: raising :class:`_LongLine` from ``__next__`` leaves it usable, so
    the reader goes on after a line over the limit. The stream is never closed here.
    """

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._pushed: str | None = None
        self.number = 0

    def push(self, line: str) -> None:
        self._pushed = line

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pushed is not None:
            line, self._pushed = self._pushed, None
            return line
        raw = text.read_line(self._stream, self._limit, first=self.number == 0)
        if raw is None:
            raise StopIteration
        self.number += 1
        if isinstance(raw, text.LongLine):
            raise _LongLine(self.number, raw.size)
        return text.decode(raw)


def _row(columns: list[_Column], row: list[str], number: int, name: str) -> Outcome:
    where = f"{name} row {number}"
    ident = row[next(c.index for c in columns if c.name == "id") - 1].strip() if row else ""
    record = f"{ident} ({where})" if ident else where
    if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
        return RecordError(
            record=record,
            field=f"column {len(columns) + 1}",
            problem="the row has more cells than the header has columns",
            fix="add a column name for the extra cells, or delete them",
        )
    for col in columns:
        cell = row[col.index - 1] if col.index - 1 < len(row) else ""
        bad = text.undecodable_byte(cell)
        if bad is not None:
            return RecordError(
                record=text.escaped(record),
                field=f"column {col.name!r}",
                problem=text.not_utf8_problem(bad[1]),
                fix=text.not_utf8_fix(name),
            )
    try:
        data, paths = _row_dict(columns, row)
    except _CellError as err:
        return RecordError(record=record, field=f"column {err.column!r}", problem=err.problem, fix=err.fix)
    try:
        return Notice.from_dict(data, record=record)
    except RecordError as err:
        column = _column_of(err.field, paths)
        clone = err.with_context(record=record)
        if column is not None:
            clone.field = f"{err.field} (column {column!r})" if err.field else f"column {column!r}"
        return clone
