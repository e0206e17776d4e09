"""Every browser the gate starts is closed and its profile removed: after a run, a failure or an interruption."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT, as_in_a_terminal

pytestmark = pytest.mark.browser
BROKEN = ROOT / "tests" / "broken"


def gate(temporary, *args):
    environment = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT / "tests")}
    return subprocess.Popen([sys.executable, "-m", "gate", *map(str, args)], cwd=ROOT, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=as_in_a_terminal)


@pytest.fixture
def temporary():
    """A short temporary folder of its own (Chromium's socket paths must stay short), removed afterwards."""
    folder = tempfile.mkdtemp(prefix="kt-", dir="/tmp")
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


def leftovers(temporary) -> list[str]:
    return sorted(name for name in os.listdir(temporary) if "chromium" in name.lower())


def test_a_finished_audit_leaves_no_browser_profile(tmp_path, temporary):
    run = gate(temporary, BROKEN, "--reports", tmp_path / "reports", "--keyboard", "none")
    out, err = run.communicate(timeout=300)
    assert run.returncode == 1, err  # the broken pages fail, as they must
    assert leftovers(temporary) == []


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_audit_closes_its_browsers(built_site, tmp_path, temporary, stop):
    run = gate(temporary, built_site, "--reports", tmp_path / "reports", "--keyboard", "all")
    try:
        deadline = time.monotonic() + 120
        while not leftovers(temporary) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert leftovers(temporary), "no browser started"
        time.sleep(2)  # checking pages now
        run.send_signal(stop)
        try:
            out, err = run.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            run.send_signal(signal.SIGUSR1)  # every thread's stack, to see where it hangs
            time.sleep(2)
            os.killpg(run.pid, signal.SIGKILL)
            out, err = run.communicate()
            pytest.fail(f"the audit did not stop within a minute:\n{err[-6000:]}")
    finally:
        if run.poll() is None:  # a stop that did not stop must not leave a whole audit running
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()
    assert run.returncode == 130, err
    assert "Traceback" not in err
    assert leftovers(temporary) == []
    report = json.loads((tmp_path / "reports" / "accessibility-report.json").read_text(encoding="utf-8"))
    assert report["interrupted"] and len(report["results"]) < report["pages"]  # the pages checked by then
    assert "the rest were not checked" in out


def test_a_test_that_fails_with_a_browser_open_still_removes_its_profile(temporary):
    code = ("import sys; sys.path.insert(0, 'tests')\n"
            "from gate.browser import new_driver\n"
            "driver = new_driver()\n"
            "raise AssertionError('a check failed with the browser open')\n")
    environment = {**os.environ, "TMPDIR": str(temporary)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=120)
    assert "a check failed" in result.stderr
    assert leftovers(temporary) == []
