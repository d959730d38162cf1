"""The server's index of the notices (``/``): its rows, which page a query asks for, the page.

``page_size`` notices a page: input order for files, document IRI order for a store. The "next
page" link carries ``?after=`` and the document IRI of the page's last notice (keyset
pagination: a store filters on it instead of counting the notices before, so a page costs no
more the deeper it is); ``?page=N`` (from 1) still works. A malformed ``page``, or an
``after`` that is not a document IRI, is refused (:func:`page_asked`) before the source is
asked. The routes and the caching are :class:`notice_ld.web.app.NoticeApp`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from notice_ld.errors import ConfigError
from notice_ld.web.dataset import TURTLE, served_dumps
from notice_ld.web.pages import check_iri, environment, labels, safe_href

__all__ = ["IndexRow", "after_iri", "index_page", "page_asked"]

_PAGE = re.compile(r"[1-9][0-9]{0,8}")  # ?page=: 1 to 999,999,999, ASCII digits (fullmatch)
_AFTER_MAX = 4096  # characters of an ?after= value (a document IRI)
_AFTER_SCHEMES = ("http://", "https://", "urn:")  # what document IRIs are (identifiers, templates)


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A row of the index: the document IRI, its path on this server (``None`` if it has none),
    the title to show and its language."""

    iri: str
    path: str | None
    title: str
    lang: str | None


def after_iri(text: str) -> str | None:
    """``text`` if it can be the ``after`` of an index page, else ``None``: an IRI (checked as
    every IRI the app takes, :func:`notice_ld.web.pages.check_iri`) that is ``http``, ``https``
    or ``urn`` as document IRIs are, of at most 4,096 characters.

    >>> after_iri("https://hdl.handle.net/10670/1.jt89mr"), after_iri("urn:isbn:9782070360246")
    ('https://hdl.handle.net/10670/1.jt89mr', 'urn:isbn:9782070360246')
    >>> [after_iri(bad) for bad in ("javascript:alert(1)", "https://x/>", "https://x/\\n", "")]
    [None, None, None, None]
    """
    if len(text) > _AFTER_MAX or not text[:8].lower().startswith(_AFTER_SCHEMES):
        return None
    try:
        check_iri("after", text, http=False)
    except ConfigError:
        return None
    return text


def page_asked(query: dict[str, list[str]]) -> tuple[int | None, str | None]:
    """The page of the index a query asks for: ``(N, None)`` for ``?page=N`` (page 1 without
    either), ``(None, IRI)`` for ``?after=IRI``; ``ValueError`` saying why (a ``400``) for a
    malformed one, or both.

    >>> page_asked({}), page_asked({"page": ["2"]}), page_asked({"after": ["urn:isbn:9782070360246"]})
    ((1, None), (2, None), (None, 'urn:isbn:9782070360246'))
    >>> page_asked({"page": ["0"]})
    Traceback (most recent call last):
    ValueError: page must be a whole number from 1 to 999999999
    """
    if "after" in query:
        if "page" in query:
            raise ValueError("give page or after, not both")
        after = after_iri(query["after"][-1])
        if after is None:
            raise ValueError(
                "after must be the document IRI of a notice (an http, https or urn IRI of at most "
                f"{_AFTER_MAX} characters)"
            )
        return None, after
    page_text = query.get("page", ["1"])[-1]
    if not _PAGE.fullmatch(page_text):
        raise ValueError("page must be a whole number from 1 to 999999999")
    return int(page_text), None


def _next_href(rows: list[IndexRow], root: str, page: int | None) -> str | None:
    """The "next page" link after ``rows`` (a full page): ``?after=`` and the last document IRI,
    percent-encoded.

    A store may hold a document whose IRI cannot be an ``after`` (:func:`after_iri`; the
    loader writes none): then the link is ``?page=N+1`` when the page number is known, else
    ``?after=`` the last IRI of the page that can be (the rows after it on this page are shown
    again, none is skipped), else there is none.
    """
    if after_iri(rows[-1].iri) is None and page is not None:
        return f"{root}?page={page + 1}"
    for row in reversed(rows):
        if after_iri(row.iri) is not None:
            return f"{root}?after={quote(row.iri, safe='')}"
    return None


def index_page(rows: list[IndexRow], root: str, page: int | None, more: bool, lang: str) -> bytes:
    """The HTML page of ``rows`` in ``lang``, linking the description and the dumps, with a
    "next page" link when ``more`` rows follow."""
    env = environment()
    t = labels(lang)
    alternates = [
        {"href": f"{root}void.ttl", "media_type": TURTLE.media_type, "label": "VoID"},
        *(
            {"href": f"{root}{d.path}", "media_type": d.content_type.split(";")[0], "label": d.path[5:]}
            for d in served_dumps().values()
        ),
    ]
    parts = [
        env.get_template("index_head.html").render(
            lang=lang[:2], title=t["site"], t=t, downloads=[], alternates=alternates
        )
    ]
    row = env.get_template("index_row.html")
    for item in rows:
        href = f"{root}{item.path}" if item.path is not None else safe_href(item.iri)
        if href is not None:
            parts.append(row.render(href=href, title=item.title, lang=item.lang, byline=None))
    next_href = _next_href(rows, root, page) if more else None
    parts.append(env.get_template("index_tail.html").render(t=t, next_href=next_href))
    return "\n".join(parts).encode("utf-8")
