"""Shared fixtures: example notices, the seed notice, pyld's offline loader, golden files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from notice_ld.model import Notice

# Property tests explore the same examples on every run (CI must not be a lottery); a failure
# prints the blob that reproduces it.
settings.register_profile("notice_ld", derandomize=True, print_blob=True)
settings.load_profile("notice_ld")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "notices.jsonl"
GOLDEN = Path(__file__).with_name("golden")
VOCAB = ROOT / "vocab"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/* from the current output"
    )


@pytest.fixture(scope="session")
def example_notices() -> list[Notice]:
    with EXAMPLES.open(encoding="utf-8") as fh:
        return [Notice.from_dict(json.loads(line)) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def seed(example_notices: list[Notice]) -> Notice:
    return example_notices[0]


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves the bundled contexts and refuses everything else."""
    bundled = {
        "https://schema.org": VOCAB / "contexts" / "schema.org.jsonld",
        "https://schema.org/": VOCAB / "contexts" / "schema.org.jsonld",
        "http://schema.org": VOCAB / "contexts" / "schema.org.jsonld",
        "http://schema.org/": VOCAB / "contexts" / "schema.org.jsonld",
    }
    path = bundled.get(url)
    if path is None:
        raise RuntimeError(f"test tried to fetch {url!r}: no network in tests")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(path.read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def loader() -> Callable[..., dict[str, Any]]:
    return offline_loader


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    """Compare bytes with tests/golden/NAME (or rewrite it with --update-golden)."""

    def check(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden") or not path.exists():
            path.write_bytes(data)
            if not request.config.getoption("--update-golden"):
                pytest.fail(f"golden file {name} did not exist; written now — review and commit it")
        assert data == path.read_bytes(), (
            f"output differs from tests/golden/{name} (rerun with --update-golden after review)"
        )

    return check


def generated_records(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` notices of the benchmark generator (``benchmarks/generate.py``), loaded by path so
    that no other module named ``generate`` (``docs/generate.py``) can stand in for it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "notice_ld_benchmark_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.generate(n, seed))
