"""Bad inputs of the XML readers: oai_dc, qualified DC, MODS and DataCite kernel XML.

The same hostile patterns for each (an OAI-PMH ``ListRecords`` page, the bad record between two
good ones): an undeclared prefix, a stray ``&``, an external entity, a DTD (billion laughs), a
Latin-1 byte in a UTF-8 file, a record over the size limit, a page cut short, a record without
identifier or title, a wrong namespace; then values that only go to the residue, and a few
patterns of one format.
"""

from __future__ import annotations

from collections.abc import Callable

from notice_ld.readers import InputFormat

from .case import Case, Rejected

__all__ = ["CASES"]

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)
_XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
_TEN_MB = "mot " * 2_700_000


def _record(key: str, metadata: str) -> str:
    header = f"<header><identifier>oai:x.org:{key}</identifier><datestamp>2024-01-01</datestamp></header>"
    return f"<record>{header}<metadata>{metadata}</metadata></record>\n"


def _page(prefix: str, *records: str, prolog: str = "", end: bool = True) -> str:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z'
        + f'</responseDate><request verb="ListRecords" metadataPrefix="{prefix}">https://x.org/oai</request>'
        + "<ListRecords>\n"
        + "".join(records)
    )
    return text + ("</ListRecords></OAI-PMH>\n" if end else "")


# One metadata builder per format: (key, title, extra elements, identifier) -> the metadata
Metadata = Callable[[str, str, str, str], str]


def _oai_dc(key: str, title: str, extra: str, ident: str) -> str:
    return (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        + (f'<dc:title xml:lang="fr">{title}</dc:title>' if title else "")
        + "<dc:creator>Jouet, Emmanuelle</dc:creator>"
        + (f"<dc:identifier>{ident}</dc:identifier>" if ident else "")
        + f"<dc:date>2019</dc:date><dc:type>info:eu-repo/semantics/article</dc:type>{extra}</oai_dc:dc>"
    )


def _qdc(key: str, title: str, extra: str, ident: str) -> str:
    return (
        '<qdc:qualifieddc xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:qdc="http://www.bl.uk/namespaces/oai_dcq/">'
        + (f'<dcterms:title xml:lang="fr">{title}</dcterms:title>' if title else "")
        + "<dcterms:creator>Roussel, Claire</dcterms:creator>"
        + (f'<dcterms:identifier scheme="URN">urn:doi:{ident}</dcterms:identifier>' if ident else "")
        + "<dcterms:issued>2020-06-15</dcterms:issued>"
        + "<dcterms:type>info:eu-repo/semantics/article</dcterms:type>"
        + f"{extra}</qdc:qualifieddc>"
    )


def _mods(key: str, title: str, extra: str, ident: str) -> str:
    return (
        '<mods:mods xmlns:mods="http://www.loc.gov/mods/v3" version="3.5">'
        + (f"<mods:titleInfo><mods:title>{title}</mods:title></mods:titleInfo>" if title else "")
        + '<mods:name type="personal"><mods:namePart>Dupont, Jean</mods:namePart></mods:name>'
        + "<mods:genre>info:eu-repo/semantics/article</mods:genre>"
        + '<mods:originInfo><mods:dateIssued encoding="iso8601">2023-10-05</mods:dateIssued>'
        + "</mods:originInfo>"
        + (f'<mods:identifier type="doi">{ident}</mods:identifier>' if ident else "")
        + f"{extra}</mods:mods>"
    )


def _datacite(key: str, title: str, extra: str, ident: str) -> str:
    return (
        '<oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/"><schemaVersion>4</schemaVersion>'
        '<payload><resource xmlns="http://datacite.org/schema/kernel-4">'
        + (f'<identifier identifierType="DOI">{ident}</identifier>' if ident else "")
        + "<creators><creator><creatorName>Haddad, Yasmine</creatorName></creator></creators>"
        + (f"<titles><title>{title}</title></titles>" if title else "<titles/>")
        + "<publisher>Exemple</publisher><publicationYear>2020</publicationYear>"
        + f'<resourceType resourceTypeGeneral="Dataset"/>{extra}</resource></payload></oai_datacite>'
    )


_WRONG_NS = {
    InputFormat.OAI_DC: ("http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/"),
    InputFormat.QDC: ("http://purl.org/dc/terms/", "http://purl.org/dc/termes/"),
    InputFormat.MODS: ("http://www.loc.gov/mods/v3", "http://www.loc.gov/mods/v2"),
    InputFormat.DATACITE_XML: ("http://datacite.org/schema/kernel-4", "http://example.org/not-datacite"),
}
# values the mapping refuses but that cost the record nothing (they go to the residue)
_KEPT_EXTRA = {
    InputFormat.OAI_DC: "<dc:date>2019-02-30</dc:date><dc:creator>Doe, J. 0000-0000-0000-0000</dc:creator>"
    "<dc:relation>ISSN 1234-567X</dc:relation><dc:type>no such type</dc:type>"
    "<dc:language>xx-??</dc:language>",
    InputFormat.QDC: "<dcterms:issued>2020-13-45</dcterms:issued>"
    "<dcterms:isPartOf>urn:issn:1234-567X</dcterms:isPartOf>"
    "<dcterms:language>klingon?</dcterms:language><dcterms:license>not a licence</dcterms:license>",
    InputFormat.MODS: '<mods:name type="personal"><mods:namePart>X</mods:namePart>'
    '<mods:nameIdentifier type="orcid">0000-0000-0000-0000</mods:nameIdentifier></mods:name>'
    '<mods:originInfo><mods:dateIssued encoding="iso8601">2023-02-30</mods:dateIssued></mods:originInfo>'
    '<mods:relatedItem type="host"><mods:identifier type="issn">1234-567X</mods:identifier>'
    "</mods:relatedItem>"
    "<mods:genre>nonsense</mods:genre>",
    InputFormat.DATACITE_XML: '<dates><date dateType="Issued">2020-02-30</date></dates>'
    '<rightsList><rights rightsURI="not a uri">?</rights></rightsList>'
    '<relatedIdentifiers><relatedIdentifier relatedIdentifierType="ISSN" relationType="IsPartOf">1234-567X'
    "</relatedIdentifier></relatedIdentifiers>",
}


def _family(
    fmt: InputFormat, prefix: str, metadata: Metadata, no_id_field: str, no_title_field: str
) -> tuple[Case, ...]:
    """The common hostile patterns for one XML format (``no_*_field``: the field its error names)."""
    short = fmt.value.replace("_", "")
    good = (f"10.1234/{short}.good1", f"10.1234/{short}.good2")

    def rec(key: str, title: str = "Vie sociale", extra: str = "", ident: str | None = None) -> str:
        return _record(key, metadata(key, title, extra, f"10.1234/{short}.{key}" if ident is None else ident))

    first, last = rec("good1"), rec("good2")

    def case(name: str, text: str | bytes, rejected: tuple[Rejected, ...], **kw: object) -> Case:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        return Case(
            f"{fmt.value}-{name}",
            ".xml",
            data,
            kw.pop("good", good),  # type: ignore[arg-type]
            rejected,
            reader=fmt,
            **kw,  # type: ignore[arg-type]
        )

    def page(*records: str, **kw: object) -> str:
        return _page(prefix, *records, **kw)  # type: ignore[arg-type]

    def bad(key: str) -> tuple[str, ...]:
        return (f"{short}.{key}",)

    old, new = _WRONG_NS[fmt]
    return (
        case(
            "undeclared-prefix",
            page(first, rec("bad1", extra='<x:note xmlns:y="urn:y">a</x:note>'), last),
            (Rejected(f"oai:x.org:bad1 ({fmt.value}-undeclared-prefix.xml:4)"),),
            absent=bad("bad1"),
        ),
        case(
            "stray-ampersand",
            page(first, rec("bad2", title="Arts & métiers"), last),
            (Rejected("oai:x.org:bad2"),),
            absent=bad("bad2"),
        ),
        case(
            "external-entity-in-record",
            page(first, rec("bad3", title="&xxe;"), last),
            (Rejected("oai:x.org:bad3"),),
            absent=bad("bad3"),
        ),
        case(
            "doctype-in-record",
            page(first, rec("bad4").replace("<metadata>", "<metadata>" + _XXE), last),
            (Rejected("oai:x.org:bad4"),),
            absent=bad("bad4"),
        ),
        case(
            "billion-laughs",
            page(first, last, prolog=_LAUGHS),
            (Rejected(f"{fmt.value}-billion-laughs.xml:2"),),
            good=(),
            absent=good,
        ),
        case(
            "latin1-byte",
            page(first, rec("bad5", title="Soci\xe9t\xe9"), last).encode("latin-1"),
            (Rejected("oai:x.org:bad5"),),
            absent=bad("bad5"),
        ),
        case(
            "record-over-limit",
            page(first, rec("bad6", title="Long " + _TEN_MB), last),
            (Rejected("oai:x.org:bad6"),),
            absent=bad("bad6"),
        ),
        case(
            "cut-short",
            page(first, last, rec("bad7"), end=False)[:-80],
            (Rejected(f"{fmt.value}-cut-short.xml:"),),
            absent=bad("bad7"),
        ),
        case(
            "no-identifier",
            page(first, rec("bad8", ident=""), last),
            (Rejected("oai:x.org:bad8", no_id_field),),
        ),
        case(
            "no-title",
            page(first, rec("bad9", title=""), last),
            (Rejected("oai:x.org:bad9", no_title_field),),
            absent=bad("bad9"),
        ),
        case(  # DataCite elements are read by their local names (kernels 2 to 4): the record is kept
            "wrong-namespace",
            page(first, rec("ns10").replace(old, new), last),
            () if fmt is InputFormat.DATACITE_XML else (Rejected("oai:x.org:ns10"),),
            good=(*good, f"10.1234/{short}.ns10") if fmt is InputFormat.DATACITE_XML else good,
            absent=() if fmt is InputFormat.DATACITE_XML else bad("ns10"),
        ),
        case(
            "bad-values-kept",
            page(first, rec("kept1", extra=_KEPT_EXTRA[fmt]), last),
            (),
            good=(*good, f"10.1234/{short}.kept1"),
        ),
        case(
            "deleted-and-empty-records",
            page(
                first,
                '<record><header status="deleted"><identifier>oai:x.org:gone</identifier></header>'
                "</record>\n",
                "<record><header><identifier>oai:x.org:empty</identifier></header><metadata/></record>\n",
                last,
            ),
            (Rejected("oai:x.org:empty"),),
        ),
    )


_DC_GOOD = ("10.1234/oaidc.good1", "10.1234/oaidc.good2")
_DC_A = _record("good1", _oai_dc("good1", "Vie sociale", "", "10.1234/oaidc.good1"))
_DC_B = _record("good2", _oai_dc("good2", "Vie sociale", "", "10.1234/oaidc.good2"))


def _dc_case(name: str, text: str | bytes, rejected: tuple[Rejected, ...], **kw: object) -> Case:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return Case(
        f"oai_dc-{name}",
        ".xml",
        data,
        kw.pop("good", _DC_GOOD),  # type: ignore[arg-type]
        rejected,
        reader=InputFormat.OAI_DC,
        **kw,  # type: ignore[arg-type]
    )


_COMMENTS = (
    "<!-- <record><header><identifier>oai:x.org:fake</identifier></header></record> -->\n<?pi <record> ?>\n"
)

OAI_DC_EXTRA = (
    _dc_case(
        "cdata-and-comments-holding-records",
        _page(
            "oai_dc",
            _DC_A,
            _COMMENTS,
            _record(
                "kept2",
                _oai_dc(
                    "kept2", "<![CDATA[a ]]]]><![CDATA[> <record> </record> b]]>", "", "10.1234/oaidc.kept2"
                ),
            ),
            _DC_B,
        ),
        (),
        good=(*_DC_GOOD, "10.1234/oaidc.kept2"),
    ),
    _dc_case(
        "utf16-with-bom",
        _page("oai_dc", _DC_A, _DC_B).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        (),
    ),
    _dc_case(
        "oai-error-response",
        _page("oai_dc", _DC_A, _DC_B).replace(
            "<ListRecords>", '<error code="badArgument">bad</error><ListRecords>'
        ),
        (Rejected("oai_dc-oai-error-response.xml"),),
    ),
    _dc_case(
        "windows-1252-declared",
        _page(
            "oai_dc",
            _DC_A,
            _record("kept3", _oai_dc("kept3", "Œuvres – “choisies”", "", "10.1234/oaidc.kept3")),
            _DC_B,
        )
        .replace('encoding="UTF-8"', 'encoding="windows-1252"')
        .encode("cp1252"),
        (),
        good=(*_DC_GOOD, "10.1234/oaidc.kept3"),
    ),
    _dc_case(
        "control-characters",
        _page(
            "oai_dc", _DC_A, _record("bad12", _oai_dc("bad12", "Bell\x07", "", "10.1234/oaidc.bad12")), _DC_B
        ),
        (Rejected("oai:x.org:bad12"),),
        absent=("oaidc.bad12",),
    ),
)

_BARE_DC = (
    b'<resources xmlns="http://datacite.org/schema/kernel-4">\n'
    b'<resource><identifier identifierType="DOI">10.1234/dcx.bare1</identifier>'
    b"<creators><creator><creatorName>Costa, In\xc3\xaas</creatorName></creator></creators>"
    b"<titles><title>Cartas</title></titles><publisher>P</publisher><publicationYear>2018</publicationYear>"
    b'<resourceType resourceTypeGeneral="Text"/></resource>\n'
    b'<resource><identifier identifierType="DOI">10.1234/dcx.bad20</identifier><titles><title>Sans &amp'
    b"</title></titles></resource>\n"
    b'<resource><identifier identifierType="DOI">10.1234/dcx.bare2</identifier>'
    b"<creators><creator><creatorName>Costa, In\xc3\xaas</creatorName></creator></creators>"
    b"<titles><title>Di\xc3\xa1rios</title></titles><publisher>P</publisher><publicationYear>2019</publicationYear>"
    b'<resourceType resourceTypeGeneral="Text"/></resource>\n'
    b"</resources>\n"
)

_MODS_COLLECTION = (
    '<modsCollection xmlns="http://www.loc.gov/mods/v3">\n'
    '<mods><titleInfo><title>Un</title></titleInfo><identifier type="doi">10.1234/mods.coll1</identifier>'
    "<originInfo><dateIssued>2001</dateIssued></originInfo></mods>\n"
    '<mods><titleInfo><title>Deux</title></titleInfo><identifier type="doi">10.1234/mods.bad20</identifier>'
    "<originInfo><dateIssued>2002</dateIssued></originInfo><name><namePart>A</namePart></mods>\n"
    '<mods><titleInfo><title>Trois</title></titleInfo><identifier type="doi">10.1234/mods.coll2</identifier>'
    "<originInfo><dateIssued>2003</dateIssued></originInfo></mods>\n"
    "</modsCollection>\n"
)

CASES: tuple[Case, ...] = (
    *_family(InputFormat.OAI_DC, "oai_dc", _oai_dc, "dc:identifier", "titles"),
    *OAI_DC_EXTRA,
    *_family(InputFormat.QDC, "qdc", _qdc, "", "titles"),
    *_family(InputFormat.MODS, "mods", _mods, "", "titles"),
    Case(
        "mods-collection-unclosed-element",
        ".xml",
        _MODS_COLLECTION.encode(),
        ("10.1234/mods.coll1", "10.1234/mods.coll2"),
        (Rejected("mods-collection-unclosed-element.xml"),),
        reader=InputFormat.MODS,
        absent=("mods.bad20",),
    ),
    *_family(InputFormat.DATACITE_XML, "oai_datacite", _datacite, "", "titles"),
    Case(
        "datacite_xml-bare-resources-broken-entity",
        ".xml",
        _BARE_DC,
        ("10.1234/dcx.bare1", "10.1234/dcx.bare2"),
        (Rejected("datacite_xml-bare-resources-broken-entity.xml"),),
        reader=InputFormat.DATACITE_XML,
        absent=("dcx.bad20",),
    ),
)
