"""The fixed choices of the content model: each value's code and the words a librarian may write for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One value of a fixed list: the code the site and its open data use, and the words a librarian may write
    for it, Indonesian first (any letter case; the code itself is always accepted too)."""

    code: str
    words: tuple[str, ...]

    @property
    def shown(self) -> str:
        return f"{self.words[0]} ({self.code})"


MODE_CHOICES = (
    Choice("offline", ("tatap muka", "luring", "langsung")),
    Choice("online", ("daring",)),
    Choice("hybrid", ("hibrida", "hibrid", "campuran")),
)
STATUS_CHOICES = (
    Choice("open", ("buka", "dibuka")),
    Choice("full", ("penuh",)),
    Choice("cancelled", ("batal", "dibatalkan", "canceled")),
    Choice("finished", ("selesai",)),
)
# The parts of a structured repeat rule ({every: mingguan, days: [Senin, Kamis], count: 8}).
FREQUENCY_CHOICES = (
    Choice("day", ("harian", "hari", "daily")),
    Choice("week", ("mingguan", "minggu", "pekan", "weekly")),
    Choice("month", ("bulanan", "bulan", "monthly")),
)
# Monday first; the two-letter iCalendar codes and the Javanese names are accepted too. Day names in the site's
# other languages come from Babel's locale data where dates are read.
WEEKDAY_CHOICES = (
    Choice("monday", ("senin", "mo", "senen")),
    Choice("tuesday", ("selasa", "tu")),
    Choice("wednesday", ("rabu", "we", "rebo")),
    Choice("thursday", ("kamis", "th", "kemis")),
    Choice("friday", ("jumat", "jum'at", "fr", "jemuwah", "jumuwah")),
    Choice("saturday", ("sabtu", "sa", "setu")),
    Choice("sunday", ("minggu", "ahad", "su")),
)
# The site's own facts (content/data/site.yaml): the licence of its content and open data, and where it is hosted.
LICENCE_CHOICES = (
    Choice("cc-by-4.0", ("CC BY 4.0", "CC BY", "CC-BY-4.0")),
    Choice("cc-by-sa-4.0", ("CC BY-SA 4.0", "CC BY-SA", "CC-BY-SA-4.0")),
    Choice("cc0-1.0", ("CC0 1.0", "CC0", "domain publik", "public domain")),
)
HOST_CHOICES = (
    Choice("github-pages", ("GitHub Pages", "github")),
    Choice("netlify", ("Netlify",)),
    Choice("cloudflare-pages", ("Cloudflare Pages", "cloudflare")),
    Choice("gitlab-pages", ("GitLab Pages", "gitlab")),
    Choice("other", ("lain", "lainnya", "sendiri")),
)
FIELD_CHOICES = {"mode": MODE_CHOICES, "status": STATUS_CHOICES, "licence": LICENCE_CHOICES, "host": HOST_CHOICES}
REPEAT_CHOICES = {"every": FREQUENCY_CHOICES, "days": WEEKDAY_CHOICES}


def normal_words(text: str) -> str:
    """A value as a person may type it, compared without letter case, extra spaces, hyphens or underscores."""
    return " ".join(str(text).casefold().replace("-", " ").replace("_", " ").split())


def choice_code(text: str, choices: tuple[Choice, ...]) -> str | None:
    wanted = normal_words(text)
    for choice in choices:
        if wanted == normal_words(choice.code) or wanted in (normal_words(word) for word in choice.words):
            return choice.code
    return None
