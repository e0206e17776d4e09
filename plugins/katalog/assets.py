"""Versioned addresses for the site's own files: a short content hash in the query (main.css?v=3f2a9c01d4), so that
hosts may cache stylesheets and images for a year and a changed file is still fetched at once."""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache

VERSION_LENGTH = 10


@lru_cache(maxsize=4096)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            sha.update(block)
    return sha.hexdigest()[:VERSION_LENGTH]


def file_version(path: str) -> str | None:
    """The file's version (a hash of its bytes), or None when there is no such file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return _digest(os.path.realpath(path), status.st_size, status.st_mtime_ns)


def versioned(address: str, path: str) -> str:
    """address with ?v=<version of the file at path>; the address unchanged when the file is missing."""
    version = file_version(path)
    return f"{address}?v={version}" if version else address


def version_images(html: str, site_root: str, image_dir: str, content_path: str) -> str:
    """Site images in a description, addressed from the site's root and versioned."""
    def address(match: re.Match) -> str:
        name = match.group(1)
        return f'src="{versioned(f"{site_root}/{image_dir}/{name}", os.path.join(content_path, image_dir, name))}"'
    return re.sub(rf'src="{re.escape(image_dir)}/([^"?#]+)"', address, html)
