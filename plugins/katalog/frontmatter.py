"""Reads a content file: UTF-8 text, YAML front matter with line numbers, Markdown body."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


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
    """The file cannot be read at all: not UTF-8, no front matter, or malformed YAML."""

    code: str
    line: int
    detail: str = ""


@dataclass
class Document:
    meta: Mapping
    body: str
    body_line: int


_NULLS = {"", "~", "null", "Null", "NULL"}


def _convert(node: yaml.Node, offset: int):
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return Text(node.value, line, quoted=node.style is not None)
    if isinstance(node, yaml.SequenceNode):
        seq = Sequence(_convert(item, offset) for item in node.value)
        seq.line = line
        return seq
    mapping = Mapping()
    mapping.line = line
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else str(key_node)
        if key in mapping:
            raise SourceError("duplicate_key", key_node.start_mark.line + 1 + offset, key)
        value = _convert(value_node, offset)
        key_line = key_node.start_mark.line + 1 + offset
        if isinstance(value, (Mapping, Sequence)):
            # A nested block starts on the line below its key; the key's line is what a librarian looks for.
            value.line = key_line
        mapping[key] = value
        mapping.key_lines[key] = key_line
    return mapping


def parse_yaml(text: str, offset: int = 0):
    """Parses YAML into Text/Mapping/Sequence; `offset` is the file line before the YAML's first line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else offset + 1
        raise SourceError("yaml", line, error.problem or str(error)) from None
    if node is None:
        empty = Mapping()
        empty.line, empty.key_lines = offset + 1, {}
        return empty
    return _convert(node, offset)


def decode(raw: bytes) -> str:
    """Decodes UTF-8 (with or without a byte-order mark); raises SourceError with the bad line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError("encoding", line) from None


def read_document(raw: bytes) -> Document:
    """Splits a content file into its front matter (between two `---` lines) and its body."""
    text = decode(raw)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise SourceError("no_front_matter", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            meta = parse_yaml("".join(lines[1:index]), offset=1)
            if not isinstance(meta, Mapping):
                raise SourceError("front_matter_not_mapping", 2)
            return Document(meta, "".join(lines[index + 1 :]), index + 2)
    raise SourceError("unclosed_front_matter", 1)
