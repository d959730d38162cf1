"""Deterministic generator of realistic synthetic notices (the notice JSON form).

``generate(n, seed=0)`` yields ``n`` notice dicts that :meth:`notice_ld.model.Notice.from_dict`
accepts. Each record ``i`` is drawn from its own ``random.Random(f"{seed}:{i}")`` (a string seed
is hashed with SHA-512 by :mod:`random`, so it does not depend on ``PYTHONHASHSEED``), which makes
the output:

* deterministic: the same ``(n, seed)`` gives the same records, hence the same bytes;
* prefix-stable: ``generate(2000)`` is the first 2,000 records of ``generate(10000)``;
* free of global state: the module-level ``random`` functions are never used.

The records look like ISIDORE / Cairn / HAL notices: French and English titles with accents and
typographic characters (« », ’, —, …), long French and English abstracts (150–300 words each,
sometimes two paragraphs), 1–8 ordered authors (some with valid ORCIDs, sometimes "et al."),
Handle ids ``10670/1.xxxxxx`` unique per index, DOIs, a journal with a valid ISSN, volume, issue
and pages, dates of the three precisions, languages, French and English keywords, 1–3 HAL-like
disciplines with French and English labels, a licence (Creative Commons IRI or a label) and a
landing page.

Command line::

    python benchmarks/generate.py 10000 -o notices.jsonl [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["generate", "handle_suffix", "issn_check", "orcid_check", "word_count", "write_jsonl"]

# --------------------------------------------------------------------------- check digits


def orcid_check(base15: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID / ISNI."""
    total = 0
    for char in base15:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def issn_check(body7: str) -> str:
    """ISSN check character (weights 8..2, mod 11) of the first 7 digits."""
    total = sum(int(d) * w for d, w in zip(body7, range(8, 1, -1), strict=True))
    result = (11 - total % 11) % 11
    return "X" if result == 10 else str(result)


def _orcid(rng: random.Random) -> str:
    # Real ORCIDs are in the 0000-0001-5000-0007 … 0000-0003-5000-0001 block.
    base = f"0000000{rng.randint(1, 3)}{rng.randrange(10**7):07d}"
    digits = base + orcid_check(base)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def _issn(rng: random.Random) -> str:
    body = f"{rng.randrange(10**7):07d}"
    return f"{body[:4]}-{body[4:]}{issn_check(body)}"


_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_SPACE = 36**6


def handle_suffix(index: int) -> str:
    """A 6-character base-36 suffix, unique for every index below 36**6, scattered over the space.

    ``index * 1_679_609 + 7_919`` modulo ``36**6`` is a bijection (the multiplier is coprime to 36),
    so distinct indexes give distinct suffixes while neighbours do not look alike.
    """
    number = (index * 1_679_609 + 7_919) % _SPACE
    chars = []
    for _ in range(6):
        number, rest = divmod(number, 36)
        chars.append(_B36[rest])
    return "".join(reversed(chars))


# --------------------------------------------------------------------------- word banks


def _words(text: str) -> list[str]:
    return text.split()


_FR_WORDS = _words("""
savoir savoirs société sociologie expérience expériences usagers patients santé mentale soin soins
éducation école élèves enseignants apprentissage réforme politique politiques publiques territoire
territoires ville villes métropole rural ruralité mobilité mobilités migration migrations frontière
mémoire mémoires histoire historiographie archive archives patrimoine musée musées littérature roman
poésie théâtre écriture lecture lecteurs édition éditeurs langue langues traduction français anglais
occitan créole médiation numérique plateforme plateformes données réseau réseaux travail emploi
chômage précarité syndicat syndicats entreprise entreprises économie marché marchés crise crises
inégalités pauvreté richesse genre femmes hommes famille familles enfance jeunesse vieillissement
génération générations religion laïcité croyances rituel rituels anthropologie ethnographie terrain
enquête enquêtes entretiens questionnaire méthode méthodes analyse comparaison modèle modèles
théorie théories concept concepts notion catégorie catégories discours représentation
représentations identité identités citoyenneté démocratie participation engagement mobilisation
mouvement mouvements écologie environnement climat transition énergie agriculture alimentation
paysage paysages urbanisme architecture logement habitat quartier quartiers banlieue périphérie
droit justice tribunal juges régulation norme normes institution institutions État région
collectivités Europe Afrique Méditerranée Québec Maghreb colonial colonisation décolonisation empire
esclavage révolution république monarchie guerre paix violence conflit conflits sécurité police
prison hôpital médecine maladie épidémie vaccination corps émotion émotions affect
""")

_FR_GLUE = _words("""
de la le les des du une un et en dans pour sur par avec entre vers selon sans sous chez
""")

_FR_VERBS = _words("""
analyse interroge montre étudie examine questionne éclaire propose retrace décrit compare souligne
révèle discute explore mesure reconstitue documente
""")

_EN_WORDS = _words("""
knowledge society sociology experience experiences users patients mental health care education
school pupils teachers learning reform policy policies public territory territories city cities
metropolis rural mobility migration border memory history historiography archive archives heritage
museum literature novel poetry theatre writing reading readers publishing publishers language
languages translation mediation digital platform platforms data network networks work employment
unemployment precarity unions firm firms economy market markets crisis inequality poverty wealth
gender women men family families childhood youth ageing generation religion secularism beliefs
ritual anthropology ethnography fieldwork survey interviews method methods analysis comparison model
theory concept category discourse representation identity citizenship democracy participation
engagement mobilisation movement ecology environment climate transition energy agriculture food
landscape planning architecture housing neighbourhood suburb periphery law justice court judges
regulation norm institution state region Europe Africa Mediterranean Quebec colonial colonisation
decolonisation empire slavery revolution republic monarchy war peace violence conflict security
police prison hospital medicine disease epidemic vaccination body emotion affect
""")

_EN_GLUE = _words("""
of the a an and in for on by with between towards according without under at from
""")

_EN_VERBS = _words("""
analyses questions shows studies examines sheds light on proposes traces describes compares stresses
reveals discusses explores measures reconstructs documents
""")

_FR_TITLE_PATTERNS = (
    "{A} et {b} : {c} {d}",
    "« {A} » : {b} {c} en question",
    "{A}, {b} et {c} — une enquête sur {d}",
    "Penser {b} à l’épreuve de {c}",
    "Les {b} {c} : entre {d} et {e}…",
    "{A} d’{b} ? Retour sur {c}",
    "De {b} à {c} : {d}, {e} et société (XIXe–XXe siècle)",
    "L’{b} au prisme de {c}",
)

_EN_TITLE_PATTERNS = (
    "{A} and {b}: {c} in {d}",
    "“{A}”: Rethinking {b} and {c}",
    "{A}, {b} and {c} — a Study of {d}",
    "Beyond {b}? {c}, {d} and the State",
    "The {b} of {c}: Evidence from {d}",
)

_FAMILY = _words("""
Jouet Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre
Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre Mercier Dupont
Lambert Bonnet François Martinez Légaré Côté Bélanger Gagné Tremblay Nguyễn Trần Müller Schäfer
Østergaard Ibáñez Muñoz Gonçalves Öztürk Ben Saïd Haddad Benaïssa Diallo N’Diaye O’Brien MacLeod
Smith Jones Williams Brown Taylor Evans Walker Åström Kowalczyk Dvořák Čapek Łukasiewicz
""")

_GIVEN = _words("""
Emmanuelle Jean Marie Anne Pierre Sophie Jérôme Hélène Élodie François Françoise Loïc Maëlle Zoé
Noël Chloé Benoît Agnès Céline Gaëlle Raphaël Inès Léa Joséphine Jean-Baptiste Marie-Hélène
Anne-Sophie Mathilde Thibault Bérénice Étienne Cécile Ahmed Fatima Karim Yasmine Mamadou Aïssata
John Mary Sarah David Michael Emily Laura James Helen Seán Siobhán Jürgen Søren Ana José João
""")

_JOURNALS = (
    "Vie sociale",
    "Revue française de sociologie",
    "Annales. Histoire, Sciences sociales",
    "Genèses",
    "Sociétés contemporaines",
    "L’Homme",
    "Ethnologie française",
    "Politix",
    "Revue d’histoire moderne & contemporaine",
    "Terrains & travaux",
    "Cahiers d’études africaines",
    "Espaces et sociétés",
    "Population",
    "Travail, genre et sociétés",
    "Revue économique",
    "Le Mouvement social",
    "Communications",
    "Tracés. Revue de Sciences humaines",
    "Hérodote",
    "Raisons politiques",
    "Revue d’économie régionale & urbaine",
    "Actes de la recherche en sciences sociales",
    "Langage et société",
    "Recherches & éducations",
    "Santé Publique",
    "Histoire, médecine et santé",
    "Critique internationale",
    "Esprit",
    "Multitudes",
    "Écologie & politique",
)

_PLATFORMS = (
    ("https://www.cairn.info/revue-{slug}-{year}-{issue}-page-{page}.htm", "Cairn.info"),
    ("https://journals.openedition.org/{slug}/{num}", "OpenEdition Journals"),
    ("https://shs.hal.science/halshs-{num8}", "HAL-SHS"),
    ("https://www.persee.fr/doc/{slug}_{num}_{year}_num_{issue}_{page}", "Persée"),
)

_DISCIPLINES = (
    ("shs.socio", "Sociologie", "Sociology"),
    ("shs.hist", "Histoire", "History"),
    ("shs.anthro-se", "Anthropologie sociale et ethnologie", "Social Anthropology and ethnology"),
    ("shs.geo", "Géographie", "Geography"),
    ("shs.eco", "Économie et finances", "Economics and Finance"),
    ("shs.edu", "Éducation", "Education"),
    ("shs.droit", "Droit", "Law"),
    ("shs.scipo", "Science politique", "Political science"),
    ("shs.litt", "Littératures", "Literature"),
    ("shs.langue", "Linguistique", "Linguistics"),
    ("shs.archi", "Architecture, aménagement de l’espace", "Architecture, space management"),
    ("shs.info", "Sciences de l’information et de la communication", "Library and information sciences"),
    ("shs.psy", "Psychologie", "Psychology"),
    ("shs.phil", "Philosophie", "Philosophy"),
    ("shs.art", "Art et histoire de l’art", "Art and art history"),
    ("shs.gestion", "Gestion et management", "Business administration"),
    ("shs.demo", "Démographie", "Demography"),
    ("shs.genre", "Etudes sur le genre", "Gender studies"),
)

_LICENCES_IRI = (
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-nc/4.0/",
    "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "http://creativecommons.org/publicdomain/zero/1.0/",
)
_LICENCES_LABEL = ("Cairn", "Tous droits réservés", "OpenEdition Freemium", "Licence Ouverte / Open Licence")
_PUBLISHERS = (
    "Érès",
    "Presses universitaires de France",
    "La Découverte",
    "Éditions de l’EHESS",
    "Armand Colin",
    "Presses de Sciences Po",
    "CNRS Éditions",
    "Éditions de la Sorbonne",
)
_DOI_PREFIXES = ("10.3917", "10.4000", "10.3406", "10.1051", "10.2307")


# --------------------------------------------------------------------------- text builders


def _sentence(rng: random.Random, words: list[str], glue: list[str], verbs: list[str]) -> list[str]:
    out: list[str] = []
    length = rng.randint(12, 28)
    verb_at = rng.randint(3, 6)
    while len(out) < length:
        if len(out) == verb_at:
            out.append(rng.choice(verbs))
        elif out and rng.random() < 0.35:
            out.append(rng.choice(glue))
        else:
            out.append(rng.choice(words))
    out[0] = out[0][:1].upper() + out[0][1:]
    return out


def word_count(text: str) -> int:
    """Words in a text: white-space separated tokens with at least one letter or digit."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def _abstract(rng: random.Random, lang: str) -> str:
    """150–300 words, a few sentences, sometimes two paragraphs, with typographic punctuation."""
    if lang == "fr":
        words, glue, verbs, quote = _FR_WORDS, _FR_GLUE, _FR_VERBS, ("« ", " »")
    else:
        words, glue, verbs, quote = _EN_WORDS, _EN_GLUE, _EN_VERBS, ("“", "”")
    target = rng.randint(150, 300)
    sentences: list[str] = []
    count = 0
    while count < target:
        s = _sentence(rng, words, glue, verbs)
        if target - count < len(s):
            s = s[: target - count]
        text = " ".join(s)
        room = target - count - len(s)
        roll = rng.random()
        if room >= 3 and roll < 0.12:
            text = f"{text}, {quote[0]}{rng.choice(words)}{quote[1]}"
        elif room >= 3 and roll < 0.2:
            text = f"{text} — {rng.choice(words)} {'et' if lang == 'fr' else 'and'} {rng.choice(words)}"
        elif room >= 3 and roll < 0.25:
            start = rng.randint(1850, 2000)
            text = f"{text} ({start}–{start + rng.randint(1, 60)})"
        sentences.append(text + rng.choice((".", ".", ".", "…", " ?" if lang == "fr" else "?")))
        count += word_count(text)
    if len(sentences) > 4 and rng.random() < 0.4:
        cut = len(sentences) // 2
        return " ".join(sentences[:cut]) + "\n\n" + " ".join(sentences[cut:])
    return " ".join(sentences)


def _title(rng: random.Random, lang: str) -> str:
    words = _FR_WORDS if lang == "fr" else _EN_WORDS
    pattern = rng.choice(_FR_TITLE_PATTERNS if lang == "fr" else _EN_TITLE_PATTERNS)
    picks = {k: rng.choice(words) for k in "abcde"}
    picks["A"] = picks.pop("a").capitalize()
    return pattern.format(**picks)


_PARTICLES = ("de", "de La", "Le", "van der", "da", "El", "Mac")


def _family(rng: random.Random) -> str:
    """A family name: simple, double-barrelled or with a particle (~300,000 distinct spellings).

    Real catalogues have hundreds of thousands of distinct authors; a small name bank would let
    caches keyed on names (minted person IRIs) hit far more often than they do on real data.
    """
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(_FAMILY)
    if roll < 0.85:
        return f"{rng.choice(_FAMILY)}-{rng.choice(_FAMILY)}"
    return f"{rng.choice(_PARTICLES)} {rng.choice(_FAMILY)}"


def _given(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(_GIVEN)
    if roll < 0.85:
        return f"{rng.choice(_GIVEN)} {rng.choice(_GIVEN)}"
    return f"{rng.choice(_GIVEN)} {rng.choice('ABCDEFGHJKLMNPRSTV')}."


def _person(rng: random.Random) -> dict[str, Any]:
    person: dict[str, Any] = {"family": _family(rng), "given": _given(rng)}
    if rng.random() < 0.3:
        person["identifiers"] = [_orcid(rng) if rng.random() < 0.5 else f"https://orcid.org/{_orcid(rng)}"]
    return person


def _date(rng: random.Random) -> str:
    year = rng.randint(1950, 2024)
    roll = rng.random()
    if roll < 0.5:
        return str(year)
    month = rng.randint(1, 12)
    if roll < 0.75:
        return f"{year}-{month:02d}"
    day = rng.randint(1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return f"{year}-{month:02d}-{day:02d}"


def _slug(title: str) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_.lower()).split())[:24] or "revue"


def _journal(index: int, seed: int) -> dict[str, Any]:
    """Journal ``index`` of the bank: a fixed title and a valid ISSN (and sometimes an eISSN)."""
    rng = random.Random(f"journal:{seed}:{index}")
    journal: dict[str, Any] = {"type": "journal", "title": _JOURNALS[index], "issn": _issn(rng)}
    if rng.random() < 0.5:
        journal["eissn"] = _issn(rng)
    return journal


# --------------------------------------------------------------------------- records

_TYPES = (
    ("article", 0.72),
    ("chapter", 0.08),
    ("book", 0.05),
    ("thesis", 0.04),
    ("report", 0.04),
    ("conference_paper", 0.04),
    ("working_paper", 0.03),
)


def _record(index: int, seed: int, journals: list[dict[str, Any]]) -> dict[str, Any]:
    rng = random.Random(f"{seed}:{index}")
    doc_type = rng.choices([t for t, _ in _TYPES], weights=[w for _, w in _TYPES])[0]
    roll = rng.random()
    languages = ["fr"] if roll < 0.6 else ["en"] if roll < 0.85 else ["fr", "en"]
    main = languages[0]

    titles = [{"value": _title(rng, main), "lang": main}]
    if rng.random() < 0.55:
        other = "en" if main == "fr" else "fr"
        titles.append({"value": _title(rng, other), "lang": other})

    notice: dict[str, Any] = {
        "id": f"10670/1.{handle_suffix(index)}",
        "type": doc_type,
        "titles": titles,
        "abstracts": [
            {"value": _abstract(rng, "fr"), "lang": "fr"},
            {"value": _abstract(rng, "en"), "lang": "en"},
        ],
    }
    if rng.random() < 0.15:
        notice["type_label"] = {
            "article": "Article de revue",
            "chapter": "Chapitre d'ouvrage",
            "book": "Ouvrage",
            "thesis": "Thèse",
            "report": "Rapport",
            "conference_paper": "Communication dans un congrès",
            "working_paper": "Pré-publication, Document de travail",
        }[doc_type]

    creators = [_person(rng) for _ in range(rng.randint(1, 8))]
    if rng.random() < 0.04:
        name = f"Collectif {rng.choice(_FR_WORDS)} et {rng.choice(_FR_WORDS)}"
        creators[-1] = {"type": "organization", "name": name}
    notice["creators"] = creators
    if rng.random() < 0.12:
        notice["creators_et_al"] = True
    if doc_type in ("chapter", "thesis") and rng.random() < 0.7:
        role = "editor" if doc_type == "chapter" else "thesis_advisor"
        notice["contributors"] = [{"role": role, "agent": _person(rng)}]

    issued = _date(rng)
    notice["issued"] = issued
    year = int(issued[:4])
    notice["languages"] = languages
    notice["keywords"] = [{"value": w, "lang": "fr"} for w in rng.sample(_FR_WORDS, rng.randint(2, 6))] + [
        {"value": w, "lang": "en"} for w in rng.sample(_EN_WORDS, rng.randint(2, 6))
    ]
    notice["disciplines"] = [
        {
            "iri": f"http://aurehal.archives-ouvertes.fr/subject/{code}",
            "notation": code,
            "labels": [{"value": fr, "lang": "fr"}, {"value": en, "lang": "en"}],
        }
        for code, fr, en in rng.sample(_DISCIPLINES, rng.randint(1, 3))
    ]
    if rng.random() < 0.2:
        word = rng.choice(_FR_WORDS)
        notice["subjects"] = [{"labels": [{"value": word.capitalize(), "lang": "fr"}]}]

    journal_index = rng.randrange(len(journals))
    slug = _slug(_JOURNALS[journal_index])
    issue_no = str(rng.randint(1, 4))
    first_page = rng.randint(1, 400)
    identifiers: list[Any] = []
    if doc_type in ("article", "conference_paper") or (doc_type == "chapter" and rng.random() < 0.3):
        container = dict(journals[journal_index])
        container["volume"] = str(max(1, year - 1950 + rng.randint(0, 20)))
        if rng.random() < 0.85:
            container["issue"] = issue_no
        container["pages"] = f"{first_page}-{first_page + rng.randint(5, 40)}"
        if doc_type == "chapter":
            container["type"] = "series"
        notice["container"] = container
        if rng.random() < 0.6:
            identifiers.append(
                f"{rng.choice(_DOI_PREFIXES)}/{slug[:8]}.{year % 100:02d}{issue_no}.{first_page:04d}.{index}"
            )
    elif doc_type == "working_paper" and rng.random() < 0.5:
        identifiers.append({"scheme": "doi", "value": f"10.5281/zenodo.{1000000 + index}"})
    if identifiers:
        notice["identifiers"] = identifiers

    if rng.random() < 0.5:
        notice["publisher"] = {"type": "organization", "name": rng.choice(_PUBLISHERS)}
    pattern, platform = rng.choice(_PLATFORMS)
    notice["landing_page"] = pattern.format(
        slug=slug,
        year=year,
        issue=issue_no,
        page=first_page,
        num=rng.randint(1000, 99999),
        num8=f"{rng.randrange(10**8):08d}",
    )
    notice["collection"] = {"name": platform}
    if rng.random() < 0.6:
        notice["license"] = {"iri": rng.choice(_LICENCES_IRI)}
    else:
        notice["license"] = {"label": rng.choice(_LICENCES_LABEL)}
    if rng.random() < 0.3:
        notice["source"] = platform
    if rng.random() < 0.25 and "container" in notice:
        c = notice["container"]
        first = creators[0]
        name = first.get("name") or f"{first['family']}, {first['given']}"
        notice["citation"] = (
            f"{name}, « {titles[0]['value']} », {c['title']}, vol. {c['volume']}, {year}, p. {c['pages']}."
        )
    return notice


def generate(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield ``n`` notice dicts; record ``i`` depends only on ``(seed, i)``."""
    if n < 0:
        raise ValueError("n must be >= 0")
    journals = [_journal(i, seed) for i in range(len(_JOURNALS))]
    for index in range(n):
        yield _record(index, seed, journals)


def dumps(record: dict[str, Any]) -> str:
    """One JSON Lines line (no trailing newline): compact, UTF-8 text kept as is."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path: str, n: int, seed: int = 0) -> None:
    """Write ``generate(n, seed)`` as JSON Lines to ``path`` (``-`` for stdout)."""
    if path == "-":
        for record in generate(n, seed):
            sys.stdout.write(dumps(record) + "\n")
        return
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for record in generate(n, seed):
            fh.write(dumps(record) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("n", type=int, help="number of notices")
    parser.add_argument("-o", "--output", default="-", help="JSON Lines file (default: stdout)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default: 0)")
    args = parser.parse_args(argv)
    write_jsonl(args.output, args.n, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
