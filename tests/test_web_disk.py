"""What a site build keeps on disk instead of in memory: distinct counts, duplicate checks, related links."""

from __future__ import annotations

import threading
from array import array
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.related import RelatedBy
from notice_ld.web._disk import DistinctCounter, SeenIRIs
from notice_ld.web.related import InputRelated
from notice_ld.web.site import build_site


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 40), max_size=400),
    buffer=st.integers(1, 64),
    fan_in=st.integers(2, 5),
    chunk=st.integers(1, 9),
)
def test_distinct_counter_counts_like_a_set(values: list[int], buffer: int, fan_in: int, chunk: int) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    counter = DistinctCounter(folder / "d.bin", buffer=buffer, fan_in=fan_in)
    counter.chunk = chunk
    half = len(values) // 2
    counter.add_bytes(array("Q", values[:half]).tobytes())  # as the site gives them
    for value in values[half:]:
        counter.add(value)
    assert counter.count() == len(set(values))
    assert counter.runs <= fan_in
    for value in values[:5]:  # counting again after more values
        counter.add(value ^ 1)
    assert counter.count() == len(set(values) | {v ^ 1 for v in values[:5]})
    counter.close()
    assert list(folder.iterdir()) == []


def test_seen_iris_answers_once_and_cleans_up(tmp_path: Path) -> None:
    seen = SeenIRIs(tmp_path / "seen.sqlite")
    iris = [f"https://hdl.handle.net/10670/1.{i:06d}" for i in range(500)]
    assert all(seen.add(iri) for iri in iris)
    assert not any(seen.add(iri) for iri in reversed(iris))
    assert seen.add("https://hdl.handle.net/10670/1.000000 ")  # another string, another IRI
    seen.close()
    assert list(tmp_path.iterdir()) == []


def _notice(i: int, discipline: str, person: str) -> Notice:
    return Notice.from_dict(
        {
            "id": f"10670/1.{i:06d}",
            "titles": [{"value": f"Titre {i}", "lang": "fr"}],
            "creators": [{"family": person, "given": "A."}],
            "disciplines": [{"iri": f"https://example.org/d/{discipline}"}],
        }
    )


def test_related_index_refuses_duplicates_and_sees_late_additions(tmp_path: Path) -> None:
    index = InputRelated(path=tmp_path / "related.sqlite")
    first = [_notice(i, "histoire", "Jouet") for i in range(3)]
    assert [index.add(n) for n in first] == [True, True, True]
    assert not index.add(first[1])  # same document IRI
    assert len(index) == 3 and map_notice(first[0]).iri in index and "x" not in index
    graph = map_notice(first[0])
    assert [r.title for r in index.related(graph, "creators")] == ["Titre 1", "Titre 2"]
    assert index.add(_notice(9, "histoire", "Jouet"))  # after a query: the index is rebuilt
    assert [r.title for r in index.related(graph, "creators")] == ["Titre 1", "Titre 2", "Titre 9"]
    assert [r.path for r in index.related(graph, "disciplines", limit=1)] == ["notice/handle/10670/1.000001"]
    assert index.related(graph, "subjects") == []
    index.close()


def test_related_index_is_safe_to_share_between_threads() -> None:
    index = InputRelated()
    notices = [_notice(i, f"d{i % 7}", f"P{i % 11}") for i in range(300)]
    for notice in notices:
        index.add(notice)
    graphs = [map_notice(n) for n in notices]
    expected = [[index.related(g, by, 5) for by in RelatedBy] for g in graphs]
    answers: dict[int, list[list[object]]] = {}

    def work(k: int) -> None:
        # each thread walks the notices from its own start, so the per-page memo keeps changing hands
        order = list(range(k * 75, 300)) + list(range(k * 75))
        got = {i: [index.related(graphs[i], by, 5) for by in RelatedBy] for i in order}
        answers[k] = [got[i] for i in range(300)]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [0, 1, 2, 3]
    assert all(got == expected for got in answers.values())
    index.close()


def test_a_site_with_related_links_reports_duplicates_and_leaves_no_scratch(tmp_path: Path) -> None:
    first = _notice(1, "histoire", "Jouet")
    again = Notice.from_dict({"id": "hdl:10670/1.000001", "titles": [{"value": "Second"}]})
    other = _notice(2, "histoire", "Jouet")
    report = build_site(lambda: [first, again, other], tmp_path / "site")
    assert report.pages == 2 and report.rejected == 1
    assert "already has this identifier" in report.errors[0].problem
    page = (tmp_path / "site/notice/handle/10670/1.000001.html").read_text(encoding="utf-8")
    assert "Titre 1" in page and "Second" not in page and "Titre 2" in page  # related link to 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert not [p for p in (tmp_path / "site").rglob("*") if p.suffix in (".sqlite", ".bin", ".part")]


def test_related_links_do_not_depend_on_the_cache_budget() -> None:
    """Popular keys (intersected as sets) give the same links whatever the caches may hold."""
    concepts = [{"iri": f"https://example.org/c/{i}"} for i in range(5)]
    notices = [
        Notice.from_dict(
            {
                "id": f"10670/1.{i:06d}",
                "titles": [{"value": str(i)}],
                "disciplines": [concepts[j] for j in range(5) if (i >> j) & 1 or j == 0],
            }
        )
        for i in range(2500)
    ]
    roomy, tight = InputRelated(), InputRelated(cache_entries=64)
    roomy._LARGE = tight._LARGE = 500  # intersections, not counting
    for notice in notices:
        roomy.add(notice)
        tight.add(notice)
    for notice in notices[::97]:
        graph = map_notice(notice)
        assert roomy.related(graph, "disciplines", 12) == tight.related(graph, "disciplines", 12)
    assert tight._in_sets <= 64 // 4 or len(tight._sets) == 1
