"""Prints which programs and pages are not yet translated, language by language (make translations)."""

from __future__ import annotations

import argparse
import sys

from pelican.settings import read_settings

from .catalog import load_catalog
from .i18n import N_, translate
from .messages import format_report

WORDS = (N_("Terjemahan per bahasa"), N_("{done} dari {total} sudah ada"),
         N_("Belum diterjemahkan (ditampilkan dalam bahasa utama):"), N_("Semua sudah diterjemahkan."),
         N_("program"), N_("halaman"))


def report(catalog, lang: str) -> str:
    title, done_text, missing_text, complete, program_word, page_word = (translate(w, lang) for w in WORDS)
    missing = catalog.missing_translations()
    total = len({p.key for p in catalog.programs}) + len({p.key for p in catalog.pages})
    lines = [title, ""]
    for language, items in missing.items():
        lines.append(f"{language}: {done_text.format(done=total - len(items), total=total)}")
        if items:
            lines.append(f"  {missing_text}")
            for item in sorted(items, key=lambda i: (type(i).__name__, i.key)):
                word = program_word if type(item).__name__ == "Program" else page_word
                lines.append(f"  - {word} {item.key}: {item.key}/{language}.md")
        else:
            lines.append(f"  {complete}")
    return "\n".join(lines) + "\n"


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
    sys.stdout.write(report(catalog, lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
