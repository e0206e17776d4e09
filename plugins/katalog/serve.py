"""Serves the last good build and rebuilds on every change (python -m katalog.serve; what `make serve` runs).

Each rebuild runs `python -m katalog.build` in its own process, into a fresh folder that is swapped in only
when it succeeded: a bad save prints the report and the last good site stays served; the next good save
brings the new site; a rebuild stopped half-way leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import faulthandler
import functools
import http.server
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles

from .i18n import N_, translate

TEXTS = {
    "serving": N_("Situs disajikan di {url} (hentikan dengan Ctrl-C). Setiap perubahan membangun ulang situs."),
    "rebuilt": N_("Dibangun ulang; situs baru sudah disajikan."),
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args, build_options = parser.parse_known_args(argv)
    if hasattr(signal, "SIGUSR1"):
        faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1 PID`: where it seems stuck
    from pelican.settings import read_settings

    settings = read_settings(args.settings)
    lang = settings.get("KATALOG_MESSAGE_LANG") or settings.get("DEFAULT_LANG") or "id"
    output = Path(args.output).resolve()
    command = [sys.executable, "-m", "katalog.build", args.content, "-o", str(output), "-s", args.settings,
               "--fatal", "warnings", *build_options]
    plugins = str(Path(__file__).resolve().parent.parent)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))}

    def build() -> bool:
        process = subprocess.Popen(command, env=environment)
        try:
            return process.wait() == 0
        except KeyboardInterrupt:
            # Ctrl-C reaches the build too: let it remove its unfinished folder before stopping.
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            raise

    try:
        build()
    except KeyboardInterrupt:
        say("stopped", lang)
        return 130
    try:
        server = Server(output, args.bind, args.port).start()
    except OSError:
        say("port_busy", lang, host=args.bind, port=args.port)
        return 2
    say("serving", lang, url=server.url)
    if not output.is_dir():
        say("nothing_yet", lang)
    theme = Path(args.settings).resolve().parent / "theme"
    watched = [str(p) for p in (Path(args.content), theme, Path(plugins), Path(args.settings)) if p.exists()]
    stop = threading.Event()
    try:
        for _ in watchfiles.watch(*watched, watch_filter=_relevant, stop_event=stop, raise_interrupt=False,
                                  debounce=400, step=100):
            if build():
                say("rebuilt", lang)
            else:
                say("kept" if output.is_dir() else "nothing_yet", lang)
    except KeyboardInterrupt:
        return 130
    finally:
        server.stop()
        say("stopped", lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
