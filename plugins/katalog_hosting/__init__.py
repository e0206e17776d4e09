"""Writes what static hosts read beside the pages: _headers (Netlify, Cloudflare Pages) with the security headers
and a year's cache for versioned files, and on Netlify _redirects with each language's 404 page."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from pelican import signals

from katalog import preview
from katalog.settings import katalog_settings

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"


def _path(url: str) -> str:
    """The path part of a site address, without its last slash: "" for a site at the root of its domain."""
    return urlsplit(url).path.rstrip("/")


def _single_line(name: str, value: str) -> str:
    text = f"{name}: {value}"
    if any(char in text for char in "\r\n"):
        raise SystemExit(f"pelicanconf.py: the header {name!r} must be one line (KATALOG_HEADERS, KATALOG_CSP).")
    return text


def headers_file(settings: dict) -> str:
    """The _headers file: security headers for every file, a long cache for files whose address has a version."""
    ks = katalog_settings(settings)
    root = _path(settings["KATALOG_MAIN_SITEURL"])
    lines = ["# Written by the build from pelicanconf.py (KATALOG_CSP, KATALOG_HEADERS, KATALOG_CACHE_SECONDS).",
             "# Netlify and Cloudflare Pages read it; GitHub Pages serves it as a file and sends headers of its own.",
             f"{root}/*"]
    policy = settings.get("KATALOG_CSP")
    if policy:
        lines.append("  " + _single_line("Content-Security-Policy", f"{policy.rstrip('; ')}; frame-ancestors 'none'"))
    lines += ["  " + _single_line(name, value) for name, value in ks["KATALOG_HEADERS"].items()]
    # No Cache-Control under /*: Cloudflare would join it with the one below. HTML keeps each host's short default.
    static_dir = settings["KATALOG_THEME_FILES"][0] if "KATALOG_THEME_FILES" in settings else \
        settings["THEME_STATIC_DIR"].strip("/")
    for folder in (static_dir, ks["KATALOG_IMAGE_DIR"].strip("/")):
        lines += [f"{root}/{folder}/*",
                  "  " + _single_line("Cache-Control", f"public, max-age={int(ks['KATALOG_CACHE_SECONDS'])}, immutable")]
    return "\n".join(lines) + "\n"


def redirects_file(settings: dict) -> str:
    """Netlify's _redirects: an address that does not exist under a language's folder shows that language's 404."""
    main = _path(settings["KATALOG_MAIN_SITEURL"])
    lines = ["# Written by the build on Netlify: each language's own 404 page. (Cloudflare Pages finds the nearest",
             "# 404.html by itself, GitHub Pages shows the one at the root.)"]
    for lang, url in settings["KATALOG_SITEURLS"].items():
        path = _path(url)
        if path != main:
            lines.append(f"{path}/*  {path}/404.html  404")
    lines.append(f"{main}/*  {main}/404.html  404")
    return "\n".join(lines) + "\n"


def write_host_files(pelican):
    if preview.requested() is not None:
        return  # a preview writes only the edited programs' pages
    settings = pelican.settings
    if settings.get("DEFAULT_LANG") != settings.get("KATALOG_MAIN_LANG"):
        return  # a language sub-site: the files are the main site's, once at the root
    files = {"_headers": headers_file(settings)}
    if os.environ.get("NETLIFY") == "true":
        files["_redirects"] = redirects_file(settings)
    for name, text in files.items():
        with open(os.path.join(pelican.output_path, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    logger.debug("%s %s written", LOG_PREFIX, ", ".join(files))


def register():
    signals.finalized.connect(write_host_files)
