"""The IRIs of the vocabularies notice_ld uses, as plain string constants (no rdflib).

GENERATED FILE -- do not edit by hand. It is written by ``vocab/generate_namespaces.py``
from the vocabulary files in ``vocab/`` and the term lists in the generator (for the
namespaces that have no file there); to regenerate it, run::

    python vocab/generate_namespaces.py

(``python vocab/generate_namespaces.py --check`` exits 1 when this file is stale.)

One class per namespace: ``NS`` is the namespace IRI and every other attribute a term IRI.
A class holds only the terms its vocabulary declares, so a misspelt term fails mypy and
raises ``AttributeError``. A local name that is a Python keyword or not an identifier gets a
trailing underscore, after the characters that cannot appear in an identifier are replaced
by ``_``: ``SH.and_``, ``DCTERMS.ISO639_2_``, ``BIBO.status_peerReviewed_``. The classes are
namespaces only, never instantiated (``__slots__ = ()``). ``SDO`` is schema.org in the
``http://schema.org/`` namespace; ``SDO.CONTEXT`` is the ``https://schema.org`` that
schema.org JSON-LD names as its context. :mod:`notice_ld.namespaces` has the terms of the
``vocab/`` files as rdflib ``URIRef`` objects.

>>> DCTERMS.title
'http://purl.org/dc/terms/title'
>>> RDF.type == RDF.NS + "type", BIBO.status_peerReviewed_
(True, 'http://purl.org/ontology/bibo/status/peerReviewed')
>>> DCTERMS.titel
Traceback (most recent call last):
AttributeError: type object 'DCTERMS' has no attribute 'titel'...
"""

from typing import Final

# Term names such as xsd:token are not passwords.
# ruff: noqa: S105

__all__ = [
    "BIBO",
    "COAR",
    "COAR_ACCESS_RIGHT",
    "DC",
    "DCAT",
    "DCMITYPE",
    "DCTERMS",
    "FOAF",
    "FORMATS",
    "IANA_MEDIA_TYPES",
    "LEXVO",
    "NLD",
    "OWL",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SHAPES_BIBO",
    "SHAPES_CORE",
    "SHAPES_GOOGLE_ARTICLE",
    "SHAPES_SCHEMA",
    "SKOS",
    "VOID",
    "XML",
    "XSD",
    "XSI",
]


class DCTERMS:
    """DCMI Metadata Terms: terms of ``vocab/dcterms.ttl``."""

    __slots__ = ()

    NS: Final = "http://purl.org/dc/terms/"

    Agent: Final = "http://purl.org/dc/terms/Agent"  # Agent
    AgentClass: Final = "http://purl.org/dc/terms/AgentClass"  # Agent Class
    BibliographicResource: Final = "http://purl.org/dc/terms/BibliographicResource"  # Bibliographic Resource
    Box: Final = "http://purl.org/dc/terms/Box"  # DCMI Box
    DCMIType: Final = "http://purl.org/dc/terms/DCMIType"  # DCMI Type Vocabulary
    DDC: Final = "http://purl.org/dc/terms/DDC"  # DDC
    FileFormat: Final = "http://purl.org/dc/terms/FileFormat"  # File Format
    Frequency: Final = "http://purl.org/dc/terms/Frequency"  # Frequency
    IMT: Final = "http://purl.org/dc/terms/IMT"  # IMT
    ISO3166: Final = "http://purl.org/dc/terms/ISO3166"  # ISO 3166
    ISO639_2_: Final = "http://purl.org/dc/terms/ISO639-2"  # ISO 639-2
    ISO639_3_: Final = "http://purl.org/dc/terms/ISO639-3"  # ISO 639-3
    Jurisdiction: Final = "http://purl.org/dc/terms/Jurisdiction"  # Jurisdiction
    LCC: Final = "http://purl.org/dc/terms/LCC"  # LCC
    LCSH: Final = "http://purl.org/dc/terms/LCSH"  # LCSH
    LicenseDocument: Final = "http://purl.org/dc/terms/LicenseDocument"  # License Document
    LinguisticSystem: Final = "http://purl.org/dc/terms/LinguisticSystem"  # Linguistic System
    Location: Final = "http://purl.org/dc/terms/Location"  # Location
    LocationPeriodOrJurisdiction: Final = "http://purl.org/dc/terms/LocationPeriodOrJurisdiction"
    MESH: Final = "http://purl.org/dc/terms/MESH"  # MeSH
    MediaType: Final = "http://purl.org/dc/terms/MediaType"  # Media Type
    MediaTypeOrExtent: Final = "http://purl.org/dc/terms/MediaTypeOrExtent"  # Media Type or Extent
    MethodOfAccrual: Final = "http://purl.org/dc/terms/MethodOfAccrual"  # Method of Accrual
    MethodOfInstruction: Final = "http://purl.org/dc/terms/MethodOfInstruction"  # Method of Instruction
    NLM: Final = "http://purl.org/dc/terms/NLM"  # NLM
    Period: Final = "http://purl.org/dc/terms/Period"  # DCMI Period
    PeriodOfTime: Final = "http://purl.org/dc/terms/PeriodOfTime"  # Period of Time
    PhysicalMedium: Final = "http://purl.org/dc/terms/PhysicalMedium"  # Physical Medium
    PhysicalResource: Final = "http://purl.org/dc/terms/PhysicalResource"  # Physical Resource
    Point: Final = "http://purl.org/dc/terms/Point"  # DCMI Point
    Policy: Final = "http://purl.org/dc/terms/Policy"  # Policy
    ProvenanceStatement: Final = "http://purl.org/dc/terms/ProvenanceStatement"  # Provenance Statement
    RFC1766: Final = "http://purl.org/dc/terms/RFC1766"  # RFC 1766
    RFC3066: Final = "http://purl.org/dc/terms/RFC3066"  # RFC 3066
    RFC4646: Final = "http://purl.org/dc/terms/RFC4646"  # RFC 4646
    RFC5646: Final = "http://purl.org/dc/terms/RFC5646"  # RFC 5646
    RightsStatement: Final = "http://purl.org/dc/terms/RightsStatement"  # Rights Statement
    SizeOrDuration: Final = "http://purl.org/dc/terms/SizeOrDuration"  # Size or Duration
    Standard: Final = "http://purl.org/dc/terms/Standard"  # Standard
    TGN: Final = "http://purl.org/dc/terms/TGN"  # TGN
    UDC: Final = "http://purl.org/dc/terms/UDC"  # UDC
    URI: Final = "http://purl.org/dc/terms/URI"  # URI
    W3CDTF: Final = "http://purl.org/dc/terms/W3CDTF"  # W3C-DTF
    abstract: Final = "http://purl.org/dc/terms/abstract"  # Abstract
    accessRights: Final = "http://purl.org/dc/terms/accessRights"  # Access Rights
    accrualMethod: Final = "http://purl.org/dc/terms/accrualMethod"  # Accrual Method
    accrualPeriodicity: Final = "http://purl.org/dc/terms/accrualPeriodicity"  # Accrual Periodicity
    accrualPolicy: Final = "http://purl.org/dc/terms/accrualPolicy"  # Accrual Policy
    alternative: Final = "http://purl.org/dc/terms/alternative"  # Alternative Title
    audience: Final = "http://purl.org/dc/terms/audience"  # Audience
    available: Final = "http://purl.org/dc/terms/available"  # Date Available
    bibliographicCitation: Final = "http://purl.org/dc/terms/bibliographicCitation"  # Bibliographic Citation
    conformsTo: Final = "http://purl.org/dc/terms/conformsTo"  # Conforms To
    contributor: Final = "http://purl.org/dc/terms/contributor"  # Contributor
    coverage: Final = "http://purl.org/dc/terms/coverage"  # Coverage
    created: Final = "http://purl.org/dc/terms/created"  # Date Created
    creator: Final = "http://purl.org/dc/terms/creator"  # Creator
    date: Final = "http://purl.org/dc/terms/date"  # Date
    dateAccepted: Final = "http://purl.org/dc/terms/dateAccepted"  # Date Accepted
    dateCopyrighted: Final = "http://purl.org/dc/terms/dateCopyrighted"  # Date Copyrighted
    dateSubmitted: Final = "http://purl.org/dc/terms/dateSubmitted"  # Date Submitted
    description: Final = "http://purl.org/dc/terms/description"  # Description
    educationLevel: Final = "http://purl.org/dc/terms/educationLevel"  # Audience Education Level
    extent: Final = "http://purl.org/dc/terms/extent"  # Extent
    format: Final = "http://purl.org/dc/terms/format"  # Format
    hasFormat: Final = "http://purl.org/dc/terms/hasFormat"  # Has Format
    hasPart: Final = "http://purl.org/dc/terms/hasPart"  # Has Part
    hasVersion: Final = "http://purl.org/dc/terms/hasVersion"  # Has Version
    identifier: Final = "http://purl.org/dc/terms/identifier"  # Identifier
    instructionalMethod: Final = "http://purl.org/dc/terms/instructionalMethod"  # Instructional Method
    isFormatOf: Final = "http://purl.org/dc/terms/isFormatOf"  # Is Format Of
    isPartOf: Final = "http://purl.org/dc/terms/isPartOf"  # Is Part Of
    isReferencedBy: Final = "http://purl.org/dc/terms/isReferencedBy"  # Is Referenced By
    isReplacedBy: Final = "http://purl.org/dc/terms/isReplacedBy"  # Is Replaced By
    isRequiredBy: Final = "http://purl.org/dc/terms/isRequiredBy"  # Is Required By
    isVersionOf: Final = "http://purl.org/dc/terms/isVersionOf"  # Is Version Of
    issued: Final = "http://purl.org/dc/terms/issued"  # Date Issued
    language: Final = "http://purl.org/dc/terms/language"  # Language
    license: Final = "http://purl.org/dc/terms/license"  # License
    mediator: Final = "http://purl.org/dc/terms/mediator"  # Mediator
    medium: Final = "http://purl.org/dc/terms/medium"  # Medium
    modified: Final = "http://purl.org/dc/terms/modified"  # Date Modified
    provenance: Final = "http://purl.org/dc/terms/provenance"  # Provenance
    publisher: Final = "http://purl.org/dc/terms/publisher"  # Publisher
    references: Final = "http://purl.org/dc/terms/references"  # References
    relation: Final = "http://purl.org/dc/terms/relation"  # Relation
    replaces: Final = "http://purl.org/dc/terms/replaces"  # Replaces
    requires: Final = "http://purl.org/dc/terms/requires"  # Requires
    rights: Final = "http://purl.org/dc/terms/rights"  # Rights
    rightsHolder: Final = "http://purl.org/dc/terms/rightsHolder"  # Rights Holder
    source: Final = "http://purl.org/dc/terms/source"  # Source
    spatial: Final = "http://purl.org/dc/terms/spatial"  # Spatial Coverage
    subject: Final = "http://purl.org/dc/terms/subject"  # Subject
    tableOfContents: Final = "http://purl.org/dc/terms/tableOfContents"  # Table Of Contents
    temporal: Final = "http://purl.org/dc/terms/temporal"  # Temporal Coverage
    title: Final = "http://purl.org/dc/terms/title"  # Title
    type: Final = "http://purl.org/dc/terms/type"  # Type
    valid: Final = "http://purl.org/dc/terms/valid"  # Date Valid


class DCMITYPE:
    """DCMI Type Vocabulary: terms of ``vocab/dcmitype.ttl``."""

    __slots__ = ()

    NS: Final = "http://purl.org/dc/dcmitype/"

    Collection: Final = "http://purl.org/dc/dcmitype/Collection"  # Collection
    Dataset: Final = "http://purl.org/dc/dcmitype/Dataset"  # Dataset
    Event: Final = "http://purl.org/dc/dcmitype/Event"  # Event
    Image: Final = "http://purl.org/dc/dcmitype/Image"  # Image
    InteractiveResource: Final = "http://purl.org/dc/dcmitype/InteractiveResource"  # Interactive Resource
    MovingImage: Final = "http://purl.org/dc/dcmitype/MovingImage"  # Moving Image
    PhysicalObject: Final = "http://purl.org/dc/dcmitype/PhysicalObject"  # Physical Object
    Service: Final = "http://purl.org/dc/dcmitype/Service"  # Service
    Software: Final = "http://purl.org/dc/dcmitype/Software"  # Software
    Sound: Final = "http://purl.org/dc/dcmitype/Sound"  # Sound
    StillImage: Final = "http://purl.org/dc/dcmitype/StillImage"  # Still Image
    Text: Final = "http://purl.org/dc/dcmitype/Text"  # Text


class BIBO:
    """The Bibliographic Ontology (BIBO): terms of ``vocab/bibo.ttl``."""

    __slots__ = ()

    NS: Final = "http://purl.org/ontology/bibo/"

    AcademicArticle: Final = "http://purl.org/ontology/bibo/AcademicArticle"  # Academic Article
    Article: Final = "http://purl.org/ontology/bibo/Article"  # Article
    AudioDocument: Final = "http://purl.org/ontology/bibo/AudioDocument"  # audio document
    AudioVisualDocument: Final = "http://purl.org/ontology/bibo/AudioVisualDocument"  # audio-visual document
    Bill: Final = "http://purl.org/ontology/bibo/Bill"  # Bill
    Book: Final = "http://purl.org/ontology/bibo/Book"  # Book
    BookSection: Final = "http://purl.org/ontology/bibo/BookSection"  # Book Section
    Brief: Final = "http://purl.org/ontology/bibo/Brief"  # Brief
    Chapter: Final = "http://purl.org/ontology/bibo/Chapter"  # Chapter
    Code: Final = "http://purl.org/ontology/bibo/Code"  # Code
    CollectedDocument: Final = "http://purl.org/ontology/bibo/CollectedDocument"  # Collected Document
    Collection: Final = "http://purl.org/ontology/bibo/Collection"  # Collection
    Conference: Final = "http://purl.org/ontology/bibo/Conference"  # Conference
    CourtReporter: Final = "http://purl.org/ontology/bibo/CourtReporter"  # Court Reporter
    Document: Final = "http://purl.org/ontology/bibo/Document"  # Document
    DocumentPart: Final = "http://purl.org/ontology/bibo/DocumentPart"  # document part
    DocumentStatus: Final = "http://purl.org/ontology/bibo/DocumentStatus"  # Document Status
    EditedBook: Final = "http://purl.org/ontology/bibo/EditedBook"  # Edited Book
    Email: Final = "http://purl.org/ontology/bibo/Email"  # EMail
    Event: Final = "http://purl.org/ontology/bibo/Event"  # Event
    Excerpt: Final = "http://purl.org/ontology/bibo/Excerpt"  # Excerpt
    Film: Final = "http://purl.org/ontology/bibo/Film"  # Film
    Hearing: Final = "http://purl.org/ontology/bibo/Hearing"  # Hearing
    Image: Final = "http://purl.org/ontology/bibo/Image"  # Image
    Interview: Final = "http://purl.org/ontology/bibo/Interview"  # Interview
    Issue: Final = "http://purl.org/ontology/bibo/Issue"  # Issue
    Journal: Final = "http://purl.org/ontology/bibo/Journal"  # Journal
    LegalCaseDocument: Final = "http://purl.org/ontology/bibo/LegalCaseDocument"  # Legal Case Document
    LegalDecision: Final = "http://purl.org/ontology/bibo/LegalDecision"  # Decision
    LegalDocument: Final = "http://purl.org/ontology/bibo/LegalDocument"  # Legal Document
    Legislation: Final = "http://purl.org/ontology/bibo/Legislation"  # Legislation
    Letter: Final = "http://purl.org/ontology/bibo/Letter"  # Letter
    Magazine: Final = "http://purl.org/ontology/bibo/Magazine"  # Magazine
    Manual: Final = "http://purl.org/ontology/bibo/Manual"  # Manual
    Manuscript: Final = "http://purl.org/ontology/bibo/Manuscript"  # Manuscript
    Map: Final = "http://purl.org/ontology/bibo/Map"  # Map
    MultiVolumeBook: Final = "http://purl.org/ontology/bibo/MultiVolumeBook"  # Multivolume Book
    Newspaper: Final = "http://purl.org/ontology/bibo/Newspaper"  # Newspaper
    Note: Final = "http://purl.org/ontology/bibo/Note"  # Note
    Patent: Final = "http://purl.org/ontology/bibo/Patent"  # Patent
    Performance: Final = "http://purl.org/ontology/bibo/Performance"  # Performance
    Periodical: Final = "http://purl.org/ontology/bibo/Periodical"  # Periodical
    PersonalCommunication: Final = "http://purl.org/ontology/bibo/PersonalCommunication"  # Personal Commun...
    PersonalCommunicationDocument: Final = "http://purl.org/ontology/bibo/PersonalCommunicationDocument"
    Proceedings: Final = "http://purl.org/ontology/bibo/Proceedings"  # Proceedings
    Quote: Final = "http://purl.org/ontology/bibo/Quote"  # Quote
    ReferenceSource: Final = "http://purl.org/ontology/bibo/ReferenceSource"  # Reference Source
    Report: Final = "http://purl.org/ontology/bibo/Report"  # Report
    Series: Final = "http://purl.org/ontology/bibo/Series"  # Series
    Slide: Final = "http://purl.org/ontology/bibo/Slide"  # Slide
    Slideshow: Final = "http://purl.org/ontology/bibo/Slideshow"  # Slideshow
    Specification: Final = "http://purl.org/ontology/bibo/Specification"  # Specification
    Standard: Final = "http://purl.org/ontology/bibo/Standard"  # Standard
    Statute: Final = "http://purl.org/ontology/bibo/Statute"  # Statute
    Thesis: Final = "http://purl.org/ontology/bibo/Thesis"  # Thesis
    ThesisDegree: Final = "http://purl.org/ontology/bibo/ThesisDegree"  # Thesis degree
    Webpage: Final = "http://purl.org/ontology/bibo/Webpage"  # Webpage
    Website: Final = "http://purl.org/ontology/bibo/Website"  # Website
    Workshop: Final = "http://purl.org/ontology/bibo/Workshop"  # Workshop
    abstract: Final = "http://purl.org/ontology/bibo/abstract"  # abstract
    affirmedBy: Final = "http://purl.org/ontology/bibo/affirmedBy"  # affirmedBy
    annotates: Final = "http://purl.org/ontology/bibo/annotates"  # annotates
    argued: Final = "http://purl.org/ontology/bibo/argued"  # date argued
    asin: Final = "http://purl.org/ontology/bibo/asin"  # asin
    authorList: Final = "http://purl.org/ontology/bibo/authorList"  # list of authors
    bdarcus: Final = "http://purl.org/ontology/bibo/bdarcus"  # Bruce D'Arcus
    chapter: Final = "http://purl.org/ontology/bibo/chapter"  # chapter
    citedBy: Final = "http://purl.org/ontology/bibo/citedBy"  # cited by
    cites: Final = "http://purl.org/ontology/bibo/cites"  # cites
    coden: Final = "http://purl.org/ontology/bibo/coden"  # coden
    content: Final = "http://purl.org/ontology/bibo/content"  # content
    contributorList: Final = "http://purl.org/ontology/bibo/contributorList"  # list of contributors
    court: Final = "http://purl.org/ontology/bibo/court"  # court
    degree: Final = "http://purl.org/ontology/bibo/degree"  # degree
    degrees_ma_: Final = "http://purl.org/ontology/bibo/degrees/ma"  # M.A.
    degrees_ms_: Final = "http://purl.org/ontology/bibo/degrees/ms"  # M.S.
    degrees_phd_: Final = "http://purl.org/ontology/bibo/degrees/phd"  # PhD degree
    director: Final = "http://purl.org/ontology/bibo/director"  # director
    distributor: Final = "http://purl.org/ontology/bibo/distributor"  # distributor
    doi: Final = "http://purl.org/ontology/bibo/doi"  # doi
    eanucc13: Final = "http://purl.org/ontology/bibo/eanucc13"  # eanucc13
    edition: Final = "http://purl.org/ontology/bibo/edition"  # edition
    editor: Final = "http://purl.org/ontology/bibo/editor"  # editor
    editorList: Final = "http://purl.org/ontology/bibo/editorList"  # list of editors
    eissn: Final = "http://purl.org/ontology/bibo/eissn"  # eissn
    fgiasson: Final = "http://purl.org/ontology/bibo/fgiasson"  # Frederick Giasson
    gtin14: Final = "http://purl.org/ontology/bibo/gtin14"  # gtin14
    handle: Final = "http://purl.org/ontology/bibo/handle"  # handle
    identifier: Final = "http://purl.org/ontology/bibo/identifier"  # identifier
    interviewee: Final = "http://purl.org/ontology/bibo/interviewee"  # interviewee
    interviewer: Final = "http://purl.org/ontology/bibo/interviewer"  # interviewer
    isbn: Final = "http://purl.org/ontology/bibo/isbn"  # isbn
    isbn10: Final = "http://purl.org/ontology/bibo/isbn10"  # isbn10
    isbn13: Final = "http://purl.org/ontology/bibo/isbn13"  # isbn13
    issn: Final = "http://purl.org/ontology/bibo/issn"  # issn
    issue: Final = "http://purl.org/ontology/bibo/issue"  # issue
    issuer: Final = "http://purl.org/ontology/bibo/issuer"  # issuer
    lccn: Final = "http://purl.org/ontology/bibo/lccn"  # lccn
    locator: Final = "http://purl.org/ontology/bibo/locator"  # locator
    numPages: Final = "http://purl.org/ontology/bibo/numPages"  # number of pages
    numVolumes: Final = "http://purl.org/ontology/bibo/numVolumes"  # number of volumes
    number: Final = "http://purl.org/ontology/bibo/number"  # number
    oclcnum: Final = "http://purl.org/ontology/bibo/oclcnum"  # oclcnum
    organizer: Final = "http://purl.org/ontology/bibo/organizer"  # organizer
    owner: Final = "http://purl.org/ontology/bibo/owner"  # owner
    pageEnd: Final = "http://purl.org/ontology/bibo/pageEnd"  # page end
    pageStart: Final = "http://purl.org/ontology/bibo/pageStart"  # page start
    pages: Final = "http://purl.org/ontology/bibo/pages"  # pages
    performer: Final = "http://purl.org/ontology/bibo/performer"  # performer
    pmid: Final = "http://purl.org/ontology/bibo/pmid"  # pmid
    prefixName: Final = "http://purl.org/ontology/bibo/prefixName"  # prefix name
    presentedAt: Final = "http://purl.org/ontology/bibo/presentedAt"  # presented at
    presents: Final = "http://purl.org/ontology/bibo/presents"  # presents
    producer: Final = "http://purl.org/ontology/bibo/producer"  # producer
    recipient: Final = "http://purl.org/ontology/bibo/recipient"  # recipient
    reproducedIn: Final = "http://purl.org/ontology/bibo/reproducedIn"  # reproducedIn
    reversedBy: Final = "http://purl.org/ontology/bibo/reversedBy"  # reversedBy
    reviewOf: Final = "http://purl.org/ontology/bibo/reviewOf"  # review of
    section: Final = "http://purl.org/ontology/bibo/section"  # section
    shortDescription: Final = "http://purl.org/ontology/bibo/shortDescription"  # shortDescription
    shortTitle: Final = "http://purl.org/ontology/bibo/shortTitle"  # short title
    sici: Final = "http://purl.org/ontology/bibo/sici"  # sici
    status: Final = "http://purl.org/ontology/bibo/status"  # status
    status_accepted_: Final = "http://purl.org/ontology/bibo/status/accepted"  # accepted
    status_draft_: Final = "http://purl.org/ontology/bibo/status/draft"  # draft
    status_forthcoming_: Final = "http://purl.org/ontology/bibo/status/forthcoming"  # forthcoming
    status_legal_: Final = "http://purl.org/ontology/bibo/status/legal"  # legal
    status_nonPeerReviewed_: Final = "http://purl.org/ontology/bibo/status/nonPeerReviewed"  # non peer rev...
    status_peerReviewed_: Final = "http://purl.org/ontology/bibo/status/peerReviewed"  # peer reviewed
    status_published_: Final = "http://purl.org/ontology/bibo/status/published"  # published
    status_rejected_: Final = "http://purl.org/ontology/bibo/status/rejected"  # rejected
    status_unpublished_: Final = "http://purl.org/ontology/bibo/status/unpublished"  # unpublished
    subsequentLegalDecision: Final = "http://purl.org/ontology/bibo/subsequentLegalDecision"  # subsequentL...
    suffixName: Final = "http://purl.org/ontology/bibo/suffixName"  # suffix name
    transcriptOf: Final = "http://purl.org/ontology/bibo/transcriptOf"  # transcript of
    translationOf: Final = "http://purl.org/ontology/bibo/translationOf"  # translation of
    translator: Final = "http://purl.org/ontology/bibo/translator"  # translator
    upc: Final = "http://purl.org/ontology/bibo/upc"  # upc
    uri: Final = "http://purl.org/ontology/bibo/uri"  # uri
    volume: Final = "http://purl.org/ontology/bibo/volume"  # volume


class SDO:
    """schema.org (the subset in vocab/schema.ttl): terms of ``vocab/schema.ttl``."""

    __slots__ = ()

    NS: Final = "http://schema.org/"
    CONTEXT: Final = "https://schema.org"  # what schema.org JSON-LD names as its @context

    Article: Final = "http://schema.org/Article"  # Article
    Book: Final = "http://schema.org/Book"  # Book
    BookSeries: Final = "http://schema.org/BookSeries"  # BookSeries
    Boolean: Final = "http://schema.org/Boolean"  # Boolean
    Chapter: Final = "http://schema.org/Chapter"  # Chapter
    Collection: Final = "http://schema.org/Collection"  # Collection
    CreativeWork: Final = "http://schema.org/CreativeWork"  # CreativeWork
    CreativeWorkSeries: Final = "http://schema.org/CreativeWorkSeries"  # CreativeWorkSeries
    DataType: Final = "http://schema.org/DataType"  # DataType
    Dataset: Final = "http://schema.org/Dataset"  # Dataset
    Date: Final = "http://schema.org/Date"  # Date
    DateTime: Final = "http://schema.org/DateTime"  # DateTime
    DefinedTerm: Final = "http://schema.org/DefinedTerm"  # DefinedTerm
    DefinedTermSet: Final = "http://schema.org/DefinedTermSet"  # DefinedTermSet
    ImageObject: Final = "http://schema.org/ImageObject"  # ImageObject
    Intangible: Final = "http://schema.org/Intangible"  # Intangible
    Integer: Final = "http://schema.org/Integer"  # Integer
    Language: Final = "http://schema.org/Language"  # Language
    MediaObject: Final = "http://schema.org/MediaObject"  # MediaObject
    Number: Final = "http://schema.org/Number"  # Number
    Organization: Final = "http://schema.org/Organization"  # Organization
    Periodical: Final = "http://schema.org/Periodical"  # Periodical
    Person: Final = "http://schema.org/Person"  # Person
    PropertyValue: Final = "http://schema.org/PropertyValue"  # PropertyValue
    PublicationIssue: Final = "http://schema.org/PublicationIssue"  # PublicationIssue
    PublicationVolume: Final = "http://schema.org/PublicationVolume"  # PublicationVolume
    Report: Final = "http://schema.org/Report"  # Report
    Role: Final = "http://schema.org/Role"  # Role
    ScholarlyArticle: Final = "http://schema.org/ScholarlyArticle"  # ScholarlyArticle
    Series: Final = "http://schema.org/Series"  # Series
    StructuredValue: Final = "http://schema.org/StructuredValue"  # StructuredValue
    Text: Final = "http://schema.org/Text"  # Text
    Thesis: Final = "http://schema.org/Thesis"  # Thesis
    Thing: Final = "http://schema.org/Thing"  # Thing
    URL: Final = "http://schema.org/URL"  # URL
    WebPage: Final = "http://schema.org/WebPage"  # WebPage
    about: Final = "http://schema.org/about"  # about
    abstract: Final = "http://schema.org/abstract"  # abstract
    additionalType: Final = "http://schema.org/additionalType"  # additionalType
    affiliation: Final = "http://schema.org/affiliation"  # affiliation
    alternateName: Final = "http://schema.org/alternateName"  # alternateName
    alternativeHeadline: Final = "http://schema.org/alternativeHeadline"  # alternativeHeadline
    author: Final = "http://schema.org/author"  # author
    citation: Final = "http://schema.org/citation"  # citation
    conditionsOfAccess: Final = "http://schema.org/conditionsOfAccess"  # conditionsOfAccess
    contentUrl: Final = "http://schema.org/contentUrl"  # contentUrl
    contributor: Final = "http://schema.org/contributor"  # contributor
    copyrightNotice: Final = "http://schema.org/copyrightNotice"  # copyrightNotice
    creativeWorkStatus: Final = "http://schema.org/creativeWorkStatus"  # creativeWorkStatus
    dateModified: Final = "http://schema.org/dateModified"  # dateModified
    datePublished: Final = "http://schema.org/datePublished"  # datePublished
    description: Final = "http://schema.org/description"  # description
    domainIncludes: Final = "http://schema.org/domainIncludes"  # domainIncludes
    editor: Final = "http://schema.org/editor"  # editor
    educationalLevel: Final = "http://schema.org/educationalLevel"  # educationalLevel
    encodingFormat: Final = "http://schema.org/encodingFormat"  # encodingFormat
    exampleOfWork: Final = "http://schema.org/exampleOfWork"  # exampleOfWork
    familyName: Final = "http://schema.org/familyName"  # familyName
    funder: Final = "http://schema.org/funder"  # funder
    genre: Final = "http://schema.org/genre"  # genre
    givenName: Final = "http://schema.org/givenName"  # givenName
    hasPart: Final = "http://schema.org/hasPart"  # hasPart
    headline: Final = "http://schema.org/headline"  # headline
    identifier: Final = "http://schema.org/identifier"  # identifier
    image: Final = "http://schema.org/image"  # image
    inDefinedTermSet: Final = "http://schema.org/inDefinedTermSet"  # inDefinedTermSet
    inLanguage: Final = "http://schema.org/inLanguage"  # inLanguage
    inSupportOf: Final = "http://schema.org/inSupportOf"  # inSupportOf
    inverseOf: Final = "http://schema.org/inverseOf"  # inverseOf
    isAccessibleForFree: Final = "http://schema.org/isAccessibleForFree"  # isAccessibleForFree
    isPartOf: Final = "http://schema.org/isPartOf"  # isPartOf
    isbn: Final = "http://schema.org/isbn"  # isbn
    issn: Final = "http://schema.org/issn"  # issn
    issueNumber: Final = "http://schema.org/issueNumber"  # issueNumber
    keywords: Final = "http://schema.org/keywords"  # keywords
    license: Final = "http://schema.org/license"  # license
    mainEntityOfPage: Final = "http://schema.org/mainEntityOfPage"  # mainEntityOfPage
    memberOf: Final = "http://schema.org/memberOf"  # memberOf
    mentions: Final = "http://schema.org/mentions"  # mentions
    name: Final = "http://schema.org/name"  # name
    pageEnd: Final = "http://schema.org/pageEnd"  # pageEnd
    pageStart: Final = "http://schema.org/pageStart"  # pageStart
    pagination: Final = "http://schema.org/pagination"  # pagination
    position: Final = "http://schema.org/position"  # position
    propertyID: Final = "http://schema.org/propertyID"  # propertyID
    provider: Final = "http://schema.org/provider"  # provider
    publisher: Final = "http://schema.org/publisher"  # publisher
    rangeIncludes: Final = "http://schema.org/rangeIncludes"  # rangeIncludes
    roleName: Final = "http://schema.org/roleName"  # roleName
    sameAs: Final = "http://schema.org/sameAs"  # sameAs
    sourceOrganization: Final = "http://schema.org/sourceOrganization"  # sourceOrganization
    sponsor: Final = "http://schema.org/sponsor"  # sponsor
    termCode: Final = "http://schema.org/termCode"  # termCode
    translator: Final = "http://schema.org/translator"  # translator
    url: Final = "http://schema.org/url"  # url
    value: Final = "http://schema.org/value"  # value
    version: Final = "http://schema.org/version"  # version
    volumeNumber: Final = "http://schema.org/volumeNumber"  # volumeNumber
    workExample: Final = "http://schema.org/workExample"  # workExample


class FOAF:
    """Friend of a Friend (FOAF): terms of ``vocab/foaf.ttl``."""

    __slots__ = ()

    NS: Final = "http://xmlns.com/foaf/0.1/"

    Agent: Final = "http://xmlns.com/foaf/0.1/Agent"  # Agent
    Document: Final = "http://xmlns.com/foaf/0.1/Document"  # Document
    Group: Final = "http://xmlns.com/foaf/0.1/Group"  # Group
    Image: Final = "http://xmlns.com/foaf/0.1/Image"  # Image
    LabelProperty: Final = "http://xmlns.com/foaf/0.1/LabelProperty"  # Label Property
    OnlineAccount: Final = "http://xmlns.com/foaf/0.1/OnlineAccount"  # Online Account
    OnlineChatAccount: Final = "http://xmlns.com/foaf/0.1/OnlineChatAccount"  # Online Chat Account
    OnlineEcommerceAccount: Final = "http://xmlns.com/foaf/0.1/OnlineEcommerceAccount"  # Online E-commerce...
    OnlineGamingAccount: Final = "http://xmlns.com/foaf/0.1/OnlineGamingAccount"  # Online Gaming Account
    Organization: Final = "http://xmlns.com/foaf/0.1/Organization"  # Organization
    Person: Final = "http://xmlns.com/foaf/0.1/Person"  # Person
    PersonalProfileDocument: Final = "http://xmlns.com/foaf/0.1/PersonalProfileDocument"  # PersonalProfile...
    Project: Final = "http://xmlns.com/foaf/0.1/Project"  # Project
    account: Final = "http://xmlns.com/foaf/0.1/account"  # account
    accountName: Final = "http://xmlns.com/foaf/0.1/accountName"  # account name
    accountServiceHomepage: Final = "http://xmlns.com/foaf/0.1/accountServiceHomepage"  # account service h...
    age: Final = "http://xmlns.com/foaf/0.1/age"  # age
    aimChatID: Final = "http://xmlns.com/foaf/0.1/aimChatID"  # AIM chat ID
    based_near: Final = "http://xmlns.com/foaf/0.1/based_near"  # based near
    birthday: Final = "http://xmlns.com/foaf/0.1/birthday"  # birthday
    currentProject: Final = "http://xmlns.com/foaf/0.1/currentProject"  # current project
    depiction: Final = "http://xmlns.com/foaf/0.1/depiction"  # depiction
    depicts: Final = "http://xmlns.com/foaf/0.1/depicts"  # depicts
    dnaChecksum: Final = "http://xmlns.com/foaf/0.1/dnaChecksum"  # DNA checksum
    familyName: Final = "http://xmlns.com/foaf/0.1/familyName"  # familyName
    family_name: Final = "http://xmlns.com/foaf/0.1/family_name"  # family_name
    firstName: Final = "http://xmlns.com/foaf/0.1/firstName"  # firstName
    focus: Final = "http://xmlns.com/foaf/0.1/focus"  # focus
    fundedBy: Final = "http://xmlns.com/foaf/0.1/fundedBy"  # funded by
    geekcode: Final = "http://xmlns.com/foaf/0.1/geekcode"  # geekcode
    gender: Final = "http://xmlns.com/foaf/0.1/gender"  # gender
    givenName: Final = "http://xmlns.com/foaf/0.1/givenName"  # Given name
    givenname: Final = "http://xmlns.com/foaf/0.1/givenname"  # Given name
    holdsAccount: Final = "http://xmlns.com/foaf/0.1/holdsAccount"  # account
    homepage: Final = "http://xmlns.com/foaf/0.1/homepage"  # homepage
    icqChatID: Final = "http://xmlns.com/foaf/0.1/icqChatID"  # ICQ chat ID
    img: Final = "http://xmlns.com/foaf/0.1/img"  # image
    interest: Final = "http://xmlns.com/foaf/0.1/interest"  # interest
    isPrimaryTopicOf: Final = "http://xmlns.com/foaf/0.1/isPrimaryTopicOf"  # is primary topic of
    jabberID: Final = "http://xmlns.com/foaf/0.1/jabberID"  # jabber ID
    knows: Final = "http://xmlns.com/foaf/0.1/knows"  # knows
    lastName: Final = "http://xmlns.com/foaf/0.1/lastName"  # lastName
    logo: Final = "http://xmlns.com/foaf/0.1/logo"  # logo
    made: Final = "http://xmlns.com/foaf/0.1/made"  # made
    maker: Final = "http://xmlns.com/foaf/0.1/maker"  # maker
    mbox: Final = "http://xmlns.com/foaf/0.1/mbox"  # personal mailbox
    mbox_sha1sum: Final = "http://xmlns.com/foaf/0.1/mbox_sha1sum"  # sha1sum of a personal mailbox URI name
    member: Final = "http://xmlns.com/foaf/0.1/member"  # member
    membershipClass: Final = "http://xmlns.com/foaf/0.1/membershipClass"  # membershipClass
    msnChatID: Final = "http://xmlns.com/foaf/0.1/msnChatID"  # MSN chat ID
    myersBriggs: Final = "http://xmlns.com/foaf/0.1/myersBriggs"  # myersBriggs
    name: Final = "http://xmlns.com/foaf/0.1/name"  # name
    nick: Final = "http://xmlns.com/foaf/0.1/nick"  # nickname
    openid: Final = "http://xmlns.com/foaf/0.1/openid"  # openid
    page: Final = "http://xmlns.com/foaf/0.1/page"  # page
    pastProject: Final = "http://xmlns.com/foaf/0.1/pastProject"  # past project
    phone: Final = "http://xmlns.com/foaf/0.1/phone"  # phone
    plan: Final = "http://xmlns.com/foaf/0.1/plan"  # plan
    primaryTopic: Final = "http://xmlns.com/foaf/0.1/primaryTopic"  # primary topic
    publications: Final = "http://xmlns.com/foaf/0.1/publications"  # publications
    schoolHomepage: Final = "http://xmlns.com/foaf/0.1/schoolHomepage"  # schoolHomepage
    sha1: Final = "http://xmlns.com/foaf/0.1/sha1"  # sha1sum (hex)
    skypeID: Final = "http://xmlns.com/foaf/0.1/skypeID"  # Skype ID
    status: Final = "http://xmlns.com/foaf/0.1/status"  # status
    surname: Final = "http://xmlns.com/foaf/0.1/surname"  # Surname
    theme: Final = "http://xmlns.com/foaf/0.1/theme"  # theme
    thumbnail: Final = "http://xmlns.com/foaf/0.1/thumbnail"  # thumbnail
    tipjar: Final = "http://xmlns.com/foaf/0.1/tipjar"  # tipjar
    title: Final = "http://xmlns.com/foaf/0.1/title"  # title
    topic: Final = "http://xmlns.com/foaf/0.1/topic"  # topic
    topic_interest: Final = "http://xmlns.com/foaf/0.1/topic_interest"  # topic_interest
    weblog: Final = "http://xmlns.com/foaf/0.1/weblog"  # weblog
    workInfoHomepage: Final = "http://xmlns.com/foaf/0.1/workInfoHomepage"  # work info homepage
    workplaceHomepage: Final = "http://xmlns.com/foaf/0.1/workplaceHomepage"  # workplace homepage
    yahooChatID: Final = "http://xmlns.com/foaf/0.1/yahooChatID"  # Yahoo chat ID


class SKOS:
    """SKOS Core: terms of ``vocab/skos.ttl``."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/2004/02/skos/core#"

    Collection: Final = "http://www.w3.org/2004/02/skos/core#Collection"  # Collection
    Concept: Final = "http://www.w3.org/2004/02/skos/core#Concept"  # Concept
    ConceptScheme: Final = "http://www.w3.org/2004/02/skos/core#ConceptScheme"  # Concept Scheme
    OrderedCollection: Final = "http://www.w3.org/2004/02/skos/core#OrderedCollection"  # Ordered Collection
    altLabel: Final = "http://www.w3.org/2004/02/skos/core#altLabel"  # alternative label
    broadMatch: Final = "http://www.w3.org/2004/02/skos/core#broadMatch"  # has broader match
    broader: Final = "http://www.w3.org/2004/02/skos/core#broader"  # has broader
    broaderTransitive: Final = "http://www.w3.org/2004/02/skos/core#broaderTransitive"  # has broader trans...
    changeNote: Final = "http://www.w3.org/2004/02/skos/core#changeNote"  # change note
    closeMatch: Final = "http://www.w3.org/2004/02/skos/core#closeMatch"  # has close match
    definition: Final = "http://www.w3.org/2004/02/skos/core#definition"  # definition
    editorialNote: Final = "http://www.w3.org/2004/02/skos/core#editorialNote"  # editorial note
    exactMatch: Final = "http://www.w3.org/2004/02/skos/core#exactMatch"  # has exact match
    example: Final = "http://www.w3.org/2004/02/skos/core#example"  # example
    hasTopConcept: Final = "http://www.w3.org/2004/02/skos/core#hasTopConcept"  # has top concept
    hiddenLabel: Final = "http://www.w3.org/2004/02/skos/core#hiddenLabel"  # hidden label
    historyNote: Final = "http://www.w3.org/2004/02/skos/core#historyNote"  # history note
    inScheme: Final = "http://www.w3.org/2004/02/skos/core#inScheme"  # is in scheme
    mappingRelation: Final = "http://www.w3.org/2004/02/skos/core#mappingRelation"  # is in mapping relatio...
    member: Final = "http://www.w3.org/2004/02/skos/core#member"  # has member
    memberList: Final = "http://www.w3.org/2004/02/skos/core#memberList"  # has member list
    narrowMatch: Final = "http://www.w3.org/2004/02/skos/core#narrowMatch"  # has narrower match
    narrower: Final = "http://www.w3.org/2004/02/skos/core#narrower"  # has narrower
    narrowerTransitive: Final = "http://www.w3.org/2004/02/skos/core#narrowerTransitive"  # has narrower tr...
    notation: Final = "http://www.w3.org/2004/02/skos/core#notation"  # notation
    note: Final = "http://www.w3.org/2004/02/skos/core#note"  # note
    prefLabel: Final = "http://www.w3.org/2004/02/skos/core#prefLabel"  # preferred label
    related: Final = "http://www.w3.org/2004/02/skos/core#related"  # has related
    relatedMatch: Final = "http://www.w3.org/2004/02/skos/core#relatedMatch"  # has related match
    scopeNote: Final = "http://www.w3.org/2004/02/skos/core#scopeNote"  # scope note
    semanticRelation: Final = "http://www.w3.org/2004/02/skos/core#semanticRelation"  # is in semantic rela...
    topConceptOf: Final = "http://www.w3.org/2004/02/skos/core#topConceptOf"  # is top concept in scheme


class NLD:
    """notice_ld's own vocabulary: terms of ``vocab/notice_ld.ttl``."""

    __slots__ = ()

    NS: Final = "https://w3id.org/notice-ld/ns#"

    EtAl: Final = "https://w3id.org/notice-ld/ns#EtAl"  # other authors (et al.)
    collection: Final = "https://w3id.org/notice-ld/ns#collection"  # collection
    discipline: Final = "https://w3id.org/notice-ld/ns#discipline"  # discipline
    etAl: Final = "https://w3id.org/notice-ld/ns#etAl"  # et al.
    isSupplementTo: Final = "https://w3id.org/notice-ld/ns#isSupplementTo"  # is supplement to
    isSupplementedBy: Final = "https://w3id.org/notice-ld/ns#isSupplementedBy"  # is supplemented by
    issnL: Final = "https://w3id.org/notice-ld/ns#issnL"  # linking ISSN (ISSN-L)
    provider: Final = "https://w3id.org/notice-ld/ns#provider"  # providing organisation
    scope: Final = "https://w3id.org/notice-ld/ns#scope"  # scope
    sourceName: Final = "https://w3id.org/notice-ld/ns#sourceName"  # source name
    thesisAdvisor: Final = "https://w3id.org/notice-ld/ns#thesisAdvisor"  # thesis advisor
    typeLabel: Final = "https://w3id.org/notice-ld/ns#typeLabel"  # type label


class RDF:
    """RDF, the ``rdf:`` namespace.

    Container membership properties (``rdf:_1``…) are ``NS + f"_{n}"``.
    """

    __slots__ = ()

    NS: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    Alt: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Alt"
    Bag: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Bag"
    CompoundLiteral: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#CompoundLiteral"
    HTML: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML"
    JSON: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
    List: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#List"
    PlainLiteral: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral"
    Property: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
    Seq: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Seq"
    Statement: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
    XMLLiteral: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"
    direction: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction"
    first: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
    langString: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    language: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language"
    nil: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
    object: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
    predicate: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
    rest: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
    subject: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
    type: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    value: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


class RDFS:
    """RDF Schema, the ``rdfs:`` namespace."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/2000/01/rdf-schema#"

    Class: Final = "http://www.w3.org/2000/01/rdf-schema#Class"
    Container: Final = "http://www.w3.org/2000/01/rdf-schema#Container"
    ContainerMembershipProperty: Final = "http://www.w3.org/2000/01/rdf-schema#ContainerMembershipProperty"
    Datatype: Final = "http://www.w3.org/2000/01/rdf-schema#Datatype"
    Literal: Final = "http://www.w3.org/2000/01/rdf-schema#Literal"
    Resource: Final = "http://www.w3.org/2000/01/rdf-schema#Resource"
    comment: Final = "http://www.w3.org/2000/01/rdf-schema#comment"
    domain: Final = "http://www.w3.org/2000/01/rdf-schema#domain"
    isDefinedBy: Final = "http://www.w3.org/2000/01/rdf-schema#isDefinedBy"
    label: Final = "http://www.w3.org/2000/01/rdf-schema#label"
    member: Final = "http://www.w3.org/2000/01/rdf-schema#member"
    range: Final = "http://www.w3.org/2000/01/rdf-schema#range"
    seeAlso: Final = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
    subClassOf: Final = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
    subPropertyOf: Final = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"


class XSD:
    """XML Schema datatypes and facets, the ``xsd:`` namespace."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/2001/XMLSchema#"

    Assertions: Final = "http://www.w3.org/2001/XMLSchema#Assertions"
    ENTITIES: Final = "http://www.w3.org/2001/XMLSchema#ENTITIES"
    ENTITY: Final = "http://www.w3.org/2001/XMLSchema#ENTITY"
    ID: Final = "http://www.w3.org/2001/XMLSchema#ID"
    IDREF: Final = "http://www.w3.org/2001/XMLSchema#IDREF"
    IDREFS: Final = "http://www.w3.org/2001/XMLSchema#IDREFS"
    NCName: Final = "http://www.w3.org/2001/XMLSchema#NCName"
    NMTOKEN: Final = "http://www.w3.org/2001/XMLSchema#NMTOKEN"
    NMTOKENS: Final = "http://www.w3.org/2001/XMLSchema#NMTOKENS"
    NOTATION: Final = "http://www.w3.org/2001/XMLSchema#NOTATION"
    Name: Final = "http://www.w3.org/2001/XMLSchema#Name"
    QName: Final = "http://www.w3.org/2001/XMLSchema#QName"
    anyURI: Final = "http://www.w3.org/2001/XMLSchema#anyURI"
    base64Binary: Final = "http://www.w3.org/2001/XMLSchema#base64Binary"
    boolean: Final = "http://www.w3.org/2001/XMLSchema#boolean"
    bounded: Final = "http://www.w3.org/2001/XMLSchema#bounded"
    byte: Final = "http://www.w3.org/2001/XMLSchema#byte"
    cardinality: Final = "http://www.w3.org/2001/XMLSchema#cardinality"
    date: Final = "http://www.w3.org/2001/XMLSchema#date"
    dateTime: Final = "http://www.w3.org/2001/XMLSchema#dateTime"
    dateTimeStamp: Final = "http://www.w3.org/2001/XMLSchema#dateTimeStamp"
    day: Final = "http://www.w3.org/2001/XMLSchema#day"
    dayTimeDuration: Final = "http://www.w3.org/2001/XMLSchema#dayTimeDuration"
    decimal: Final = "http://www.w3.org/2001/XMLSchema#decimal"
    double: Final = "http://www.w3.org/2001/XMLSchema#double"
    duration: Final = "http://www.w3.org/2001/XMLSchema#duration"
    enumeration: Final = "http://www.w3.org/2001/XMLSchema#enumeration"
    explicitTimezone: Final = "http://www.w3.org/2001/XMLSchema#explicitTimezone"
    float: Final = "http://www.w3.org/2001/XMLSchema#float"
    fractionDigits: Final = "http://www.w3.org/2001/XMLSchema#fractionDigits"
    gDay: Final = "http://www.w3.org/2001/XMLSchema#gDay"
    gMonth: Final = "http://www.w3.org/2001/XMLSchema#gMonth"
    gMonthDay: Final = "http://www.w3.org/2001/XMLSchema#gMonthDay"
    gYear: Final = "http://www.w3.org/2001/XMLSchema#gYear"
    gYearMonth: Final = "http://www.w3.org/2001/XMLSchema#gYearMonth"
    hexBinary: Final = "http://www.w3.org/2001/XMLSchema#hexBinary"
    hour: Final = "http://www.w3.org/2001/XMLSchema#hour"
    int: Final = "http://www.w3.org/2001/XMLSchema#int"
    integer: Final = "http://www.w3.org/2001/XMLSchema#integer"
    language: Final = "http://www.w3.org/2001/XMLSchema#language"
    length: Final = "http://www.w3.org/2001/XMLSchema#length"
    long: Final = "http://www.w3.org/2001/XMLSchema#long"
    maxExclusive: Final = "http://www.w3.org/2001/XMLSchema#maxExclusive"
    maxInclusive: Final = "http://www.w3.org/2001/XMLSchema#maxInclusive"
    maxLength: Final = "http://www.w3.org/2001/XMLSchema#maxLength"
    minExclusive: Final = "http://www.w3.org/2001/XMLSchema#minExclusive"
    minInclusive: Final = "http://www.w3.org/2001/XMLSchema#minInclusive"
    minLength: Final = "http://www.w3.org/2001/XMLSchema#minLength"
    minute: Final = "http://www.w3.org/2001/XMLSchema#minute"
    month: Final = "http://www.w3.org/2001/XMLSchema#month"
    negativeInteger: Final = "http://www.w3.org/2001/XMLSchema#negativeInteger"
    nonNegativeInteger: Final = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    nonPositiveInteger: Final = "http://www.w3.org/2001/XMLSchema#nonPositiveInteger"
    normalizedString: Final = "http://www.w3.org/2001/XMLSchema#normalizedString"
    numeric: Final = "http://www.w3.org/2001/XMLSchema#numeric"
    ordered: Final = "http://www.w3.org/2001/XMLSchema#ordered"
    pattern: Final = "http://www.w3.org/2001/XMLSchema#pattern"
    positiveInteger: Final = "http://www.w3.org/2001/XMLSchema#positiveInteger"
    second: Final = "http://www.w3.org/2001/XMLSchema#second"
    short: Final = "http://www.w3.org/2001/XMLSchema#short"
    string: Final = "http://www.w3.org/2001/XMLSchema#string"
    time: Final = "http://www.w3.org/2001/XMLSchema#time"
    timezoneOffset: Final = "http://www.w3.org/2001/XMLSchema#timezoneOffset"
    token: Final = "http://www.w3.org/2001/XMLSchema#token"
    totalDigits: Final = "http://www.w3.org/2001/XMLSchema#totalDigits"
    unsignedByte: Final = "http://www.w3.org/2001/XMLSchema#unsignedByte"
    unsignedInt: Final = "http://www.w3.org/2001/XMLSchema#unsignedInt"
    unsignedLong: Final = "http://www.w3.org/2001/XMLSchema#unsignedLong"
    unsignedShort: Final = "http://www.w3.org/2001/XMLSchema#unsignedShort"
    whiteSpace: Final = "http://www.w3.org/2001/XMLSchema#whiteSpace"
    year: Final = "http://www.w3.org/2001/XMLSchema#year"
    yearMonthDuration: Final = "http://www.w3.org/2001/XMLSchema#yearMonthDuration"


class OWL:
    """OWL 2, the ``owl:`` namespace."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/2002/07/owl#"

    AllDifferent: Final = "http://www.w3.org/2002/07/owl#AllDifferent"
    AllDisjointClasses: Final = "http://www.w3.org/2002/07/owl#AllDisjointClasses"
    AllDisjointProperties: Final = "http://www.w3.org/2002/07/owl#AllDisjointProperties"
    Annotation: Final = "http://www.w3.org/2002/07/owl#Annotation"
    AnnotationProperty: Final = "http://www.w3.org/2002/07/owl#AnnotationProperty"
    AsymmetricProperty: Final = "http://www.w3.org/2002/07/owl#AsymmetricProperty"
    Axiom: Final = "http://www.w3.org/2002/07/owl#Axiom"
    Class: Final = "http://www.w3.org/2002/07/owl#Class"
    DataRange: Final = "http://www.w3.org/2002/07/owl#DataRange"
    DatatypeProperty: Final = "http://www.w3.org/2002/07/owl#DatatypeProperty"
    DeprecatedClass: Final = "http://www.w3.org/2002/07/owl#DeprecatedClass"
    DeprecatedProperty: Final = "http://www.w3.org/2002/07/owl#DeprecatedProperty"
    FunctionalProperty: Final = "http://www.w3.org/2002/07/owl#FunctionalProperty"
    InverseFunctionalProperty: Final = "http://www.w3.org/2002/07/owl#InverseFunctionalProperty"
    IrreflexiveProperty: Final = "http://www.w3.org/2002/07/owl#IrreflexiveProperty"
    NamedIndividual: Final = "http://www.w3.org/2002/07/owl#NamedIndividual"
    NegativePropertyAssertion: Final = "http://www.w3.org/2002/07/owl#NegativePropertyAssertion"
    Nothing: Final = "http://www.w3.org/2002/07/owl#Nothing"
    ObjectProperty: Final = "http://www.w3.org/2002/07/owl#ObjectProperty"
    Ontology: Final = "http://www.w3.org/2002/07/owl#Ontology"
    OntologyProperty: Final = "http://www.w3.org/2002/07/owl#OntologyProperty"
    ReflexiveProperty: Final = "http://www.w3.org/2002/07/owl#ReflexiveProperty"
    Restriction: Final = "http://www.w3.org/2002/07/owl#Restriction"
    SymmetricProperty: Final = "http://www.w3.org/2002/07/owl#SymmetricProperty"
    Thing: Final = "http://www.w3.org/2002/07/owl#Thing"
    TransitiveProperty: Final = "http://www.w3.org/2002/07/owl#TransitiveProperty"
    allValuesFrom: Final = "http://www.w3.org/2002/07/owl#allValuesFrom"
    annotatedProperty: Final = "http://www.w3.org/2002/07/owl#annotatedProperty"
    annotatedSource: Final = "http://www.w3.org/2002/07/owl#annotatedSource"
    annotatedTarget: Final = "http://www.w3.org/2002/07/owl#annotatedTarget"
    assertionProperty: Final = "http://www.w3.org/2002/07/owl#assertionProperty"
    backwardCompatibleWith: Final = "http://www.w3.org/2002/07/owl#backwardCompatibleWith"
    bottomDataProperty: Final = "http://www.w3.org/2002/07/owl#bottomDataProperty"
    bottomObjectProperty: Final = "http://www.w3.org/2002/07/owl#bottomObjectProperty"
    cardinality: Final = "http://www.w3.org/2002/07/owl#cardinality"
    complementOf: Final = "http://www.w3.org/2002/07/owl#complementOf"
    datatypeComplementOf: Final = "http://www.w3.org/2002/07/owl#datatypeComplementOf"
    deprecated: Final = "http://www.w3.org/2002/07/owl#deprecated"
    differentFrom: Final = "http://www.w3.org/2002/07/owl#differentFrom"
    disjointUnionOf: Final = "http://www.w3.org/2002/07/owl#disjointUnionOf"
    disjointWith: Final = "http://www.w3.org/2002/07/owl#disjointWith"
    distinctMembers: Final = "http://www.w3.org/2002/07/owl#distinctMembers"
    equivalentClass: Final = "http://www.w3.org/2002/07/owl#equivalentClass"
    equivalentProperty: Final = "http://www.w3.org/2002/07/owl#equivalentProperty"
    hasKey: Final = "http://www.w3.org/2002/07/owl#hasKey"
    hasSelf: Final = "http://www.w3.org/2002/07/owl#hasSelf"
    hasValue: Final = "http://www.w3.org/2002/07/owl#hasValue"
    imports: Final = "http://www.w3.org/2002/07/owl#imports"
    incompatibleWith: Final = "http://www.w3.org/2002/07/owl#incompatibleWith"
    intersectionOf: Final = "http://www.w3.org/2002/07/owl#intersectionOf"
    inverseOf: Final = "http://www.w3.org/2002/07/owl#inverseOf"
    maxCardinality: Final = "http://www.w3.org/2002/07/owl#maxCardinality"
    maxQualifiedCardinality: Final = "http://www.w3.org/2002/07/owl#maxQualifiedCardinality"
    members: Final = "http://www.w3.org/2002/07/owl#members"
    minCardinality: Final = "http://www.w3.org/2002/07/owl#minCardinality"
    minQualifiedCardinality: Final = "http://www.w3.org/2002/07/owl#minQualifiedCardinality"
    onClass: Final = "http://www.w3.org/2002/07/owl#onClass"
    onDataRange: Final = "http://www.w3.org/2002/07/owl#onDataRange"
    onDatatype: Final = "http://www.w3.org/2002/07/owl#onDatatype"
    onProperties: Final = "http://www.w3.org/2002/07/owl#onProperties"
    onProperty: Final = "http://www.w3.org/2002/07/owl#onProperty"
    oneOf: Final = "http://www.w3.org/2002/07/owl#oneOf"
    priorVersion: Final = "http://www.w3.org/2002/07/owl#priorVersion"
    propertyChainAxiom: Final = "http://www.w3.org/2002/07/owl#propertyChainAxiom"
    propertyDisjointWith: Final = "http://www.w3.org/2002/07/owl#propertyDisjointWith"
    qualifiedCardinality: Final = "http://www.w3.org/2002/07/owl#qualifiedCardinality"
    rational: Final = "http://www.w3.org/2002/07/owl#rational"
    real: Final = "http://www.w3.org/2002/07/owl#real"
    sameAs: Final = "http://www.w3.org/2002/07/owl#sameAs"
    someValuesFrom: Final = "http://www.w3.org/2002/07/owl#someValuesFrom"
    sourceIndividual: Final = "http://www.w3.org/2002/07/owl#sourceIndividual"
    targetIndividual: Final = "http://www.w3.org/2002/07/owl#targetIndividual"
    targetValue: Final = "http://www.w3.org/2002/07/owl#targetValue"
    topDataProperty: Final = "http://www.w3.org/2002/07/owl#topDataProperty"
    topObjectProperty: Final = "http://www.w3.org/2002/07/owl#topObjectProperty"
    unionOf: Final = "http://www.w3.org/2002/07/owl#unionOf"
    versionIRI: Final = "http://www.w3.org/2002/07/owl#versionIRI"
    versionInfo: Final = "http://www.w3.org/2002/07/owl#versionInfo"
    withRestrictions: Final = "http://www.w3.org/2002/07/owl#withRestrictions"


class SH:
    """SHACL (SHACL-AF and SHACL-JS included), the ``sh:`` namespace."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/ns/shacl#"

    AbstractResult: Final = "http://www.w3.org/ns/shacl#AbstractResult"
    AndConstraintComponent: Final = "http://www.w3.org/ns/shacl#AndConstraintComponent"
    AndConstraintComponent_and_: Final = "http://www.w3.org/ns/shacl#AndConstraintComponent-and"
    BlankNode: Final = "http://www.w3.org/ns/shacl#BlankNode"
    BlankNodeOrIRI: Final = "http://www.w3.org/ns/shacl#BlankNodeOrIRI"
    BlankNodeOrLiteral: Final = "http://www.w3.org/ns/shacl#BlankNodeOrLiteral"
    ClassConstraintComponent: Final = "http://www.w3.org/ns/shacl#ClassConstraintComponent"
    ClassConstraintComponent_class_: Final = "http://www.w3.org/ns/shacl#ClassConstraintComponent-class"
    ClosedConstraintComponent: Final = "http://www.w3.org/ns/shacl#ClosedConstraintComponent"
    ClosedConstraintComponent_closed_: Final = "http://www.w3.org/ns/shacl#ClosedConstraintComponent-closed"
    ClosedConstraintComponent_ignoredProperties_: Final = (
        "http://www.w3.org/ns/shacl#ClosedConstraintComponent-ignoredProperties"
    )
    ConstraintComponent: Final = "http://www.w3.org/ns/shacl#ConstraintComponent"
    DatatypeConstraintComponent: Final = "http://www.w3.org/ns/shacl#DatatypeConstraintComponent"
    DatatypeConstraintComponent_datatype_: Final = (
        "http://www.w3.org/ns/shacl#DatatypeConstraintComponent-datatype"
    )
    DisjointConstraintComponent: Final = "http://www.w3.org/ns/shacl#DisjointConstraintComponent"
    DisjointConstraintComponent_disjoint_: Final = (
        "http://www.w3.org/ns/shacl#DisjointConstraintComponent-disjoint"
    )
    EqualsConstraintComponent: Final = "http://www.w3.org/ns/shacl#EqualsConstraintComponent"
    EqualsConstraintComponent_equals_: Final = "http://www.w3.org/ns/shacl#EqualsConstraintComponent-equals"
    ExpressionConstraintComponent: Final = "http://www.w3.org/ns/shacl#ExpressionConstraintComponent"
    ExpressionConstraintComponent_expression_: Final = (
        "http://www.w3.org/ns/shacl#ExpressionConstraintComponent-expression"
    )
    Function: Final = "http://www.w3.org/ns/shacl#Function"
    HasValueConstraintComponent: Final = "http://www.w3.org/ns/shacl#HasValueConstraintComponent"
    HasValueConstraintComponent_hasValue_: Final = (
        "http://www.w3.org/ns/shacl#HasValueConstraintComponent-hasValue"
    )
    IRI: Final = "http://www.w3.org/ns/shacl#IRI"
    IRIOrLiteral: Final = "http://www.w3.org/ns/shacl#IRIOrLiteral"
    InConstraintComponent: Final = "http://www.w3.org/ns/shacl#InConstraintComponent"
    InConstraintComponent_in_: Final = "http://www.w3.org/ns/shacl#InConstraintComponent-in"
    Info: Final = "http://www.w3.org/ns/shacl#Info"
    JSConstraint: Final = "http://www.w3.org/ns/shacl#JSConstraint"
    JSConstraint_js_: Final = "http://www.w3.org/ns/shacl#JSConstraint-js"
    JSConstraintComponent: Final = "http://www.w3.org/ns/shacl#JSConstraintComponent"
    JSExecutable: Final = "http://www.w3.org/ns/shacl#JSExecutable"
    JSFunction: Final = "http://www.w3.org/ns/shacl#JSFunction"
    JSLibrary: Final = "http://www.w3.org/ns/shacl#JSLibrary"
    JSRule: Final = "http://www.w3.org/ns/shacl#JSRule"
    JSTarget: Final = "http://www.w3.org/ns/shacl#JSTarget"
    JSTargetType: Final = "http://www.w3.org/ns/shacl#JSTargetType"
    JSValidator: Final = "http://www.w3.org/ns/shacl#JSValidator"
    LanguageInConstraintComponent: Final = "http://www.w3.org/ns/shacl#LanguageInConstraintComponent"
    LanguageInConstraintComponent_languageIn_: Final = (
        "http://www.w3.org/ns/shacl#LanguageInConstraintComponent-languageIn"
    )
    LessThanConstraintComponent: Final = "http://www.w3.org/ns/shacl#LessThanConstraintComponent"
    LessThanConstraintComponent_lessThan_: Final = (
        "http://www.w3.org/ns/shacl#LessThanConstraintComponent-lessThan"
    )
    LessThanOrEqualsConstraintComponent: Final = (
        "http://www.w3.org/ns/shacl#LessThanOrEqualsConstraintComponent"
    )
    LessThanOrEqualsConstraintComponent_lessThanOrEquals_: Final = (
        "http://www.w3.org/ns/shacl#LessThanOrEqualsConstraintComponent-lessThanOrEquals"
    )
    Literal: Final = "http://www.w3.org/ns/shacl#Literal"
    MaxCountConstraintComponent: Final = "http://www.w3.org/ns/shacl#MaxCountConstraintComponent"
    MaxCountConstraintComponent_maxCount_: Final = (
        "http://www.w3.org/ns/shacl#MaxCountConstraintComponent-maxCount"
    )
    MaxExclusiveConstraintComponent: Final = "http://www.w3.org/ns/shacl#MaxExclusiveConstraintComponent"
    MaxExclusiveConstraintComponent_maxExclusive_: Final = (
        "http://www.w3.org/ns/shacl#MaxExclusiveConstraintComponent-maxExclusive"
    )
    MaxInclusiveConstraintComponent: Final = "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent"
    MaxInclusiveConstraintComponent_maxInclusive_: Final = (
        "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent-maxInclusive"
    )
    MaxLengthConstraintComponent: Final = "http://www.w3.org/ns/shacl#MaxLengthConstraintComponent"
    MaxLengthConstraintComponent_maxLength_: Final = (
        "http://www.w3.org/ns/shacl#MaxLengthConstraintComponent-maxLength"
    )
    MinCountConstraintComponent: Final = "http://www.w3.org/ns/shacl#MinCountConstraintComponent"
    MinCountConstraintComponent_minCount_: Final = (
        "http://www.w3.org/ns/shacl#MinCountConstraintComponent-minCount"
    )
    MinExclusiveConstraintComponent: Final = "http://www.w3.org/ns/shacl#MinExclusiveConstraintComponent"
    MinExclusiveConstraintComponent_minExclusive_: Final = (
        "http://www.w3.org/ns/shacl#MinExclusiveConstraintComponent-minExclusive"
    )
    MinInclusiveConstraintComponent: Final = "http://www.w3.org/ns/shacl#MinInclusiveConstraintComponent"
    MinInclusiveConstraintComponent_minInclusive_: Final = (
        "http://www.w3.org/ns/shacl#MinInclusiveConstraintComponent-minInclusive"
    )
    MinLengthConstraintComponent: Final = "http://www.w3.org/ns/shacl#MinLengthConstraintComponent"
    MinLengthConstraintComponent_minLength_: Final = (
        "http://www.w3.org/ns/shacl#MinLengthConstraintComponent-minLength"
    )
    NodeConstraintComponent: Final = "http://www.w3.org/ns/shacl#NodeConstraintComponent"
    NodeConstraintComponent_node_: Final = "http://www.w3.org/ns/shacl#NodeConstraintComponent-node"
    NodeKind: Final = "http://www.w3.org/ns/shacl#NodeKind"
    NodeKindConstraintComponent: Final = "http://www.w3.org/ns/shacl#NodeKindConstraintComponent"
    NodeKindConstraintComponent_nodeKind_: Final = (
        "http://www.w3.org/ns/shacl#NodeKindConstraintComponent-nodeKind"
    )
    NodeShape: Final = "http://www.w3.org/ns/shacl#NodeShape"
    NotConstraintComponent: Final = "http://www.w3.org/ns/shacl#NotConstraintComponent"
    NotConstraintComponent_not_: Final = "http://www.w3.org/ns/shacl#NotConstraintComponent-not"
    OrConstraintComponent: Final = "http://www.w3.org/ns/shacl#OrConstraintComponent"
    OrConstraintComponent_or_: Final = "http://www.w3.org/ns/shacl#OrConstraintComponent-or"
    Parameter: Final = "http://www.w3.org/ns/shacl#Parameter"
    Parameterizable: Final = "http://www.w3.org/ns/shacl#Parameterizable"
    PatternConstraintComponent: Final = "http://www.w3.org/ns/shacl#PatternConstraintComponent"
    PatternConstraintComponent_flags_: Final = "http://www.w3.org/ns/shacl#PatternConstraintComponent-flags"
    PatternConstraintComponent_pattern_: Final = (
        "http://www.w3.org/ns/shacl#PatternConstraintComponent-pattern"
    )
    PrefixDeclaration: Final = "http://www.w3.org/ns/shacl#PrefixDeclaration"
    PropertyConstraintComponent: Final = "http://www.w3.org/ns/shacl#PropertyConstraintComponent"
    PropertyConstraintComponent_property_: Final = (
        "http://www.w3.org/ns/shacl#PropertyConstraintComponent-property"
    )
    PropertyGroup: Final = "http://www.w3.org/ns/shacl#PropertyGroup"
    PropertyShape: Final = "http://www.w3.org/ns/shacl#PropertyShape"
    QualifiedMaxCountConstraintComponent: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMaxCountConstraintComponent"
    )
    QualifiedMaxCountConstraintComponent_qualifiedMaxCount_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMaxCountConstraintComponent-qualifiedMaxCount"
    )
    QualifiedMaxCountConstraintComponent_qualifiedValueShape_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMaxCountConstraintComponent-qualifiedValueShape"
    )
    QualifiedMaxCountConstraintComponent_qualifiedValueShapesDisjoint_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMaxCountConstraintComponent-qualifiedValueShapesDisjoint"
    )
    QualifiedMinCountConstraintComponent: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMinCountConstraintComponent"
    )
    QualifiedMinCountConstraintComponent_qualifiedMinCount_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMinCountConstraintComponent-qualifiedMinCount"
    )
    QualifiedMinCountConstraintComponent_qualifiedValueShape_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMinCountConstraintComponent-qualifiedValueShape"
    )
    QualifiedMinCountConstraintComponent_qualifiedValueShapesDisjoint_: Final = (
        "http://www.w3.org/ns/shacl#QualifiedMinCountConstraintComponent-qualifiedValueShapesDisjoint"
    )
    ResultAnnotation: Final = "http://www.w3.org/ns/shacl#ResultAnnotation"
    Rule: Final = "http://www.w3.org/ns/shacl#Rule"
    SPARQLAskExecutable: Final = "http://www.w3.org/ns/shacl#SPARQLAskExecutable"
    SPARQLAskValidator: Final = "http://www.w3.org/ns/shacl#SPARQLAskValidator"
    SPARQLConstraint: Final = "http://www.w3.org/ns/shacl#SPARQLConstraint"
    SPARQLConstraintComponent: Final = "http://www.w3.org/ns/shacl#SPARQLConstraintComponent"
    SPARQLConstraintComponent_sparql_: Final = "http://www.w3.org/ns/shacl#SPARQLConstraintComponent-sparql"
    SPARQLConstructExecutable: Final = "http://www.w3.org/ns/shacl#SPARQLConstructExecutable"
    SPARQLExecutable: Final = "http://www.w3.org/ns/shacl#SPARQLExecutable"
    SPARQLFunction: Final = "http://www.w3.org/ns/shacl#SPARQLFunction"
    SPARQLRule: Final = "http://www.w3.org/ns/shacl#SPARQLRule"
    SPARQLSelectExecutable: Final = "http://www.w3.org/ns/shacl#SPARQLSelectExecutable"
    SPARQLSelectValidator: Final = "http://www.w3.org/ns/shacl#SPARQLSelectValidator"
    SPARQLTarget: Final = "http://www.w3.org/ns/shacl#SPARQLTarget"
    SPARQLTargetType: Final = "http://www.w3.org/ns/shacl#SPARQLTargetType"
    SPARQLUpdateExecutable: Final = "http://www.w3.org/ns/shacl#SPARQLUpdateExecutable"
    Severity: Final = "http://www.w3.org/ns/shacl#Severity"
    Shape: Final = "http://www.w3.org/ns/shacl#Shape"
    Target: Final = "http://www.w3.org/ns/shacl#Target"
    TargetType: Final = "http://www.w3.org/ns/shacl#TargetType"
    TripleRule: Final = "http://www.w3.org/ns/shacl#TripleRule"
    UniqueLangConstraintComponent: Final = "http://www.w3.org/ns/shacl#UniqueLangConstraintComponent"
    UniqueLangConstraintComponent_uniqueLang_: Final = (
        "http://www.w3.org/ns/shacl#UniqueLangConstraintComponent-uniqueLang"
    )
    ValidationReport: Final = "http://www.w3.org/ns/shacl#ValidationReport"
    ValidationResult: Final = "http://www.w3.org/ns/shacl#ValidationResult"
    Validator: Final = "http://www.w3.org/ns/shacl#Validator"
    Violation: Final = "http://www.w3.org/ns/shacl#Violation"
    Warning: Final = "http://www.w3.org/ns/shacl#Warning"
    XoneConstraintComponent: Final = "http://www.w3.org/ns/shacl#XoneConstraintComponent"
    XoneConstraintComponent_xone_: Final = "http://www.w3.org/ns/shacl#XoneConstraintComponent-xone"
    alternativePath: Final = "http://www.w3.org/ns/shacl#alternativePath"
    and_: Final = "http://www.w3.org/ns/shacl#and"
    annotationProperty: Final = "http://www.w3.org/ns/shacl#annotationProperty"
    annotationValue: Final = "http://www.w3.org/ns/shacl#annotationValue"
    annotationVarName: Final = "http://www.w3.org/ns/shacl#annotationVarName"
    ask: Final = "http://www.w3.org/ns/shacl#ask"
    class_: Final = "http://www.w3.org/ns/shacl#class"
    closed: Final = "http://www.w3.org/ns/shacl#closed"
    condition: Final = "http://www.w3.org/ns/shacl#condition"
    conforms: Final = "http://www.w3.org/ns/shacl#conforms"
    construct: Final = "http://www.w3.org/ns/shacl#construct"
    datatype: Final = "http://www.w3.org/ns/shacl#datatype"
    deactivated: Final = "http://www.w3.org/ns/shacl#deactivated"
    declare: Final = "http://www.w3.org/ns/shacl#declare"
    defaultValue: Final = "http://www.w3.org/ns/shacl#defaultValue"
    description: Final = "http://www.w3.org/ns/shacl#description"
    detail: Final = "http://www.w3.org/ns/shacl#detail"
    disjoint: Final = "http://www.w3.org/ns/shacl#disjoint"
    entailment: Final = "http://www.w3.org/ns/shacl#entailment"
    equals: Final = "http://www.w3.org/ns/shacl#equals"
    expression: Final = "http://www.w3.org/ns/shacl#expression"
    filterShape: Final = "http://www.w3.org/ns/shacl#filterShape"
    flags: Final = "http://www.w3.org/ns/shacl#flags"
    focusNode: Final = "http://www.w3.org/ns/shacl#focusNode"
    group: Final = "http://www.w3.org/ns/shacl#group"
    hasValue: Final = "http://www.w3.org/ns/shacl#hasValue"
    ignoredProperties: Final = "http://www.w3.org/ns/shacl#ignoredProperties"
    in_: Final = "http://www.w3.org/ns/shacl#in"
    intersection: Final = "http://www.w3.org/ns/shacl#intersection"
    inversePath: Final = "http://www.w3.org/ns/shacl#inversePath"
    js: Final = "http://www.w3.org/ns/shacl#js"
    jsFunctionName: Final = "http://www.w3.org/ns/shacl#jsFunctionName"
    jsLibrary: Final = "http://www.w3.org/ns/shacl#jsLibrary"
    jsLibraryURL: Final = "http://www.w3.org/ns/shacl#jsLibraryURL"
    labelTemplate: Final = "http://www.w3.org/ns/shacl#labelTemplate"
    languageIn: Final = "http://www.w3.org/ns/shacl#languageIn"
    lessThan: Final = "http://www.w3.org/ns/shacl#lessThan"
    lessThanOrEquals: Final = "http://www.w3.org/ns/shacl#lessThanOrEquals"
    maxCount: Final = "http://www.w3.org/ns/shacl#maxCount"
    maxExclusive: Final = "http://www.w3.org/ns/shacl#maxExclusive"
    maxInclusive: Final = "http://www.w3.org/ns/shacl#maxInclusive"
    maxLength: Final = "http://www.w3.org/ns/shacl#maxLength"
    message: Final = "http://www.w3.org/ns/shacl#message"
    minCount: Final = "http://www.w3.org/ns/shacl#minCount"
    minExclusive: Final = "http://www.w3.org/ns/shacl#minExclusive"
    minInclusive: Final = "http://www.w3.org/ns/shacl#minInclusive"
    minLength: Final = "http://www.w3.org/ns/shacl#minLength"
    name: Final = "http://www.w3.org/ns/shacl#name"
    namespace: Final = "http://www.w3.org/ns/shacl#namespace"
    node: Final = "http://www.w3.org/ns/shacl#node"
    nodeKind: Final = "http://www.w3.org/ns/shacl#nodeKind"
    nodeValidator: Final = "http://www.w3.org/ns/shacl#nodeValidator"
    nodes: Final = "http://www.w3.org/ns/shacl#nodes"
    not_: Final = "http://www.w3.org/ns/shacl#not"
    object: Final = "http://www.w3.org/ns/shacl#object"
    oneOrMorePath: Final = "http://www.w3.org/ns/shacl#oneOrMorePath"
    optional: Final = "http://www.w3.org/ns/shacl#optional"
    or_: Final = "http://www.w3.org/ns/shacl#or"
    order: Final = "http://www.w3.org/ns/shacl#order"
    parameter: Final = "http://www.w3.org/ns/shacl#parameter"
    path: Final = "http://www.w3.org/ns/shacl#path"
    pattern: Final = "http://www.w3.org/ns/shacl#pattern"
    predicate: Final = "http://www.w3.org/ns/shacl#predicate"
    prefix: Final = "http://www.w3.org/ns/shacl#prefix"
    prefixes: Final = "http://www.w3.org/ns/shacl#prefixes"
    property: Final = "http://www.w3.org/ns/shacl#property"
    propertyValidator: Final = "http://www.w3.org/ns/shacl#propertyValidator"
    qualifiedMaxCount: Final = "http://www.w3.org/ns/shacl#qualifiedMaxCount"
    qualifiedMinCount: Final = "http://www.w3.org/ns/shacl#qualifiedMinCount"
    qualifiedValueShape: Final = "http://www.w3.org/ns/shacl#qualifiedValueShape"
    qualifiedValueShapesDisjoint: Final = "http://www.w3.org/ns/shacl#qualifiedValueShapesDisjoint"
    result: Final = "http://www.w3.org/ns/shacl#result"
    resultAnnotation: Final = "http://www.w3.org/ns/shacl#resultAnnotation"
    resultMessage: Final = "http://www.w3.org/ns/shacl#resultMessage"
    resultPath: Final = "http://www.w3.org/ns/shacl#resultPath"
    resultSeverity: Final = "http://www.w3.org/ns/shacl#resultSeverity"
    returnType: Final = "http://www.w3.org/ns/shacl#returnType"
    rule: Final = "http://www.w3.org/ns/shacl#rule"
    select: Final = "http://www.w3.org/ns/shacl#select"
    severity: Final = "http://www.w3.org/ns/shacl#severity"
    shapesGraph: Final = "http://www.w3.org/ns/shacl#shapesGraph"
    shapesGraphWellFormed: Final = "http://www.w3.org/ns/shacl#shapesGraphWellFormed"
    sourceConstraint: Final = "http://www.w3.org/ns/shacl#sourceConstraint"
    sourceConstraintComponent: Final = "http://www.w3.org/ns/shacl#sourceConstraintComponent"
    sourceShape: Final = "http://www.w3.org/ns/shacl#sourceShape"
    sparql: Final = "http://www.w3.org/ns/shacl#sparql"
    subject: Final = "http://www.w3.org/ns/shacl#subject"
    suggestedShapesGraph: Final = "http://www.w3.org/ns/shacl#suggestedShapesGraph"
    target: Final = "http://www.w3.org/ns/shacl#target"
    targetClass: Final = "http://www.w3.org/ns/shacl#targetClass"
    targetNode: Final = "http://www.w3.org/ns/shacl#targetNode"
    targetObjectsOf: Final = "http://www.w3.org/ns/shacl#targetObjectsOf"
    targetSubjectsOf: Final = "http://www.w3.org/ns/shacl#targetSubjectsOf"
    this: Final = "http://www.w3.org/ns/shacl#this"
    union: Final = "http://www.w3.org/ns/shacl#union"
    uniqueLang: Final = "http://www.w3.org/ns/shacl#uniqueLang"
    update: Final = "http://www.w3.org/ns/shacl#update"
    validator: Final = "http://www.w3.org/ns/shacl#validator"
    value: Final = "http://www.w3.org/ns/shacl#value"
    xone: Final = "http://www.w3.org/ns/shacl#xone"
    zeroOrMorePath: Final = "http://www.w3.org/ns/shacl#zeroOrMorePath"
    zeroOrOnePath: Final = "http://www.w3.org/ns/shacl#zeroOrOnePath"


class DC:
    """DCMI Metadata Terms, the legacy /elements/1.1/ namespace (the 15 elements)."""

    __slots__ = ()

    NS: Final = "http://purl.org/dc/elements/1.1/"

    contributor: Final = "http://purl.org/dc/elements/1.1/contributor"
    coverage: Final = "http://purl.org/dc/elements/1.1/coverage"
    creator: Final = "http://purl.org/dc/elements/1.1/creator"
    date: Final = "http://purl.org/dc/elements/1.1/date"
    description: Final = "http://purl.org/dc/elements/1.1/description"
    format: Final = "http://purl.org/dc/elements/1.1/format"
    identifier: Final = "http://purl.org/dc/elements/1.1/identifier"
    language: Final = "http://purl.org/dc/elements/1.1/language"
    publisher: Final = "http://purl.org/dc/elements/1.1/publisher"
    relation: Final = "http://purl.org/dc/elements/1.1/relation"
    rights: Final = "http://purl.org/dc/elements/1.1/rights"
    source: Final = "http://purl.org/dc/elements/1.1/source"
    subject: Final = "http://purl.org/dc/elements/1.1/subject"
    title: Final = "http://purl.org/dc/elements/1.1/title"
    type: Final = "http://purl.org/dc/elements/1.1/type"


class DCAT:
    """Data Catalog Vocabulary (DCAT) 2."""

    __slots__ = ()

    NS: Final = "http://www.w3.org/ns/dcat#"

    Catalog: Final = "http://www.w3.org/ns/dcat#Catalog"
    CatalogRecord: Final = "http://www.w3.org/ns/dcat#CatalogRecord"
    DataService: Final = "http://www.w3.org/ns/dcat#DataService"
    Dataset: Final = "http://www.w3.org/ns/dcat#Dataset"
    Distribution: Final = "http://www.w3.org/ns/dcat#Distribution"
    Relationship: Final = "http://www.w3.org/ns/dcat#Relationship"
    Resource: Final = "http://www.w3.org/ns/dcat#Resource"
    Role: Final = "http://www.w3.org/ns/dcat#Role"
    accessService: Final = "http://www.w3.org/ns/dcat#accessService"
    accessURL: Final = "http://www.w3.org/ns/dcat#accessURL"
    bbox: Final = "http://www.w3.org/ns/dcat#bbox"
    byteSize: Final = "http://www.w3.org/ns/dcat#byteSize"
    catalog: Final = "http://www.w3.org/ns/dcat#catalog"
    centroid: Final = "http://www.w3.org/ns/dcat#centroid"
    compressFormat: Final = "http://www.w3.org/ns/dcat#compressFormat"
    contactPoint: Final = "http://www.w3.org/ns/dcat#contactPoint"
    dataset: Final = "http://www.w3.org/ns/dcat#dataset"
    distribution: Final = "http://www.w3.org/ns/dcat#distribution"
    downloadURL: Final = "http://www.w3.org/ns/dcat#downloadURL"
    endDate: Final = "http://www.w3.org/ns/dcat#endDate"
    endpointDescription: Final = "http://www.w3.org/ns/dcat#endpointDescription"
    endpointURL: Final = "http://www.w3.org/ns/dcat#endpointURL"
    hadRole: Final = "http://www.w3.org/ns/dcat#hadRole"
    keyword: Final = "http://www.w3.org/ns/dcat#keyword"
    landingPage: Final = "http://www.w3.org/ns/dcat#landingPage"
    mediaType: Final = "http://www.w3.org/ns/dcat#mediaType"
    packageFormat: Final = "http://www.w3.org/ns/dcat#packageFormat"
    qualifiedRelation: Final = "http://www.w3.org/ns/dcat#qualifiedRelation"
    record: Final = "http://www.w3.org/ns/dcat#record"
    servesDataset: Final = "http://www.w3.org/ns/dcat#servesDataset"
    service: Final = "http://www.w3.org/ns/dcat#service"
    spatialResolutionInMeters: Final = "http://www.w3.org/ns/dcat#spatialResolutionInMeters"
    startDate: Final = "http://www.w3.org/ns/dcat#startDate"
    temporalResolution: Final = "http://www.w3.org/ns/dcat#temporalResolution"
    theme: Final = "http://www.w3.org/ns/dcat#theme"
    themeTaxonomy: Final = "http://www.w3.org/ns/dcat#themeTaxonomy"


class VOID:
    """Vocabulary of Interlinked Datasets (VoID)."""

    __slots__ = ()

    NS: Final = "http://rdfs.org/ns/void#"

    Dataset: Final = "http://rdfs.org/ns/void#Dataset"
    DatasetDescription: Final = "http://rdfs.org/ns/void#DatasetDescription"
    Linkset: Final = "http://rdfs.org/ns/void#Linkset"
    TechnicalFeature: Final = "http://rdfs.org/ns/void#TechnicalFeature"
    class_: Final = "http://rdfs.org/ns/void#class"
    classPartition: Final = "http://rdfs.org/ns/void#classPartition"
    classes: Final = "http://rdfs.org/ns/void#classes"
    dataDump: Final = "http://rdfs.org/ns/void#dataDump"
    distinctObjects: Final = "http://rdfs.org/ns/void#distinctObjects"
    distinctSubjects: Final = "http://rdfs.org/ns/void#distinctSubjects"
    documents: Final = "http://rdfs.org/ns/void#documents"
    entities: Final = "http://rdfs.org/ns/void#entities"
    exampleResource: Final = "http://rdfs.org/ns/void#exampleResource"
    feature: Final = "http://rdfs.org/ns/void#feature"
    inDataset: Final = "http://rdfs.org/ns/void#inDataset"
    linkPredicate: Final = "http://rdfs.org/ns/void#linkPredicate"
    objectsTarget: Final = "http://rdfs.org/ns/void#objectsTarget"
    openSearchDescription: Final = "http://rdfs.org/ns/void#openSearchDescription"
    properties: Final = "http://rdfs.org/ns/void#properties"
    property: Final = "http://rdfs.org/ns/void#property"
    propertyPartition: Final = "http://rdfs.org/ns/void#propertyPartition"
    rootResource: Final = "http://rdfs.org/ns/void#rootResource"
    sparqlEndpoint: Final = "http://rdfs.org/ns/void#sparqlEndpoint"
    subjectsTarget: Final = "http://rdfs.org/ns/void#subjectsTarget"
    subset: Final = "http://rdfs.org/ns/void#subset"
    target: Final = "http://rdfs.org/ns/void#target"
    triples: Final = "http://rdfs.org/ns/void#triples"
    uriLookupEndpoint: Final = "http://rdfs.org/ns/void#uriLookupEndpoint"
    uriRegexPattern: Final = "http://rdfs.org/ns/void#uriRegexPattern"
    uriSpace: Final = "http://rdfs.org/ns/void#uriSpace"
    vocabulary: Final = "http://rdfs.org/ns/void#vocabulary"


class FORMATS:
    """W3C Unique URIs for File Formats.

    No terms declared: the code builds the format IRIs it writes from format names.
    """

    __slots__ = ()

    NS: Final = "http://www.w3.org/ns/formats/"


class IANA_MEDIA_TYPES:
    """IANA media types, as IRIs (``NS + "text/turtle"``)."""

    __slots__ = ()

    NS: Final = "https://www.iana.org/assignments/media-types/"


class LEXVO:
    """Lexvo.org ISO 639-3 language IRIs (``NS + "fra"``)."""

    __slots__ = ()

    NS: Final = "http://lexvo.org/id/iso639-3/"


class COAR:
    """COAR Resource Types vocabulary (``NS + "c_6501"``)."""

    __slots__ = ()

    NS: Final = "http://purl.org/coar/resource_type/"


class COAR_ACCESS_RIGHT:
    """COAR Access Rights vocabulary 1.0.

    Open ``c_abf2``, embargoed ``c_f1cf``, restricted ``c_16ec``, metadata only ``c_14cb``.
    """

    __slots__ = ()

    NS: Final = "http://purl.org/coar/access_right/"

    c_14cb: Final = "http://purl.org/coar/access_right/c_14cb"
    c_16ec: Final = "http://purl.org/coar/access_right/c_16ec"
    c_abf2: Final = "http://purl.org/coar/access_right/c_abf2"
    c_f1cf: Final = "http://purl.org/coar/access_right/c_f1cf"


class XML:
    """The XML namespace (``xml:lang``…).

    An XML namespace: element and attribute names are ``{NS}local`` (Clark notation).
    """

    __slots__ = ()

    NS: Final = "http://www.w3.org/XML/1998/namespace"


class XSI:
    """XML Schema instance attributes (``xsi:type``…).

    An XML namespace: element and attribute names are ``{NS}local`` (Clark notation).
    """

    __slots__ = ()

    NS: Final = "http://www.w3.org/2001/XMLSchema-instance"


class SHAPES_CORE:
    """notice_ld's shapes of the ``dcterms`` profile (``shapes/core.ttl``)."""

    __slots__ = ()

    NS: Final = "https://w3id.org/notice-ld/shapes/core#"


class SHAPES_BIBO:
    """notice_ld's shapes of the ``bibo`` profile (``shapes/bibo.ttl``)."""

    __slots__ = ()

    NS: Final = "https://w3id.org/notice-ld/shapes/bibo#"


class SHAPES_SCHEMA:
    """notice_ld's shapes of the ``schema`` profile (``shapes/schema.ttl``)."""

    __slots__ = ()

    NS: Final = "https://w3id.org/notice-ld/shapes/schema#"


class SHAPES_GOOGLE_ARTICLE:
    """notice_ld's shapes of the ``google-article`` profile (``shapes/google-article.ttl``)."""

    __slots__ = ()

    NS: Final = "https://w3id.org/notice-ld/shapes/google-article#"
