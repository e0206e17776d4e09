"""A large catalog made from the sample: every sample program again and again under new names, in every language
the sample has it in, with the sample's pages, data and images. For measurements that need the size of a real
library network's catalog (build time, memory, search downloads).

    python bench/catalog.py 1000 /tmp/catalog-1000
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "content"
_TITLE = re.compile(r"^title: (.*)$", re.M)


def _renamed(text: str, batch: int) -> str:
    """The program's title with its batch number, so that every copy has a title of its own."""
    return _TITLE.sub(lambda m: f"title: {m.group(1).strip().strip(chr(34))} ({batch})", text, count=1)


def write_catalog(root: Path, count: int, sample: Path = SAMPLE, languages: tuple[str, ...] | None = None) -> Path:
    """A content folder at root with `count` programs: the sample's programs in turn, each copy in the folder
    SLUG-BATCH with every language file the sample program has (or only those in `languages`)."""
    root = Path(root)
    for folder in ("data", "images", "pages"):
        if (sample / folder).is_dir():
            shutil.copytree(sample / folder, root / folder, dirs_exist_ok=True)
    programs = sorted(p for p in (sample / "programs").iterdir() if (p / "id.md").is_file())
    for number in range(count):
        program = programs[number % len(programs)]
        batch = number // len(programs) + 1
        target = root / "programs" / f"{program.name}-{batch}"
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(program.iterdir()):
            if source.suffix == ".md" and (languages is None or source.stem in languages):
                (target / source.name).write_text(_renamed(source.read_text(encoding="utf-8"), batch),
                                                  encoding="utf-8")
            elif source.is_file() and source.suffix != ".md":
                shutil.copy2(source, target / source.name)
    return root


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many programs")
    parser.add_argument("folder", type=Path, help="the new content folder (must not exist yet)")
    parser.add_argument("--languages", help="only these language files, e.g. id or id,en")
    args = parser.parse_args(argv)
    if args.folder.exists():
        parser.error(f"{args.folder} already exists")
    languages = tuple(args.languages.split(",")) if args.languages else None
    write_catalog(args.folder, args.count, languages=languages)
    print(f"{args.count} programs in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
