"""A library's own repository, thin: its content, its settings, the workflows and a pinned requirement on a released
version of the generator. Written by `make new-site DIR=path` (katalog new-site --dir path).

What it holds, and where each part comes from:

    content/                      the starter's content folder: the library's facts, places and partners, no program
    pelicanconf.py, publishconf.py, Makefile, .gitignore, README.md       this folder (plugins/katalog/starter)
    requirements.txt              the generator's version, with its accessibility gate: REQUIREMENT below
    .python-version               the Python the workflows set up
    package.json, package-lock.json          axe-core for the gate, pinned (the gate's own, tests/gate)
    scripts/                      the generator's scripts (find-python, ensure-browser, site-address, ...)
    .github/workflows/, actions/  the generator's publishing, proposal and form workflows, actions pinned by commit
    .github/dependabot.yml        updates of the generator, the actions and axe-core as pull requests
    .github/ISSUE_TEMPLATE/, docs/templat-program/   the proposal form and the program template, from the data

The same files serve this checkout of the generator and the installed package: in the wheel they are package data
(katalog/starter/github, katalog/starter/scripts, katalog_gate), here they are the repository's own folders.
"""

from __future__ import annotations

import shutil
import subprocess
from importlib.metadata import PackageNotFoundError, version as installed_version
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[2]  # the generator's repository, when this runs from a checkout
DISTRIBUTION = "katalog-program-inklusif"
# The generator's own release the site depends on: from the package index, the gate included. A library that
# installs from elsewhere (a tag on GitHub, a wheel) gives the line itself: REQUIREMENT="katalog-program-inklusif[gate]
# @ https://github.com/OWNER/REPO/archive/refs/tags/v0.2.0.tar.gz".
REQUIREMENT = DISTRIBUTION + "[gate]=={version}"
PYTHON_VERSION = "3.12"
# The workflows a library's repository runs. «Siapkan katalog» is left out: the repository is already the library's.
WORKFLOWS = ("terbitkan.yml", "usulan-program.yml", "perbarui-formulir.yml")
ACTIONS = ("lingkungan-python",)  # the workflows' own steps, shared
SCRIPTS = ("find-python", "ensure-browser", "ensure-node", "changed-files", "site-address", "pages-ready")
OWN_FILES = {"Makefile": "Makefile", "gitignore": ".gitignore", "pelicanconf.py": "pelicanconf.py",
             "publishconf.py": "publishconf.py", "README.md": "README.md", "dependabot.yml": ".github/dependabot.yml"}


def _source(packaged: Path, checkout: Path) -> Path:
    """A folder of the starter's files: inside the installed package, or the checkout's own."""
    return packaged if packaged.is_dir() else checkout


def github_folder() -> Path:
    return _source(HERE / "github", CHECKOUT / ".github")


def scripts_folder() -> Path:
    return _source(HERE / "scripts", CHECKOUT / "scripts")


def gate_folder() -> Path:
    try:
        import katalog_gate

        return Path(katalog_gate.__file__).parent
    except ImportError:
        return CHECKOUT / "tests" / "gate"


def generator_version() -> str:
    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:  # a checkout: the version it would release
        import tomllib

        return tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def occupied(folder: Path) -> list[str]:
    """What is already in the folder (a repository's .git aside): the starter writes only into an empty one."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name != ".git")


def write_repository(folder: Path, requirement: str | None = None) -> list[Path]:
    """Writes the thin repository around a content folder already copied to folder/content; the files written."""
    written: list[Path] = []

    def put(target: str, text: str | None = None, source: Path | None = None, executable: bool = False):
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if source is not None:
            shutil.copyfile(source, path)
        else:
            path.write_text(text or "", encoding="utf-8")
        if executable:
            path.chmod(0o755)
        written.append(path)

    for name, target in OWN_FILES.items():
        put(target, source=HERE / name)
    line = requirement or REQUIREMENT.format(version=generator_version())
    put("requirements.txt", "# The generator, pinned: a new version is a pull request from Dependabot (its CHANGELOG.md "
        "says what to change).\n" + line + "\n")
    put(".python-version", PYTHON_VERSION + "\n")
    gate = gate_folder()
    for name in ("package.json", "package-lock.json"):
        put(name, source=gate / name)
    for name in SCRIPTS:
        put(f"scripts/{name}", source=scripts_folder() / name, executable=True)
    for name in WORKFLOWS:
        put(f".github/workflows/{name}", source=github_folder() / "workflows" / name)
    for name in ACTIONS:
        put(f".github/actions/{name}/action.yml", source=github_folder() / "actions" / name / "action.yml")
    if shutil.which("git") and not (folder / ".git").exists():
        subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(folder)], check=False)
    return written
