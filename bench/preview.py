"""How long a librarian waits with `make serve`: from saving a program file to its new page on disk, then to the
whole site rebuilt; and from saving a data file to the site rebuilt. Used by bench/run.py."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from catalog import write_catalog

ROOT = Path(__file__).resolve().parent.parent


def _wait(lines: queue.Queue, needle: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if needle in lines.get(timeout=0.2):
                return
        except queue.Empty:
            continue
    raise SystemExit(f"make serve never said {needle!r}")


def _until_written(path: Path, word: str, timeout: float = 120) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if word in path.read_text(encoding="utf-8"):
                return time.monotonic()
        except (OSError, UnicodeDecodeError):
            pass
        time.sleep(0.005)
    raise SystemExit(f"{path} never showed {word!r}")


def preview_timing(work: Path, programs: int, settings: Path, edits: int = 3) -> str:
    content = write_catalog(work / "content", programs)
    output = work / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "KATALOG_TODAY": "2026-11-23"}
    command = [sys.executable, "-m", "katalog.serve", str(content), "-o", str(output), "-s", str(settings),
               "--port", "0"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    try:
        _wait(lines, "Situs disajikan", 600)
        previews, rebuilds = [], []
        program = sorted((content / "programs").iterdir())[programs // 2]
        source = program / "id.md"
        original = source.read_text(encoding="utf-8")
        for number in range(edits):
            word = f"Pratinjau{number}x"
            time.sleep(1)
            edited = original.replace("\n---\n", f"\n---\n{word}.\n", 1)
            start = time.monotonic()
            source.write_text(edited, encoding="utf-8")
            previews.append(_until_written(output / "program" / program.name / "index.html", word) - start)
            _wait(lines, "Dibangun ulang", 600)
            rebuilds.append(time.monotonic() - start)
        time.sleep(1)
        data = content / "data" / "locations.yaml"
        start = time.monotonic()
        data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _wait(lines, "Dibangun ulang", 600)
        data_rebuild = time.monotonic() - start
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    worst = max(previews)
    return (f"make serve, {programs} programs: a saved program file's page rewritten in {worst:.2f} s (worst of "
            f"{edits}; {', '.join(f'{t:.2f}' for t in previews)}), the whole site rebuilt "
            f"{max(rebuilds):.1f} s after the save; a saved data file: the whole site in {data_rebuild:.1f} s.")
