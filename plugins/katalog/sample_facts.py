"""What makes the sample catalog recognisable, so that a library's own catalog is never published with it: the sample
library's names, phone numbers, e-mail addresses and addresses, and its images' hashes.

The list is made from the sample itself (`make docs` writes sample-facts.json, katalog.docs, from a content folder
whose site.yaml says `sample:`), and a test keeps it equal to the sample. A catalog that is not the sample is searched for them:
each one found is a problem naming the file and the line.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from . import files
from .messages import Problem
from .model import parse_phone

FACTS_FILE = Path(__file__).with_name("sample-facts.json")
# A phone number as written in text: digits with spaces, dots, hyphens or brackets between them.
PHONE_LIKE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
TEXT_SUFFIXES = {".md", ".markdown", ".yaml", ".yml"}


def collect(catalog) -> dict:
    """The sample's facts from its checked catalog: what no library's own catalog should still carry."""
    site = catalog.site
    names = {text for field in ("name", "short_name", "catalog_name") for text in getattr(site, field).values()}
    addresses = {site.address}
    phones = {phone.digits for phone in (site.help.phone, site.help.whatsapp) if phone}
    emails = {site.help.email} if site.help.email else set()
    for entry in catalog.vocabularies["locations"].entries.values():
        if str(entry.details.get("branch")).strip().lower() == "true":
            names |= set(entry.label.values())
            addresses.add(str(entry.details.get("address") or ""))
    for program in catalog.programs:
        holders = (program.contact, program.registration, program.accessibility.contact)
        for holder in holders:
            for name in ("phone", "whatsapp"):
                phone = getattr(holder, name, None) if holder else None
                if phone:
                    phones.add(phone.digits)
            email = getattr(holder, "email", None) if holder else None
            if email:
                emails.add(email)
    image_dir = catalog.root / catalog.settings["KATALOG_IMAGE_DIR"]
    images = {hashlib.sha256(path.read_bytes()).hexdigest() for path in files.regular_files(image_dir)}
    return {"names": sorted(n for n in names if n), "addresses": sorted(a for a in addresses if a),
            "phones": sorted(phones), "emails": sorted(e.lower() for e in emails), "images": sorted(images)}


def load() -> dict:
    try:
        return json.loads(FACTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def find(content_root: Path, problems: list[Problem], shown, facts: dict | None = None) -> None:
    """Every sample fact left in a catalog's files, each a problem at its file and line."""
    facts = load() if facts is None else facts
    if not facts:
        return
    words = [*facts.get("names", ()), *facts.get("addresses", ()), *facts.get("emails", ())]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE) \
        if words else None
    phones, images = set(facts.get("phones", ())), set(facts.get("images", ()))
    for path in files.regular_files(content_root):
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # reported by the folder's own checks
        if hashlib.sha256(raw).hexdigest() in images:
            problems.append(Problem(shown(path), None, None, "sample_fact", {"value": path.name}))
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        text = raw.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            found = [m.group(0) for m in pattern.finditer(line)] if pattern else []
            for candidate in PHONE_LIKE.findall(line):
                phone = parse_phone(candidate.strip())
                if phone and phone.digits in phones:
                    found.append(candidate.strip())
            for value in dict.fromkeys(found):
                problems.append(Problem(shown(path), number, None, "sample_fact", {"value": value}))
