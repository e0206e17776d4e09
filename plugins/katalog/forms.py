"""The forms a value may be written in, said once for each kind of field: in words and with examples.

The parser's hints (the "Seharusnya" and "Cara memperbaiki" lines), the guides' field tables, the questions of
`make new-program` and the proposal form all read them from here, and a test checks that the parser accepts every
example, so a hint never asks for a form that would be refused, nor forbids one that is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from babel.dates import format_date

from .i18n import N_, Msg, translate


@dataclass(frozen=True)
class Forms:
    """What one kind of value accepts: a sentence (Indonesian, translated through the catalog) and examples the
    parser accepts, per language of the messages (another language gets the Indonesian ones)."""

    said: str
    examples: dict[str, tuple[str, ...]]

    def examples_in(self, lang: str) -> tuple[str, ...]:
        return self.examples.get(lang) or self.examples.get(lang.split("-")[0]) or self.examples["id"]


FORMS: dict[str, Forms] = {
    "cost": Forms(
        N_("gratis, atau biaya dalam rupiah: angka, boleh dengan Rp, titik ribuan, ,- di belakang, atau dengan "
           "ribu, rb, k atau juta"),
        {"id": ("gratis", "25000", "Rp 25.000", "Rp 10.000,-", "Rp 10 ribu", "15rb", "1,5 juta"),
         "en": ("free", "25000", "Rp 25,000", "Rp 10.000,-", "10k", "Rp 10 ribu", "1.5 juta")}),
    "count": Forms(
        N_("angka bulat lebih dari 0, boleh diikuti kata seperti orang, peserta, anak, siswa atau keluarga"),
        {"id": ("20", "20 orang", "15 anak", "10 keluarga", "30 orang peserta"),
         "en": ("20", "20 people", "15 children", "10 families")}),
    "position": Forms(N_("angka bulat mulai dari 1"), {"id": ("1", "2", "10")}),
    "tally": Forms(
        N_("angka bulat, 0 atau lebih, boleh diikuti kata seperti orang atau peserta"),
        {"id": ("18", "0", "18 orang", "3 peserta"), "en": ("18", "0", "18 people")}),
    "datetime": Forms(
        N_("tanggal lalu jam (24 jam), boleh dengan nama hari, pukul, dan WIB, WITA atau WIT; jam selesai boleh "
           "ditulis di belakangnya dengan tanda hubung atau sampai, jika end kosong"),
        {"id": ("2 Desember 2026 09.00", "Rabu, 2 Des 2026 pukul 9.00", "2026-12-02 09:00",
                "2 Desember 2026 pukul 09.00 - 11.30"),
         "en": ("2 December 2026 09:00", "Wednesday, 2 December 2026 at 9:00", "December 2, 2026 9:00 am",
                "2026-12-02 09:00", "2 December 2026 09:00 - 11:30")}),
    "end": Forms(
        N_("jam pada hari yang sama (24 jam), atau tanggal dan jam jika sesinya berakhir di hari lain"),
        {"id": ("11.30", "11:30", "pukul 11.30", "3 Desember 2026 11.30"),
         "en": ("11:30", "11.30", "3 December 2026 11:30")}),
    "date": Forms(
        N_("tanggal dengan nama bulan dan tahun, atau tahun-bulan-tanggal; boleh dengan nama hari"),
        {"id": ("25 Desember 2026", "25 Des 2026", "Jumat, 25 Desember 2026", "2026-12-25"),
         "en": ("25 December 2026", "December 25, 2026", "Friday, 25 December 2026", "2026-12-25")}),
    "repeat": Forms(
        N_("kata-kata seperti contoh, dengan jumlah sesi (kali) atau tanggal terakhir (sampai), tidak keduanya; "
           "atau pasangan every (harian, mingguan atau bulanan) dengan count atau until"),
        {"id": ("setiap Sabtu, 4 kali", "setiap minggu sampai 30 Januari 2027", "setiap hari Senin dan Rabu, 8 kali",
                "setiap 2 minggu, 6 kali", "{every: mingguan, count: 4}"),
         "en": ("every Saturday, 4 times", "every week until 30 January 2027", "every Monday and Wednesday, 8 times",
                "every 2 weeks, 6 times", "{every: week, count: 4}")}),
    "language": Forms(
        N_("kode bahasa BCP 47, atau nama bahasa seperti di content/data/languages.yaml"),
        {"id": ("id", "jv", "inl", "Bahasa Indonesia", "Jawa", "BISINDO"),
         "en": ("id", "jv", "inl", "Indonesian", "Javanese", "BISINDO")}),
    "language_code": Forms(
        N_("kode bahasa BCP 47, misalnya id (Indonesia), en (Inggris), jv (Jawa), su (Sunda) atau inl (Bahasa "
           "Isyarat Indonesia)"),
        {"id": ("id", "en", "jv", "su", "inl")}),
    "text": Forms(
        N_("teks biasa, tanpa tanda HTML (< yang diikuti huruf, / atau !)"),
        {"id": ("Kelas Komputer Dasar", "Umur 10 < 15 tahun"), "en": ("Computer Basics", "Ages 10 < 15")}),
    "boolean": Forms(
        N_("ya atau tidak"),
        {"id": ("ya", "tidak", "true", "false"), "en": ("yes", "no", "true", "false")}),
}

# The forms of each kind of field the content model declares (model.Field.kind).
FORMS_OF_KIND = {"cost": "cost", "count": "count", "tally": "tally", "position": "position", "datetime": "datetime", "end": "end",
                 "date_list": "date", "repeat": "repeat", "language_list": "language", "lang": "language_code",
                 "boolean": "boolean", "text": "text", "text_list": "text"}

# The message of each code that is about a value's form, and the kind whose forms it gives (a problem may name
# another kind with its `forms` parameter: bad_number is said of a count, a tally or a cost).
FORMS_OF_CODE = {"bad_number": "count", "bad_datetime": "datetime", "bad_date": "date", "bad_end": "end",
                 "bad_repeat": "repeat", "bad_boolean": "boolean", "bad_language": "language_code",
                 "markup_in_text": "text"}


# What a browser, a calendar or a feed reader would take for the start of a tag: < followed by a letter, / or !.
MARKUP = re.compile(r"<[A-Za-z/!][^<>]*>?")


def markup_in(text: str) -> str | None:
    """The first tag-like piece of a plain text (shortened), or None when the text is plain."""
    found = MARKUP.search(str(text))
    return found[0][:40] if found else None


# A script or style with its content: nothing of it is text meant for people.
_CODE = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)


def without_markup(text: str) -> str:
    """The text with its tag-like pieces (and any script or style) taken out: what the librarian most likely meant."""
    return " ".join(MARKUP.sub(" ", _CODE.sub(" ", str(text))).split())


def markup_params(text: str, fallback: str = "") -> dict | None:
    """The parameters of a markup_in_text problem for a plain text (the tag, and the text it most likely meant, or
    the field's own example when nothing is left); None when the text is plain."""
    tag = markup_in(text)
    return None if tag is None else {"value": tag, "example": f"«{without_markup(text) or fallback}»"}


def quoted(examples) -> str:
    return ", ".join(f"«{example}»" for example in examples)


class FormsText(Msg):
    """A kind's forms as a problem shows them, in the reader's language: the sentence, or the examples."""

    def __init__(self, kind: str, part: str):
        super().__init__(FORMS[kind].said)
        self.kind, self.part = kind, part

    def render(self, lang: str) -> str:
        forms = FORMS[self.kind]
        return translate(forms.said, lang) if self.part == "said" else quoted(forms.examples_in(lang))


class ChoiceWord(Msg):
    """The word a librarian writes for one of a fixed list's values, in the reader's language: the Indonesian word
    for an Indonesian reader (status: selesai), the code, which is the English word, for any other."""

    def __init__(self, choices, code: str):
        super().__init__(code)
        self.choice = next(choice for choice in choices if choice.code == code)

    def render(self, lang: str) -> str:
        return self.choice.words[0] if lang.split("-")[0] == "id" else self.choice.code


class WrittenDate(Msg):
    """A date, or a date and time, as a hint suggests it: written the way the reader writes dates, in a form the
    parser reads back ("5 Desember 2026 09.00", "5 December 2026 09:00")."""

    def __init__(self, moment):
        super().__init__(str(moment))
        self.moment = moment

    def render(self, lang: str) -> str:
        base = "id" if lang.split("-")[0] == "id" else "en"
        text = format_date(self.moment, "d MMMM y", locale=base)
        if isinstance(self.moment, datetime):
            text += " " + self.moment.strftime("%H.%M" if base == "id" else "%H:%M")
        return text


def nearest_on(moment, weekdays):
    """The day nearest to a date (or date and time) that falls on one of the weekdays (0 = Monday), the later one
    when two are as near; the time is kept."""
    for distance in range(1, 7):
        for step in (distance, -distance):
            candidate = moment + timedelta(days=step)
            if candidate.weekday() in weekdays:
                return candidate
    return moment


def forms_params(code: str, params: dict) -> dict:
    """`expected` and `example` of a problem about a value's form, from the declaration, unless it gives its own."""
    kind = params.get("forms") or FORMS_OF_CODE.get(code)
    if kind not in FORMS:
        return {}
    return {"expected": FormsText(kind, "said"), "example": FormsText(kind, "examples")}
