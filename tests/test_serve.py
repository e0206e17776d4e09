"""`make serve` keeps serving the last good site through bad saves, and picks up the next good one."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PLUGINS, ROOT, TODAY, VALID_PROGRAM, as_in_a_terminal, snapshot


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(lines: queue.Queue, seen: list, needle: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"{needle!r} never came:\n" + "".join(seen[-60:]))


def test_a_bad_save_keeps_the_last_good_site_and_the_next_good_save_recovers(content, tmp_path):
    program = content.program("kelas-uji")
    for number in range(8):  # enough pages that a rebuild takes a moment to write
        content.program(f"kelas-{number}")
    output = tmp_path / "out"
    command = [sys.executable, "-m", "katalog.serve", str(content.root), "-o", str(output),
               "-s", str(ROOT / "pelicanconf.py"), "--port", "0"]
    environment = {**os.environ, "KATALOG_TODAY": TODAY, "PYTHONPATH": str(PLUGINS), "COLUMNS": "200"}
    server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True, preexec_fn=as_in_a_terminal)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen: list[str] = []
    try:
        wait_for(lines, seen, "Situs disajikan di")
        url = seen[-1].split("Situs disajikan di ", 1)[1].split(" ", 1)[0]
        page = url + "program/kelas-uji/"
        assert "Kelas Uji Coba" in fetch(page)

        time.sleep(0.5)
        program.write_text(VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"),
                           encoding="utf-8")
        wait_for(lines, seen, "tetap disajikan")
        assert any("«literasi-digitl» bukan kategori yang dikenal" in line for line in seen)
        assert "Kelas Uji Coba" in fetch(page)
        assert not (tmp_path / "out.new").exists()

        program.write_text(VALID_PROGRAM.replace("Kelas Uji Coba", "Kelas Uji Baru"), encoding="utf-8")
        wait_for(lines, seen, "Dibangun ulang")
        assert "Kelas Uji Baru" in fetch(page)

        # Ctrl-C while a rebuild is writing: the served site stays whole, the unfinished one is removed.
        program.write_text(VALID_PROGRAM.replace("Kelas Uji Coba", "Kelas Uji Terputus"), encoding="utf-8")
        wait_for(lines, seen, "sudah diperbarui")  # the preview of the program's page comes first
        before = snapshot(output)
        assert "Kelas Uji Terputus" in fetch(page)
        deadline = time.monotonic() + 60
        while not Path(f"{output}.new").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert Path(f"{output}.new").exists(), "the rebuild never started writing"
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGUSR1)  # every thread's stack, server and build, to see where it hangs
            time.sleep(2)
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
            time.sleep(0.2)
            while not lines.empty():
                seen.append(lines.get())
            pytest.fail("Ctrl-C did not stop the server within a minute:\n" + "".join(seen)[-6000:])
        assert server.returncode == 130
        assert snapshot(output) == before
        assert not Path(f"{output}.new").exists()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    time.sleep(0.2)  # the reader thread takes the last lines
    while not lines.empty():
        seen.append(lines.get())
    assert "Traceback" not in "".join(seen)
