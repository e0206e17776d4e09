"""Writes the language sub-sites' pages in parallel processes.

Pelican with the i18n sub-sites plugin reads every language's site first (the main site, then each sub-site in
turn), links their translations, then writes them one after another. The writing is most of a build, and each
language's pages depend only on what was read. So once a sub-site has been read and linked, the build forks: a
child process writes that sub-site and ends, the parent goes on to the next language. The main site is written by
the parent, which then waits for every child before anything that needs the whole output (the sitemap, the search
index) and before the new site is swapped in.

With L languages and C cores, up to KATALOG_BUILD_PROCESSES processes (default: one per language) share the
cores: writing takes about max(1, L / C) times one language's writing. KATALOG_BUILD_PROCESSES = 1 writes them
one after another in one process. Forking needs a POSIX system and a process with one thread (a build is one);
elsewhere the languages are written one after another, with the same result.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass

from pelican import Pelican, signals

from . import preview

# Exit codes of a child: written, stopped by a warning under --fatal warnings, interrupted, failed.
_DONE, _WARNING, _INTERRUPTED, _FAILED = 0, 75, 130, 70
FATAL_WARNING = "Warning or error encountered"  # what Pelican's FatalLogger raises once a warning was logged


class LanguageSiteFailed(RuntimeError):
    """A sub-site's writing failed in its own process; the message holds that process's traceback."""


@dataclass
class _Child:
    pid: int
    lang: str
    report: str  # a file the child writes its traceback to


_children: list[_Child] = []
FORKED: list[str] = []  # the languages given a process of their own in this build, for the build's tests
_generators: dict[str, list] = {}  # each site's generators, by language, from all_generators_finalized
_in_child = False


def _remember_generators(generators):
    if generators:
        _generators[generators[0].settings.get("DEFAULT_LANG")] = generators


def _processes(settings) -> int:
    wanted = settings.get("KATALOG_BUILD_PROCESSES")
    if wanted is None:
        return 1 + len(settings.get("I18N_SUBSITES") or {})
    return max(1, int(wanted))


def _can_fork(settings) -> bool:
    return (hasattr(os, "fork") and not _in_child and threading.active_count() == 1
            and 1 + len(_children) < _processes(settings))


def _nothing(writer):
    return None


class LanguageSites(Pelican):
    """Pelican, with each language sub-site written by a process of its own."""

    def _get_writer(self):
        writer = super()._get_writer()  # for a sub-site: every site has been read and linked once this returns
        settings = self.settings
        if preview.requested() is not None:
            preview.restrict(_generators.get(settings.get("DEFAULT_LANG"), ()))
            return writer  # a few pages: not worth a process
        if settings.get("DEFAULT_LANG") == settings.get("KATALOG_MAIN_LANG") or not _can_fork(settings):
            return writer
        lang = settings["DEFAULT_LANG"]
        handle, report = tempfile.mkstemp(prefix=f"katalog-{lang}-", suffix=".log")
        os.close(handle)
        sys.stdout.flush()
        sys.stderr.flush()
        # What was read is shared with the child until either writes to it; the collector's passes over every
        # object would write to all of it, so the objects made so far are left out of them (they last the build).
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            global _in_child
            _in_child = True
            self._child_report = report
            return writer
        _children.append(_Child(pid, lang, report))
        FORKED.append(lang)
        for generator in _generators.get(lang, ()):
            generator.generate_output = _nothing  # written by the child
        return writer

    def run(self):
        try:
            super().run()
        except BaseException as error:  # noqa: BLE001 - a child reports everything and ends
            report = getattr(self, "_child_report", None)
            if report is None:
                raise
            _end_child(error, report)
        if getattr(self, "_child_report", None):
            _end_child(None, self._child_report)


def _end_child(error: BaseException | None, report: str) -> None:
    """Ends a child process with a code that says how its writing went; never returns."""
    code = _DONE
    if isinstance(error, KeyboardInterrupt):
        code = _INTERRUPTED
    elif isinstance(error, RuntimeError) and str(error) == FATAL_WARNING:
        code = _WARNING
    elif isinstance(error, SystemExit) and not error.code:
        code = _DONE
    elif error is not None:
        code = _FAILED
        try:
            with open(report, "w", encoding="utf-8") as handle:
                handle.write("".join(traceback.format_exception(error)))
        except OSError:
            pass
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def join() -> None:
    """Waits for every sub-site's process; raises as the sub-site's own writing would have (a fatal warning, an
    interruption) or LanguageSiteFailed with its traceback."""
    failure: BaseException | None = None
    while _children:
        child = _children.pop(0)
        _, status = os.waitpid(child.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        try:
            details = open(child.report, encoding="utf-8").read() if code == _FAILED else ""
        except OSError:
            details = ""
        finally:
            _remove(child.report)
        if code == _DONE or failure is not None:
            continue
        if code == _WARNING:
            failure = RuntimeError(FATAL_WARNING)
        elif code in (_INTERRUPTED, -signal.SIGINT, -signal.SIGTERM):
            failure = KeyboardInterrupt()
        else:
            failure = LanguageSiteFailed(f"writing the '{child.lang}' site failed (exit {code}):\n{details}")
    if failure is not None:
        raise failure


def stop() -> None:
    """Ends every sub-site's process (the build was interrupted or failed) and waits for them."""
    while _children:
        child = _children.pop()
        try:
            os.kill(child.pid, signal.SIGTERM)
            os.waitpid(child.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        _remove(child.report)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def use(pelican: Pelican) -> Pelican:
    """Makes a Pelican instance, and the sub-sites it will create, write languages in parallel."""
    _generators.clear()
    FORKED.clear()
    pelican.settings["PELICAN_CLASS"] = LanguageSites
    pelican.__class__ = LanguageSites
    return pelican


signals.all_generators_finalized.connect(_remember_generators)
