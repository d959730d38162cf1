"""Tests of notice_ld.identifiers: vectors from tests/vectors/identifiers_*.tsv, properties, minting."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import unicodedata
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.iso7064 import mod_11_2

from notice_ld.errors import ConfigError, IdentifierError, RecordError
from notice_ld.identifiers import (
    HandleMinter,
    Identifier,
    Scheme,
    detect,
    isbn10,
    mint_handle,
    mint_iri,
    parse,
    slug,
)

VECTORS = Path(__file__).parent / "vectors"


def _unescape(text: str) -> str:
    """Decode Python backslash escapes (``\\x07``, ``\\u200b``) and keep non-ASCII text intact."""
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _rows(name: str, columns: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate((VECTORS / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == columns, f"{name}:{number}: expected {columns} columns, found {len(cells)}"
        rows.append((number, cells))
    return rows


class Valid(NamedTuple):
    scheme: Scheme
    text: str
    value: str
    iri: str


class Invalid(NamedTuple):
    scheme: str | None
    text: str
    phrases: list[str]


VALID = [
    pytest.param(Valid(Scheme(s), _unescape(t), v, i), id=f"{n}:{s}:{t}")
    for n, (s, t, v, i) in _rows("identifiers_valid.tsv", 4)
]
INVALID = [
    pytest.param(
        Invalid(None if s == "auto" else s, _unescape(t), [_unescape(p) for p in w.split("|")]),
        id=f"{n}:{s}:{t}",
    )
    for n, (s, t, w) in _rows("identifiers_invalid.tsv", 3)
]


# --------------------------------------------------------------------------- vectors


def test_vectors_cover_every_scheme() -> None:
    valid = {case.values[0].scheme for case in VALID}  # type: ignore[union-attr]
    invalid = {case.values[0].scheme for case in INVALID}  # type: ignore[union-attr]
    assert valid == set(Scheme)
    assert {s.value for s in Scheme} <= invalid


@pytest.mark.parametrize("case", VALID)
def test_valid_vector(case: Valid) -> None:
    assert detect(case.text) is case.scheme
    for ident in (parse(case.text), parse(case.text, case.scheme), parse(case.text, case.scheme.value)):
        assert ident.scheme is case.scheme
        assert ident.value == case.value
        assert ident.literal == case.value
        assert str(ident) == case.value
        assert ident.iri == case.iri
    # idempotence: the canonical value parses to the same identifier, IRI included (except the
    # resolver of an ARK given as URL, which the bare value cannot carry)
    again = parse(case.value, case.scheme)
    assert again == parse(case.text)
    assert parse(again.value, case.scheme).value == case.value
    if case.scheme is not Scheme.ARK:
        assert again.iri == case.iri


@pytest.mark.parametrize("case", VALID)
def test_valid_iri_is_an_iri(case: Valid) -> None:
    pyoxigraph = pytest.importorskip("pyoxigraph")
    pyoxigraph.NamedNode(parse(case.text).iri)


@pytest.mark.parametrize("case", INVALID)
def test_invalid_vector(case: Invalid) -> None:
    with pytest.raises(IdentifierError) as info:
        parse(case.text, case.scheme)
    err = info.value
    for phrase in case.phrases:
        assert phrase.lower() in err.problem.lower(), (phrase, err.problem)
    assert err.value == case.text
    if case.scheme == "urn" and case.text.lower().startswith(("urn:isbn:", "urn:issn:")):
        assert err.scheme == case.text[4:8].lower()  # the embedded ISBN/ISSN is what is wrong
    elif case.scheme is not None and case.scheme != "bogus":
        assert err.scheme == case.scheme
    assert err.fix, "every identifier error tells the cataloguer how to fix it"
    assert isinstance(err, RecordError)
    assert isinstance(err, ValueError)
    assert repr(case.text) in str(err)


def test_check_digits_in_vectors_are_recomputed() -> None:
    """The valid ORCID/ISNI vectors pass stdnum's own ISO 7064 check (not only ours)."""
    for case in VALID:
        valid: Valid = case.values[0]  # type: ignore[assignment]
        if valid.scheme in {Scheme.ORCID, Scheme.ISNI}:
            assert mod_11_2.is_valid(valid.value.replace("-", ""))


# --------------------------------------------------------------------------- API details


def test_error_message_is_for_cataloguers() -> None:
    with pytest.raises(IdentifierError) as info:
        parse("0000-0002-1825-0098", "orcid")
    assert info.value.problem == "'0000-0002-1825-0098': ORCID check digit is wrong (expected 7, found 8)"
    assert info.value.fix == (
        "check the ORCID on https://orcid.org; it has 16 characters, the last one a check digit"
    )
    assert info.value.as_dict()["fix"] == info.value.fix
    contextual = info.value.with_context(record="10670/1.jt89mr", field_prefix="creators[0].identifiers[0]")
    assert str(contextual).startswith("record 10670/1.jt89mr, field creators[0].identifiers[0]: ")


def test_scheme_labels() -> None:
    assert [s.label for s in Scheme] == [
        "Handle", "DOI", "ARK", "HAL", "NNT", "ISBN", "ISSN", "ISSN-L",
        "ORCID", "IdRef", "ISNI", "ROR", "URN", "URL",
    ]  # fmt: skip
    assert Scheme.ISSN_L.value == "issn-l"
    assert parse("0317-8471", "ISSN_L").scheme is Scheme.ISSN_L
    assert parse("0317-8471", "ISSN-L").scheme is Scheme.ISSN_L
    assert parse("027051234", "IdRef").scheme is Scheme.IDREF


def test_identifier_is_frozen_and_hashable() -> None:
    ident = parse("10.1000/182")
    with pytest.raises(FrozenInstanceError):
        ident.value = "x"  # type: ignore[misc]
    assert {ident, parse("https://doi.org/10.1000/182")} == {ident}
    gallica = parse("https://gallica.bnf.fr/ark:/12148/bpt6k5619759j")
    assert gallica == parse("ark:/12148/bpt6k5619759j")
    assert hash(gallica) == hash(parse("ark:/12148/bpt6k5619759j"))
    assert gallica.resolver == "https://gallica.bnf.fr/"
    assert Identifier(Scheme.ARK, "ark:/12148/x").iri == "https://n2t.net/ark:/12148/x"


def test_non_string_input() -> None:
    with pytest.raises(IdentifierError, match="must be text"):
        parse(12345678, "issn")  # type: ignore[arg-type]
    assert detect(12345678) is None  # type: ignore[arg-type]


def test_explicit_scheme_wins_over_detection() -> None:
    # a DOI URL declared as a URL stays a URL
    assert parse("https://doi.org/10.1000/182", "url") == Identifier(
        Scheme.URL, "https://doi.org/10.1000/182"
    )
    # an ORCID is also an ISNI
    assert parse("0000-0002-1825-0097", Scheme.ISNI).value == "0000000218250097"
    assert parse("urn:isbn:2070360245", "urn").scheme is Scheme.ISBN
    assert parse("urn:issn:0317-8471", "urn").scheme is Scheme.ISSN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0000-0002-1825-0097", Scheme.ORCID),  # hyphenated, ORCID block
        ("0000-0004-0123-4562", Scheme.ISNI),  # hyphenated, outside the ORCID blocks
        ("0000 0002 1825 0097", Scheme.ISNI),  # spaced: ISNI style
        ("0000000218250097", Scheme.ORCID),  # bare, ORCID block and valid
        ("0000000218250098", Scheme.ISNI),  # bare, ORCID block but invalid
        ("0000000401234562", Scheme.ISNI),  # bare, outside the ORCID blocks
        ("027051234", Scheme.IDREF),  # 9 digits: IdRef, not ROR
        ("05f82e368", Scheme.ROR),
        ("hal-01234567", Scheme.HAL),
        ("2019PA100123", Scheme.NNT),
        ("20191234567", None),  # digits only: no establishment code
        ("10.1000/182", Scheme.DOI),
        ("20.500.11811/1", Scheme.HANDLE),
        ("https://orcid.org/0000-0002-1825-0098", Scheme.ORCID),  # wrong check digit: still an ORCID URL
        ("https://orcid.org/about", Scheme.URL),
        ("https://example.org/ark:/12148/x", Scheme.ARK),
        ("urn:nbn:de:1", Scheme.URN),
        ("javascript:alert(1)", None),
        ("", None),
        ("\x00", None),
        ("plain words", None),
    ],
)
def test_detect(text: str, expected: Scheme | None) -> None:
    assert detect(text) is expected


def test_isbn10() -> None:
    assert isbn10(parse("9782070360246")) == "2-07-036024-5"
    assert isbn10("0-306-40615-2") == "0-306-40615-2"
    assert isbn10("979-10-90636-07-1") is None
    with pytest.raises(IdentifierError):
        isbn10(parse("0317-8471"))


# --------------------------------------------------------------------------- properties

_DIGITS = st.text(alphabet="0123456789", min_size=15, max_size=15)


@settings(max_examples=300, deadline=None)
@given(_DIGITS, st.sampled_from([Scheme.ORCID, Scheme.ISNI]), st.sampled_from(["", " ", "-"]))
def test_sixteen_roundtrip(body: str, scheme: Scheme, sep: str) -> None:
    full = body + mod_11_2.calc_check_digit(body)
    text = sep.join(full[i : i + 4] for i in range(0, 16, 4))
    ident = parse(text, scheme)
    assert parse(ident.value, scheme) == ident
    assert ident.value.replace("-", "") == full
    wrong = full[:15] + ("0" if full[15] != "0" else "1")
    with pytest.raises(IdentifierError, match="check digit is wrong"):
        parse(wrong, scheme)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789abcdefghjkmnpqrstvwxyz", min_size=6, max_size=6))
def test_ror_roundtrip(body: str) -> None:
    number = sum("0123456789abcdefghjkmnpqrstvwxyz".index(c) * 32 ** (5 - i) for i, c in enumerate(body))
    ror = f"0{body}{98 - (number * 100) % 97:02d}"
    ident = parse(f"https://ror.org/{ror.upper()}")
    assert ident == Identifier(Scheme.ROR, ror)
    assert parse(ident.value, Scheme.ROR) == ident


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(list(Scheme)),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
        max_size=40,
    ),
)
def test_parse_raises_only_identifier_error_and_is_idempotent(scheme: Scheme, text: str) -> None:
    for wanted in (scheme, None):
        try:
            ident = parse(text, wanted)
        except IdentifierError:
            continue
        assert parse(ident.value, ident.scheme) == ident
        assert parse(parse(ident.value, ident.scheme).value, ident.scheme).value == ident.value


_PREFIXES = st.sampled_from(["10670", "2441", "20.500.11811", "1887"])


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["10.3917", "10.1000", "10.12345.6"]),
    st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S"]), min_size=1, max_size=30),
    st.sampled_from(["", "doi:", "https://doi.org/", "http://dx.doi.org/"]),
)
def test_doi_roundtrip(prefix: str, suffix: str, form: str) -> None:
    text = f"{prefix}/{suffix}"
    if form.startswith("http"):
        from urllib.parse import quote

        text = form + quote(text, safe="/")
    else:
        text = form + text
    ident = parse(text)
    assert ident.scheme is Scheme.DOI
    assert ident.value == f"{prefix}/{suffix}".lower()
    assert parse(ident.value) == ident
    pyoxigraph = pytest.importorskip("pyoxigraph")
    pyoxigraph.NamedNode(ident.iri)


# --------------------------------------------------------------------------- HandleMinter

CAIRN_KEY = "oai:cairn.info:VSOC_191_0123"
CAIRN_HANDLE = "10670/1.3fjowm"


def _expected_candidate(prefix: str, key: str, n: int, length: int = 6, namespace: str = "1") -> str:
    """Independent re-implementation of the documented rule."""
    data = unicodedata.normalize("NFC", f"{prefix}\x1f{key}\x1f{n}").encode("utf-8")
    number = int(hashlib.sha256(data).hexdigest(), 16) % 36**length
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    digits = ""
    for _ in range(length):
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return f"{prefix}/{namespace}.{digits}"


def test_mint_frozen_value() -> None:
    assert mint_handle("10670", CAIRN_KEY) == CAIRN_HANDLE
    assert _expected_candidate("10670", CAIRN_KEY, 0) == CAIRN_HANDLE
    assert HandleMinter("20.500.12345", length=8).mint("record-1") == "20.500.12345/1.fttge69m"
    assert HandleMinter("10670", namespace="2").mint(CAIRN_KEY) == "10670/2.3fjowm"


def test_mint_is_idempotent_and_records() -> None:
    minter = HandleMinter("10670")
    first = minter.mint(CAIRN_KEY)
    assert minter.mint(CAIRN_KEY) == first
    # NFC: a decomposed key is the same key
    assert minter.mint("Cahiers d'Études") == minter.mint(unicodedata.normalize("NFD", "Cahiers d'Études"))
    assert dict(minter.issued) == {first: CAIRN_KEY, minter.mint("Cahiers d'Études"): "Cahiers d'Études"}
    with pytest.raises(TypeError):
        minter.issued["10670/1.zzzzzz"] = "x"  # type: ignore[index]


def test_mint_collision_rule() -> None:
    # the first candidate is already issued to another key: take candidate n=1
    minter = HandleMinter("10670", issued={CAIRN_HANDLE: "oai:other:1"})
    second = _expected_candidate("10670", CAIRN_KEY, 1)
    assert minter.mint(CAIRN_KEY) == second == "10670/1.4few7j"
    # candidates 0 and 1 taken (case-insensitively) -> candidate 2
    upper = HandleMinter("10670", issued={CAIRN_HANDLE.upper(): "a", second: "b"})
    assert upper.mint(CAIRN_KEY) == _expected_candidate("10670", CAIRN_KEY, 2)
    # issued to the same key: returned as is
    same = HandleMinter("10670", issued={CAIRN_HANDLE: CAIRN_KEY})
    assert same.mint(CAIRN_KEY) == CAIRN_HANDLE
    # a key that already owns a (hand-made) handle of the series keeps it
    legacy = HandleMinter("10670", issued={"10670/1.jt89mr": CAIRN_KEY})
    assert legacy.mint(CAIRN_KEY) == "10670/1.jt89mr"
    # ... but a handle of another prefix or namespace does not count
    other = HandleMinter("10670", issued={"2441/1.jt89mr": CAIRN_KEY, "10670/2.jt89mr": CAIRN_KEY})
    assert other.mint(CAIRN_KEY) == CAIRN_HANDLE


def test_mint_batch_never_collides_with_itself() -> None:
    minter = HandleMinter("10670", length=4)
    keys = [f"oai:example:{i}" for i in range(3000)]
    handles = [minter.mint(k) for k in keys]
    assert len(set(handles)) == len(keys)
    # with 36**4 = 1.7M slots and 3000 keys, the birthday bound makes n>0 collisions likely: check
    # that those keys really moved on to a later candidate
    moved = [k for k, h in zip(keys, handles, strict=True) if h != _expected_candidate("10670", k, 0, 4)]
    for key in moved:
        assert minter.mint(key) in {_expected_candidate("10670", key, n, 4) for n in range(1, 10)}


@settings(max_examples=100, deadline=None)
@given(_PREFIXES, st.lists(st.text(min_size=1, max_size=30).filter(str.strip), min_size=1, max_size=30))
def test_mint_property(prefix: str, keys: list[str]) -> None:
    first, second = HandleMinter(prefix), HandleMinter(prefix)
    a = [first.mint(k) for k in keys]
    b = [second.mint(k) for k in keys]
    assert a == b  # deterministic
    by_key = dict(zip((unicodedata.normalize("NFC", k) for k in keys), a, strict=True))
    assert len(set(by_key.values())) == len(by_key)  # distinct keys, distinct handles
    for handle in a:
        assert parse(handle, Scheme.HANDLE).value == handle


def test_mint_same_across_hash_seeds() -> None:
    script = (
        "from notice_ld.identifiers import HandleMinter, mint_iri\n"
        "m = HandleMinter('10670', length=4)\n"
        "print([m.mint(f'k{i}') for i in range(500)][-3:], mint_iri('https://x.org/', 'person', 'Ève'))\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    outputs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prefix": "abc"},
        {"prefix": "10670/"},
        {"prefix": ""},
        {"prefix": "10670", "length": 2},
        {"prefix": "10670", "length": 41},
        {"prefix": "10670", "namespace": "A"},
        {"prefix": "10670", "namespace": ""},
    ],
)
def test_minter_config_errors(kwargs: dict[str, object]) -> None:
    prefix = kwargs.pop("prefix")
    with pytest.raises(ConfigError):
        HandleMinter(prefix, **kwargs)  # type: ignore[arg-type]


def test_mint_empty_key() -> None:
    with pytest.raises(RecordError, match="empty"):
        mint_handle("10670", "  ")


# --------------------------------------------------------------------------- slug / mint_iri


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Émile Durkheim", "emile-durkheim"),
        ("  Durkheim, Émile (1858-1917)  ", "durkheim-emile-1858-1917"),
        ("Ἀριστοτέλης", "aristotelis"),
        ("Αριστοτέλης", "aristotelis"),
        ("中文", "zhongwen"),
        ("费孝通", "feixiaotong"),
        ("ابن خلدون", "bn-khldwn"),
        ("Øresund – Ærø", "oresund-aero"),
        ("Straße", "strasse"),
        ("!!!", ""),
        ("", ""),
        ("🙂", "slight-smile"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_length() -> None:
    long = "Revue française de sociologie et de science politique comparée des institutions"
    cut = slug(long)
    assert len(cut) <= 60 and not cut.endswith("-")
    assert cut == "revue-francaise-de-sociologie-et-de-science-politique"
    assert slug("abcdefghij", max_length=4) == "abcd"  # no hyphen: hard cut
    assert slug("ab-cdefgh", max_length=5) == "ab"
    assert slug("abcde-fgh", max_length=5) == "abcde"  # cut falls on a hyphen
    with pytest.raises(ConfigError):
        slug("x", max_length=0)


def _h(key: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", key).casefold().encode("utf-8")).hexdigest()[:10]


def test_mint_iri_frozen() -> None:
    base = "https://data.example.org/"
    assert mint_iri(base, "person", "Durkheim, Émile") == f"{base}person/durkheim-emile-172c8b526a"
    assert _h("Durkheim, Émile") == "172c8b526a"
    # same NFC + casefold text: same IRI
    assert mint_iri(base, "person", "DURKHEIM, ÉMILE") == mint_iri(base, "person", "Durkheim, Émile")
    nfd = unicodedata.normalize("NFD", "Durkheim, Émile")
    assert mint_iri(base, "person", nfd) == mint_iri(base, "person", "Durkheim, Émile")
    # same slug, different text: different IRI
    assert mint_iri(base, "person", "Muller") != mint_iri(base, "person", "Müller")
    assert (
        mint_iri(base, "person", "Muller").rsplit("-", 1)[0]
        == mint_iri(base, "person", "Müller").rsplit("-", 1)[0]
    )
    # non-Latin scripts, empty slug
    assert mint_iri(base, "person", "费孝通") == f"{base}person/feixiaotong-{_h('费孝通')}"
    assert mint_iri(base, "org", "!!!") == f"{base}org/x-{_h('!!!')}"
    assert mint_iri("https://data.example.org/id#", "journal", "Ἀριστοτέλης").startswith(
        "https://data.example.org/id#journal/aristotelis-"
    )


@pytest.mark.parametrize(
    ("base", "kind", "key", "error"),
    [
        ("https://data.example.org", "person", "x", ConfigError),
        ("data.example.org/", "person", "x", ConfigError),
        ("https://data.example.org/", "per son", "x", ConfigError),
        ("https://data.example.org/", "", "x", ConfigError),
        ("https://data.example.org/", "person", "", RecordError),
        ("https://data.example.org/", "person", "   ", RecordError),
    ],
)
def test_mint_iri_errors(base: str, kind: str, key: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        mint_iri(base, kind, key)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(str.strip))
def test_mint_iri_property(key: str) -> None:
    iri = mint_iri("https://data.example.org/", "person", key)
    assert iri == mint_iri("https://data.example.org/", "person", unicodedata.normalize("NFC", key))
    tail = iri.rsplit("/", 1)[1]
    assert tail.endswith("-" + _h(key))
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in tail)
    pyoxigraph = pytest.importorskip("pyoxigraph")
    pyoxigraph.NamedNode(iri)


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("10670/../../etc/passwd", "handle"),
        ("10670/1.x/./y", "handle"),
        ("10.1234/../x", "doi"),
        ("10.1234/x/%2E%2E/y", "doi"),
        ("ark:/12148/./x", "ark"),
        ("https://example.org/a/../b", "url"),
        ("https://example.org/./b?q=1", "url"),
    ],
)
def test_identifiers_that_normalise_to_something_else_are_refused(value: str, scheme: str) -> None:
    """An RFC 3986 client removes dot segments: ``10670/../../etc/passwd`` would resolve to
    ``https://hdl.handle.net/etc/passwd``. Such identifiers are refused with a clear error."""
    with pytest.raises(IdentifierError, match="path segments"):
        parse(value, scheme)


@pytest.mark.parametrize(
    "value", ["10.1234/a..b", "10670/1.jt89mr", "https://example.org/a..b/c.d", "ark:/12148/b.c"]
)
def test_dots_inside_a_segment_are_fine(value: str) -> None:
    assert parse(value).value
