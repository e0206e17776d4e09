"""The `katalog` command: what a site's Makefile runs, in one place (katalog html, katalog serve, katalog check, ...).

Every command works in the site's folder: content/ beside pelicanconf.py, the built site in output/. A command
is the same module `make` runs in a checkout of the generator, with the same options and exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

# Each command: the module whose main() it runs, and what it does (for --help).
COMMANDS = {
    "html": ("katalog.build", "build the site into output/ (the old output stays if the build fails)"),
    "publish": ("katalog.build", "build for hosting at --siteurl, with publishconf.py"),
    "serve": ("katalog.serve", "build, serve at http://127.0.0.1:8000 and rebuild on every change"),
    "check": ("katalog.check", "check the content and report every problem, without building"),
    "lint": ("katalog.check", "the same as check, for editors and pre-commit"),
    "new-program": ("katalog.new_program", "answer a few questions to add a program"),
    "new-site": ("katalog.new_site", "make this catalog the library's own (--answers FILE to answer from a file)"),
    "report": ("katalog.report", "the activity report for a period (--from, --to)"),
    "docs": ("katalog.issue_form", "write the proposal form and the program template again from content/data"),
    "proposal": ("katalog.issue_form", "turn a submitted proposal issue into a program file (--issue FILE)"),
    "deployable": ("katalog.deployable", "fail when the built site is still the sample catalog"),
    "audit": ("katalog_gate.__main__", "the accessibility gate over the built site (SITE, default output/), in "
                                       "Chromium with axe-core; needs the gate: katalog-program-inklusif[gate]"),
    "version": ("", "print the version of the generator"),
}


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as installed

    try:
        return installed("katalog-program-inklusif")
    except PackageNotFoundError:
        return "development"


def _arguments(command: str, rest: list[str], options) -> list[str]:
    """The module's own arguments for a command, with the site's folders filled in."""
    content, output, settings = options.content, options.output, options.settings
    if command == "html":
        return [content, "-o", output, "-s", settings, "--fatal", "warnings", *rest]
    if command == "publish":
        return [content, "-o", output, "-s", options.publish_settings, "--fatal", "warnings", *rest]
    if command == "serve":
        return [content, "-o", output, "-s", settings, *rest]
    if command in ("check", "lint", "new-program", "new-site", "report"):
        return [content, "-s", settings, *rest]
    if command == "docs":
        return ["write", content, "-s", settings, *rest]
    if command == "proposal":
        return ["convert", content, "-s", settings, *rest]
    if command == "deployable":
        return [output, *rest]
    if command == "audit":  # the folder given, or the built site; the address it was built for, if any
        site = rest if rest and not rest[0].startswith("-") else [output, *rest]
        return [*site, *(["--siteurl", options.siteurl] if options.siteurl else [])]
    return rest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="katalog", description=__doc__.splitlines()[0],
                                     epilog="\n".join(f"  {name:<12} {text}" for name, (_, text) in COMMANDS.items()),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=COMMANDS, metavar="COMMAND")
    parser.add_argument("--content", default="content", help="the content folder (default: content)")
    parser.add_argument("--output", default="output", help="the built site (default: output)")
    parser.add_argument("--settings", default="pelicanconf.py", help="the site's settings (default: pelicanconf.py)")
    parser.add_argument("--publish-settings", default="publishconf.py",
                        help="the settings for hosting (default: publishconf.py)")
    parser.add_argument("--siteurl", help="the address the site will live at (publish), or was built for (audit)")
    options, rest = parser.parse_known_args(argv)
    if options.command == "version":
        sys.stdout.write(version() + "\n")
        return 0
    if options.command == "publish":
        if not options.siteurl:
            parser.error("publish needs --siteurl, e.g. --siteurl https://name.github.io/katalog")
        os.environ["SITEURL"] = options.siteurl
    module = import_module(COMMANDS[options.command][0])
    return module.main(_arguments(options.command, rest, options)) or 0


if __name__ == "__main__":
    sys.exit(main())
