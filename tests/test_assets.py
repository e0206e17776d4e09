"""Static files are versioned: every stylesheet and image a page loads from the site carries a hash of the very
bytes the site serves at that address, so a long cache never serves an old file after a change."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from conftest import VALID_PROGRAM, run_pelican

LOADED = re.compile(r'<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|img[^>]*\bsrc)="([^"]+)"')


def loaded_files(site):
    for page in site.rglob("*.html"):
        for address in LOADED.findall(page.read_text(encoding="utf-8")):
            yield page, urlsplit(address)


def test_every_file_a_page_loads_carries_the_hash_of_what_is_served(built_site):
    seen = set()
    for page, address in loaded_files(built_site):
        assert address.query.startswith("v="), (page, address.geturl())
        served = built_site / address.path.lstrip("/")
        assert served.is_file(), address.path
        assert address.query == "v=" + hashlib.sha256(served.read_bytes()).hexdigest()[:10], (page, address.geturl())
        seen.add(address.path)
    assert "/theme/css/main.css" in seen and any(path.startswith("/images/") for path in seen), seen


def test_a_changed_file_gets_a_new_address_and_description_images_are_versioned(content, tmp_path):
    image = content.root / "images" / "komputer-lansia.svg"
    content.program("kelas-uji", VALID_PROGRAM + "\n![Peserta belajar.](images/komputer-lansia.svg)\n")
    addresses = []
    for run in range(2):
        output = tmp_path / f"out{run}"
        assert run_pelican(content.root, output).returncode == 0
        page = (output / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")
        found = sorted(set(re.findall(r'src="(/images/komputer-lansia\.svg\?v=[0-9a-f]{10})"', page)))
        assert len(found) == 1, page  # the same file, one address: in the header image and the description
        assert page.count(found[0]) == 2
        addresses.append(found[0])
        image.write_text(image.read_text(encoding="utf-8").replace("</svg>", "<!-- diubah --></svg>"),
                         encoding="utf-8")
    assert addresses[0] != addresses[1]
