"""The guides cannot drift from the project: every `make` command they show is a Makefile target that reads the
variables given, every path they name exists, and the names of workflows, jobs, forms and labels they tell
librarians to look for are the ones GitHub will show."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

GUIDES = ["docs/panduan.md", "docs/guide.md", "docs/hosting.md", "README.md", "docs/mulai.md", "docs/start.md"]
TOP = ("content/", "docs/", "plugins/", "theme/", "tests/", "scripts/", ".github/", "bench/")
ROOT_FILES = re.compile(r"^(?:[a-z]+conf\.py|netlify\.toml|\.python-version|requirements(?:-test)?\.txt|Makefile)$")
# Named in a guide as what not to do (a program outside content/programs/), not as a file that exists.
COUNTER_EXAMPLES = {"content/kelas-baru/", "content/new-class/"}
PLACEHOLDER = re.compile(r"[A-Z][A-Z-]*[A-Z]|nama-program-anda|\.\.\.")


def code(text: str) -> list[str]:
    """What a guide shows as code: fenced blocks and `inline` spans."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return blocks + re.findall(r"`([^`\n]+)`", text)


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {name for line in re.findall(r"^([A-Za-z0-9_. -]+):(?!=)", text, flags=re.MULTILINE)
            for name in line.split()}


@pytest.mark.parametrize("guide", GUIDES)
def test_every_make_command_in_a_guide_exists(guide):
    targets = makefile_targets()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    shown = [(target, variables) for snippet in code((ROOT / guide).read_text(encoding="utf-8"))
             for target, variables in re.findall(r"\bmake(?: -s)? ([a-z][a-z-]*)((?: [A-Z_]+=\S*)*)", snippet)]
    assert shown, guide
    for target, variables in shown:
        assert target in targets, f"{guide}: make {target}"
        for variable in re.findall(r"([A-Z_]+)=", variables):
            assert re.search(rf"\$\(({variable})\)|\b{variable}\b", makefile), f"{guide}: make {target} {variable}="


@pytest.mark.parametrize("guide", GUIDES)
def test_every_path_in_a_guide_exists(guide):
    checked = 0
    for snippet in code((ROOT / guide).read_text(encoding="utf-8")):
        for token in re.findall(r"[\w./-]+", snippet):
            token = token.rstrip(".,:")
            if token.startswith(TOP) and "//" not in token and token not in COUNTER_EXAMPLES:
                pattern = PLACEHOLDER.sub("*", token).rstrip("/") or token
                served = pattern.replace("theme/", "theme/static/", 1)  # the address a theme file is served at
                assert list(ROOT.glob(pattern)) or list(ROOT.glob(served)), f"{guide}: {token}"
                checked += 1
            elif ROOT_FILES.match(token):
                assert (ROOT / token).exists(), f"{guide}: {token}"
                checked += 1
    assert checked, guide


def test_names_librarians_are_told_to_look_for_are_github_s():
    from katalog.issue_form import FORM, LABEL

    workflow = yaml.safe_load((ROOT / ".github/workflows/terbitkan.yml").read_text(encoding="utf-8"))
    form = yaml.safe_load((ROOT / FORM).read_text(encoding="utf-8"))
    for guide in ("docs/panduan.md", "docs/guide.md"):
        text = " ".join((ROOT / guide).read_text(encoding="utf-8").split())
        assert f"**{workflow['name']} / {workflow['jobs']['build']['name']}**" in text
        assert f"**{workflow['name']}**" in text
        assert f"New issue → {form['name']}**" in text
        assert f"`{LABEL}`" in text
        assert "laporan-aksesibilitas" in text
    upload = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "laporan-aksesibilitas"


@pytest.mark.parametrize("guide", ["docs/mulai.md", "docs/start.md"])
def test_the_start_checklist_is_ten_steps_at_most_naming_github_s_own_words(guide):
    from katalog.issue_form import FORM, LABEL
    from katalog.new_site import SETUP_FORM, SETUP_LABEL

    text = (ROOT / guide).read_text(encoding="utf-8")
    steps = re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)
    assert 1 <= len(steps) <= 10 and steps == [str(n) for n in range(1, len(steps) + 1)]
    flat = " ".join(text.split())
    for form, label in ((FORM, LABEL), (SETUP_FORM, SETUP_LABEL)):
        spec = yaml.safe_load((ROOT / form).read_text(encoding="utf-8"))
        assert spec["labels"] == [label] and f"`{label}`" in flat
        assert f"New issue → {spec['name']}**" in flat
    for workflow in ("terbitkan.yml", "perbarui-formulir.yml"):
        name = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))["name"]
        assert name in flat, (guide, name)
    other = {"docs/mulai.md": "docs/start.md", "docs/start.md": "docs/mulai.md"}[guide]
    assert len(re.findall(r"^\d+\. ", (ROOT / other).read_text(encoding="utf-8"), flags=re.MULTILINE)) == len(steps)
