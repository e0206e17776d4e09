"""The large catalog of `make bench` (bench/catalog.py), for tests that measure at the size of a real library
network's catalog (search downloads)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from catalog import write_catalog  # noqa: E402

__all__ = ["write_catalog"]
