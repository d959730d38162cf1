"""The pipeline: one loop for every command, and partitioned runs that merge to the whole run."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline, RunReport, Source, Validation, partition
from notice_ld.pipeline.duplicates import Claimed, Claims, reruns
from notice_ld.pipeline.parallel import first_sources
from notice_ld.writers import codec

from .conftest import EXAMPLES

BAD_LINES = [
    b'{"id": "10670/1.bad001", "titles": []}',
    b'{"id": "10670/1.bad002", "titles": [{"value": "caf\xe9"}]}',
    b"{not json",
    b"",
    b'{"id": "10670/1.bad003", "titles": [{"value": "T"}], "issued": "2019-13"}',
]


def _whole(pipeline: Pipeline, inputs: list[Source | str], fmt: Format) -> tuple[bytes, dict[str, object]]:
    out = io.BytesIO()
    report = pipeline.convert(inputs, {fmt: out}, lang="fr")
    return out.getvalue(), report.as_dict()


def _parted(
    pipeline: Pipeline, inputs: list[Source | str], fmt: Format, parts: int
) -> tuple[bytes, dict[str, object]]:
    cut = partition(inputs, parts=parts, min_bytes=1)
    firsts = first_sources(cut)

    def run(index: int, excluded: dict[int, str]) -> tuple[bytes, RunReport, Claimed]:
        # the duplicates protocol: each part says where it is and which ids earlier parts hold
        claims = Claims(first_source=firsts[index], excluded=excluded)
        buffer = io.BytesIO()
        report = pipeline.convert(cut[index], {fmt: buffer}, lang="fr", part=True, claims=claims)
        return buffer.getvalue(), report, claims.claimed()

    results = [run(index, {}) for index in range(len(cut))]
    for index, excluded in reruns([claimed for _, _, claimed in results]).items():
        results[index] = run(index, excluded)
    outputs = [io.BytesIO(data) for data, _, _ in results]
    reports = [report for _, report, _ in results]
    merged = io.BytesIO()
    codec(fmt, "fr").merge(outputs, merged)
    return merged.getvalue(), RunReport.merge(reports).as_dict()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples with bad records between them: every kind of outcome, in one JSON Lines file."""
    lines = EXAMPLES.read_bytes().splitlines()
    mixed: list[bytes] = []
    for i, line in enumerate(lines):
        mixed.append(line)
        mixed.append(BAD_LINES[i % len(BAD_LINES)])
    path = tmp_path_factory.mktemp("pipeline") / "mixed.jsonl"
    path.write_bytes(b"\n".join(mixed) + b"\n")
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.integers(1, 12), fmt=st.sampled_from(list(Format)), keep=st.booleans())
def test_parts_merge_to_the_bytes_and_report_of_the_whole_run(
    corpus: Path, parts: int, fmt: Format, keep: bool
) -> None:
    pipeline = Pipeline(validation=Validation(keep_invalid=keep))
    whole = _whole(pipeline, [str(corpus)], fmt)
    assert _parted(pipeline, [str(corpus)], fmt, parts) == whole
    examples = len(EXAMPLES.read_bytes().splitlines())
    assert whole[1]["rejected"] == sum(1 for i in range(examples) if BAD_LINES[i % len(BAD_LINES)])


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_random_cut_points_keep_record_names(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    lines = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(BAD_LINES),
                st.integers(0, 999).map(
                    lambda i: json.dumps({"id": f"10670/1.x{i:05d}", "titles": [{"value": f"T{i}"}]}).encode()
                ),
            ),
            max_size=30,
        )
    )
    path = tmp_path_factory.mktemp("cuts") / "cut.jsonl"
    path.write_bytes(b"\n".join(lines) + (b"\n" if data.draw(st.booleans()) else b""))
    pipeline = Pipeline(validation=None)
    parts = data.draw(st.integers(1, 8))
    assert _parted(pipeline, [str(path)], Format.N_QUADS, parts) == _whole(
        pipeline, [str(path)], Format.N_QUADS
    )


def test_several_files_and_formats_in_one_run(corpus: Path, tmp_path: Path) -> None:
    csv = tmp_path / "more.csv"
    csv.write_text("id,type,title@fr,issued\n10670/1.csv001,article,Un titre,2019\n", encoding="utf-8")
    pipeline = Pipeline()
    outputs = {Format.TURTLE: io.BytesIO(), Format.BIBTEX: io.BytesIO()}
    report = pipeline.convert([str(corpus), str(csv)], outputs)
    assert report.converted > 1 and b"10670/1.csv001" in outputs[Format.TURTLE].getvalue()
    assert outputs[Format.BIBTEX].getvalue().count(b"\n@") + 1 == report.converted
    for fmt in (Format.TURTLE, Format.BIBTEX):
        assert _parted(pipeline, [str(corpus), str(csv)], fmt, 4) == _whole(
            pipeline, [str(corpus), str(csv)], fmt
        )


def test_records_and_rejections_name_record_field_and_fix() -> None:
    report = Pipeline().convert_records(
        [{"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}, {"id": "10670/1.bad", "issued": "2019-13"}],
        {Format.N_TRIPLES: io.BytesIO()},
    )
    assert report.converted == 1
    (error,) = report.errors
    assert "record 2" in str(error.record) and error.fix


def test_a_slice_is_only_for_json_lines() -> None:
    from notice_ld.errors import ConfigError

    with pytest.raises(ConfigError):
        Source("in.csv", start=10, end=20)
