"""Command line: check the content folder and print every problem (python -m katalog.check content)."""

from __future__ import annotations

import argparse
import sys

from pelican.settings import read_settings

from .catalog import load_catalog
from .messages import format_report, frame


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    catalog = load_catalog(args.content, settings)
    lang = catalog.settings["KATALOG_MESSAGE_LANG"]
    if catalog.problems:
        sys.stderr.write(format_report(catalog.problems, lang))
        return 1
    print(frame("ok", lang, programs=len(catalog.programs), pages=len(catalog.pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
