"""Text hygiene: Unicode normalisation and the invisible characters that may not appear in content."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that change the order text is shown in, or hide in it. Zero-width joiners are allowed only
# inside a word of a script that needs them, or inside an emoji sequence (see _joiner_allowed).
_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_JOINERS = {0x200C, 0x200D}
# Invisible characters that are not format characters: Unicode's other default-ignorable code points
# (grapheme joiner, Hangul and Khmer fillers, reserved ones), the object-replacement box a word processor
# leaves for a picture, and the unused 2065 and FFF0-FFF8.
_INVISIBLE = ({0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2065, 0x3164, 0xFFA0, 0xFFFC}
              | set(range(0xFFF0, 0xFFF9)) | set(range(0xE0000, 0xE0100)) | set(range(0xE01F0, 0xE1000)))
# Variation selectors choose how the character before them is drawn (an emoji in colour, a keycap, a
# Mongolian letter form); anywhere else they are invisible.
_SELECTORS = set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0)) | {0x180B, 0x180C, 0x180D, 0x180F}
_KEYCAP = "\u20e3"
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


def _noncharacter(point: int) -> bool:
    """Code points Unicode keeps out of text for good (FDD0-FDEF, and the last two of every plane)."""
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def _selector_allowed(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(before) and not before.isspace() and (not before.isascii() or after == _KEYCAP)


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
        elif point in _SELECTORS:
            bad = not _selector_allowed(text, index)
        else:
            # Co: private-use characters, such as the bullets a word processor's symbol fonts leave behind.
            bad = (point in _BIDI_CONTROLS or point in _INVISIBLE or _noncharacter(point)
                   or category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co"))
        if bad:
            found.append(BadCharacter(index, char))
            if len(found) >= limit:
                break
    return found
