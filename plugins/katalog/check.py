"""Command line: check the content folder and print every problem (python -m katalog.check content)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from pelican.settings import read_settings

from .catalog import Catalog, load_catalog
from .messages import format_report, frame


def run(argv, description: str, action: Callable[[Catalog, str], str]) -> int:
    """Loads the catalog named on the command line; prints its problems, or what `action` makes of it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    catalog = load_catalog(args.content, read_settings(args.settings))
    lang = catalog.settings["KATALOG_MESSAGE_LANG"]
    if catalog.problems:
        sys.stderr.write(format_report(catalog.problems, lang))
        return 1
    sys.stdout.write(action(catalog, lang))
    return 0


def main(argv=None) -> int:
    # Count programs and pages, not their language versions.
    return run(argv, __doc__, lambda catalog, lang: frame("ok", lang, programs=len({p.key for p in catalog.programs}),
                                                          pages=len({p.key for p in catalog.pages})) + "\n")


if __name__ == "__main__":
    sys.exit(main())
