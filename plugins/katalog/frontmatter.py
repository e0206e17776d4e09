"""Reads a content file: UTF-8 text, YAML front matter with line numbers, Markdown body, all within limits."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .limits import DEFAULT_LIMITS, Limits
from .text import BadCharacter, bad_characters, normalize

# libyaml's parser when PyYAML was built with it (about 13 times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Text(str):
    """A scalar from YAML, kept as the text the librarian typed, with its line."""

    line: int
    quoted: bool

    def __new__(cls, value: str, line: int, quoted: bool = False):
        obj = super().__new__(cls, value)
        obj.line = line
        obj.quoted = quoted
        return obj


class Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A YAML sequence that remembers its line."""

    line: int


@dataclass
class SourceError(Exception):
    """The file cannot be read at all: not UTF-8, no front matter, malformed YAML, or beyond a limit."""

    code: str
    line: int
    detail: str = ""
    value: str = ""
    field: str = ""


@dataclass(frozen=True)
class Finding:
    """An invisible or control character in a text, found while reading (reported with its field)."""

    line: int
    field: str
    character: BadCharacter


@dataclass
class Document:
    meta: Mapping
    body: str
    body_line: int
    findings: list[Finding] = field(default_factory=list)


_NULLS = {"", "~", "null", "Null", "NULL"}


def _line(event, offset: int) -> int:
    return event.start_mark.line + 1 + offset


def _refuse_construct(event, offset: int):
    """Anchors, aliases and tags: YAML's ways to repeat, expand or retype values, which content never needs."""
    if isinstance(event, yaml.AliasEvent):
        raise SourceError("yaml_alias", _line(event, offset), "*" + str(event.anchor))
    if getattr(event, "anchor", None) is not None:
        raise SourceError("yaml_alias", _line(event, offset), "&" + str(event.anchor))
    if getattr(event, "tag", None) is not None:
        raise SourceError("yaml_tag", _line(event, offset), str(event.tag))


def _check_text(text: str, line: int, path: tuple, findings: list):
    for character in bad_characters(text, limit=1):
        findings.append(Finding(line, ".".join(path), character))


def _build(events, offset: int, limits: Limits, findings: list):
    """The tree of one YAML document, built from parser events with an explicit stack (no recursion)."""
    root = None
    stack: list[list] = []  # one frame per open list or group: [container, key waiting for its value, field path]
    documents = 0
    for event in events:
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        line = _line(event, offset)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise SourceError("yaml_documents", line)
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        _refuse_construct(event, offset)
        frame = stack[-1] if stack else None
        if frame and isinstance(frame[0], Mapping) and frame[1] is None:
            # A key: plain text. A list or group as a key is YAML that no content needs.
            if not isinstance(event, yaml.ScalarEvent):
                raise SourceError("yaml_complex_key", line)
            name = normalize(event.value)
            if not event.style and name == "<<":
                raise SourceError("yaml_merge", line)
            if name in frame[0]:
                raise SourceError("duplicate_key", line, name)
            _check_text(name, line, frame[2] + (name,), findings)
            frame[0].key_lines[name] = line
            frame[1] = name
            continue
        path = frame[2] + ((frame[1],) if isinstance(frame[0], Mapping) else ()) if frame else ()
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > limits.text_chars:
                raise SourceError("text_too_long", line, str(limits.text_chars))
            if not event.style and event.value in _NULLS:
                node = None
            else:
                node = Text(normalize(event.value), line, quoted=bool(event.style))
                _check_text(node, line, path, findings)
        else:
            if len(stack) >= limits.depth:
                raise SourceError("too_deep", line, str(limits.depth))
            node = Mapping() if isinstance(event, yaml.MappingStartEvent) else Sequence()
            node.line = line
            if isinstance(node, Mapping):
                node.key_lines = {}
        if frame is None:
            root = node
        elif isinstance(frame[0], Sequence):
            if len(frame[0]) >= limits.list_items:
                raise SourceError("too_many_items", frame[0].line, str(limits.list_items))
            frame[0].append(node)
        else:
            if isinstance(node, (Mapping, Sequence)):
                # A nested block starts on the line below its key; the key's line is what a librarian looks for.
                node.line = frame[0].key_lines[frame[1]]
            frame[0][frame[1]] = node
            frame[1] = None
        if isinstance(node, (Mapping, Sequence)):
            stack.append([node, None, path])
    return root


def parse_yaml(text: str, offset: int = 0, limits: Limits = DEFAULT_LIMITS, findings: list | None = None):
    """Parses YAML into Text/Mapping/Sequence; `offset` is the file line before the YAML's first line.

    Characters a text may not hold are added to `findings` (when given) rather than stopping the read.
    """
    findings = [] if findings is None else findings
    try:
        tree = _build(yaml.parse(text, Loader=_LOADER), offset, limits, findings)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else offset + 1
        raise SourceError("yaml", line, error.problem or str(error)) from None
    except yaml.YAMLError as error:  # a reader error without a mark, e.g. a character YAML does not allow
        raise SourceError("yaml", offset + 1, str(error).splitlines()[0]) from None
    if tree is None:
        empty = Mapping()
        empty.line, empty.key_lines = offset + 1, {}
        return empty
    return tree


def decode(raw: bytes) -> str:
    """Decodes UTF-8 (with or without a byte-order mark); raises SourceError with the bad line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError("encoding", line) from None


def _yaml_readable(char: str) -> bool:
    """Whether YAML reads the character as text: its printable set, less NEL (U+0085), which it takes for a line break."""
    point = ord(char)
    return (char in "\t\n\r" or 0x20 <= point <= 0x7E or 0xA0 <= point <= 0xD7FF
            or 0xE000 <= point <= 0xFFFD or point >= 0x10000)


def read_document(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Splits a content file into its front matter (between two `---` lines) and its body."""
    text = decode(raw)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise SourceError("no_front_matter", 1)
    size = 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            findings: list[Finding] = []
            meta = parse_yaml("".join(lines[1:index]), offset=1, limits=limits, findings=findings)
            if not isinstance(meta, Mapping):
                raise SourceError("front_matter_not_mapping", 2)
            body = "".join(lines[index + 1:])
            if len(body) > limits.body_chars:
                raise SourceError("body_too_long", index + 2, str(limits.body_chars))
            return Document(meta, normalize(body), index + 2, findings)
        for character in bad_characters(lines[index].rstrip("\r\n"), limit=1):
            if not _yaml_readable(character.char) or unicodedata.category(character.char) in ("Zl", "Zp"):
                # YAML itself refuses control characters or reads them as line breaks: name the character first.
                key = re.match(r"\s*(?:- )?([A-Za-z_][\w-]*)\s*:\s*", lines[index])
                start = key.end() if key and key.end() <= character.index else 0  # position within the value
                raise SourceError("bad_character", index + 1, str(character.index - start + 1), character.describe(),
                                  key.group(1) if key else "")
        size += len(lines[index])
        if size > limits.front_matter_chars:
            raise SourceError("front_matter_too_long", index + 1, str(limits.front_matter_chars))
    raise SourceError("unclosed_front_matter", 1)
