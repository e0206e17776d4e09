"""A new program from answers to a few questions: what `make new-program` asks and the GitHub issue form holds.

The questions are declared once (QUESTIONS); the answers become a program file (program_text) with commented
hints for the optional fields from the content model, and every answer is checked by the build's own checks:
the file is written into a scratch copy of the content's data and read as the build reads it, and each problem
is traced back to the question whose field it names.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from unidecode import unidecode

from .catalog import load_catalog
from .i18n import N_, Msg, translate
from .messages import Problem
from .choices import STATUS_CHOICES
from .choices import normal_words
from .forms import FORMS, quoted
from .frontmatter import Mapping, SourceError, parse_yaml
from .model import FALSE_WORDS, ONLINE_WORDS, PROGRAM_FIELDS, TRUE_WORDS, Field, vocabulary_code
from .schedule import TIMES_WORDS, parse_datetime, repeat_in_words
from .settings import katalog_settings


@dataclass(frozen=True)
class Question:
    key: str
    label: str  # Indonesian, translated through the katalog catalog
    kind: str  # text, long_text, choice, choices, datetime, time, repeat, count, phone, url, yes_no, cost
    fields: tuple[str, ...]  # the model fields its answer fills (problems naming them belong to it)
    required: bool = False
    vocabulary: str | None = None
    hint: str = ""
    example: str = ""


QUESTIONS = (
    Question("title", N_("Judul program"), "text", ("title",), True, hint=N_("Singkat dan jelas."),
             example="Kelas Komputer Dasar untuk Lansia"),
    Question("summary", N_("Ringkasan"), "text", ("summary",), True,
             hint=N_("Satu atau dua kalimat dalam bahasa sederhana."),
             example="Belajar menyalakan komputer dan mengetik, pelan-pelan."),
    Question("category", N_("Kategori"), "choice", ("category",), True, vocabulary="categories"),
    Question("audience", N_("Untuk siapa"), "choices", ("audience",), True, vocabulary="audiences",
             hint=N_("Boleh lebih dari satu.")),
    Question("location", N_("Tempat"), "choice", ("location", "mode"), True, vocabulary="locations"),
    Question("start", N_("Mulai sesi pertama"), "datetime", ("schedule.start", "schedule", "status"), True,
             hint=N_("Tanggal lalu jam, misalnya 7 Desember 2026 09.00."), example="7 Desember 2026 09.00"),
    Question("end", N_("Jam selesai"), "time", ("schedule.end",), True, hint=N_("Jam, misalnya 11.00."), example="11.00"),
    Question("repeat", N_("Berulang"), "repeat", ("schedule.repeat",), True,
             hint=N_("Pilih dari daftar, atau tulis dengan kata-kata seperti di berkas program."),
             example="setiap Sabtu, 4 kali"),
    Question("count", N_("Jumlah sesi"), "count", ("schedule.repeat.count",),
             hint=N_("Untuk program yang berulang: berapa kali semuanya."), example="4"),
    Question("cost", N_("Biaya"), "cost", ("cost",), True, hint=N_("gratis, atau biaya dalam rupiah (angka)."),
             example="gratis"),
    Question("whatsapp", N_("Daftar lewat WhatsApp"), "phone", ("registration.whatsapp", "registration"),
             hint=N_("Nomor WhatsApp untuk mendaftar; kosongkan jika tidak ada."), example="0812-3456-7890"),
    Question("form", N_("Daftar lewat formulir daring"), "url", ("registration.form",),
             hint=N_("Alamat formulir; kosongkan jika tidak ada."), example="https://forms.example.org/daftar"),
    Question("walk_in", N_("Bisa daftar langsung di tempat"), "yes_no", ("registration.walk_in",)),
    Question("contact_name", N_("Nama narahubung"), "text", ("contact.name", "contact"), True,
             example="Ibu Rina Marlina"),
    Question("contact_phone", N_("Telepon atau WhatsApp narahubung"), "phone", ("contact.phone",), True,
             example="0812-3456-7890"),
    Question("description", N_("Deskripsi"), "long_text", ("body", "description"), True,
             hint=N_("Apa yang dipelajari, siapa pengajarnya, apa yang perlu dibawa. Jika memang tidak ada, tulis "
                     "«tanpa deskripsi».")),
)

REPEATS = {"": N_("Tidak berulang"), "day": N_("Setiap hari"), "week": N_("Setiap minggu"),
           "month": N_("Setiap bulan")}
# The answer that says a program has no description (an empty answer is asked again, never a placeholder).
NO_DESCRIPTION = (N_("tanpa deskripsi"), "no description", "-")
YES, NO = N_("Ya"), N_("Tidak")
ONLINE = "online"
TEXTS = {
    "online": N_("Daring (online)"),
    "no_registration": N_("Tulis setidaknya satu cara mendaftar: WhatsApp, formulir, atau daftar langsung."),
    "no_count": N_("Program yang berulang perlu jumlah sesinya."),
    "description": N_("Tulis di sini apa yang dipelajari, siapa pengajarnya, dan apa yang perlu dibawa peserta."),
}

# Optional fields the questions do not ask, shown in the file as commented hints.
_ASKED = {"title", "summary", "category", "audience", "languages", "location", "schedule", "status", "cost",
          "registration", "contact", "slug", "lang", "mode"}


def slugify(title: str) -> str:
    """A folder name from a title: lower-case ASCII letters, digits and hyphens."""
    text = re.sub(r"[^a-z0-9]+", "-", unidecode(title).lower()).strip("-")
    return text[:60].rstrip("-") or "program-baru"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string form is one): any text stays text."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def _scalar(text: str) -> str:
    """A date or time as written when YAML reads it as that text (7 Desember 2026 09.00), else quoted."""
    text = " ".join(str(text).split())
    return text if re.fullmatch(r"[^\W_][\w .,-]*", text) else _quoted(text)


def _hints(fields: tuple[Field, ...], indent: str = "", vocabularies: dict | None = None) -> list[str]:
    """The optional fields as commented lines; a field read from a list shows a code of the site's own list."""
    lines = []
    for spec in fields:
        if spec.name in _ASKED and not indent:
            continue
        example = spec.example
        entries = (vocabularies or {}).get(spec.vocabulary).entries if spec.vocabulary in (vocabularies or {}) else None
        if entries and spec.kind == "reference_list":
            example = f"[{next(iter(entries))}]"
        lines.append(f"{indent}# {spec.name}: {example}    # {spec.doc}")
    return lines


# A repeat as the file shows it: in words where the build reads the language's phrases, else the structured form.
_REPEAT_PHRASES = {"id": ("setiap {unit}, {count} kali", {"day": "hari", "week": "minggu", "month": "bulan"}),
                   "en": ("every {unit}, {count} times", {"day": "day", "week": "week", "month": "month"})}


def _repeat_text(every: str, count: str, main_lang: str) -> str:
    if every not in REPEATS:  # written in words, as a program file takes them
        return every if not needs_count(every) else f"{every}, {count} {'kali' if main_lang == 'id' else 'times'}"
    if main_lang in _REPEAT_PHRASES and count != "1":
        phrase, units = _REPEAT_PHRASES[main_lang]
        return phrase.format(unit=units[every], count=count)
    return f"{{every: {every}, count: {count}}}"


def needs_count(repeat: str) -> bool:
    """Whether a repeat answer still needs the number of sessions: one picked from the list, or words without an
    end ("setiap Sabtu"); "setiap Sabtu, 4 kali" has its own."""
    if not repeat or repeat.startswith("{"):  # a structured rule ({every: week, count: 4}) says its own end
        return False
    return repeat in REPEATS or repeat_in_words(repeat) is None


def program_text(answers: dict, main_lang: str, vocabularies: dict | None = None) -> str:
    """The program file the answers make, with the optional fields as commented hints."""
    lines = ["---", f"title: {_quoted(answers['title'])}", f"summary: {_quoted(answers['summary'])}",
             f"category: {answers['category']}", f"audience: [{', '.join(answers['audience'])}]",
             f"languages: [{main_lang}]", f"location: {answers['location']}", "schedule:",
             f"  start: {_scalar(answers['start'])}", f"  end: {_scalar(answers['end'])}"]
    if answers.get("repeat"):
        repeat = _repeat_text(answers["repeat"], answers.get("count") or "1", main_lang)
        lines.append(f"  repeat: {repeat if repeat.startswith('{') else _scalar(repeat)}")
    schedule = next(f for f in PROGRAM_FIELDS if f.name == "schedule")
    lines += [f"  # {f.name}: {f.example}    # {f.doc}" for f in schedule.children if f.name == "except"]
    opened = next(choice for choice in STATUS_CHOICES if choice.code == "open")
    status = opened.words[0] if main_lang == "id" else opened.code
    lines += [f"status: {status}", f"cost: {answers['cost']}", "registration:"]
    if answers.get("whatsapp"):
        lines.append(f"  whatsapp: {_quoted(answers['whatsapp'])}")
    if answers.get("form"):
        lines.append(f"  form: {answers['form']}")
    if answers.get("walk_in"):
        walk_in = answers["walk_in"]
        lines.append(f"  walk_in: {_quoted(walk_in) if isinstance(walk_in, str) else 'true'}")
    registration = next(f for f in PROGRAM_FIELDS if f.name == "registration")
    lines += [f"  # {f.name}: {f.example}    # {f.doc}" for f in registration.children if f.name == "note"]
    lines += ["contact:", f"  name: {_quoted(answers['contact_name'])}", f"  phone: {_quoted(answers['contact_phone'])}"]
    lines += _hints(PROGRAM_FIELDS, vocabularies=vocabularies)
    lines.append("---")
    body = (answers.get("description") or "").strip()
    lines.append(body if body else f"<!-- {translate(TEXTS['description'], main_lang)} -->")
    return "\n".join(lines) + "\n"


def placeholders(vocabularies: dict, today) -> dict:
    """Answers that are known to pass, for the questions not answered yet: the first of each list, next week."""
    first = {name: next(iter(vocabularies[name].entries), "") for name in ("categories", "audiences", "locations")}
    return {"title": "Program baru", "summary": "Ringkasan.", "category": first["categories"],
            "audience": [first["audiences"]], "location": first["locations"] or ONLINE,
            "start": f"{today + timedelta(days=7):%Y-%m-%d} 09:00", "end": "10:00", "repeat": "", "count": "",
            "cost": "gratis", "whatsapp": "", "form": "", "walk_in": True, "contact_name": "Narahubung",
            "contact_phone": "0812-3456-7890", "description": "Deskripsi."}


@dataclass
class Workshop:
    """A scratch content folder with the site's data, where answers are written and checked as the build would."""

    content: Path
    settings: dict
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="katalog-usulan-")))

    def __post_init__(self):
        ks = katalog_settings(self.settings)
        self.ks = ks
        self.lang = ks["KATALOG_MESSAGE_LANG"]
        for folder in (ks["KATALOG_DATA_DIR"], ks["KATALOG_IMAGE_DIR"]):
            if (self.content / folder).is_dir():
                shutil.copytree(self.content / folder, self.root / folder, symlinks=True)
        (self.root / ks["KATALOG_PROGRAM_DIR"]).mkdir()
        catalog = load_catalog(self.root, self.settings)
        self.vocabularies = catalog.vocabularies
        self.data_problems = catalog.problems  # the site's own data must be readable first
        self.defaults = placeholders(self.vocabularies, ks["KATALOG_TODAY"])

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def complete(self, answers: dict) -> dict:
        # An answer given, even an empty one, is the answer: a placeholder only stands in for a question not reached.
        full = {**self.defaults, **{k: v for k, v in answers.items() if v is not None}}
        start = parse_datetime(str(full["start"]))
        if "end" not in answers and start:  # a placeholder end that fits the start given
            full["end"] = min(start + timedelta(hours=1), start.replace(hour=23, minute=59)).strftime("%H:%M")
        if not (full["whatsapp"] or full["form"] or full["walk_in"]):
            full["walk_in"] = True  # checked on its own (own_checks); the file needs one way to register
        return full

    def check(self, answers: dict) -> tuple[str, dict[str, list[Problem]]]:
        """The file the answers make, and its problems (errors and warnings) by the question they belong to."""
        full = self.complete(answers)
        text = program_text(full, self.ks["KATALOG_MAIN_LANG"])
        folder = self.root / self.ks["KATALOG_PROGRAM_DIR"] / "usulan"
        folder.mkdir(exist_ok=True)
        (folder / f"{self.ks['KATALOG_MAIN_LANG']}.md").write_text(text, encoding="utf-8")
        catalog = load_catalog(self.root, self.settings)
        found: dict[str, list[Problem]] = {}
        for problem in catalog.problems + catalog.warnings:
            found.setdefault(self.question_of(problem, answers), []).append(problem)
        found.update(self.own_checks(answers))
        return text, found

    def own_checks(self, answers: dict) -> dict[str, list[Problem]]:
        """What the questions add to the model: at least one way to register; a count for a repeat."""
        found: dict[str, list[Problem]] = {}
        no_registration, no_count = TEXTS["no_registration"], TEXTS["no_count"]
        asked = {"whatsapp", "form", "walk_in"} <= set(answers)
        if asked and not (answers.get("whatsapp") or answers.get("form") or answers.get("walk_in")):
            found["walk_in"] = [Problem("", None, "registration", "proposal", {"detail": Msg(no_registration)})]
        if needs_count(answers.get("repeat") or "") and "count" in answers and not answers.get("count"):
            found["count"] = [Problem("", None, "schedule.repeat.count", "proposal", {"detail": Msg(no_count)})]
        return found

    @staticmethod
    def question_of(problem: Problem, answers: dict) -> str:
        """The question whose answer a problem is about: the most specific field it names, among those answered."""
        name = problem.field or "body"
        best, length = "", -1
        for question in QUESTIONS:
            for wanted in question.fields:
                if (name == wanted or name.startswith(wanted + ".")) and len(wanted) > length:
                    best, length = question.key, len(wanted)
        return best or "title"


def parse_answer(question: Question, text: str, vocabularies: dict, lang: str) -> tuple[object, str | None]:
    """An answer as typed or as the form sent it, made into its value; or why it cannot be one (a sentence). Each
    answer takes what the program file's field takes (the same readers), and a list question its numbers too."""
    text = (text or "").strip()
    if not text:
        if question.kind == "yes_no":
            return False, None
        if question.required and question.kind != "repeat":
            return None, translate(N_("Pertanyaan ini wajib dijawab."), lang) + (
                " " + translate(question.hint, lang) if question.kind == "long_text" else "")
        return "", None
    if question.kind == "long_text":
        said = text.casefold().strip(" .«»\"")
        return ("" if said in {translate(word, lang).casefold() for word in NO_DESCRIPTION} | set(NO_DESCRIPTION)
                else text), None
    if "\n" in text:
        return None, translate(N_("Tulis dalam satu baris."), lang)
    if question.kind in ("choice", "choices"):
        vocabulary = vocabularies[question.vocabulary]
        options = list(vocabulary.entries) + ([ONLINE] if question.key == "location" else [])
        picked = []
        for part in (_parts(text, vocabulary, options, lang) if question.kind == "choices" else [text]):
            code = choose(part, options, vocabulary, lang)
            if code is None:
                return None, translate(N_("«{value}» tidak ada di daftar. Tulis nomornya (misalnya 1) atau namanya "
                                          "seperti di daftar."), lang).format(value=part)
            if code not in picked:
                picked.append(code)
        return (picked if question.kind == "choices" else picked[0]), None
    if question.kind == "repeat":
        for code, label in REPEATS.items():
            if normal_words(text) in (code, normal_words(translate(label, lang)), normal_words(label),
                                      str(list(REPEATS).index(code) + 1)):
                return code, None
        if repeat_in_words(text) is not None or repeat_in_words(f"{text}, 1 kali") is not None:
            return text, None
        if text.startswith("{") and _structured(text):  # as a file takes it; the build checks it with the start
            return text, None
        return None, translate(N_("Tulis nomornya dari daftar, atau kata-kata seperti: {examples}."), lang).format(
            examples=quoted(FORMS["repeat"].examples_in(lang)[:3]))
    if question.kind == "yes_no":
        word = text.casefold()
        if word in {"1", "y", translate(YES, lang).casefold()} | TRUE_WORDS:
            return True, None
        if word in {"2", "n", translate(NO, lang).casefold()} | FALSE_WORDS:
            return False, None
        if question.key == "walk_in":  # the file's walk_in takes a note too: where to come
            return text, None
        return None, translate(N_("Jawab ya atau tidak (1 atau 2)."), lang)
    if question.kind == "count":
        words = text.casefold().split()
        if len(words) == 2 and words[1] in TIMES_WORDS:  # "4 kali", "4 sesi"
            text = words[0]
        if not (re.fullmatch(r"[0-9]{1,4}", text) and int(text) > 0):
            return None, translate(N_("Tulis angka lebih dari 0, misalnya {example}."), lang).format(example=question.example)
    return text, None


def _structured(text: str) -> bool:
    """Whether an answer reads as a structured repeat rule, {every: ..., count: ...}."""
    try:
        return isinstance(parse_yaml(f"v: {text}\n").get("v"), Mapping)
    except (SourceError, AttributeError):
        return False


def _parts(text: str, vocabulary, options: list[str], lang: str) -> list[str]:
    """The picks of a many-choice answer: separated by commas or semicolons, or by «dan», «and», «&» or spaces
    between numbers ("1, 3", "3 dan 9", "Lansia dan Umum"); a label that holds «dan» itself stays whole."""
    parts = []
    for part in (p.strip() for p in re.split(r"[,;]", text) if p.strip()):
        if choose(part, options, vocabulary, lang) is not None:
            parts.append(part)
            continue
        parts += [p for p in re.split(r"\s+(?:dan|and|serta|lan)\s+|\s*&\s*|\s+(?=[0-9])", part) if p.strip()]
    return parts


def choose(text: str, options: list[str], vocabulary, lang: str) -> str | None:
    """A value from a list by its number (1 = first), or as a program file takes it: its code in any letter case,
    its label in any of the site's languages (model.vocabulary_code), or online as daring."""
    text = text.strip()
    match = re.search(r"\(([a-z0-9-]+)\)\s*$", text)  # the form's "Label (code)"
    if match and match[1] in options:
        return match[1]
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    if text in options:
        return text
    if ONLINE in options and (normal_words(text) in ONLINE_WORDS
                              or normal_words(text) == normal_words(translate(TEXTS["online"], lang))):
        return ONLINE
    code = vocabulary_code(vocabulary, text)
    return code if code in options else None


def option_label(code: str, entries: dict, lang: str) -> str:
    if code == ONLINE:
        return translate(TEXTS["online"], lang)
    entry = entries[code]
    return entry.label.get_text(lang) if hasattr(entry.label, "get_text") else str(entry.label)


def options(question: Question, vocabularies: dict, lang: str) -> list[tuple[str, str]]:
    """(code, label) for a list question, in the order of its data file; places end with online."""
    if question.kind == "repeat":
        return [(code, translate(label, lang)) for code, label in REPEATS.items()]
    if question.kind == "yes_no":
        return [("ya", translate(YES, lang)), ("tidak", translate(NO, lang))]
    entries = vocabularies[question.vocabulary].entries
    codes = list(entries) + ([ONLINE] if question.key == "location" else [])
    return [(code, option_label(code, entries, lang)) for code in codes]


def unique_folder(programs: Path, slug: str) -> Path:
    folder, number = programs / slug, 2
    while folder.exists():
        folder, number = programs / f"{slug}-{number}", number + 1
    return folder


def now_stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")
