"""The benchmark generator (benchmarks/generate.py): valid, deterministic, varied notices."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from stdnum import issn
from stdnum.iso7064 import mod_11_2

from notice_ld.model import Notice

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "generate.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_generate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load()
RECORDS = list(gen.generate(200, seed=0))


def test_records_load_as_notices() -> None:
    notices = [Notice.from_dict(record) for record in RECORDS]
    assert len({n.id.value for n in notices}) == 200
    assert all(n.id.value.startswith("10670/1.") for n in notices)


def test_variety() -> None:
    notices = [Notice.from_dict(record) for record in RECORDS]
    assert {len(n.creators) for n in notices} == set(range(1, 9))
    assert {n.date_precision for n in notices} == {"year", "month", "day"}
    assert any(n.creators_et_al for n in notices)
    assert any(i.scheme.value == "orcid" for n in notices for c in n.creators for i in c.identifiers)
    assert any(i.scheme.value == "doi" for n in notices for i in n.identifiers)
    assert any(n.container is not None and n.container.issn is not None for n in notices)
    assert {len(n.disciplines) for n in notices} == {1, 2, 3}
    assert any(n.license is not None and n.license.iri is not None for n in notices)
    assert any(n.license is not None and n.license.iri is None for n in notices)
    langs = Counter(a.lang for n in notices for a in n.abstracts)
    assert langs["fr"] == langs["en"] == 200
    for n in notices:
        for abstract in n.abstracts:
            assert 150 <= gen.word_count(abstract.value) <= 300
    text = "".join(t.value for n in notices for t in n.titles)
    assert any(c in text for c in "éèàçô") and "’" in text and "«" in text


def test_check_digits_match_python_stdnum() -> None:
    for number in range(0, 10**15, 10**15 // 997):
        base = f"{number:015d}"
        assert gen.orcid_check(base) == mod_11_2.calc_check_digit(base)
    for number in range(0, 10**7, 10**7 // 997):
        body = f"{number:07d}"
        assert gen.issn_check(body) == str(issn.calc_check_digit(body))


def test_handle_suffixes_are_unique() -> None:
    suffixes = [gen.handle_suffix(i) for i in range(50_000)]
    assert len(set(suffixes)) == len(suffixes)
    assert all(len(s) == 6 for s in suffixes)


def test_deterministic_and_prefix_stable() -> None:
    again = [gen.dumps(r) for r in gen.generate(200, seed=0)]
    assert again == [gen.dumps(r) for r in RECORDS]
    assert [gen.dumps(r) for r in gen.generate(50, seed=0)] == again[:50]
    assert [gen.dumps(r) for r in gen.generate(50, seed=1)] != again[:50]


@pytest.mark.parametrize("hash_seed", ["0", "12345"])
def test_same_bytes_across_processes_and_hash_seeds(tmp_path: Path, hash_seed: str) -> None:
    out = tmp_path / "n.jsonl"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, str(SCRIPT), "30", "-o", str(out), "--seed", "7"], check=True, env=env)
    expected = "".join(gen.dumps(r) + "\n" for r in gen.generate(30, seed=7))
    assert out.read_bytes() == expected.encode("utf-8")
