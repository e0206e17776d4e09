"""make act: the gate over the W3C ACT rules test cases, and how consistent it is with them, per ACT rule.

The ACT rules (Accessibility Conformance Testing, W3C) come with test cases: small pages, each a failed, passed or
inapplicable example of one rule. A checker is consistent with a rule when it flags none of the passed and
inapplicable examples, and complete when it also flags every failed one. This runs every test case through the same
per-page checks as `make audit` and writes, per ACT rule, which of our checks implement it (axe-core's rules say
which ACT rules they implement; ours are listed in OWN_CHECKS), how many failed examples they flag and how many
passed or inapplicable examples they flag wrongly, for the whole gate and for axe-core alone.

The test cases are data, read from where they are (CASES, default ../shared/act): a folder served as the web root,
with WAI/content-assets/wcag-act-rules/testcases.json and the pages under it.

Exit codes: 0 every rule in CLAIMED is consistent and the gate is nowhere less consistent than axe-core alone;
1 otherwise (the report says which rule); 2 no test cases where they were looked for.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .browser import AXE_TAGS, SiteServer, chromium_paths, run_axe
from .run import Gate

CASES_JSON = Path("WAI/content-assets/wcag-act-rules/testcases.json")
PAGES = "/WAI/content-assets/wcag-act-rules/"

# Our own checks (tests/gate/checks.py) and the ACT rules each implements. axe-core's rules declare theirs (actIds).
# Not mapped, because they ask more than the ACT rule or measure something else: focus-visible wants the indicator
# on the focused element itself (oj04fd also passes an indicator elsewhere on the page), focus-trap allows only Tab
# (80af7b also passes a trap whose way out the page explains), text-zoom-clipped zooms the text alone in a wide
# window (59br37 zooms the page and passes clipped text whose full version is a link away).
OWN_CHECKS: dict[str, list[str]] = {
    "focus-trap": ["a1b64e"],  # the keyboard walk: Tab moves on from every stop and reaches every one
    "auto-update": ["efbfc7"],  # text that changes by itself while the page is checked, with no way to pause it
}
# Checks of the sampled, slower part of a page's checks: run on the test cases of the rules they implement.
SLOW_CHECKS = {"focus-trap"}

# The ACT rules this project claims to implement: for each, the gate must flag no passed or inapplicable example.
# A rule leaves this list only with a reason in docs/act.md; a rule joins it once `make act` shows it consistent.
CLAIMED: set[str] = {
    "0ssw9k", "23a2a8", "24afc2", "2779a5", "307n5z", "46ca7f", "4e8ab6", "59796f", "5c01ea", "5f99a7", "674b10",
    "6a7281", "6cfa84", "73f2c2", "78fd32", "7d6734", "8fc3b6", "97a4e1", "9e45ec", "a1b64e", "a25f45", "b4f0c3",
    "b5c3f8", "bc4a75", "bc659a", "bf051a", "bisz58", "c487ae", "cae760", "de46e4", "e086e5", "ff89c9", "ffd0e9",
    "m6b1q3",
}


@dataclass
class Tally:
    failed: int = 0  # failed examples
    flagged: int = 0  # failed examples the checks flag
    clean: int = 0  # passed and inapplicable examples
    wrong: int = 0  # passed and inapplicable examples the checks flag
    review: int = 0  # examples where axe-core only says "needs review" for the rule
    unchecked: int = 0  # examples the gate could not check (the reason is in the JSON)
    wrong_cases: list = field(default_factory=list)

    def verdict(self) -> str:
        if self.wrong:
            return "inconsistent"
        if self.failed and self.flagged == self.failed:
            return "complete"
        return "partial" if self.flagged else "flags nothing"


def load_cases(cases: Path) -> list[dict]:
    data = json.loads((cases / CASES_JSON).read_text(encoding="utf-8"))
    return [case for case in data["testcases"] if case["relativePath"].lower().endswith((".html", ".htm", ".xhtml"))]


def axe_act_ids(site: Path) -> dict[str, list[str]]:
    """The axe-core rules the gate runs, each with the ACT rules it says it implements."""
    gate = Gate(site, workers=1)
    try:
        driver = gate._driver()
        driver.get("about:blank")
        run_axe(driver, None, {"runOnly": {"type": "rule", "values": ["document-title"]}})  # loads axe-core
        rules = driver.execute_script("return axe.getRules(arguments[0]).map(r => [r.ruleId, r.actIds || []])",
                                      AXE_TAGS)
    finally:
        gate._close_drivers()
    return {rule: ids for rule, ids in rules}


def check_cases(cases: Path, entries: list[dict], slow_rules: set[str], workers: int | None, page_time: float,
                progress=sys.stderr) -> dict[str, dict]:
    """Each test case through the gate's per-page checks; by test case address, the gate's result."""
    gate = Gate(cases, workers=workers, keyboard="none", allowlist=[], page_time=page_time)
    results: dict[str, dict] = {}
    with SiteServer(cases) as server, ThreadPoolExecutor(gate.workers) as pool:
        try:
            futures = {case["relativePath"]: pool.submit(gate.check_page, server.url, PAGES + case["relativePath"],
                                                         case["ruleId"] in slow_rules)
                       for case in entries}
            for done, (path, future) in enumerate(futures.items(), start=1):
                page = future.result()
                results[path] = {"violations": sorted({v["rule"] for v in page.violations}),
                                 "review": sorted({i["rule"] for i in page.incomplete}),
                                 "findings": sorted({f["check"] for f in page.findings}),
                                 "unchecked": page.unchecked}
                if progress and (done % 100 == 0 or done == len(futures)):
                    progress.write(f"[act] {done}/{len(futures)} test cases\n")
                    progress.flush()
        finally:
            gate._close_drivers()
    return results


def tally(entries: list[dict], results: dict[str, dict], axe_rules: dict[str, list[str]]) -> dict[str, dict]:
    """Per ACT rule: its name, criteria, the checks that implement it, and the gate's and axe-core's tallies."""
    by_act: dict[str, set] = {}
    for rule, ids in axe_rules.items():
        for act in ids:
            by_act.setdefault(act, set()).add(("axe", rule))
    for check, ids in OWN_CHECKS.items():
        for act in ids:
            by_act.setdefault(act, set()).add(("own", check))
    rules: dict[str, dict] = {}
    for case in entries:
        act = case["ruleId"]
        row = rules.setdefault(act, {"name": case["ruleName"], "criteria": sorted(
            key.split(":", 1)[1] for key in case.get("ruleAccessibilityRequirements") or {}
            if key.startswith("wcag2")), "approved": bool(case.get("approved")),
            "checks": sorted(f"{kind} {name}" for kind, name in by_act.get(act, ())), "gate": Tally(), "axe": Tally()})
        result = results[case["relativePath"]]
        axe_mapped = {name for kind, name in by_act.get(act, ()) if kind == "axe"}
        own_mapped = {name for kind, name in by_act.get(act, ()) if kind == "own"}
        axe_flag = bool(axe_mapped & set(result["violations"]))
        gate_flag = axe_flag or bool(own_mapped & set(result["findings"]))
        review = bool(axe_mapped & set(result["review"]))
        for tally_, flag in ((row["gate"], gate_flag), (row["axe"], axe_flag)):
            if result["unchecked"]:
                tally_.unchecked += 1
            if case["expected"] == "failed":
                tally_.failed += 1
                tally_.flagged += flag
            else:
                tally_.clean += 1
                tally_.wrong += flag
                if flag:
                    tally_.wrong_cases.append(case["relativePath"])
            tally_.review += review and not flag
    return rules


def problems(rules: dict[str, dict]) -> list[str]:
    """What makes `make act` fail: a claimed rule flagging a passed or inapplicable example, or the gate less
    consistent than axe-core alone on a rule."""
    found = []
    for act, row in sorted(rules.items()):
        gate, axe = row["gate"], row["axe"]
        if act in CLAIMED and gate.wrong:
            found.append(f"{act} {row['name']}: claimed, but {gate.wrong} passed or inapplicable examples are "
                         f"flagged: {', '.join(gate.wrong_cases[:3])}")
        if gate.wrong > axe.wrong:
            found.append(f"{act} {row['name']}: our checks flag {gate.wrong - axe.wrong} passed or inapplicable "
                         "examples that axe-core alone does not")
    return found


def _chromium_version() -> str:
    browser, _ = chromium_paths()
    try:
        return subprocess.run([browser, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:  # noqa: BLE001 - the report says it does not know
        return "Chromium (version unknown)"


def _cell(tally_: Tally, what: str) -> str:
    if what == "failed":
        return f"{tally_.flagged} of {tally_.failed}" if tally_.failed else "none"
    return f"{tally_.wrong} of {tally_.clean}" if tally_.clean else "none"


def markdown(rules: dict[str, dict], about: dict) -> str:
    lines = [
        "# The gate and the W3C ACT rules",
        "",
        "How consistent the accessibility gate (`make audit`) is with the test cases of the W3C Accessibility",
        "Conformance Testing (ACT) rules. Written by `make act`; do not edit by hand.",
        "",
        f"- Date: {about['date']}",
        f"- Engine: axe-core {about['axe']} with the tags {', '.join(AXE_TAGS)}, in {about['chromium']}",
        f"- Test cases: {about['cases']} pages of {len(rules)} ACT rules, from `{about['source']}`",
        "",
        "For each ACT rule: the checks that implement it (`axe` for an axe-core rule, which names the ACT rules it",
        "implements; `own` for one of the gate's own checks), how many of its failed examples the gate flags, and",
        "how many of its passed and inapplicable examples it flags wrongly; then the same for axe-core alone.",
        "\"Needs review\" counts examples where axe-core neither passed nor failed the rule. A rule is *complete* when",
        "every failed example is flagged and nothing else, *partial* when some are and nothing else, *inconsistent*",
        "when a passed or inapplicable example is flagged.",
        "",
        "| ACT rule | WCAG | checks | failed flagged | wrongly flagged | axe alone: failed flagged | axe alone: wrongly flagged | needs review | verdict | claimed |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    covered = {act: row for act, row in rules.items() if row["checks"]}
    for act, row in sorted(covered.items(), key=lambda item: item[1]["name"].lower()):
        gate, axe = row["gate"], row["axe"]
        lines.append(f"| {act} {row['name']} | {', '.join(row['criteria']) or '-'} | {', '.join(row['checks'])} | "
                     f"{_cell(gate, 'failed')} | {_cell(gate, 'clean')} | {_cell(axe, 'failed')} | "
                     f"{_cell(axe, 'clean')} | {gate.review} | {gate.verdict()} | {'yes' if act in CLAIMED else 'no'} |")
    lines += ["", "## Not covered", "",
              "No check of the gate implements these ACT rules; many need a person's judgement (is a text",
              "descriptive, does a transcript match the video). They are left to a manual review.", ""]
    for act, row in sorted(rules.items(), key=lambda item: item[1]["name"].lower()):
        if not row["checks"]:
            lines.append(f"- {act} {row['name']} ({', '.join(row['criteria']) or 'no WCAG criterion'})")
    missing = sorted(CLAIMED - set(rules))
    if missing:
        lines += ["", "Claimed, but without test cases in this copy: " + ", ".join(missing) + "."]
    unchecked = sum(row["gate"].unchecked for row in rules.values())
    if unchecked:
        lines += ["", f"{unchecked} test cases could not be checked (the JSON report says why); they count as not "
                  "flagged."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make act", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=Path("../shared/act"), help="the ACT test cases' folder")
    parser.add_argument("--out", type=Path, default=Path("docs/act.md"), help="the table, in Markdown")
    parser.add_argument("--json", type=Path, default=Path("test-reports/act.json"), help="every result, in JSON")
    parser.add_argument("--workers", type=int, default=None, help="browsers at once (default: one per core)")
    parser.add_argument("--page-time", type=float, default=60.0, help="seconds one test case may take")
    args = parser.parse_args(argv)
    if not (args.cases / CASES_JSON).is_file():
        print(f"No ACT test cases in {args.cases}: it should hold {CASES_JSON}. Give their folder with "
              "CASES=folder (a copy of the w3c/wcag-act-rules content, served as the web root).", file=sys.stderr)
        return 2
    entries = load_cases(args.cases)
    axe_rules = axe_act_ids(args.cases)
    slow_rules = {act for check in SLOW_CHECKS for act in OWN_CHECKS.get(check, ())}
    results = check_cases(args.cases, entries, slow_rules, args.workers, args.page_time)
    rules = tally(entries, results, axe_rules)
    from .browser import axe_version

    about = {"date": datetime.date.today().isoformat(), "axe": axe_version(), "chromium": _chromium_version(),
             "cases": len(entries), "source": os.path.normpath(args.cases)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(rules, about), encoding="utf-8")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"about": about, "rules": {act: {**row, "gate": vars(row["gate"]),
                                                                      "axe": vars(row["axe"])}
                                                               for act, row in rules.items()},
                                     "results": results}, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"Table: {args.out}; every result: {args.json}")
    found = problems(rules)
    for line in found:
        print(line, file=sys.stderr)
    claimed = sorted(CLAIMED & set(rules))
    print(f"{len(rules)} ACT rules, {sum(bool(r['checks']) for r in rules.values())} covered by the gate, "
          f"{len(claimed)} claimed; " + (f"{len(found)} problems." if found else "no problems."))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
