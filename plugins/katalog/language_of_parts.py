"""Markdown syntax for a phrase in another language: [Sugeng rawuh]{jv} becomes <span lang="jv">."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

# A bracketed phrase followed directly by a language tag in braces. Tags are checked by the content checks.
PATTERN = r"\[([^\[\]\n]+)\]\{([A-Za-z][A-Za-z0-9-]*)\}"
MATCHER = re.compile(PATTERN)


class _LanguageSpan(InlineProcessor):
    def handleMatch(self, match, data):
        span = etree.Element("span")
        span.set("lang", match.group(2))
        span.text = match.group(1)
        return span, match.start(0), match.end(0)


class LanguageOfParts(Extension):
    def extendMarkdown(self, md):
        # Before links (priority 160), so [text]{tag} is never read as a link reference.
        md.inlinePatterns.register(_LanguageSpan(PATTERN, md), "katalog_language_of_parts", 175)


def tags_in(text: str, first_line: int = 1):
    """(line, tag) for every marked phrase, for the content checks."""
    for match in MATCHER.finditer(text):
        yield first_line + text.count("\n", 0, match.start()), match.group(2)


def makeExtension(**kwargs):  # the name Markdown looks for when an extension is given by module path
    return LanguageOfParts(**kwargs)
