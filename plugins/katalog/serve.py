"""Serves the last good build and rebuilds on every change (python -m katalog.serve; what `make serve` runs).

Builds are made by one process that stays (katalog.worker), each as `katalog.build` does it: into a fresh folder
that is swapped in only when it succeeded. A bad save prints the report and the last good site stays served; the
next good save brings the new site; a rebuild stopped half-way leaves nothing half-written.

A save of program files is shown first by a preview (katalog.preview): those programs' pages, checked and
rewritten in the served site within about a second; the full build follows and brings the listings, facet pages,
agenda, calendars and search. A new save while a full build runs stops it and starts again from the preview.
"""

from __future__ import annotations

import argparse
import faulthandler
import functools
import http.server
import json
import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles

from .failure import CONTENT_PROBLEM
from .i18n import N_, translate

# Folders that hold installed packages rather than a checkout.
INSTALLED = {"site-packages", "dist-packages"}

TEXTS = {
    "serving": N_("Situs disajikan di {url} (hentikan dengan Ctrl-C). Setiap perubahan membangun ulang situs."),
    "rebuilt": N_("Dibangun ulang; situs baru sudah disajikan."),
    "previewed": N_("Halaman program yang diubah sudah diperbarui; daftar dan halaman lain menyusul."),
    "kept": N_("Situs terakhir yang berhasil dibangun tetap disajikan. Perbaiki masalah di atas lalu simpan lagi."),
    "nothing_yet": N_("Belum ada situs yang berhasil dibangun. Perbaiki masalah di atas lalu simpan lagi."),
    "port_busy": N_("Alamat {host}:{port} sudah dipakai program lain. Pakai port lain, misalnya make serve PORT=8001."),
    "stopped": N_("Berhenti."),
}
# Files an editor writes beside the one being changed; a change to them alone needs no rebuild.
_EDITOR_LEFTOVERS = (".swp", ".swx", ".tmp", "~", ".part", ".crdownload")


def say(key: str, lang: str, **params) -> None:
    sys.stdout.write(translate(TEXTS[key], lang).format(**params) + "\n")
    sys.stdout.flush()


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass  # the terminal is for the build's messages


class Server:
    """Serves a folder by its path on every request, so that a swapped-in build is served at once."""

    def __init__(self, folder: Path, host: str, port: int):
        handler = functools.partial(_Handler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _relevant(change, path: str) -> bool:
    name = os.path.basename(path)
    return not (name.startswith((".#", "#")) or name.endswith(_EDITOR_LEFTOVERS) or "__pycache__" in path
                or name.endswith((".pyc", ".mo")))


class Builder:
    """make serve's side of the build process that stays (katalog.worker): asks it for builds, hears how they ended."""

    def __init__(self, command: list[str], environment: dict):
        read, write = os.pipe()
        self.process = subprocess.Popen([*command[:3], "--answers", str(write), *command[3:]], env=environment,
                                        stdin=subprocess.PIPE, pass_fds=(write,))
        os.close(write)
        self.answers = os.fdopen(read, "r")
        self.running: str | None = None  # "preview" or "full" while a build runs

    def start(self, files: list[str] | None = None) -> None:
        self.running = "preview" if files else "full"
        self.process.stdin.write((json.dumps({"preview": files} if files else {}) + "\n").encode())
        self.process.stdin.flush()

    def cancel(self) -> None:
        if self.running:
            self.process.stdin.write(b"cancel\n")
            self.process.stdin.flush()

    def finished(self, timeout: float | None = 0) -> int | None:
        """The running build's exit code once it has ended; None while it runs."""
        if self.running is None:
            return None
        if timeout != 0 and not select.select([self.answers], [], [], timeout)[0]:
            return None
        if timeout == 0 and not select.select([self.answers], [], [], 0)[0]:
            return None
        line = self.answers.readline()
        if not line:
            raise KeyboardInterrupt  # the worker ended: Ctrl-C reached it too
        self.running = None
        return json.loads(line)["code"]

    def wait(self) -> int:
        code = self.finished(None)
        return 3 if code is None else code

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def previewable(changes, content: Path, program_dir: str) -> list[str]:
    """The saved files a preview can show: Markdown files of programs that still exist. Empty when anything else
    changed too (a data file, a template, a page), which needs the full build."""
    programs = (content / program_dir).resolve()
    files = []
    for _, path in changes:
        resolved = Path(path).resolve()
        if resolved.suffix != ".md" or programs not in resolved.parents or not resolved.is_file():
            return []
        files.append(str(resolved))
    return sorted(set(files))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args, build_options = parser.parse_known_args(argv)
    # Ctrl-C stops it even when started from a script that runs it in the background, where SIGINT starts ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(signal, "SIGUSR1"):
        faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1 PID`: where it seems stuck
    from pelican.settings import read_settings

    from .settings import katalog_settings

    settings = read_settings(args.settings)
    lang = settings.get("KATALOG_MESSAGE_LANG") or settings.get("DEFAULT_LANG") or "id"
    program_dir = katalog_settings(settings)["KATALOG_PROGRAM_DIR"]
    output = Path(args.output).resolve()
    command = [sys.executable, "-m", "katalog.worker", args.content, "-o", str(output), "-s", args.settings,
               "--fatal", "warnings", *build_options]
    plugins = str(Path(__file__).resolve().parent.parent)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))}
    theme = Path(args.settings).resolve().parent / "theme"
    # The engine's code is watched in a checkout of the generator (plugins/), not when it is an installed package:
    # a version change there comes with a new `make serve`, and site-packages is too large to watch.
    engine = [Path(plugins)] if not INSTALLED.intersection(Path(plugins).parts) else []
    code_files = [str(p) for p in (*engine, Path(args.settings)) if p.exists()]

    builder = Builder(command, environment)
    try:
        builder.start()
        builder.wait()
    except KeyboardInterrupt:
        builder.stop()
        say("stopped", lang)
        return 130
    try:
        server = Server(output, args.bind, args.port).start()
    except OSError:
        builder.stop()
        say("port_busy", lang, host=args.bind, port=args.port)
        return 2
    say("serving", lang, url=server.url)
    if not output.is_dir():
        say("nothing_yet", lang)
    watched = [str(p) for p in (Path(args.content), theme, *engine, Path(args.settings)) if p.exists()]
    stop = threading.Event()
    full_pending = False
    try:
        for changes in watchfiles.watch(*watched, watch_filter=_relevant, stop_event=stop, raise_interrupt=True,
                                        debounce=400, step=50, rust_timeout=100, yield_on_timeout=True):
            if changes:
                if any(path.startswith(tuple(code_files)) for _, path in changes):
                    # The build's own code or settings changed: a new worker imports them afresh.
                    builder.cancel()
                    builder.wait() if builder.running else None
                    builder.stop()
                    builder = Builder(command, environment)
                elif builder.running:
                    builder.cancel()
                    builder.wait()
                files = previewable(changes, Path(args.content), program_dir)
                full_pending = True
                if files and output.is_dir():
                    builder.start(files)
                    previewed = builder.wait()
                    if previewed == 0:
                        say("previewed", lang)
                    elif previewed == CONTENT_PROBLEM:
                        say("kept", lang)  # the full build would stop on the same problems
                        full_pending = False
            code = builder.finished()
            if code is not None:
                if code == 0:
                    say("rebuilt", lang)
                elif code != 130:
                    say("kept" if output.is_dir() else "nothing_yet", lang)
            if full_pending and not builder.running:
                builder.start()
                full_pending = False
    except KeyboardInterrupt:
        return 130
    finally:
        builder.stop()
        server.stop()
        say("stopped", lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
