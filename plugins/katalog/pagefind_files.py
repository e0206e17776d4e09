"""Pagefind's files as published: the same bytes for the same site, and a first search that fetches little.

- Pagefind writes each filter's part of the index (pagefind/filter/*.pf_filter) with its values in whatever order its
  hash map gives, so two builds of one commit differed in those files, in their names and in the metadata naming
  them. Here each filter's values are put in order and every file is named after what it holds.
- Pagefind cuts the word index into parts of about 20,000 word places (not a setting), so a catalog of a few dozen
  programs has one part and every first search fetched all of it. Here the parts are cut again, in the same order
  and the same way Pagefind names their word ranges, to about SPLIT_AT bytes each, only between words whose first two
  letters differ: a search fetches the parts its words fall in, and a word typed in part ("komput") still finds its
  longer forms in one part.

The records are Pagefind 1.5's CBOR (kept in requirements.txt); make_stable checks their shape and stops the build
with a clear message rather than publish an index it does not understand."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

MAGIC = b"pagefind_dcd"  # what every file Pagefind compresses starts with, once uncompressed
# Positions in Pagefind's CBOR records (pagefind.*.pf_meta: version, pages, index chunks, filters, sorts, ...;
# *.pf_filter: the filter's name and its values, each [value, pages]).
META_CHUNKS = 2  # each [first word, last word, file name]
META_FILTERS = 3
FILTER_VALUES = 1
CHUNK_WORDS = 0  # a word index part: [[word, pages, meta places], ...]
SPLIT_AT = 4 * 1024  # bytes of CBOR per word index part (about 1.8 KiB gzipped)


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return data[len(MAGIC):]


def _packed(payload: bytes) -> bytes:
    return gzip.compress(MAGIC + payload, compresslevel=9, mtime=0)


def _name(lang: str, payload: bytes, length: int, taken: set[str]) -> str:
    digest = hashlib.sha256(payload).hexdigest()
    while f"{lang}_{digest[:length]}" in taken:
        length += 1
    name = f"{lang}_{digest[:length]}"
    taken.add(name)
    return name


def _prefixes(last: str, first: str) -> tuple[str, str]:
    """The shortest ends that tell two neighbouring parts apart, as Pagefind names them (its chunk_meta)."""
    common = 0
    for a, b in zip(last, first):
        if a != b:
            break
        common += 1
    return last[:common + 1], first[:common + 1]


def _split(words: list, size: int) -> list[list]:
    """Words (in Pagefind's order) in parts of about `size` CBOR bytes, cut only where the first two letters change."""
    parts, part, held = [], [], 0
    for word in words:
        if part and held >= size and word[0][:2] != part[-1][0][:2]:
            parts.append(part)
            part, held = [], 0
        part.append(word)
        held += len(cbor2.dumps(word))
    if part:
        parts.append(part)
    return parts


def _word_parts(bundle: Path, lang: str, chunks: list, written: dict, old: list) -> list:
    words = []
    for first, last, short in chunks:
        path = bundle / "index" / f"{short}.pf_index"
        record = cbor2.loads(_read(path))
        if not (isinstance(record, list) and record and isinstance(record[CHUNK_WORDS], list)):
            raise ValueError(f"{path.name}: not a Pagefind 1.5 word index")
        words += record[CHUNK_WORDS]
        old.append(path)
    if any(not (isinstance(w, list) and w and isinstance(w[0], str)) for w in words) \
            or [w[0] for w in words] != sorted(w[0] for w in words):
        raise ValueError(f"{lang}: the word index is not in the order Pagefind keeps")
    parts, named, taken = _split(words, SPLIT_AT), [], set()
    for part in parts:
        payload = cbor2.dumps([part])
        name = _name(lang, payload, 7, taken)
        written[bundle / "index" / f"{name}.pf_index"] = _packed(payload)
        named.append([part[0][0], part[-1][0], name])
    for left, right in zip(named, named[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])
    return named


def make_stable(bundle: Path) -> None:
    """Rewrites a Pagefind bundle's filter and word index files, its metadata and its entry file: stable, in parts."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    written: dict[Path, bytes] = {}
    old: list[Path] = []
    for lang, index in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = cbor2.loads(_read(meta_path))
        filters, taken = [], set()
        for name, short in sorted(meta[META_FILTERS]):
            path = bundle / "filter" / f"{short}.pf_filter"
            chunk = cbor2.loads(_read(path))
            chunk[FILTER_VALUES] = sorted(chunk[FILTER_VALUES], key=lambda value: value[0])
            payload = cbor2.dumps(chunk)
            stable = _name(lang, payload, 7, taken)
            written[bundle / "filter" / f"{stable}.pf_filter"] = _packed(payload)
            filters.append([name, stable])
            old.append(path)
        meta[META_FILTERS] = filters
        meta[META_CHUNKS] = _word_parts(bundle, lang, meta[META_CHUNKS], written, old)
        payload = cbor2.dumps(meta)
        index["hash"] = _name(lang, payload, 10, set())
        written[bundle / f"pagefind.{index['hash']}.pf_meta"] = _packed(payload)
        old.append(meta_path)
    for path in old:
        path.unlink()
    for path, data in written.items():
        path.write_bytes(data)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
