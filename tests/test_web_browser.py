"""Headless Chromium loads pages served by ``notice-ld serve``: the JSON-LD as the browser sees it,
a screenshot of the seed notice's page, and hostile-field pages where no script may run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.web.paths import notice_path
from notice_ld.writers.schema_jsonld import schema_object
from tests.conftest import EXAMPLES
from tests.test_web_pages import PAYLOADS, hostile_record
from tests.webtools import Chromium, ServeProcess, chromium_binary, png_distinct_colours, png_size

JSONLD = "document.querySelector('script[type=\"application/ld+json\"]').textContent"


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium_binary()  # skip (or fail in CI) before starting anything
    chrome = Chromium()
    try:
        yield chrome
    finally:
        chrome.close()


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, payload in enumerate(PAYLOADS):
            fh.write(json.dumps(hostile_record(payload, f"10670/1.h{i:05d}"), ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def server(hostile_file: Path) -> Iterator[str]:
    # no Content-Security-Policy: the page itself must keep hostile text inert, not the header
    process = ServeProcess("--input", str(EXAMPLES), str(hostile_file), "--no-csp")
    try:
        yield process.url
    finally:
        process.stop()


def test_the_browser_reads_the_jsonld_of_every_example(
    browser: Chromium, server: str, example_notices: list[Notice]
) -> None:
    for notice in example_notices:
        browser.load(f"{server}/{notice_path(notice.id)}")
        seen = json.loads(browser.evaluate(JSONLD))
        assert seen == schema_object(map_notice(notice), "fr"), notice.id
        assert browser.evaluate("document.querySelectorAll('script').length") == 1


def test_screenshot_of_the_seed_page(browser: Chromium, server: str, seed: Notice, tmp_path: Path) -> None:
    browser.load(f"{server}/{notice_path(seed.id)}")
    assert browser.evaluate("document.title") == seed.titles[0].value
    assert browser.evaluate("document.querySelector('h1').getBoundingClientRect().height") > 20
    png = browser.screenshot()
    (tmp_path / "seed.png").write_bytes(png)
    width, height = png_size(png)
    viewport = browser.evaluate("[window.innerWidth, window.innerHeight]")
    assert (width, height) == tuple(viewport) and width >= 800 and height >= 600
    assert len(png) > 20_000  # text compresses far less than a blank page (a few hundred bytes)
    assert png_distinct_colours(png) > 8  # text, links, grey labels: not one flat colour


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_no_hostile_script_runs(browser: Chromium, server: str, index: int) -> None:
    notice = Notice.from_dict(hostile_record(PAYLOADS[index], f"10670/1.h{index:05d}"))
    browser.load(f"{server}/{notice_path(notice.id)}")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.title") == notice.titles[0].value
    assert browser.evaluate("document.querySelectorAll('script').length") == 1
    assert browser.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    seen = json.loads(browser.evaluate(JSONLD))
    assert seen == schema_object(map_notice(notice), "fr")
    assert (
        browser.evaluate("document.querySelector('meta[name=citation_title]').content")
        == notice.titles[0].value
    )
