"""Indexes the whole site for search with Pagefind, once every language's sub-site is written: one index per
language (Pagefind reads each page's <html lang>), holding only what program and static pages mark with
data-pagefind-body, with the filters they declare. Written to pagefind/ at the site's root."""

from __future__ import annotations

import asyncio
import logging
import os

from pelican import signals

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"
BUNDLE = "pagefind"


async def _index(site: str, bundle: str) -> dict:
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"output_path": bundle}) as index:
        return await index.add_directory(site, glob="**/*.html")


def write_index(pelican):
    settings = pelican.settings
    if settings.get("DEFAULT_LANG") != settings.get("KATALOG_MAIN_LANG"):
        return  # a language sub-site: the main site indexes every language once they all exist
    site = os.path.abspath(pelican.output_path)
    result = asyncio.run(_index(site, os.path.join(site, BUNDLE)))
    logger.debug("%s search index: %s pages", LOG_PREFIX, result.get("page_count"))


def register():
    signals.finalized.connect(write_index)
