"""Web publishing: landing pages, content negotiation, a WSGI app and static sites.

* :mod:`notice_ld.web.pages` — a notice's HTML page and the ``<head>`` fragment (schema.org
  JSON-LD, Highwire ``citation_*`` and Dublin Core meta tags, alternate links);
* :mod:`notice_ld.web.conneg` — ``Accept`` parsing and the choice of a representation;
* :mod:`notice_ld.web.app` — a WSGI application serving notices by content negotiation;
* :mod:`notice_ld.web.site` — a static site: pages, index, dumps, VoID/DCAT, sitemap;
* :mod:`notice_ld.web.related` — "by the same authors / subjects / disciplines" links;
* :mod:`notice_ld.web.paths` — the path of a notice on the site, and back (checked).

Nothing heavy is imported here: Jinja2 is imported when the first page is rendered.
See ``docs/web.md``.
"""
