"""Sites built by worker processes are the sites one process builds; paths fit any file system."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.errors import ConfigError
from notice_ld.identifiers import parse
from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.web.app import MemorySource, NoticeApp, call
from notice_ld.web.paths import MAX_PATH, identifier_from_path, notice_path
from notice_ld.web.site import build_site
from tests.conftest import EXAMPLES, ROOT
from tests.test_web_site import tree_digest

BAD = ROOT / "examples" / "bad_notices.jsonl"
LONG = "https://example.org/records?" + "&".join(f"field{i}=valeur%C3%A9{i}" for i in range(12))
TOO_LONG = "https://example.org/records?" + "&".join(f"field{i}=valeur%C3%A9{i}" for i in range(200))


def _outcomes() -> list[object]:
    extra = [
        Notice.from_dict({"id": "hdl:10670/1.jt89mr", "titles": [{"value": "Doublon"}]}),  # the seed again
        Notice.from_dict({"id": LONG, "titles": [{"value": "Une longue adresse"}]}),
        Notice.from_dict({"id": TOO_LONG, "titles": [{"value": "Trop longue"}]}),
    ]
    return [*read_path(str(BAD)), *read_path(str(EXAMPLES)), *extra]


@pytest.mark.parametrize("related", [True, False])
def test_two_jobs_write_the_same_site_and_report(tmp_path: Path, related: bool) -> None:
    outcomes = _outcomes()
    reports = {}
    for jobs in (1, 2):
        errors: list[str] = []
        reports[jobs] = build_site(
            lambda: outcomes,
            tmp_path / f"site-{jobs}",
            related=related,
            jobs=jobs,
            on_error=lambda e, seen=errors: seen.append(e.record),  # type: ignore[misc]
        )
        assert errors == [e.record for e in reports[jobs].errors]
    one, two = reports[1], reports[2]
    assert (one.pages, one.files, one.triples, one.distinct_triples) == (
        two.pages,
        two.files,
        two.triples,
        two.distinct_triples,
    )
    assert [(e.record, e.field, e.problem) for e in one.errors] == [
        (e.record, e.field, e.problem) for e in two.errors
    ]
    assert tree_digest(tmp_path / "site-1") == tree_digest(tmp_path / "site-2")
    problems = [e.problem for e in one.errors]
    assert sum("already has this identifier" in p for p in problems) == 1
    assert sum("too long to name a file" in p for p in problems) == 1
    assert one.pages == 26 + 2 + 1  # the examples, the good records of bad_notices, the long URL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site-1", "site-2"]  # no scratch left


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="jobs"):
        build_site(lambda: [], tmp_path / "site", jobs=0)


def test_a_long_identifier_gets_short_file_names_and_is_served(tmp_path: Path) -> None:
    notice = Notice.from_dict({"id": LONG, "titles": [{"value": "Une longue adresse"}]})
    build_site(lambda: [notice], tmp_path / "site", related=False)
    files = [p for p in (tmp_path / "site/notice").rglob("*") if p.is_file()]
    assert files and all(len(p.name.encode()) <= 255 for p in files)
    assert (tmp_path / "site" / (notice_path(notice.id) + ".html")).is_file()
    status, _, body = call(NoticeApp(MemorySource([notice])), "/" + notice_path(notice.id))
    assert status == "200 OK" and "Une longue adresse" in body.decode()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=900))
def test_paths_are_reversible_and_fit_file_names(tail: str) -> None:
    from urllib.parse import quote

    identifier = parse("https://example.org/" + quote(tail, safe="/?=&"))
    path = notice_path(identifier)
    assert path.startswith("notice/url/")
    assert all(len(s.encode()) + len(".schema.jsonld") <= 255 for s in path.split("/"))
    assert all(s not in ("", ".", "..") for s in path.split("/"))
    assert identifier_from_path(path.removeprefix("notice/")) == identifier
    assert len(path.encode()) <= MAX_PATH or len(identifier.value) > 2000


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_per_stage(tmp_path: Path, jobs: int) -> None:
    notices = [o for o in read_path(str(EXAMPLES)) if isinstance(o, Notice)]
    seen: list[tuple[str, int]] = []
    build_site(lambda: notices, tmp_path / "site", jobs=jobs, on_progress=lambda s, n: seen.append((s, n)))
    assert seen[0] == ("index", len(notices)) and seen[-1] == ("pages", len(notices))
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)  # the index first, then the pages
