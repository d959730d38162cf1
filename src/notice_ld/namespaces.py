"""Closed rdflib namespaces for the vocabularies notice_ld publishes with.

GENERATED FILE -- do not edit by hand. It is written by ``vocab/generate_namespaces.py``
from the vocabulary files in ``vocab/``; to regenerate it after changing them, run::

    python vocab/generate_namespaces.py

(``python vocab/generate_namespaces.py --check`` exits 1 when this file is stale.)

Each class is an rdflib ``DefinedNamespace`` with ``_fail = True``: only the terms
declared in the corresponding vocabulary file exist, and a misspelt term raises
``AttributeError`` instead of silently minting a new IRI. ``SDO`` is schema.org in the
``http://schema.org/`` namespace (the one the official JSON-LD context maps to), unlike
``rdflib.namespace.SDO`` which uses ``https://schema.org/``.
"""

# rdflib's namespace module is imported as a module (not ``from ... import DefinedNamespace``)
# so that tools probing this module's globals (pytest's doctest collection) do not touch the
# open base class DefinedNamespace, which warns on every unknown attribute.
from rdflib import namespace as rdflib_namespace
from rdflib.term import URIRef

__all__ = ["BIBO", "DCMITYPE", "DCTERMS", "FOAF", "NLD", "SDO", "SKOS"]


class DCTERMS(rdflib_namespace.DefinedNamespace):
    """DCMI Metadata Terms: terms of ``vocab/dcterms.ttl``."""

    _fail = True

    Agent: URIRef  # Agent
    AgentClass: URIRef  # Agent Class
    BibliographicResource: URIRef  # Bibliographic Resource
    Box: URIRef  # DCMI Box
    DCMIType: URIRef  # DCMI Type Vocabulary
    DDC: URIRef  # DDC
    FileFormat: URIRef  # File Format
    Frequency: URIRef  # Frequency
    IMT: URIRef  # IMT
    ISO3166: URIRef  # ISO 3166
    Jurisdiction: URIRef  # Jurisdiction
    LCC: URIRef  # LCC
    LCSH: URIRef  # LCSH
    LicenseDocument: URIRef  # License Document
    LinguisticSystem: URIRef  # Linguistic System
    Location: URIRef  # Location
    LocationPeriodOrJurisdiction: URIRef  # Location, Period, or Jurisdiction
    MESH: URIRef  # MeSH
    MediaType: URIRef  # Media Type
    MediaTypeOrExtent: URIRef  # Media Type or Extent
    MethodOfAccrual: URIRef  # Method of Accrual
    MethodOfInstruction: URIRef  # Method of Instruction
    NLM: URIRef  # NLM
    Period: URIRef  # DCMI Period
    PeriodOfTime: URIRef  # Period of Time
    PhysicalMedium: URIRef  # Physical Medium
    PhysicalResource: URIRef  # Physical Resource
    Point: URIRef  # DCMI Point
    Policy: URIRef  # Policy
    ProvenanceStatement: URIRef  # Provenance Statement
    RFC1766: URIRef  # RFC 1766
    RFC3066: URIRef  # RFC 3066
    RFC4646: URIRef  # RFC 4646
    RFC5646: URIRef  # RFC 5646
    RightsStatement: URIRef  # Rights Statement
    SizeOrDuration: URIRef  # Size or Duration
    Standard: URIRef  # Standard
    TGN: URIRef  # TGN
    UDC: URIRef  # UDC
    URI: URIRef  # URI
    W3CDTF: URIRef  # W3C-DTF
    abstract: URIRef  # Abstract
    accessRights: URIRef  # Access Rights
    accrualMethod: URIRef  # Accrual Method
    accrualPeriodicity: URIRef  # Accrual Periodicity
    accrualPolicy: URIRef  # Accrual Policy
    alternative: URIRef  # Alternative Title
    audience: URIRef  # Audience
    available: URIRef  # Date Available
    bibliographicCitation: URIRef  # Bibliographic Citation
    conformsTo: URIRef  # Conforms To
    contributor: URIRef  # Contributor
    coverage: URIRef  # Coverage
    created: URIRef  # Date Created
    creator: URIRef  # Creator
    date: URIRef  # Date
    dateAccepted: URIRef  # Date Accepted
    dateCopyrighted: URIRef  # Date Copyrighted
    dateSubmitted: URIRef  # Date Submitted
    description: URIRef  # Description
    educationLevel: URIRef  # Audience Education Level
    extent: URIRef  # Extent
    format: URIRef  # Format
    hasFormat: URIRef  # Has Format
    hasPart: URIRef  # Has Part
    hasVersion: URIRef  # Has Version
    identifier: URIRef  # Identifier
    instructionalMethod: URIRef  # Instructional Method
    isFormatOf: URIRef  # Is Format Of
    isPartOf: URIRef  # Is Part Of
    isReferencedBy: URIRef  # Is Referenced By
    isReplacedBy: URIRef  # Is Replaced By
    isRequiredBy: URIRef  # Is Required By
    isVersionOf: URIRef  # Is Version Of
    issued: URIRef  # Date Issued
    language: URIRef  # Language
    license: URIRef  # License
    mediator: URIRef  # Mediator
    medium: URIRef  # Medium
    modified: URIRef  # Date Modified
    provenance: URIRef  # Provenance
    publisher: URIRef  # Publisher
    references: URIRef  # References
    relation: URIRef  # Relation
    replaces: URIRef  # Replaces
    requires: URIRef  # Requires
    rights: URIRef  # Rights
    rightsHolder: URIRef  # Rights Holder
    source: URIRef  # Source
    spatial: URIRef  # Spatial Coverage
    subject: URIRef  # Subject
    tableOfContents: URIRef  # Table Of Contents
    temporal: URIRef  # Temporal Coverage
    title: URIRef  # Title
    type: URIRef  # Type
    valid: URIRef  # Date Valid

    # Local names that are not Python identifiers: use the item syntax, NS[name].
    # (A list, not a tuple: DefinedNamespace declares _extras as List[str].)
    _extras = [  # noqa: RUF012
        "ISO639-2",
        "ISO639-3",
    ]

    _NS = rdflib_namespace.Namespace("http://purl.org/dc/terms/")


class DCMITYPE(rdflib_namespace.DefinedNamespace):
    """DCMI Type Vocabulary: terms of ``vocab/dcmitype.ttl``."""

    _fail = True

    Collection: URIRef  # Collection
    Dataset: URIRef  # Dataset
    Event: URIRef  # Event
    Image: URIRef  # Image
    InteractiveResource: URIRef  # Interactive Resource
    MovingImage: URIRef  # Moving Image
    PhysicalObject: URIRef  # Physical Object
    Service: URIRef  # Service
    Software: URIRef  # Software
    Sound: URIRef  # Sound
    StillImage: URIRef  # Still Image
    Text: URIRef  # Text

    _NS = rdflib_namespace.Namespace("http://purl.org/dc/dcmitype/")


class BIBO(rdflib_namespace.DefinedNamespace):
    """The Bibliographic Ontology (BIBO): terms of ``vocab/bibo.ttl``."""

    _fail = True

    AcademicArticle: URIRef  # Academic Article
    Article: URIRef  # Article
    AudioDocument: URIRef  # audio document
    AudioVisualDocument: URIRef  # audio-visual document
    Bill: URIRef  # Bill
    Book: URIRef  # Book
    BookSection: URIRef  # Book Section
    Brief: URIRef  # Brief
    Chapter: URIRef  # Chapter
    Code: URIRef  # Code
    CollectedDocument: URIRef  # Collected Document
    Collection: URIRef  # Collection
    Conference: URIRef  # Conference
    CourtReporter: URIRef  # Court Reporter
    Document: URIRef  # Document
    DocumentPart: URIRef  # document part
    DocumentStatus: URIRef  # Document Status
    EditedBook: URIRef  # Edited Book
    Email: URIRef  # EMail
    Event: URIRef  # Event
    Excerpt: URIRef  # Excerpt
    Film: URIRef  # Film
    Hearing: URIRef  # Hearing
    Image: URIRef  # Image
    Interview: URIRef  # Interview
    Issue: URIRef  # Issue
    Journal: URIRef  # Journal
    LegalCaseDocument: URIRef  # Legal Case Document
    LegalDecision: URIRef  # Decision
    LegalDocument: URIRef  # Legal Document
    Legislation: URIRef  # Legislation
    Letter: URIRef  # Letter
    Magazine: URIRef  # Magazine
    Manual: URIRef  # Manual
    Manuscript: URIRef  # Manuscript
    Map: URIRef  # Map
    MultiVolumeBook: URIRef  # Multivolume Book
    Newspaper: URIRef  # Newspaper
    Note: URIRef  # Note
    Patent: URIRef  # Patent
    Performance: URIRef  # Performance
    Periodical: URIRef  # Periodical
    PersonalCommunication: URIRef  # Personal Communication
    PersonalCommunicationDocument: URIRef  # Personal Communication Document
    Proceedings: URIRef  # Proceedings
    Quote: URIRef  # Quote
    ReferenceSource: URIRef  # Reference Source
    Report: URIRef  # Report
    Series: URIRef  # Series
    Slide: URIRef  # Slide
    Slideshow: URIRef  # Slideshow
    Specification: URIRef  # Specification
    Standard: URIRef  # Standard
    Statute: URIRef  # Statute
    Thesis: URIRef  # Thesis
    ThesisDegree: URIRef  # Thesis degree
    Webpage: URIRef  # Webpage
    Website: URIRef  # Website
    Workshop: URIRef  # Workshop
    abstract: URIRef  # abstract
    affirmedBy: URIRef  # affirmedBy
    annotates: URIRef  # annotates
    argued: URIRef  # date argued
    asin: URIRef  # asin
    authorList: URIRef  # list of authors
    bdarcus: URIRef  # Bruce D'Arcus
    chapter: URIRef  # chapter
    citedBy: URIRef  # cited by
    cites: URIRef  # cites
    coden: URIRef  # coden
    content: URIRef  # content
    contributorList: URIRef  # list of contributors
    court: URIRef  # court
    degree: URIRef  # degree
    director: URIRef  # director
    distributor: URIRef  # distributor
    doi: URIRef  # doi
    eanucc13: URIRef  # eanucc13
    edition: URIRef  # edition
    editor: URIRef  # editor
    editorList: URIRef  # list of editors
    eissn: URIRef  # eissn
    fgiasson: URIRef  # Frederick Giasson
    gtin14: URIRef  # gtin14
    handle: URIRef  # handle
    identifier: URIRef  # identifier
    interviewee: URIRef  # interviewee
    interviewer: URIRef  # interviewer
    isbn: URIRef  # isbn
    isbn10: URIRef  # isbn10
    isbn13: URIRef  # isbn13
    issn: URIRef  # issn
    issue: URIRef  # issue
    issuer: URIRef  # issuer
    lccn: URIRef  # lccn
    locator: URIRef  # locator
    numPages: URIRef  # number of pages
    numVolumes: URIRef  # number of volumes
    number: URIRef  # number
    oclcnum: URIRef  # oclcnum
    organizer: URIRef  # organizer
    owner: URIRef  # owner
    pageEnd: URIRef  # page end
    pageStart: URIRef  # page start
    pages: URIRef  # pages
    performer: URIRef  # performer
    pmid: URIRef  # pmid
    prefixName: URIRef  # prefix name
    presentedAt: URIRef  # presented at
    presents: URIRef  # presents
    producer: URIRef  # producer
    recipient: URIRef  # recipient
    reproducedIn: URIRef  # reproducedIn
    reversedBy: URIRef  # reversedBy
    reviewOf: URIRef  # review of
    section: URIRef  # section
    shortDescription: URIRef  # shortDescription
    shortTitle: URIRef  # short title
    sici: URIRef  # sici
    status: URIRef  # status
    subsequentLegalDecision: URIRef  # subsequentLegalDecision
    suffixName: URIRef  # suffix name
    transcriptOf: URIRef  # transcript of
    translationOf: URIRef  # translation of
    translator: URIRef  # translator
    upc: URIRef  # upc
    uri: URIRef  # uri
    volume: URIRef  # volume

    # Local names that are not Python identifiers: use the item syntax, NS[name].
    # (A list, not a tuple: DefinedNamespace declares _extras as List[str].)
    _extras = [  # noqa: RUF012
        "degrees/ma",
        "degrees/ms",
        "degrees/phd",
        "status/accepted",
        "status/draft",
        "status/forthcoming",
        "status/legal",
        "status/nonPeerReviewed",
        "status/peerReviewed",
        "status/published",
        "status/rejected",
        "status/unpublished",
    ]

    _NS = rdflib_namespace.Namespace("http://purl.org/ontology/bibo/")


class SDO(rdflib_namespace.DefinedNamespace):
    """schema.org (the subset in vocab/schema.ttl): terms of ``vocab/schema.ttl``."""

    _fail = True

    Article: URIRef  # Article
    Book: URIRef  # Book
    BookSeries: URIRef  # BookSeries
    Boolean: URIRef  # Boolean
    Chapter: URIRef  # Chapter
    Collection: URIRef  # Collection
    CreativeWork: URIRef  # CreativeWork
    CreativeWorkSeries: URIRef  # CreativeWorkSeries
    DataType: URIRef  # DataType
    Dataset: URIRef  # Dataset
    Date: URIRef  # Date
    DateTime: URIRef  # DateTime
    DefinedTerm: URIRef  # DefinedTerm
    DefinedTermSet: URIRef  # DefinedTermSet
    ImageObject: URIRef  # ImageObject
    Intangible: URIRef  # Intangible
    Integer: URIRef  # Integer
    Language: URIRef  # Language
    MediaObject: URIRef  # MediaObject
    Number: URIRef  # Number
    Organization: URIRef  # Organization
    Periodical: URIRef  # Periodical
    Person: URIRef  # Person
    PropertyValue: URIRef  # PropertyValue
    PublicationIssue: URIRef  # PublicationIssue
    PublicationVolume: URIRef  # PublicationVolume
    Report: URIRef  # Report
    Role: URIRef  # Role
    ScholarlyArticle: URIRef  # ScholarlyArticle
    Series: URIRef  # Series
    StructuredValue: URIRef  # StructuredValue
    Text: URIRef  # Text
    Thesis: URIRef  # Thesis
    Thing: URIRef  # Thing
    URL: URIRef  # URL
    WebPage: URIRef  # WebPage
    about: URIRef  # about
    abstract: URIRef  # abstract
    additionalType: URIRef  # additionalType
    affiliation: URIRef  # affiliation
    alternateName: URIRef  # alternateName
    alternativeHeadline: URIRef  # alternativeHeadline
    author: URIRef  # author
    citation: URIRef  # citation
    conditionsOfAccess: URIRef  # conditionsOfAccess
    contentUrl: URIRef  # contentUrl
    contributor: URIRef  # contributor
    copyrightNotice: URIRef  # copyrightNotice
    creativeWorkStatus: URIRef  # creativeWorkStatus
    dateModified: URIRef  # dateModified
    datePublished: URIRef  # datePublished
    description: URIRef  # description
    domainIncludes: URIRef  # domainIncludes
    editor: URIRef  # editor
    educationalLevel: URIRef  # educationalLevel
    encodingFormat: URIRef  # encodingFormat
    exampleOfWork: URIRef  # exampleOfWork
    familyName: URIRef  # familyName
    funder: URIRef  # funder
    genre: URIRef  # genre
    givenName: URIRef  # givenName
    hasPart: URIRef  # hasPart
    headline: URIRef  # headline
    identifier: URIRef  # identifier
    image: URIRef  # image
    inDefinedTermSet: URIRef  # inDefinedTermSet
    inLanguage: URIRef  # inLanguage
    inSupportOf: URIRef  # inSupportOf
    inverseOf: URIRef  # inverseOf
    isAccessibleForFree: URIRef  # isAccessibleForFree
    isPartOf: URIRef  # isPartOf
    isbn: URIRef  # isbn
    issn: URIRef  # issn
    issueNumber: URIRef  # issueNumber
    keywords: URIRef  # keywords
    license: URIRef  # license
    mainEntityOfPage: URIRef  # mainEntityOfPage
    memberOf: URIRef  # memberOf
    mentions: URIRef  # mentions
    name: URIRef  # name
    pageEnd: URIRef  # pageEnd
    pageStart: URIRef  # pageStart
    pagination: URIRef  # pagination
    position: URIRef  # position
    propertyID: URIRef  # propertyID
    provider: URIRef  # provider
    publisher: URIRef  # publisher
    rangeIncludes: URIRef  # rangeIncludes
    roleName: URIRef  # roleName
    sameAs: URIRef  # sameAs
    sourceOrganization: URIRef  # sourceOrganization
    sponsor: URIRef  # sponsor
    termCode: URIRef  # termCode
    translator: URIRef  # translator
    url: URIRef  # url
    value: URIRef  # value
    version: URIRef  # version
    volumeNumber: URIRef  # volumeNumber
    workExample: URIRef  # workExample

    _NS = rdflib_namespace.Namespace("http://schema.org/")


class FOAF(rdflib_namespace.DefinedNamespace):
    """Friend of a Friend (FOAF): terms of ``vocab/foaf.ttl``."""

    _fail = True

    Agent: URIRef  # Agent
    Document: URIRef  # Document
    Group: URIRef  # Group
    Image: URIRef  # Image
    LabelProperty: URIRef  # Label Property
    OnlineAccount: URIRef  # Online Account
    OnlineChatAccount: URIRef  # Online Chat Account
    OnlineEcommerceAccount: URIRef  # Online E-commerce Account
    OnlineGamingAccount: URIRef  # Online Gaming Account
    Organization: URIRef  # Organization
    Person: URIRef  # Person
    PersonalProfileDocument: URIRef  # PersonalProfileDocument
    Project: URIRef  # Project
    account: URIRef  # account
    accountName: URIRef  # account name
    accountServiceHomepage: URIRef  # account service homepage
    age: URIRef  # age
    aimChatID: URIRef  # AIM chat ID
    based_near: URIRef  # based near
    birthday: URIRef  # birthday
    currentProject: URIRef  # current project
    depiction: URIRef  # depiction
    depicts: URIRef  # depicts
    dnaChecksum: URIRef  # DNA checksum
    familyName: URIRef  # familyName
    family_name: URIRef  # family_name
    firstName: URIRef  # firstName
    focus: URIRef  # focus
    fundedBy: URIRef  # funded by
    geekcode: URIRef  # geekcode
    gender: URIRef  # gender
    givenName: URIRef  # Given name
    givenname: URIRef  # Given name
    holdsAccount: URIRef  # account
    homepage: URIRef  # homepage
    icqChatID: URIRef  # ICQ chat ID
    img: URIRef  # image
    interest: URIRef  # interest
    isPrimaryTopicOf: URIRef  # is primary topic of
    jabberID: URIRef  # jabber ID
    knows: URIRef  # knows
    lastName: URIRef  # lastName
    logo: URIRef  # logo
    made: URIRef  # made
    maker: URIRef  # maker
    mbox: URIRef  # personal mailbox
    mbox_sha1sum: URIRef  # sha1sum of a personal mailbox URI name
    member: URIRef  # member
    membershipClass: URIRef  # membershipClass
    msnChatID: URIRef  # MSN chat ID
    myersBriggs: URIRef  # myersBriggs
    name: URIRef  # name
    nick: URIRef  # nickname
    openid: URIRef  # openid
    page: URIRef  # page
    pastProject: URIRef  # past project
    phone: URIRef  # phone
    plan: URIRef  # plan
    primaryTopic: URIRef  # primary topic
    publications: URIRef  # publications
    schoolHomepage: URIRef  # schoolHomepage
    sha1: URIRef  # sha1sum (hex)
    skypeID: URIRef  # Skype ID
    status: URIRef  # status
    surname: URIRef  # Surname
    theme: URIRef  # theme
    thumbnail: URIRef  # thumbnail
    tipjar: URIRef  # tipjar
    title: URIRef  # title
    topic: URIRef  # topic
    topic_interest: URIRef  # topic_interest
    weblog: URIRef  # weblog
    workInfoHomepage: URIRef  # work info homepage
    workplaceHomepage: URIRef  # workplace homepage
    yahooChatID: URIRef  # Yahoo chat ID

    _NS = rdflib_namespace.Namespace("http://xmlns.com/foaf/0.1/")


class SKOS(rdflib_namespace.DefinedNamespace):
    """SKOS Core: terms of ``vocab/skos.ttl``."""

    _fail = True

    Collection: URIRef  # Collection
    Concept: URIRef  # Concept
    ConceptScheme: URIRef  # Concept Scheme
    OrderedCollection: URIRef  # Ordered Collection
    altLabel: URIRef  # alternative label
    broadMatch: URIRef  # has broader match
    broader: URIRef  # has broader
    broaderTransitive: URIRef  # has broader transitive
    changeNote: URIRef  # change note
    closeMatch: URIRef  # has close match
    definition: URIRef  # definition
    editorialNote: URIRef  # editorial note
    exactMatch: URIRef  # has exact match
    example: URIRef  # example
    hasTopConcept: URIRef  # has top concept
    hiddenLabel: URIRef  # hidden label
    historyNote: URIRef  # history note
    inScheme: URIRef  # is in scheme
    mappingRelation: URIRef  # is in mapping relation with
    member: URIRef  # has member
    memberList: URIRef  # has member list
    narrowMatch: URIRef  # has narrower match
    narrower: URIRef  # has narrower
    narrowerTransitive: URIRef  # has narrower transitive
    notation: URIRef  # notation
    note: URIRef  # note
    prefLabel: URIRef  # preferred label
    related: URIRef  # has related
    relatedMatch: URIRef  # has related match
    scopeNote: URIRef  # scope note
    semanticRelation: URIRef  # is in semantic relation with
    topConceptOf: URIRef  # is top concept in scheme

    _NS = rdflib_namespace.Namespace("http://www.w3.org/2004/02/skos/core#")


class NLD(rdflib_namespace.DefinedNamespace):
    """notice_ld's own vocabulary: terms of ``vocab/notice_ld.ttl``."""

    _fail = True

    EtAl: URIRef  # other authors (et al.)
    collection: URIRef  # collection
    discipline: URIRef  # discipline
    etAl: URIRef  # et al.
    isSupplementTo: URIRef  # is supplement to
    isSupplementedBy: URIRef  # is supplemented by
    issnL: URIRef  # linking ISSN (ISSN-L)
    provider: URIRef  # providing organisation
    scope: URIRef  # scope
    sourceName: URIRef  # source name
    thesisAdvisor: URIRef  # thesis advisor
    typeLabel: URIRef  # type label

    _NS = rdflib_namespace.Namespace("https://w3id.org/notice-ld/ns#")
