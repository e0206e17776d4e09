"""make act: the gate over ACT-shaped test cases, tallied per ACT rule, for the gate and for axe-core alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from gate import act

CASES = Path(__file__).parent / "act-cases"


def _case(rule, expected, path, name="A rule"):
    return {"ruleId": rule, "ruleName": name, "expected": expected, "relativePath": path,
            "ruleAccessibilityRequirements": {"wcag20:1.1.1": {}}}


def _result(violations=(), findings=(), review=(), unchecked=""):
    return {"violations": list(violations), "findings": list(findings), "review": list(review), "unchecked": unchecked}


def test_a_rule_is_tallied_for_the_gate_and_for_axe_alone(monkeypatch):
    monkeypatch.setattr(act, "OWN_CHECKS", {"focus-trap": ["r1"]})
    entries = [_case("r1", "failed", "a"), _case("r1", "failed", "b"), _case("r1", "passed", "c"),
               _case("r1", "inapplicable", "d"), _case("r2", "passed", "e")]
    results = {"a": _result(violations=["image-alt"]), "b": _result(findings=["focus-trap"]),
               "c": _result(review=["image-alt"]), "d": _result(unchecked="the page did not finish loading"),
               "e": _result(violations=["image-alt"])}
    rules = act.tally(entries, results, {"image-alt": ["r1"], "region": []})
    gate, axe = rules["r1"]["gate"], rules["r1"]["axe"]
    assert (gate.failed, gate.flagged, gate.clean, gate.wrong, gate.review, gate.unchecked) == (2, 2, 2, 0, 1, 1)
    assert (axe.flagged, axe.wrong) == (1, 0)
    assert gate.verdict() == "complete" and axe.verdict() == "partial"
    assert rules["r1"]["checks"] == ["axe image-alt", "own focus-trap"]
    assert rules["r2"]["checks"] == [] and rules["r2"]["gate"].wrong == 0  # image-alt is not mapped to r2
    assert act.problems(rules) == []


def test_a_claimed_rule_that_flags_a_passed_example_fails_and_so_does_a_check_worse_than_axe(monkeypatch):
    monkeypatch.setattr(act, "OWN_CHECKS", {"link-text": ["r1"]})
    monkeypatch.setattr(act, "CLAIMED", {"r1"})
    entries = [_case("r1", "failed", "a"), _case("r1", "passed", "b")]
    rules = act.tally(entries, {"a": _result(violations=["link-name"]), "b": _result(findings=["link-text"])},
                      {"link-name": ["r1"]})
    assert rules["r1"]["gate"].verdict() == "inconsistent" and rules["r1"]["axe"].verdict() == "complete"
    found = act.problems(rules)
    assert any("claimed, but 1 passed or inapplicable examples are flagged: b" in line for line in found)
    assert any("that axe-core alone does not" in line for line in found)


def _act(*args):
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    return subprocess.run([sys.executable, "-m", "gate.act", *map(str, args)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.browser
def test_make_act_on_test_cases_writes_the_table(tmp_path):
    run = _act("--cases", CASES, "--out", tmp_path / "act.md", "--json", tmp_path / "act.json", "--page-time", 30)
    assert run.returncode == 0, run.stdout + run.stderr
    table = (tmp_path / "act.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in table.splitlines() if line.startswith("| ")}
    image = rows["23a2a8 Image has non-empty accessible name"]
    assert "axe image-alt" in image[2] and image[3:5] == ["1 of 1", "0 of 2"] and image[8] == "complete"
    trap = rows["a1b64e Focusable element has no keyboard trap via standard navigation"]
    assert "own focus-trap" in trap[2] and trap[3:5] == ["1 of 1", "0 of 1"]
    assert "- b49b2e Heading is descriptive (2.4.6)" in table  # no check implements it: listed as not covered
    assert "axe-core 4.14.1" in table and "Chromium" in table
    results = json.loads((tmp_path / "act.json").read_text(encoding="utf-8"))["results"]
    assert "image-alt" in results["testcases/23a2a8/image-without-name.html"]["violations"]


def test_make_act_without_test_cases_says_where_it_looked(tmp_path):
    run = _act("--cases", tmp_path / "nowhere", "--out", tmp_path / "act.md")
    assert run.returncode == 2
    assert "No ACT test cases in" in run.stderr and "CASES=folder" in run.stderr
    assert not (tmp_path / "act.md").exists()
    made = subprocess.run(["make", "-s", "act", f"CASES={tmp_path / 'nowhere'}"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert made.returncode != 0 and "No ACT test cases in" in made.stderr
