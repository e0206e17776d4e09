"""Text hygiene: Unicode normalisation and the invisible characters that may not appear in content."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that change the order text is shown in, or hide in it. Zero-width joiners are allowed only
# inside a word of a script that needs them, or inside an emoji sequence (see _joiner_allowed).
_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_JOINERS = {0x200C, 0x200D}
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


@dataclass(frozen=True)
class BadCharacter:
    index: int  # 0-based position in the text
    char: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "").lower() or self.code

    def describe(self) -> str:
        return f"{self.code} ({self.name})" if self.name != self.code else self.code


def normalize(text: str) -> str:
    """Text in Unicode NFC, so that the same word is always stored and searched the same way."""
    return unicodedata.normalize("NFC", text) if not text.isascii() else text


def _joiner_allowed(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    # Between two characters that are neither ASCII nor spaces: a word in Javanese or Arabic script,
    # or an emoji sequence. Next to Latin letters or spaces a joiner only disguises text.
    return bool(before and after) and not (before.isascii() or after.isascii()
                                         or before.isspace() or after.isspace())


def bad_characters(text: str, limit: int = 5) -> list[BadCharacter]:
    """Direction overrides, invisible format characters and control characters in a text (at most `limit`)."""
    if text.isascii() and text.isprintable():
        return []
    found = []
    for index, char in enumerate(text):
        if char.isascii() and (char.isprintable() or char in _ALLOWED_CONTROLS):
            continue
        point = ord(char)
        category = unicodedata.category(char)
        if point in _JOINERS:
            bad = not _joiner_allowed(text, index)
        else:
            bad = point in _BIDI_CONTROLS or category in ("Cc", "Cf", "Zl", "Zp", "Cs")
        if bad:
            found.append(BadCharacter(index, char))
            if len(found) >= limit:
                break
    return found
