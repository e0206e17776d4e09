"""The GitHub Pages workflow (.github/workflows/terbitkan.yml), checked as far as it can be without GitHub: its
shape and permissions, the Makefile targets and scripts it calls, and its own shell steps run in order on a
throwaway catalog repository, the way a runner would run them for a pull request."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT, ROOT, TODAY

WORKFLOW = ROOT / ".github" / "workflows" / "terbitkan.yml"
PROPOSAL = ROOT / ".github" / "workflows" / "usulan-program.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITEURL = "https://contoh.github.io/katalog"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {name for line in re.findall(r"^([A-Za-z0-9_. -]+):(?!=)", text, flags=re.MULTILINE)
            for name in line.split()}


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_the_workflows_match_github_s_schema():
    assert {WORKFLOW, PROPOSAL} <= set(WORKFLOWS)
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_runs_on_pushes_pull_requests_every_night_and_by_hand(workflow):
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on and "workflow_dispatch" in on
    [schedule] = on["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"], "daily"
    # After midnight in every Indonesian time zone (UTC+7, +8, +9), so the new day's statuses are published.
    for offset in (7, 8, 9):
        assert 0 <= (int(hour) + offset) % 24 < 6, (hour, offset)


def test_permissions_are_the_least_each_job_needs(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write-all" not in WORKFLOW.read_text(encoding="utf-8")
    checkout = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False  # no token left in the checkout for later steps


def uses_lines() -> list[tuple[str, str]]:
    """Every `uses:` line of the workflows and of the repository's own actions, as written (with its comment)."""
    files = [*WORKFLOWS, *sorted((ROOT / ".github" / "actions").glob("*/action.yml"))]
    return [(path.name, line.split("uses:", 1)[1].strip()) for path in files
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith(("uses:", "- uses:"))]


def test_actions_are_the_official_ones_pinned_by_commit_with_their_version():
    """A tag can be moved to other code; a commit cannot. The comment names the release, for people and Dependabot."""
    used = uses_lines()
    assert used
    for name, action in used:
        if action.startswith("./.github/actions/"):
            assert (ROOT / action[2:] / "action.yml").is_file(), (name, action)
            continue
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", action), (name, action)
    versions: dict[str, set[str]] = {}
    for _, action in used:
        if "@" in action:
            versions.setdefault(action.split("@")[0], set()).add(action.split("@")[1])
    assert all(len(pins) == 1 for pins in versions.values()), versions  # one version of an action everywhere
    assert {"actions/checkout", "actions/setup-python", "actions/cache", "actions/configure-pages",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(versions)


def dependabot(path: Path) -> dict[str, str]:
    return {update["package-ecosystem"]: update["directory"]
            for update in yaml.safe_load(path.read_text(encoding="utf-8"))["updates"]}


def test_dependabot_updates_the_packages_the_actions_and_axe_core():
    assert dependabot(ROOT / ".github" / "dependabot.yml") == {"pip": "/", "github-actions": "/", "npm": "/tests/gate"}
    # A library's repository has axe-core's package.json at its top (plugins/katalog/starter).
    assert dependabot(ROOT / "plugins" / "katalog" / "starter" / "dependabot.yml") == \
        {"pip": "/", "github-actions": "/", "npm": "/"}


def environment_step(workflow: dict) -> dict:
    [step] = [s for job in workflow["jobs"].values() for s in job["steps"]
              if s.get("uses") == "./.github/actions/lingkungan-python"]
    return step


def test_python_comes_from_python_version_and_the_environment_is_cached(workflow):
    action = yaml.safe_load((ROOT / ".github" / "actions" / "lingkungan-python" / "action.yml").read_text("utf-8"))
    steps_ = action["runs"]["steps"]
    python = next(s for s in steps_ if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"] == {"python-version-file": ".python-version"}
    version = (ROOT / ".python-version").read_text(encoding="utf-8").strip()
    assert tuple(map(int, version.split(".")[:2])) >= (3, 12)
    cache = next(s for s in steps_ if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".venv"
    key = cache["with"]["key"]
    assert "steps.python.outputs.python-version" in key and python["id"] == "python"
    assert key.startswith("${{ inputs.cache }}-") and "hashFiles(inputs.files)" in key
    files = environment_step(workflow)["with"]["files"]
    assert {"requirements.txt", "requirements-test.txt"} <= {p.name for p in ROOT.glob(files)}


def test_the_proposal_workflow_keeps_its_own_smaller_environment_cache(workflow):
    """It installs requirements.txt only: under the publishing workflow's key it would save an environment without
    the test packages, and every later publishing run would install them again."""
    proposal = yaml.safe_load(PROPOSAL.read_text(encoding="utf-8"))
    publish, own = environment_step(workflow)["with"], environment_step(proposal)["with"]
    assert publish["cache"] != own["cache"]
    assert [p.name for p in ROOT.glob(own["files"])] == ["requirements.txt"]
    assert commands(proposal) == ["proposal"]  # make proposal needs only the build's environment
    assert "test-venv" not in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nproposal:")[1].split("\n")[0]
    # The other workflows that install requirements.txt alone share the proposal's cache.
    for path in WORKFLOWS:
        if path not in (WORKFLOW, PROPOSAL):
            assert environment_step(yaml.safe_load(path.read_text(encoding="utf-8")))["with"] == own, path.name


def commands(workflow: dict) -> list[str]:
    """The Makefile targets a workflow's steps call, in order; each checked to exist, with the variables it reads."""
    targets = makefile_targets()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    called = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            script = step.get("run", "")
            assert "${{" not in script, f"values reach a script through env, never pasted into it: {step['name']}"
            for target, variables in re.findall(r"\bmake ([a-z-]+)((?: [A-Z_]+=\S+)*)", script):
                assert target in targets, target
                for variable in re.findall(r"([A-Z_]+)=", variables):
                    assert re.search(rf"\$\({variable}\)", makefile), f"make {target} does not read {variable}"
                called.append(target)
            for path in re.findall(r"\bscripts/[a-z-]+", script):
                assert os.access(ROOT / path, os.X_OK), path
    return called


def test_every_command_is_a_makefile_target_or_a_script_of_the_repository(workflow):
    called = commands(workflow)
    # Strict content checks and the build, then the accessibility gate over what was built; never the test suite.
    assert called == ["publish", "audit", "deployable"]
    assert "test" not in called


def test_only_main_deploys_and_only_after_every_check(workflow):
    build = steps(workflow, "build")
    runs = [s.get("run", "") for s in build]
    checks = next(i for i, r in enumerate(runs) if "make publish" in r)
    audit = next(i for i, r in enumerate(runs) if "make audit" in r)
    upload = next(i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert checks < audit < upload
    assert "STRICT=1" in runs[checks]
    assert "SITEURL=" in runs[audit] and "SITE=output" in runs[audit]
    assert build[upload]["with"]["path"].rstrip("/") == "output"
    for step in build[:upload + 1]:
        assert "continue-on-error" not in step or "configure-pages" in step.get("uses", ""), step["name"]
    main_only = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    deployable = next(i for i, r in enumerate(runs) if "make deployable" in r)
    assert audit < deployable < upload and build[deployable]["id"] == "deployable"
    ready = "steps.pages_on.outputs.ready == 'true'"
    assert build[upload]["if"] == main_only + " && steps.deployable.outputs.deploy == 'true' && " + ready
    assert workflow["jobs"]["build"]["outputs"]["deploy"] == \
        "${{ steps.deployable.outputs.deploy == 'true' && " + ready + " }}"
    pages_on = next(s for s in build if s.get("id") == "pages_on")
    assert pages_on["if"] == main_only and pages_on["env"] == {"PAGES_OUTCOME": "${{ steps.pages.outcome }}"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["if"] == main_only + " && needs.build.outputs.deploy == 'true'"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["environment"]["name"] == "github-pages"


def test_the_proposal_workflow_turns_a_labelled_issue_into_a_pull_request():
    from katalog.issue_form import FORM, LABEL

    proposal = yaml.safe_load(PROPOSAL.read_text(encoding="utf-8"))
    assert triggers(proposal) == {"issues": {"types": ["opened", "edited", "reopened"]}}
    assert proposal["permissions"] == {}
    [job] = proposal["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert f"'{LABEL}'" in job["if"] and yaml.safe_load((ROOT / FORM).read_text(encoding="utf-8"))["labels"] == [LABEL]
    assert commands(proposal) == ["proposal"]
    body = next(s for s in job["steps"] if "make proposal" in s.get("run", ""))
    assert body["env"] == {"BODY": "${{ github.event.issue.body }}"}  # the issue's text reaches no command line
    report = [s for s in job["steps"] if "gh issue comment" in s.get("run", "")]
    assert [s.get("if") for s in report] == [None, "failure()"]


# The runner, as far as these steps need it.


class Runner:
    """Runs a job's shell steps (run:) in order with bash -eo pipefail, as GitHub's runner does, evaluating the few
    ${{ }} expressions the steps' env uses from the event and the outputs of earlier steps. A step that uses an
    action is skipped (it needs GitHub); a condition not known here fails the test, so the harness keeps up."""

    CONDITIONS = {"steps.venv.outputs.cache-hit == 'true'": True,  # .venv is this one's, as if restored
                  "${{ !cancelled() }}": True,
                  "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'": False,
                  "github.ref == 'refs/heads/main' && github.event_name != 'pull_request' "
                  "&& steps.deployable.outputs.deploy == 'true' && steps.pages_on.outputs.ready == 'true'": False}

    def __init__(self, repository: Path, event: str, values: dict[str, str]):
        self.repository = repository
        self.values = {"vars.SITEURL": "", "github.event.before": "", **values}
        self.outputs: dict[str, dict[str, str]] = {}
        self.summary = repository.parent / "summary.md"
        self.environment = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event,
                            "GITHUB_REPOSITORY": "contoh/katalog", "GITHUB_WORKSPACE": str(repository),
                            "GITHUB_STEP_SUMMARY": str(self.summary), "KATALOG_TODAY": TODAY}
        self.log: list[tuple[str, subprocess.CompletedProcess]] = []

    def expression(self, text: str) -> str:
        def value(match):
            name = match[1].strip()
            if name.startswith("steps."):
                _, step, _, output = name.split(".")
                return self.outputs.get(step, {}).get(output, "")
            assert name in self.values, f"an expression the harness does not know: {name}"
            return self.values[name]
        return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

    def run(self, job: list[dict]) -> bool:
        for step in job:
            if "if" in step:
                assert step["if"] in self.CONDITIONS, f"a condition the harness does not know: {step['if']}"
                if not self.CONDITIONS[step["if"]]:
                    continue
            if "run" not in step:
                continue
            output_file = self.repository.parent / f"output-{len(self.log)}"
            output_file.write_text("", encoding="utf-8")
            environment = {**self.environment, "GITHUB_OUTPUT": str(output_file),
                           **{k: self.expression(v) for k, v in step.get("env", {}).items()}}
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                    cwd=self.repository, env=environment, capture_output=True, text=True, timeout=900)
            self.log.append((step["name"], result))
            if "id" in step:
                self.outputs[step["id"]] = dict(line.split("=", 1) for line in
                                                output_file.read_text(encoding="utf-8").splitlines() if "=" in line)
            if result.returncode != 0:
                return False
        return True

    def stdout(self) -> str:
        return "".join(result.stdout for _, result in self.log)


def git(repository: Path, *arguments: str) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "Pustakawan", "GIT_AUTHOR_EMAIL": "pustaka@example.org",
                   "GIT_COMMITTER_NAME": "Pustakawan", "GIT_COMMITTER_EMAIL": "pustaka@example.org"}
    return subprocess.run(["git", *arguments], cwd=repository, env=environment, check=True, capture_output=True,
                          text=True).stdout.strip()


PROGRAMS = ("kelas-komputer-lansia", "bahasa-isyarat-dasar")
ENDED = ("  start: 2026-12-04 16:00", "  start: 2026-10-02 16:00"), \
        ("  repeat: {every: week, until: 2027-01-29}", "  repeat: {every: week, until: 2026-10-30}"), \
        ("  except: [2026-12-25, 2027-01-01]", "  except: [2026-10-16]"), \
        ("  moved:\n    2027-01-08: 2027-01-09 10:00\n", "")


@pytest.fixture(scope="module")
def catalog_repository(tmp_path_factory) -> Path:
    """A library's catalog repository made from this one: the generator, and two programs of its own, one of them
    still marked open after its last session (a warning, not an error)."""
    repository = tmp_path_factory.mktemp("katalog") / "repo"
    repository.mkdir()
    for name in ("Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt", "requirements-test.txt",
                 ".python-version", "babel.cfg", ".gitignore"):
        shutil.copy2(ROOT / name, repository / name)
    for folder in ("scripts", "plugins", "theme", ".github"):
        shutil.copytree(ROOT / folder, repository / folder, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copytree(ROOT / "tests" / "gate", repository / "tests" / "gate",
                    ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    content = repository / "content"
    for folder in ("data", "images", "pages"):
        shutil.copytree(CONTENT / folder, content / folder)
    shutil.copy2(CONTENT / "LICENSE.md", content / "LICENSE.md")
    for slug in PROGRAMS:
        shutil.copytree(CONTENT / "programs" / slug, content / "programs" / slug)
    ended = content / "programs" / "bahasa-isyarat-dasar" / "id.md"
    text = ended.read_text(encoding="utf-8")
    for old, new in ENDED:
        assert old in text
        text = text.replace(old, new)
    ended.write_text(text, encoding="utf-8")
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "Katalog perpustakaan")
    return repository


def pull_request(repository: Path, tmp_path: Path, edit: str) -> Path:
    """A clone checked out as GitHub checks out a pull request: the pull request merged into main."""
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(repository), str(clone)], check=True)
    # What the runner's cache and `npm ci` would provide: this checkout's environment and axe-core (copied, so that
    # nothing the steps do reaches this repository), older than the files they are made from.
    (clone / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(ROOT / "tests" / "gate" / "node_modules", clone / "tests" / "gate" / "node_modules")
    for name in ("requirements.txt", "requirements-test.txt", "tests/gate/package.json", "tests/gate/package-lock.json"):
        os.utime(clone / name, (0, 0))
    git(clone, "checkout", "-q", "-b", "usulan")
    path = clone / "content" / "programs" / edit / "id.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Baru - ", 1), encoding="utf-8")
    git(clone, "commit", "-q", "-am", f"Ubah {edit}")
    git(clone, "checkout", "-q", "main")
    git(clone, "merge", "-q", "--no-ff", "-m", "Merge pull request", "usulan")
    return clone


@pytest.mark.browser
def test_a_pull_request_is_checked_built_and_audited(workflow, catalog_repository, tmp_path):
    clone = pull_request(catalog_repository, tmp_path, "kelas-komputer-lansia")
    runner = Runner(clone, "pull_request", {"steps.pages.outputs.base_url": ""})
    passed = runner.run(steps(workflow, "build"))
    report = "\n".join(f"--- {name}\n{r.stdout[-3000:]}{r.stderr[-3000:]}" for name, r in runner.log)
    assert passed, report
    assert runner.outputs["address"] == {"siteurl": SITEURL}
    home = (clone / "output" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/' in home
    assert (clone / "test-reports" / "accessibility-report.json").is_file()
    assert "No barriers found" in runner.stdout()
    # The program the pull request touched, linked at its address; the warning about the other one annotated.
    summary = runner.summary.read_text(encoding="utf-8")
    assert f"({SITEURL}/program/kelas-komputer-lansia/)" in summary, summary
    assert f"({SITEURL}/en/program/kelas-komputer-lansia/)" not in summary  # its translations were not touched
    assert "::warning file=content/programs/bahasa-isyarat-dasar/id.md,line=" in runner.stdout()


def test_a_pull_request_that_touches_a_warned_file_stops_before_the_audit(workflow, catalog_repository, tmp_path):
    clone = pull_request(catalog_repository, tmp_path, "bahasa-isyarat-dasar")
    runner = Runner(clone, "pull_request", {"steps.pages.outputs.base_url": ""})
    assert not runner.run(steps(workflow, "build"))
    name, result = runner.log[-1]
    assert "make publish" in next(s["run"] for s in steps(workflow, "build") if s.get("name") == name)
    assert "::error file=content/programs/bahasa-isyarat-dasar/id.md,line=" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (clone / "output").exists() and not (clone / "test-reports").exists()


# The two scripts the workflow calls.


def script(name: str, repository: Path, **environment: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    return subprocess.run([str(ROOT / "scripts" / name)], cwd=repository, env={**clean, **environment},
                          capture_output=True, text=True, timeout=60)


def test_changed_files_for_each_event(tmp_path):
    repository = tmp_path / "repo"
    repository.mkdir()
    git(repository, "init", "-q", "-b", "main")
    (repository / "a.md").write_text("a", encoding="utf-8")
    (repository / "hapus.md").write_text("x", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "awal")
    first = git(repository, "rev-parse", "HEAD")
    (repository / "content").mkdir()
    (repository / "content" / "b.md").write_text("b", encoding="utf-8")
    (repository / "content" / 'c"; touch pwned; ".md').write_text("c", encoding="utf-8")
    (repository / "hapus.md").unlink()
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "ubah")
    second = git(repository, "rev-parse", "HEAD")

    push = script("changed-files", repository, GITHUB_EVENT_NAME="push", BEFORE=first)
    assert push.returncode == 0 and push.stdout == "content/b.md\n"  # no deleted file, no unsafe name
    assert script("changed-files", repository, GITHUB_EVENT_NAME="push", BEFORE="0" * 40).stdout == "content/b.md\n"
    assert script("changed-files", repository, GITHUB_EVENT_NAME="push", BEFORE="f" * 40).stdout == "content/b.md\n"
    assert script("changed-files", repository, GITHUB_EVENT_NAME="schedule").stdout == "\n"
    assert script("changed-files", repository, GITHUB_EVENT_NAME="workflow_dispatch").stdout == "\n"

    git(repository, "checkout", "-q", "-b", "usulan", first)
    (repository / "d.md").write_text("d", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "usulan")
    git(repository, "checkout", "-q", "--detach", second)
    git(repository, "merge", "-q", "--no-ff", "-m", "merge", "usulan")
    pull = script("changed-files", repository, GITHUB_EVENT_NAME="pull_request")
    assert pull.returncode == 0 and pull.stdout == "d.md\n"  # only what the pull request adds to its base
    assert not (repository / "pwned").exists()


@pytest.mark.parametrize("environment, address", [
    ({"GITHUB_REPOSITORY": "Perpus-Dua/katalog"}, "https://perpus-dua.github.io/katalog"),
    ({"GITHUB_REPOSITORY": "Perpus-Dua/Perpus-Dua.github.io"}, "https://perpus-dua.github.io"),
    ({"GITHUB_REPOSITORY": "a/katalog", "PAGES_URL": "https://katalog.example.org/"}, "https://katalog.example.org"),
    ({"GITHUB_REPOSITORY": "a/b", "PAGES_URL": "https://a.github.io/b", "SITEURL": "https://x.example.org/k"},
     "https://x.example.org/k"),
    ({"NETLIFY": "true", "CONTEXT": "production", "URL": "https://katalog.netlify.app",
      "DEPLOY_PRIME_URL": "https://deploy-preview-7--katalog.netlify.app"}, "https://katalog.netlify.app"),
    ({"NETLIFY": "true", "CONTEXT": "deploy-preview", "URL": "https://katalog.netlify.app",
      "DEPLOY_PRIME_URL": "https://deploy-preview-7--katalog.netlify.app"}, "https://deploy-preview-7--katalog.netlify.app"),
    ({"CF_PAGES": "1", "CF_PAGES_URL": "https://a1b2c3.katalog.pages.dev"}, "https://a1b2c3.katalog.pages.dev"),
    ({"CF_PAGES": "1", "CF_PAGES_URL": "https://a1b2c3.katalog.pages.dev", "SITEURL": "https://katalog.example.org"},
     "https://katalog.example.org"),
])
def test_site_address(tmp_path, environment, address):
    result = script("site-address", tmp_path, **environment)
    assert result.returncode == 0 and result.stdout == address + "\n", result.stderr


@pytest.mark.parametrize("environment", [{}, {"SITEURL": "https://contoh.org/a b"}, {"SITEURL": "javascript:alert(1)"},
                                         {"SITEURL": 'https://contoh.org/"$(touch x)"'}])
def test_site_address_refuses_what_is_not_an_address(tmp_path, environment):
    result = script("site-address", tmp_path, **environment)
    assert result.returncode == 2 and result.stdout == ""
    assert "SITEURL" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("outcome, ready", [("success", "true"), ("failure", "false"), ("", "false")])
def test_before_pages_is_switched_on_the_run_stays_green_and_says_what_to_switch_on(tmp_path, outcome, ready):
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs"
    result = subprocess.run([str(ROOT / "scripts" / "pages-ready")], capture_output=True, text=True, timeout=30,
                            env={**os.environ, "PAGES_OUTCOME": outcome, "GITHUB_STEP_SUMMARY": str(summary),
                                 "GITHUB_OUTPUT": str(outputs)})
    assert result.returncode == 0, result.stderr
    assert outputs.read_text(encoding="utf-8") == f"ready={ready}\n"
    said = summary.read_text(encoding="utf-8") if summary.exists() else ""
    assert ("Source: GitHub Actions" in said) == (ready == "false")
