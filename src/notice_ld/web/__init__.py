"""Web publishing: landing pages, content negotiation, a WSGI app and static sites.

* :mod:`notice_ld.web.pages` — a notice's HTML page and the ``<head>`` fragment (schema.org
  JSON-LD, Highwire ``citation_*`` and Dublin Core meta tags, alternate links);
* :mod:`notice_ld.web.conneg` — ``Accept`` parsing and the choice of a representation;
* :mod:`notice_ld.web.app` — a WSGI application serving notices by content negotiation (its
  routes and cache), with :mod:`~notice_ld.web.sources` (where it finds notices: files or a
  store), :mod:`~notice_ld.web.index` (the index pages), :mod:`~notice_ld.web.dataset` (the
  streamed dumps and the VoID/DCAT description), :mod:`~notice_ld.web.wsgi` (answers, ETags,
  :func:`~notice_ld.web.wsgi.call`) and :mod:`~notice_ld.web.server` (the waitress server);
* :mod:`notice_ld.web.site` — a static site: pages, index, dumps, VoID/DCAT, sitemap;
* :mod:`notice_ld.web.related` — "by the same authors / subjects / disciplines" links;
* :mod:`notice_ld.web.paths` — the path of a notice on the site, and back (checked).

Nothing heavy is imported here: Jinja2 is imported when the first page is rendered.
See ``docs/web.md``.
"""
