"""make serve's builder: one process that stays while the site is served (python -m katalog.worker).

It imports Pelican, the plugins and the theme's libraries once, and keeps every content file as last read and
checked (katalog.catalog), so that a build after an edit starts at once and reads only the files that changed.
Each build is a child forked from it: a build's state never outlives the build, a failed build leaves the worker
as it was, and a build can be stopped half-way (it removes its unfinished folder, see katalog.build).

Requests come one per line on standard input, as JSON: {"preview": ["content/programs/x/id.md"]} writes just
those programs' pages into the served site (katalog.preview), {} builds everything. While a build runs, the line
"cancel" stops it. Each build's exit code is answered on the first line of a separate channel (file descriptor 3
when started by katalog.serve); the builds' own messages go to the terminal as usual.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import sys

from . import preview

_POLL = 0.02


def _prepare(build_argv: list[str]):
    """Everything a build needs that does not change between builds: imports, settings, the readers."""
    from pelican import get_instance, parse_arguments
    from pelican.readers import Readers

    args = parse_arguments(build_argv)
    args.output = os.devnull  # nothing is written here; the children write
    _, settings = get_instance(args)
    Readers(settings)  # the Markdown reader completes MARKDOWN, as in a build
    _warm()
    return settings


def _warm() -> None:
    """What every build would otherwise import or load afresh: the modules the build imports when it first needs
    them, and the stemmers' dictionaries (katalog.search)."""
    import importlib

    for name in ("jinja2.ext", "rich._emoji_codes", "katalog.structured"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    from .search import _indonesian

    _indonesian()


def _refresh(settings) -> None:
    """Reads the files that changed since the last build, so that the next child finds them read."""
    from .catalog import load_catalog

    try:
        load_catalog(settings["PATH"], settings)
    except Exception:  # noqa: BLE001 - the build itself reports whatever this meets
        pass


def _build(build_argv: list[str], files: list[str] | None, requests) -> int:
    from . import build

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            if files:
                os.environ[preview.ENVIRONMENT] = os.pathsep.join(files)
            else:
                os.environ.pop(preview.ENVIRONMENT, None)
            code = build.main(build_argv)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([requests], [], [], _POLL)
            if ready and b"cancel" in os.read(requests, 4096):
                os.kill(pid, signal.SIGTERM)
    except KeyboardInterrupt:
        os.waitpid(pid, 0)  # Ctrl-C reached the build too: it removes its unfinished folder first
        raise


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=3, help="file descriptor the exit codes are written to")
    args, build_argv = parser.parse_known_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as make serve: Ctrl-C reaches it and its builds
    answers = os.fdopen(args.answers, "w", buffering=1)
    settings = _prepare(build_argv)
    _refresh(settings)
    requests, pending = sys.stdin.fileno(), b""
    while True:
        chunk = os.read(requests, 65536)
        if not chunk:
            return 0  # make serve stopped
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if not line.strip() or line.strip() == b"cancel":
                continue
            request = json.loads(line)
            code = _build(build_argv, request.get("preview"), requests)
            answers.write(json.dumps({"code": code}) + "\n")
            _refresh(settings)  # while the librarian looks: the next build finds the files read


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
