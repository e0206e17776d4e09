"""Builds the site into a fresh folder and swaps it in only when the build succeeded (python -m katalog.build).

Takes Pelican's own arguments. A content problem ends with the report and its summary, a fault in the
generator with one paragraph (the traceback goes to OUTPUT.error.log, or to the screen with --debug), and an
interrupted build with the previous output untouched. Exit codes are in katalog.failure.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import shutil
import signal
import sys
from pathlib import Path

from . import ci, parallel, preview
from .failure import CONTENT_PROBLEM, INTERNAL_FAULT, INTERRUPTED, fault
from .messages import frame

# Pelican's FatalLogger raises this once a warning was logged under --fatal warnings.
_FATAL_WARNING = parallel.FATAL_WARNING


def _message_lang(settings: dict | None) -> str:
    if not settings:
        return "id"
    return settings.get("KATALOG_MESSAGE_LANG") or settings.get("KATALOG_MAIN_LANG") or settings.get("DEFAULT_LANG") or "id"


def swap_in(new: Path, final: Path) -> None:
    """Replaces `final` by `new` with two renames, so that `final` is never a half-written site."""
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.rename(final, old)
    os.rename(new, final)
    shutil.rmtree(old, ignore_errors=True)


def _summarise(args, settings: dict, output: Path) -> None:
    """In GitHub Actions, the job summary of a build that succeeded: what it holds, the programs a change touched."""
    from .catalog import load_catalog

    catalog = load_catalog(args.path or settings["PATH"], settings)
    pages = sum(1 for _ in output.rglob("*.html"))
    ci.write_summary(ci.success_summary(catalog, settings, _message_lang(settings), pages))


def _terminate(signum, frame_):
    raise KeyboardInterrupt  # a stopped build (SIGTERM from a CI runner or `make serve`) cleans up like Ctrl-C


def main(argv=None) -> int:
    from pelican import LOG_HANDLERS, get_instance, parse_arguments
    from pelican.log import init as init_logging

    args = parse_arguments(argv)
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican", handler=LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    debug = args.verbosity == logging.DEBUG
    signal.signal(signal.SIGTERM, _terminate)
    if hasattr(signal, "SIGUSR1"):
        faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1 PID`: where a build that seems stuck is
    final = Path(args.output or "output").resolve()
    new = final.with_name(final.name + ".new")
    log = final.with_name(final.name + ".error.log")
    previewing = preview.requested() is not None
    if previewing:
        if not final.is_dir():
            return 0  # nothing served yet to show the edit in: the full build comes next
        new = final  # only the edited programs' pages, written into the served site (katalog.preview)
    args.output = str(new)
    settings = None
    if args.path and not os.path.isdir(args.path):
        # Pelican would stop with a fault of its own; a content folder that is not there is the site's to fix.
        from .files import shown
        from .messages import Problem, format_report

        sys.stderr.write(format_report([Problem(shown(Path(args.path)), None, None, "no_content_folder",
                                                {"value": shown(Path(args.path))})], "id"))
        return CONTENT_PROBLEM
    try:
        if not previewing:
            shutil.rmtree(new, ignore_errors=True)  # what an interrupted build left
        pelican, settings = get_instance(args)
        parallel.use(pelican)
        pelican.run()
        parallel.join()  # every language's pages are written
        if previewing:
            return 0
        swap_in(new, final)
        log.unlink(missing_ok=True)
        if ci.active():
            _summarise(args, settings, final)
        return 0
    except SystemExit as stop:  # CatalogInvalid after its report (code 1), or a settings file's own sentence
        if isinstance(stop.code, str):
            sys.stderr.write(stop.code + "\n")
            return 2
        return CONTENT_PROBLEM if stop.code is None else stop.code
    except KeyboardInterrupt:
        sys.stderr.write("\n" + frame("interrupted", _message_lang(settings)) + "\n")
        return INTERRUPTED
    except RuntimeError as error:
        if str(error) != _FATAL_WARNING:
            return fault(error, _message_lang(settings), log, debug)
        sys.stderr.write(frame("stopped_on_warning", _message_lang(settings)) + "\n")
        return CONTENT_PROBLEM
    except Exception as error:  # anything else is a fault in this generator or a plugin, never in the content
        return fault(error, _message_lang(settings), log, debug)
    finally:
        parallel.stop()  # a failed or interrupted build ends the languages' processes before cleaning up
        if not previewing:
            shutil.rmtree(new, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
