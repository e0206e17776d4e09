"""How much one content file may hold, so that no file can make a build run for long or use much memory."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    """Each limit with its default; a site changes them with KATALOG_LIMITS (see settings.py and README)."""

    # Characters in the front matter of one program or page (between the two --- lines).
    front_matter_chars: int = 65_536
    # Characters in the description (the text below the front matter).
    body_chars: int = 200_000
    # Characters in one data file (content/data/*.yaml).
    data_file_chars: int = 1_000_000
    # Characters in one line of a description.
    line_chars: int = 20_000
    # Characters in one value of the front matter or a data file.
    text_chars: int = 5_000
    # Levels of lists and groups inside each other (schedule > sessions > one session is 3).
    depth: int = 6
    # Items in one list (sessions, skipped dates, audiences, ...).
    list_items: int = 500
    # Opening brackets [ and angle brackets < in one paragraph: the Markdown reader slows down with the
    # square of their number, so a few thousand in one paragraph would stall the build.
    markup_per_paragraph: int = 400
    # Lines in one paragraph, list or table of a description (lines with no empty line between them): some
    # Markdown forms (headings underlined with ===, lines of ***) take time with the square of that number.
    lines_per_paragraph: int = 300
    # Bytes in one image file.
    image_bytes: int = 5_000_000

    @classmethod
    def from_setting(cls, value: dict | None) -> "Limits":
        """The defaults with a site's KATALOG_LIMITS over them; an unknown name is a settings mistake."""
        return figures_from_setting(cls, value, "KATALOG_LIMITS")


def figures_from_setting(cls, value: dict | None, setting: str):
    """A dataclass of whole-number limits: its defaults with a site's setting over them. An unknown name or a value
    that is not a number is a settings mistake (ValueError, reported by the content checks)."""
    value = dict(value or {})
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValueError(f"{setting}: unknown limit(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return cls(**{name: int(number) for name, number in value.items()})


DEFAULT_LIMITS = Limits()
