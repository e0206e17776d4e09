"""A large catalog made from the sample: every sample program again and again under new names, for measurements
that need the size of a real library's catalog (search downloads, build time)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import CONTENT


def write_catalog(root: Path, count: int) -> Path:
    """A content folder at root with `count` programs in Indonesian (the other languages show them as untranslated),
    and the sample's pages, data and images."""
    for folder in ("data", "images", "pages"):
        shutil.copytree(CONTENT / folder, root / folder)
    samples = sorted((CONTENT / "programs").glob("*/id.md"))
    for number in range(count):
        sample = samples[number % len(samples)]
        text = sample.read_text(encoding="utf-8")
        batch = number // len(samples) + 1
        text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1).strip(chr(34))} (angkatan {batch})",
                      text, count=1, flags=re.M)
        target = root / "programs" / f"{sample.parent.name}-{batch}" / "id.md"
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
    return root
