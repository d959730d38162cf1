"""Citation strings: the seed reproduced exactly, the ISIDORE and APA-like rules, the mapping hook, the CLI.

The expected strings are written out by hand from the rules in docs/citations.md; none is
produced by the code under test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from notice_ld import Format, Notice, cite, map_notice, serialize
from notice_ld.citation import Style, citation_language
from notice_ld.cli import main
from notice_ld.errors import ConfigError
from notice_ld.terms import Literal

from .conftest import EXAMPLES, ROOT
from .strategies import notices

NNBSP = "\u202f"
BIBLIOGRAPHIC_CITATION = "http://purl.org/dc/terms/bibliographicCitation"
SEED_TITLE = (
    "Produire des savoirs, construire de nouvelles identités et… partager le pouvoir"
    + NNBSP
    + ": quand les personnes accompagnées forment les professionnels"
)


def seed_dict() -> dict[str, Any]:
    with EXAMPLES.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.loads(fh.readline())
    return data


def notice(**fields: Any) -> Notice:
    data: dict[str, Any] = {"id": "10670/1.jt89mr", "titles": [{"value": "Titre"}]}
    data.update(fields)
    return Notice.from_dict(data)


def person(family: str, given: str | None = None) -> dict[str, str]:
    return {"family": family, "given": given} if given else {"family": family}


# ------------------------------------------------------------------------------------------- seed


def test_seed_citation_is_reproduced_exactly_from_its_data() -> None:
    data = seed_dict()
    own = data.pop("citation")
    generated = cite(Notice.from_dict(data))
    assert generated == own
    # character by character: what ISIDORE prints, spaces included
    assert generated.startswith("Emmanuelle Jouet et al., \u00ab\u0020Produire")
    assert f"professionnels\u0020\u00bb, Vie sociale, ID\u0020:\u0020{data['id']}" in generated
    assert f"pouvoir{NNBSP}: quand" in generated  # the title's own narrow no-break space is kept
    assert "\u00a0" not in generated


def test_seed_in_every_style_and_language(seed: Notice) -> None:
    assert (
        cite(seed, lang="en") == f"Emmanuelle Jouet et al., “{SEED_TITLE}”, Vie sociale, ID: 10670/1.jt89mr"
    )
    assert cite(seed, style="apa", lang="en") == (
        f"Jouet, E., et al. (2019). {SEED_TITLE}. Vie sociale. https://hdl.handle.net/10670/1.jt89mr"
    )
    assert cite(seed, style=Style.APA, lang="fr") == (
        f"Jouet, E. et al. (2019). {SEED_TITLE}. Vie sociale. https://hdl.handle.net/10670/1.jt89mr"
    )


# ----------------------------------------------------------------------------------- ISIDORE rules

A, B, C, D = (
    person("Aubry", "Anne"),
    person("Bard", "Bruno"),
    person("Colin", "Claire"),
    person("Dias", "Dan"),
)


@pytest.mark.parametrize(
    ("creators", "et_al", "fr", "en"),
    [
        ([A], False, "Anne Aubry", "Anne Aubry"),
        ([A, B], False, "Anne Aubry et Bruno Bard", "Anne Aubry and Bruno Bard"),
        (
            [A, B, C],
            False,
            "Anne Aubry, Bruno Bard et Claire Colin",
            "Anne Aubry, Bruno Bard and Claire Colin",
        ),
        ([A, B, C, D], False, "Anne Aubry et al.", "Anne Aubry et al."),
        ([A], True, "Anne Aubry et al.", "Anne Aubry et al."),
        ([A, B], True, "Anne Aubry et al.", "Anne Aubry et al."),
    ],
)
def test_isidore_names_and_et_al(creators: list[dict[str, str]], et_al: bool, fr: str, en: str) -> None:
    n = notice(creators=creators, creators_et_al=et_al, source="Revue")
    assert cite(n, lang="fr") == f"{fr}, « Titre », Revue, ID : 10670/1.jt89mr"
    assert cite(n, lang="en") == f"{en}, “Titre”, Revue, ID: 10670/1.jt89mr"


def test_isidore_missing_parts_leave_no_empty_punctuation() -> None:
    assert cite(notice()) == "« Titre », ID : 10670/1.jt89mr"
    assert cite(notice(), lang="en") == "“Titre”, ID: 10670/1.jt89mr"
    # the journal title stands in for a missing source
    assert cite(notice(container={"title": "Vie sociale"})) == "« Titre », Vie sociale, ID : 10670/1.jt89mr"


def test_isidore_names_and_scripts_are_kept() -> None:
    n = notice(
        id="10.5555/css.2021.0214",
        titles=[{"value": "城市更新中的社区参与", "lang": "zh"}],
        creators=[
            person("王", "晓明"),
            {"type": "organization", "name": "Œuvres & Cie"},
            person("Παπαδοπούλου", "Ελένη"),
        ],
    )
    assert (
        cite(n)
        == "王晓明, Œuvres & Cie et Ελένη Παπαδοπούλου, « 城市更新中的社区参与 », ID : 10.5555/css.2021.0214"
    )


# --------------------------------------------------------------------------------------- APA rules


def test_apa_journal_article_with_doi() -> None:
    n = notice(
        id="halshs-04187263",
        type="article",
        issued="2022-03-15",
        creators=[person("Dumoulin", "Claire"), person("Le Goff", "Yannick")],
        container={"title": "Espaces et sociétés", "volume": "41", "issue": "2", "pages": "87-112"},
        identifiers=["10.3917/esu.412.0087"],
        landing_page="https://shs.hal.science/halshs-04187263",
    )
    tail = "(2022). Titre. Espaces et sociétés, 41(2), 87–112. https://doi.org/10.3917/esu.412.0087"
    assert cite(n, style="apa", lang="en") == f"Dumoulin, C., & Le Goff, Y. {tail}"
    assert cite(n, style="apa", lang="fr") == f"Dumoulin, C. et Le Goff, Y. {tail}"


def test_apa_initials_and_name_orders() -> None:
    n = notice(
        creators=[
            person("Delmas", "Jean-Pierre"),
            person("Fernández Ruiz", "María José"),
            person("Tolkien", "J.R.R."),
            person("Haddad", "نور"),
            person("王", "晓明"),
            {"name": "Platon"},
            {"type": "organization", "name": "Collectif Santé-Précarité"},
        ],
        issued="1987",
    )
    assert cite(n, style="apa", lang="en") == (
        "Delmas, J.-P., Fernández Ruiz, M. J., Tolkien, J. R. R., Haddad, نور, 王晓明, Platon, "
        "& Collectif Santé-Précarité. (1987). Titre. https://hdl.handle.net/10670/1.jt89mr"
    )


def test_apa_more_than_twenty_authors() -> None:
    creators = [person(f"Auteur{i:02d}", "Jean") for i in range(1, 23)]
    text = cite(notice(creators=creators), style="apa", lang="en")
    assert text.startswith("Auteur01, J., Auteur02, J.,")
    assert "Auteur19, J., . . . Auteur22, J. (n.d.). Titre." in text
    assert "Auteur20" not in text and "Auteur21" not in text


def test_apa_without_author_date_or_link() -> None:
    n = notice(id="978-2-87678-412-3", type="book")
    assert cite(n, style="apa", lang="en") == "Titre. (n.d.)."
    assert cite(n, style="apa", lang="fr") == "Titre. (s. d.)."


def test_apa_edited_book_series_translator() -> None:
    n = notice(
        id="10.4000/books.puv.4821",
        type="book",
        issued="2019-10-17",
        titles=[{"value": "Les archives de la parole ?"}],
        contributors=[
            {"role": "editor", "agent": person("Perrin", "Agnès")},
            {"role": "editor", "agent": person("Cœurdevey", "Luc")},
            {"role": "translator", "agent": person("Lefèvre", "Denise")},
        ],
        container={"type": "series", "title": "Patrimoines et sociétés", "volume": "9"},
        publisher={"type": "organization", "name": "Presses universitaires de Valbonne"},
    )
    assert cite(n, style="apa", lang="en") == (
        "Perrin, A., & Cœurdevey, L. (Eds.). (2019). Les archives de la parole ? (D. Lefèvre, Trans.; "
        "Patrimoines et sociétés, Vol. 9). Presses universitaires de Valbonne. https://doi.org/10.4000/books.puv.4821"
    )
    assert cite(n, style="apa", lang="fr") == (
        "Perrin, A. et Cœurdevey, L. (dir.). (2019). Les archives de la parole ? (trad. D. Lefèvre; "
        "Patrimoines et sociétés, vol. 9). Presses universitaires de Valbonne. https://doi.org/10.4000/books.puv.4821"
    )


def test_apa_chapter_question_mark_title_gets_no_extra_period() -> None:
    n = notice(
        id="10.5555/mmpe.2004.ch3",
        type="chapter",
        issued="2004",
        titles=[{"value": "Returning home?"}],
        creators=[person("Morelli", "Giulia")],
        contributors=[{"role": "editor", "agent": person("Halloran", "Brendan")}],
        container={"type": "book", "title": "Migration and Memory", "pages": "45"},
    )
    assert cite(n, style="apa", lang="en") == (
        "Morelli, G. (2004). Returning home? In B. Halloran (Ed.), Migration and Memory (p. 45). "
        "https://doi.org/10.5555/mmpe.2004.ch3"
    )


@pytest.mark.parametrize(
    ("kind", "en", "fr"),
    [
        ("thesis", "Titre [Thesis, Université Lyon 2].", "Titre [Thèse, Université Lyon 2]."),
        ("dataset", "Titre [Data set]. Université Lyon 2.", "Titre [Jeu de données]. Université Lyon 2."),
        (
            "working_paper",
            "Titre [Working paper]. Université Lyon 2.",
            "Titre [Document de travail]. Université Lyon 2.",
        ),
        ("report", "Titre. Université Lyon 2.", "Titre. Université Lyon 2."),
    ],
)
def test_apa_descriptions_by_type(kind: str, en: str, fr: str) -> None:
    n = notice(
        type=kind,
        issued="2021-12-06",
        creators=[person("Garnier", "Baptiste")],
        publisher={"type": "organization", "name": "Université Lyon 2"},
        landing_page="https://example.org/d/1",
    )
    assert cite(n, style="apa", lang="en") == f"Garnier, B. (2021). {en} https://example.org/d/1"
    assert cite(n, style="apa", lang="fr") == f"Garnier, B. (2021). {fr} https://example.org/d/1"


def test_apa_leaves_out_a_publisher_who_is_the_author() -> None:
    org = {"type": "organization", "name": "Observatoire de la vie étudiante"}
    n = notice(
        type="report",
        creators=[org],
        publisher=org,
        container={"type": "series", "title": "OVE Infos", "issue": "47"},
    )
    assert cite(n, style="apa", lang="fr") == (
        "Observatoire de la vie étudiante. (s. d.). Titre (OVE Infos, n° 47). https://hdl.handle.net/10670/1.jt89mr"
    )


# ---------------------------------------------------------------------------------- API contracts


def test_unknown_style_or_language_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="unknown citation style 'mla'; use one of: isidore, apa"):
        cite(notice(), style="mla")
    with pytest.raises(ConfigError, match="French or English, not 'de'"):
        cite(notice(), lang="de")
    assert citation_language("EN-gb") == "en"
    assert Style.from_name(" Isidore ") is Style.ISIDORE


# ---------------------------------------------------------------------------------- the mapping


def test_generated_citation_is_the_bibliographic_citation_without_an_own_one() -> None:
    n = notice(creators=[A], source="Revue")
    objects = [o for _, p, o in map_notice(n).triples if p == BIBLIOGRAPHIC_CITATION]
    assert objects == [Literal("Anne Aubry, « Titre », Revue, ID : 10670/1.jt89mr")]
    own = notice(creators=[A], source="Revue", citation="Aubry (A.), Titre, Revue.")
    objects = [o for _, p, o in map_notice(own).triples if p == BIBLIOGRAPHIC_CITATION]
    assert objects == [Literal("Aubry (A.), Titre, Revue.")]
    nt = serialize([n], Format.N_TRIPLES)
    assert nt is not None
    assert (
        '<http://purl.org/dc/terms/bibliographicCitation> "Anne Aubry, « Titre », Revue, ID : ' in nt.decode()
    )


def test_every_example_notice_carries_a_citation(example_notices: list[Notice]) -> None:
    for n in example_notices:
        (value,) = [o.value for _, p, o in map_notice(n).triples if p == BIBLIOGRAPHIC_CITATION]
        assert value == (n.citation if n.citation is not None else cite(n))


# ---------------------------------------------------------------------------------- properties

_EMPTY_MARKS = (", ,", ",,", "« »", "«  »", "“”", "()", "[]", ". .", "..", " ,", " .", "  ")
_TEXT_KEYS = {"value", "family", "given", "name", "title", "source", "label", "volume", "issue"}


def _plain(value: Any, key: str = "") -> Any:
    """The same notice with letters, digits and single spaces only in its texts (no punctuation)."""
    if isinstance(value, dict) and "scheme" not in value:  # identifiers stay as they are
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, key) for v in value]
    if isinstance(value, str) and key in _TEXT_KEYS:
        return " ".join("".join(ch if ch.isalnum() else " " for ch in value).split()) or "x"
    return value


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(notices())
def test_citations_never_crash_on_awkward_text(data: dict[str, Any]) -> None:
    n = Notice.from_dict(data)
    for style in Style:
        for lang in ("fr", "en"):
            text = cite(n, style=style, lang=lang)
            assert "\n" not in text
            assert n.titles[0].value in text
    assert cite(n).endswith(f"ID : {n.id.value}")


@SETTINGS
@given(notices())
def test_missing_fields_never_leave_empty_punctuation(data: dict[str, Any]) -> None:
    n = Notice.from_dict(_plain(data))
    for style in Style:
        for lang in ("fr", "en"):
            text = cite(n, style=style, lang=lang)
            for identifier in (n.id, *n.identifiers):  # identifiers are quoted as they are ("10.1000/0..")
                text = text.replace(identifier.value, "ID")
            for mark in _EMPTY_MARKS:
                assert mark not in text, (mark, text)
    isidore = cite(n)
    named = len(n.creators)
    assert (" et al., « " in isidore) == bool(named and (n.creators_et_al or named > 3))
    assert isidore.count("« ") == isidore.count(" »") == 1


# ---------------------------------------------------------------------------------- command line


def test_cli_cite_finds_by_any_form_of_the_id(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["cite", "https://hdl.handle.net/10670/1.jt89mr", "--input", str(EXAMPLES)])
    out = capsys.readouterr().out
    assert status == 0
    assert out == seed_dict()["citation"] + "\n"


def test_cli_cite_several_ids_styles_and_other_identifiers(capsys: pytest.CaptureFixture[str]) -> None:
    # halshs-04187263 lists the DOI 10.3917/esu.412.0087 among its other identifiers
    status = main(
        [
            "cite",
            "10.3917/esu.412.0087",
            "hdl:10670/1.jt89mr",
            "-i",
            str(EXAMPLES),
            "--style",
            "apa",
            "--lang",
            "en",
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0].startswith("Dumoulin, C., & Le Goff, Y. (2022). Habiter le périurbain")
    assert lines[0].endswith("https://doi.org/10.3917/esu.412.0087")
    assert lines[1].startswith("Jouet, E., et al. (2019). Produire des savoirs")


def test_cli_cite_prefers_the_notice_whose_own_id_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    records = [
        {"id": "10670/1.aaaaaa", "titles": [{"value": "Cites it"}], "identifiers": ["10.1234/target"]},
        {"id": "10.1234/target", "titles": [{"value": "Is it"}]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["cite", "doi:10.1234/target", "-i", str(path)]) == 0
    assert capsys.readouterr().out == "« Is it », ID : 10.1234/target\n"


def test_cli_cite_reports_missing_and_rejected_records(capsys: pytest.CaptureFixture[str]) -> None:
    bad = ROOT / "examples" / "bad_notices.jsonl"
    status = main(["cite", "10670/1.46uj5e", "10670/1.zzzzzz", "10670/1.3hu9b7", "-i", str(bad)])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out.splitlines() == [
        "Anne Roussel, « Les jardins partagés, laboratoires de la démocratie locale ? », "
        "Revue des mondes urbains, ID : 10670/1.3hu9b7"
    ]
    assert "10670/1.46uj5e: its record was rejected" in captured.err
    assert "field creators[0].identifiers[0]" in captured.err
    assert f"10670/1.zzzzzz: no notice has this identifier in {bad}" in captured.err


def test_cli_cite_usage_errors(tmp_path: Path) -> None:
    env_cmd = [sys.executable, "-m", "notice_ld", "cite"]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    bad_id = subprocess.run([*env_cmd, "%%%", "-i", str(EXAMPLES)], capture_output=True, text=True, env=env)
    assert bad_id.returncode == 2 and "cannot tell which kind of identifier" in bad_id.stderr
    missing = subprocess.run(
        [*env_cmd, "10670/1.jt89mr", "-i", str(tmp_path / "nope.jsonl")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert missing.returncode == 2 and "input file not found" in missing.stderr
    style = subprocess.run(
        [*env_cmd, "10670/1.jt89mr", "-i", str(EXAMPLES), "--style", "mla"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert style.returncode == 2 and "invalid choice: 'mla'" in style.stderr
