"""A quick look at an edited program: its pages rewritten in the served site within a second, while `make serve`
rebuilds the whole site behind it.

A preview is a build with KATALOG_PREVIEW set to the edited program files: every language's site is read and
checked as in a full build (a bad save stops it with the report, and nothing is written), then only the pages of
the programs those files belong to are written, in every language, straight into the served folder. Listings,
facet pages, the agenda, calendars, feeds and the search index follow with the full build that comes next.
"""

from __future__ import annotations

import os

ENVIRONMENT = "KATALOG_PREVIEW"


def requested() -> frozenset[str] | None:
    """The real paths of the files a preview is for, or None in a full build."""
    value = os.environ.get(ENVIRONMENT)
    if not value:
        return None
    return frozenset(os.path.realpath(path) for path in value.split(os.pathsep) if path)


def _nothing(writer):
    return None


def restrict(generators) -> int:
    """Leaves only the edited programs' pages to be written by this site's generators; returns how many."""
    from pelican.generators import ArticlesGenerator

    # A program is its folder: an edit to any of its language files previews every language's page.
    folders = {os.path.dirname(path) for path in requested() or ()}
    written = 0
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            generator.generate_output = _nothing
            continue
        everything = generator.context.get("articles", generator.articles)
        keys = {article.program.key for article in everything if getattr(article, "program", None)
                and os.path.dirname(article.program.source_path) in folders}  # a real path (katalog.catalog)
        generator.articles = [a for a in generator.articles if getattr(a, "program", None) and a.program.key in keys]
        generator.translations, generator.drafts, generator.drafts_translations = [], [], []
        generator.hidden_articles, generator.hidden_translations = [], []
        written += len(generator.articles)
    return written
