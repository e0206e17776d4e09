"""Command line: check the content folder and print every problem (python -m katalog.check content)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pelican.settings import read_settings

from . import ci
from .catalog import Catalog, load_catalog
from .failure import CONTENT_PROBLEM, INTERRUPTED, fault
from .messages import format_report, frame


def run(argv, description: str, action: Callable[[Catalog, str], str]) -> int:
    """Loads the catalog named on the command line; prints its problems, or what `action` makes of it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-D", "--debug", action="store_true", help="show the details of an internal fault")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    lang = settings.get("KATALOG_MESSAGE_LANG") or settings.get("DEFAULT_LANG") or "id"
    try:
        catalog = load_catalog(args.content, settings)
        if catalog.problems or catalog.warnings:
            sys.stderr.write(format_report(catalog.problems, lang, catalog.warnings) + ("" if catalog.problems else "\n"))
        ci.report_problems(catalog.problems + catalog.warnings, lang)
        if catalog.problems:
            return CONTENT_PROBLEM
        sys.stdout.write(action(catalog, lang))
        return 0
    except KeyboardInterrupt:
        return INTERRUPTED
    except Exception as error:  # a fault in the checks themselves, never a content problem
        return fault(error, lang, Path(tempfile.gettempdir()) / "katalog-check.error.log", args.debug)


def main(argv=None) -> int:
    # Count programs and pages, not their language versions.
    return run(argv, __doc__, lambda catalog, lang: frame("ok", lang, programs=len({p.key for p in catalog.programs}),
                                                          pages=len({p.key for p in catalog.pages})) + "\n")


if __name__ == "__main__":
    sys.exit(main())
