"""Which version of each program a build shows, from the content's Git history: the same for every build of the
same commit, so calendar files are reproducible.

A program's revision counts the commits that changed any file in its folder (its translations included), minus
one: 0 for a program as first published, then one more with each change (iCalendar's SEQUENCE). Its moment is the
time of the newest of those commits (DTSTAMP), its first publication that of the oldest (a feed's published). A folder with changes not yet committed counts one more, at the
start of the build's "today". Outside a Git repository (or with Git missing) every program is at revision 0 of
SOURCE_DATE_EPOCH when that is set, else of today.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from .calendar import Revision

GIT_TIMEOUT = 30
# Read from Git once per build, not once per language sub-site.
_CACHE: dict[tuple, dict] = {}


def catalog_revisions(catalog, content_path) -> dict[str, Revision]:
    """The revision of every program of a checked catalog, by its key."""
    settings = catalog.settings
    program_dir = os.path.join(content_path, settings["KATALOG_PROGRAM_DIR"])
    keys = frozenset(p.key for p in catalog.programs)
    cache_key = (os.path.realpath(program_dir), settings["KATALOG_TODAY"], keys)
    if cache_key not in _CACHE:
        _CACHE.clear()
        _CACHE[cache_key] = program_revisions(program_dir, keys, settings["KATALOG_TODAY"], settings["KATALOG_TIMEZONE"])
    return _CACHE[cache_key]


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args], capture_output=True,
                              text=True, timeout=GIT_TIMEOUT, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _fallback_moment(today: date, zone_name: str) -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.combine(today, time(0), ZoneInfo(zone_name)).astimezone(timezone.utc)


def program_revisions(program_dir: Path, keys, today: date, zone_name: str) -> dict[str, Revision]:
    """Each program folder's revision, by the folder's name (the program's key)."""
    keys = set(keys)
    fallback = Revision(0, _fallback_moment(today, zone_name))
    program_dir = Path(program_dir).resolve()
    top = _git(program_dir, "rev-parse", "--show-toplevel") if program_dir.is_dir() else None
    if top is None:
        return {key: fallback for key in keys}
    top_path = Path(top.strip()).resolve()
    try:
        relative = program_dir.relative_to(top_path).as_posix()
    except ValueError:
        return {key: fallback for key in keys}
    counts: dict[str, int] = {}
    newest: dict[str, int] = {}
    oldest: dict[str, int] = {}
    log = _git(top_path, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", relative or ".") or ""
    for entry in log.split("\0")[1:]:
        stamp, _, names = entry.partition("\n")
        if not stamp.strip().isdigit():
            continue
        touched = {_key_of(name, relative) for name in names.splitlines() if name.strip()}
        for key in touched - {None}:
            counts[key] = counts.get(key, 0) + 1
            newest.setdefault(key, int(stamp))  # git log lists the newest commit first
            oldest[key] = int(stamp)  # ... and the oldest last
    changed = set()
    status = _git(top_path, "status", "--porcelain", "--untracked-files=all", "-z", "--", relative or ".")
    for record in (status or "").split("\0"):
        if len(record) > 3:
            changed.add(_key_of(record[3:], relative))
    revisions = {}
    today_moment = datetime.combine(today, time(0), ZoneInfo(zone_name)).astimezone(timezone.utc)
    for key in keys:
        committed = counts.get(key, 0)
        if key in changed:
            revisions[key] = Revision(committed, max(today_moment, _moment(newest.get(key)) or today_moment),
                                      _moment(oldest.get(key)) or today_moment)
        elif committed:
            revisions[key] = Revision(committed - 1, _moment(newest[key]), _moment(oldest[key]))
        else:
            revisions[key] = fallback
    return revisions


def _moment(stamp: int | None) -> datetime | None:
    return datetime.fromtimestamp(stamp, timezone.utc) if stamp is not None else None


def _key_of(name: str, relative: str) -> str | None:
    """The program folder a path inside the repository belongs to."""
    name = name.strip().strip('"')
    prefix = f"{relative}/" if relative else ""
    if not name.startswith(prefix):
        return None
    rest = name[len(prefix):].split("/")
    return rest[0] if len(rest) > 1 else None
