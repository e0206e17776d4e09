"""The files of the content folder: nothing links outside it, images are what they say, names survive any disk."""

from __future__ import annotations

import functools
import os
import re
import stat
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeTree

from .limits import Limits
from .messages import Problem

# What may sit in the images folder, and the first bytes each kind of file starts with.
IMAGE_TYPES = {
    ".png": ("PNG", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("JPEG", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("JPEG", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".gif": ("GIF", lambda head: head[:6] in (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
    ".avif": ("AVIF", lambda head: head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")),
    ".svg": ("SVG", lambda head: True),  # read in full by check_svg
}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SVG_SCRIPTING = {"script", "foreignobject", "handler", "listener"}
_SVG_ANIMATION = {"set", "animate", "animatemotion", "animatetransform"}
_LOCAL_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_URL_FUNCTION = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def regular_files(folder: Path, problems: list[Problem] | None = None):
    """Every regular file under `folder`; a symbolic link or special file is never followed (reported if asked)."""
    if not folder.exists() and not folder.is_symlink():
        return
    if _refused(folder, problems):
        return
    yield from _walk(str(folder), problems)


def _walk(directory: str, problems: list[Problem] | None):
    """A folder's regular files by name, then each of its folders' by name, from one listing of each folder."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return  # gone or unreadable since it was looked at: as os.walk does
    folders = []
    for entry in entries:
        try:  # a link is neither: it is never followed
            is_file, is_dir = entry.is_file(follow_symlinks=False), entry.is_dir(follow_symlinks=False)
        except OSError:
            is_file = is_dir = False
        if is_file:
            yield Path(entry.path)
        elif is_dir:
            folders.append(entry.path)
        elif problems is not None:
            _refused(Path(entry.path), problems)  # says why: a link, a special file, unreadable
    for folder in folders:
        yield from _walk(folder, problems)


def _refused(path: Path, problems: list[Problem] | None) -> bool:
    problems = [] if problems is None else problems
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        problems.append(Problem(shown(path), None, None, "read_error", {"detail": error.strerror or str(error)}))
        return True
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        problems.append(Problem(shown(path), None, None, "symlink", {"value": path.name, "detail": target}))
        return True
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        problems.append(Problem(shown(path), None, None, "special_file", {"value": path.name}))
        return True
    return False


def check_tree(root: Path, problems: list[Problem]) -> None:
    """Links, special files and names that differ only by letter case, anywhere in the content folder."""
    names = set()
    start = len(os.path.join(str(root), ""))
    for path in regular_files(root, problems):
        parts = str(path)[start:].split(os.sep)  # the path inside the content folder, and each folder above it
        names.update("/".join(parts[:end]) for end in range(1, len(parts) + 1))
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(name.casefold(), []).append(name)
    for same in groups.values():
        for other in same[1:]:
            problems.append(Problem(shown(root / other), None, None, "case_clash", {"value": other, "detail": same[0]}))


def check_folder_names(folder: Path, problems: list[Problem]) -> None:
    """Program and page folders become addresses: lower-case ASCII letters, digits and hyphens."""
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.is_symlink() and not SLUG.fullmatch(child.name):
            problems.append(Problem(shown(child), None, None, "bad_folder_name",
                                    {"value": child.name, "suggestion": slugify(child.name)}))


def check_stray_files(folder: Path, problems: list[Problem]) -> None:
    """A program or page folder holds its language files (id.md, en.md, ...); anything else would be ignored."""
    for path in regular_files(folder):
        if not path.name.startswith(".") and not is_language_file(path, folder):
            problems.append(Problem(shown(path), None, None, "stray_file", {"value": path.name}))


def check_unread(folder: Path, known: set[str], code: str, problems: list[Problem], folders: bool) -> None:
    """Folders (or files) in `folder` that no part of the build reads: a program put in the wrong place, a misspelt
    data file. Hidden entries (.gitkeep, .DS_Store) are left alone."""
    if not folder.is_dir():
        return
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in known or child.is_symlink():
            continue
        if child.is_dir() if folders else child.is_file():
            problems.append(Problem(shown(child), None, None, code,
                                    {"value": child.name, "choices": ", ".join(sorted(known))}))


@functools.lru_cache(maxsize=1024)
def language_tag(name: str) -> bool:
    """Whether a file's name (without .md) is a language tag (id, en, jv, pt-BR): few names, asked for every file."""
    import langcodes

    return langcodes.tag_is_valid(name)


def is_language_file(path: Path, folder: Path) -> bool:
    """A Markdown file the catalog reads: `id.md`, `en.md`, ... in a program's or page's folder."""
    if path.suffix != ".md" or path.name.startswith("."):
        return False
    return os.path.dirname(path) == os.fspath(folder) or language_tag(path.stem)


def slugify(name: str) -> str:
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-") or "program"


def check_images(folder: Path, limits: Limits, problems: list[Problem]) -> None:
    """Every file in the images folder: a kind the site serves, with the content its name promises."""
    for path in regular_files(folder):
        where = shown(path)
        if path.name.startswith("."):
            continue  # .gitkeep and the like; IGNORE_FILES keeps them off the site
        kind = IMAGE_TYPES.get(path.suffix.lower())
        if kind is None:
            problems.append(Problem(where, None, None, "file_type",
                                    {"value": path.name, "choices": ", ".join(sorted(IMAGE_TYPES))}))
            continue
        if path.stat().st_size > limits.image_bytes:
            problems.append(Problem(where, None, None, "image_too_big",
                                    {"value": path.name, "detail": f"{limits.image_bytes // 1_000_000} MB"}))
            continue
        name, matches = kind
        if name == "SVG":
            check_svg(path, problems)
            continue
        with open(path, "rb") as handle:
            head = handle.read(16)
        if not matches(head):
            problems.append(Problem(where, None, None, "file_content_mismatch", {"value": path.name, "detail": name}))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def check_svg(path: Path, problems: list[Problem]) -> None:
    """An SVG shows a picture and nothing else: no script, handler, foreign content, entity or outside address."""
    where = shown(path)
    raw = path.read_bytes()

    def refuse(what: str, line: int | None = None):
        problems.append(Problem(where, line, None, "unsafe_svg", {"value": path.name, "detail": what}))

    if re.search(rb"<\?xml-stylesheet", raw):
        refuse("<?xml-stylesheet?>")
        return
    try:
        # A plain DOCTYPE (as drawing programs write it) is harmless; entities are what expand or reach outside.
        root = SafeTree.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        refuse("<!ENTITY>")
        return
    except SafeTree.ParseError as error:
        line = getattr(error, "position", (None,))[0]
        problems.append(Problem(where, line, None, "bad_svg", {"value": path.name, "detail": str(error)}))
        return
    if _local(root.tag) != "svg":
        problems.append(Problem(where, 1, None, "bad_svg", {"value": path.name, "detail": f"<{_local(root.tag)}>"}))
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag in _SVG_SCRIPTING:
            return refuse(f"<{tag}>")
        for attribute, value in element.attrib.items():
            name = _local(attribute)
            if name.startswith("on"):
                return refuse(f"{name}=")
            if name in ("href", "src") and value.strip() and not value.strip().startswith("#") \
                    and not _LOCAL_DATA_IMAGE.match(value.strip()):
                return refuse(f"{name}=\"{value[:60]}\"")
            if tag in _SVG_ANIMATION and name == "attributename" and (value.lower().endswith("href")
                                                                       or value.lower().startswith("on")):
                return refuse(f"<{tag} attributeName=\"{value}\">")
            if _outside(value):
                return refuse(f"{name}=\"{value[:60]}\"")
        if tag == "style" and _outside("".join(element.itertext())):
            return refuse("<style> @import/url()/image-set()")


def _css_text(value: str) -> str:
    """CSS as a browser reads it: comments gone, escapes (\\69 for i, \\72 for r, ...) turned into their letters."""
    value = _CSS_COMMENT.sub("", value)
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) and int(m.group(1), 16) < 0x110000
                           else (m.group(2) or ""), value)


def _outside(value: str) -> bool:
    """Whether a CSS value refers to anything but a part of the same picture (url(#id)), or pulls in a style sheet."""
    value = _css_text(value)
    lowered = value.lower()
    return ("@import" in lowered or "image-set(" in lowered
            or any(target and not target.startswith("#") for target in _URL_FUNCTION.findall(value)))
