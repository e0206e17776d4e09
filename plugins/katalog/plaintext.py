"""The theme's plain-text macros (theme/templates/text.html) for calendar files, feeds and messages."""

from __future__ import annotations

import html


def plain(markup) -> str:
    """A text macro's output as the text it stands for (the macros write no tags, only escaped text)."""
    return html.unescape(str(markup)).strip()


def text_macros(generator, view):
    """text.html as a module, in the generator's language. Call it only once the language's translations are
    installed: when output is written, not while the context is gathered."""
    return generator.get_template("text").make_module({**generator.context, "katalog": view})


def absolute(siteurl: str, path: str) -> str | None:
    """A page's full address, when the site has one (SITEURL with a scheme); None in a local preview."""
    return f"{siteurl}/{path}" if siteurl.startswith(("http://", "https://")) else None
