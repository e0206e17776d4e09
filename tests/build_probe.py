"""Runs a real build, as `katalog.build` does, counting the work that the build's speed depends on, and prints the
counts as JSON on the last line (python tests/build_probe.py CONTENT OUTPUT [build options]).

Counted by wrapping the real functions, which still do their work: how often the catalog was read, how many
Markdown bodies were rendered, how many files each language's site was given to read, how many program cards were made and how many were shown, how often each date
and time was formatted, how many calendar events and time zones were written, how many templates compiled, and
which languages were written by processes of their own.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

counts: collections.Counter = collections.Counter()
formatted: collections.Counter = collections.Counter()


def counted(module, name: str, key=None):
    original = getattr(module, name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        counts[name] += 1
        if key is not None:
            formatted[key(*args, **kwargs)] += 1
        return original(*args, **kwargs)
    setattr(module, name, wrapper)


def main(argv: list[str]) -> int:
    import katalog_content
    import katalog_format
    from katalog import calendar, catalog, description, formatting, parallel, view
    from katalog.build import main as build

    counted(katalog_content, "load_catalog")
    counted(katalog_content.CatalogReader, "read")
    counted(description, "render")
    # The Babel calls behind every date and time on the pages, by what they format: each should happen once.
    moment = lambda value: (value, getattr(value, "tzinfo", None))  # noqa: E731
    counted(formatting, "format_time", key=lambda value, pattern, locale: ("time", moment(value), pattern, locale))
    counted(formatting, "format_date", key=lambda value, pattern, locale: ("date", moment(value), pattern, locale))
    counted(calendar, "written")
    counted(calendar.Timezone, "from_tzinfo")
    cards = []
    original_init = view.CatalogView.__init__

    def remember(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        cards.append(self)
    view.CatalogView.__init__ = remember

    code = build(argv)
    print(json.dumps({
        "code": code,
        "catalog_loads": counts["load_catalog"],
        "bodies_rendered": counts["render"],
        "files_read": catalog.READS["files"],
        "files_given_to_sites": counts["read"],
        "cards_made": sum(v.cards_made for v in cards),
        "formatted_twice": sum(1 for n in formatted.values() if n > 1),
        "formatted": sum(formatted.values()),
        "calendar_event_sets": counts["written"],
        "time_zones_made": counts["from_tzinfo"],
        "templates_compiled": katalog_format.COMPILED.compiled,
        "templates_used": len(katalog_format.COMPILED.code),
        "forked": parallel.FORKED,
        "pid": os.getpid(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
