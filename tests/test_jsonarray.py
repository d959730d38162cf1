"""Top-level JSON arrays read item by item in bounded memory (readers/jsonarray.py)."""

from __future__ import annotations

import io
import itertools
import json
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.readers.jsonarray import Broken, Item, Unreadable, Why, array_items

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=st.sampled_from('ab"\\[]{}é\n,:')),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(items=st.lists(JSON_VALUES, max_size=8), chunk=st.integers(1, 64), indent=st.sampled_from([None, 1]))
def test_every_item_comes_out_as_json_reads_it_whatever_the_chunk_size(
    items: list[object], chunk: int, indent: int | None
) -> None:
    data = json.dumps(items, indent=indent, ensure_ascii=False).encode()
    out = list(array_items(io.BytesIO(data), limit=1 << 20, chunk=chunk))
    assert all(isinstance(x, Item) for x in out), out
    assert [x.value for x in out if isinstance(x, Item)] == items


@settings(max_examples=60, deadline=None)
@given(items=st.lists(JSON_VALUES, min_size=1, max_size=6), chunk=st.integers(1, 64), data=st.data())
def test_an_item_over_the_limit_costs_itself_only(
    items: list[object], chunk: int, data: st.DataObject
) -> None:
    big = data.draw(st.integers(0, len(items) - 1))
    items[big] = {"s": 'x"\\]}[{' * 40, "l": list(range(30))}
    text = json.dumps(items)
    limit = len(json.dumps(items[big])) - 1
    out = list(array_items(io.BytesIO(text.encode()), limit=limit, chunk=chunk))
    assert [x.index for x in out] == list(range(len(items)))
    assert isinstance(out[big], Unreadable) and out[big].why is Why.TOO_LONG
    kept = [x.value for x in out if isinstance(x, Item)]
    assert kept == [v for i, v in enumerate(items) if i != big and len(json.dumps(v)) <= limit]


@settings(max_examples=60, deadline=None)
@given(items=st.lists(JSON_VALUES, min_size=1, max_size=6), chunk=st.integers(1, 64), data=st.data())
def test_a_file_cut_short_gives_the_items_before_the_cut_then_one_error(
    items: list[object], chunk: int, data: st.DataObject
) -> None:
    text = json.dumps(items).encode()
    cut = data.draw(st.integers(1, len(text) - 1))
    out = list(array_items(io.BytesIO(text[:cut]), limit=1 << 20, chunk=chunk))
    assert isinstance(out[-1], Broken)
    good = [x.value for x in out if isinstance(x, Item)]
    assert good == items[: len(good)]


def test_huge_numbers_deep_nesting_and_bad_bytes_cost_their_item() -> None:
    data = (
        b'[{"a": 1}, {"n": '
        + b"9" * 5000
        + b"}, "
        + b"[" * 100_000
        + b"]" * 100_000
        + b', {"t": "caf\xe9"}, 2]'
    )
    out = list(array_items(io.BytesIO(data), limit=1 << 20, chunk=4096))
    assert [type(x).__name__ for x in out] == ["Item", "Unreadable", "Unreadable", "Item", "Item"]
    assert out[1].why is Why.HUGE_NUMBER and out[2].why is Why.TOO_DEEP
    assert isinstance(out[3], Item) and out[3].undecodable and not out[4].undecodable


def test_syntax_errors_name_line_and_column() -> None:
    out = list(array_items(io.BytesIO(b'[\n  {"a": 1},\n  {"a": }\n]'), limit=1 << 20, chunk=3))
    assert isinstance(out[-1], Broken) and (out[-1].line, out[-1].column, out[-1].index) == (3, 9, 1)
    assert isinstance(list(array_items(io.BytesIO(b"[1] x"), limit=99))[-1], Broken)
    assert isinstance(next(iter(array_items(io.BytesIO(b'{"a": 1}'), limit=99))), Broken)


def test_memory_follows_the_largest_item_not_the_file() -> None:
    record = json.dumps({"id": "10670/1.x", "titles": [{"value": "T" * 500}]})

    class Many(io.RawIOBase):
        """An array of 30,000 records (about 16 MB) made on the fly."""

        def __init__(self) -> None:
            body = ((record + ",").encode() for _ in range(29_999))
            self.parts = itertools.chain([b"["], body, [record.encode(), b"]"])
            self.pending = b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            while len(self.pending) < len(buffer):
                part = next(self.parts, None)
                if part is None:
                    break
                self.pending += part
            size = min(len(buffer), len(self.pending))
            buffer[:size], self.pending = self.pending[:size], self.pending[size:]
            return size

    tracemalloc.start()
    count = sum(
        1 for x in array_items(io.BufferedReader(Many()), limit=1 << 20, chunk=1 << 16) if isinstance(x, Item)
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 30_000
    assert peak < 2 * 2**20  # a few chunks, not the 16 MB file
