"""Measures the build: cold builds of a catalog of N programs in every language, the preview of one edit, and the
same number of pages built by Eleventy (`make bench N=1000 PEERS=1`; see bench/README.md).

Each cold build is `python -m katalog.build` in a fresh process into a fresh folder, as `make html` runs it.
Wall time is from start to exit; peak memory is the largest sum, over the build's processes, of their
proportional set size (PSS: memory shared between the parallel language processes counted once), sampled
every 50 ms. Pages are the HTML files written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from catalog import write_catalog  # noqa: E402

# The sample catalog is written as of this day: its programs are open, full and over as intended.
TODAY = "2026-11-23"
SAMPLE_EVERY = 0.05


@dataclass
class Run:
    wall: float
    pages: int
    peak_mb: float

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / max(self.pages, 1)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                tree.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Memory:
    """The peak, over a process's life, of the PSS summed over it and its descendants."""

    def __init__(self, pid: int):
        self.pid, self.peak_kb, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        while not self._stop.is_set():
            tree, pids, total = _children(), [self.pid], 0
            while pids:
                pid = pids.pop()
                total += _pss_kb(pid)
                pids += tree.get(pid, [])
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(SAMPLE_EVERY)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def measured(command: list[str], env: dict, cwd: Path, output: Path) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = Memory(process.pid)
    _, errors = process.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors[-3000:]}")
    return Run(wall, sum(1 for _ in output.rglob("*.html")), peak)


def build_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "KATALOG_TODAY": TODAY,
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1790000000")}


def katalog_build(content: Path, output: Path, settings: Path) -> Run:
    """A cold build: a fresh process, a fresh output folder and an empty cache folder."""
    shutil.rmtree(output, ignore_errors=True)
    cache = output.with_name(output.name + "-cache")
    shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, "-m", "katalog.build", str(content), "-o", str(output), "-s", str(settings),
               "--fatal", "warnings", "-e", f'CACHE_PATH="{cache}"']
    return measured(command, build_env(), ROOT, output)


def median(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


# --- Eleventy, on a Markdown corpus with as many pages -------------------------------------------------------

LAYOUT = """<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} | Katalog</title><link rel="stylesheet" href="/style.css"></head>
<body>
<a href="#main">Skip</a>
<header><nav aria-label="Menu"><ul>{% for item in menu %}<li><a href="{{ item.url }}">{{ item.text }}</a></li>{% endfor %}</ul></nav></header>
<main id="main"><h1>{{ title }}</h1>
<p>{{ summary }}</p>
{{ content | safe }}
</main>
<footer><p>{{ site }}</p></footer>
</body>
</html>
"""


def peer_corpus(root: Path, pages: int) -> Path:
    """`pages` Markdown files with front matter, made from the sample programs' texts, and one Nunjucks layout."""
    source = root / "src"
    (source / "_includes").mkdir(parents=True)
    (source / "_includes" / "page.njk").write_text(LAYOUT, encoding="utf-8")
    menu = [{"url": f"/{name}/", "text": name.capitalize()} for name in ("program", "kategori", "agenda", "cari")]
    (source / "_data").mkdir()
    (source / "_data" / "menu.json").write_text(json.dumps(menu), encoding="utf-8")
    (source / "_data" / "site.json").write_text(json.dumps("Katalog"), encoding="utf-8")
    texts = []
    for path in sorted((ROOT / "content" / "programs").glob("*/*.md")):
        front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        title = next((line.split(":", 1)[1].strip().strip('"') for line in front.splitlines()
                      if line.startswith("title:")), path.parent.name)
        texts.append((path.stem, title, body))
    for number in range(pages):
        lang, title, body = texts[number % len(texts)]
        folder = source / "p" / str(number // 1000)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number}.md").write_text(
            f"---\nlayout: page.njk\nlang: {lang}\ntitle: {json.dumps(f'{title} ({number})')}\n"
            f"summary: {json.dumps(body.split(chr(10))[0][:150])}\n---\n{body}", encoding="utf-8")
    return source


def eleventy(root: Path, pages: int) -> Run:
    tools = root / "tools"
    tools.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HERE / "peers" / name, tools / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=tools, check=True,
                   stdout=subprocess.DEVNULL)
    source = peer_corpus(root, pages)
    output = root / "site"
    command = ["node", str(tools / "node_modules" / "@11ty" / "eleventy" / "cmd.cjs"), f"--input={source}",
               f"--output={output}", "--quiet"]
    return measured(command, os.environ.copy(), root, output)


# --- Report ---------------------------------------------------------------------------------------------------

def row(name: str, run: Run) -> str:
    return f"| {name} | {run.wall:.1f} s | {run.pages:,} | {run.ms_per_page:.2f} | {run.peak_mb:.0f} MB |"


HEADER = "| build | wall | pages | ms per page | peak memory (PSS) |\n|---|---|---|---|---|"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--programs", type=int, default=1000, help="programs in the catalog (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="cold builds, the median is reported (default 3)")
    parser.add_argument("--peers", action="store_true", help="also build as many pages with Eleventy")
    parser.add_argument("--preview", type=int, default=300, metavar="N",
                        help="time one edit's preview with make serve on N programs (0: skip; default 300)")
    parser.add_argument("--sizes", help="instead: one cold build at each size, e.g. 100,300,1000,4000")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="katalog-bench-") as temporary:
        work = Path(temporary)
        if args.sizes:
            print(f"Cold builds by size, one each, {os.cpu_count()} cores\n")
            print("| programs | wall | pages | ms per page | peak memory (PSS) | KB per page |\n|---|---|---|---|---|---|")
            for size in (int(s) for s in args.sizes.split(",")):
                content = write_catalog(work / f"content-{size}", size)
                run = katalog_build(content, work / f"site-{size}", args.settings)
                print(f"| {size:,} | {run.wall:.1f} s | {run.pages:,} | {run.ms_per_page:.2f} | {run.peak_mb:.0f} MB "
                      f"| {1024 * run.peak_mb / run.pages:.0f} |", flush=True)
                shutil.rmtree(work / f"site-{size}")
            return 0

        content = write_catalog(work / "content", args.programs)
        runs = []
        for number in range(args.runs):
            runs.append(katalog_build(content, work / "site", args.settings))
            print(f"  build {number + 1}: {runs[-1].wall:.1f} s", file=sys.stderr, flush=True)
        ours = median(runs)
        lines = [f"{args.programs:,} programs x {len(_languages(args.settings))} languages, cold, median of "
                 f"{args.runs}, {os.cpu_count()} cores", "", HEADER, row("this project, make html", ours)]
        if args.peers:
            peer = eleventy(work / "eleventy", ours.pages)
            lines.append(row("Eleventy 3.1.2, Markdown + Nunjucks, same page count", peer))
            lines += ["", f"ms per page, this project / Eleventy: {ours.ms_per_page / peer.ms_per_page:.2f}"]
        print("\n".join(lines), flush=True)
        if args.preview:
            from preview import preview_timing

            print("\n" + preview_timing(work / "preview", args.preview, args.settings))
    return 0


def _languages(settings: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican.settings import read_settings

    read = read_settings(str(settings))
    return [read["DEFAULT_LANG"], *read.get("I18N_SUBSITES", {})]


if __name__ == "__main__":
    sys.exit(main())
