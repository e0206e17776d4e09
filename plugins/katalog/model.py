"""The program content model, declared once: fields, their parsing, and the Program and Page records."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import langcodes

from .choices import FIELD_CHOICES, FREQUENCY_CHOICES, MODE_CHOICES, STATUS_CHOICES, choice_code, normal_words
from .data import Vocabulary, as_list, as_mapping
from .forms import WrittenDate, markup_params, nearest_on
from .frontmatter import Mapping, Sequence, Text
from .i18n import N_, Msg
from .messages import Problem
from .schedule import (DATE_LANGUAGES, INDONESIAN_ZONES, RULE_FREQUENCIES, WEEKDAYS, WEEKS, YEARS, ZONE_WORDS,
                       RepeatRule, Session, date_names, number_sessions, parse_end, parse_time, read_written,
                       repeat_in_words, split_range, week_of_month, zone, zone_names, zone_word)


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, what it holds, whether it is required, and its documentation."""

    name: str
    kind: str
    doc: str  # Indonesian; translated through plugins/katalog/locale
    example: str
    required: bool = False
    vocabulary: str | None = None
    children: tuple = ()
    public: bool = True  # shown on the site and in the open data; False: for the library's own reporting


def F(name, kind, doc, example, **extra):
    return Field(name, kind, doc, example, **extra)


CONTACT_FIELDS = (
    F("name", "text", "Nama orang yang bisa dihubungi.", "Ibu Rina Marlina", required=True),
    F("phone", "phone", "Nomor telepon.", '"(0721) 480 123"'),
    F("whatsapp", "phone", "Nomor WhatsApp.", '"0812-3456-7890"'),
    F("email", "email", "Alamat surel.", "layanan@perpustakaan-desa.id"),
)

PROGRAM_FIELDS = (
    F("title", "text", "Judul program, singkat dan jelas.",
      "Kelas Komputer Dasar untuk Lansia", required=True),
    F("slug", "slug", "Alamat halaman (huruf kecil dan tanda hubung). Bawaan: nama folder program.", "kelas-komputer-lansia"),
    F("lang", "lang", "Bahasa berkas ini. Bawaan: nama berkas (id.md, en.md, jv.md).", "id"),
    F("summary", "text", "Ringkasan satu-dua kalimat dalam bahasa sederhana.", "Belajar menyalakan komputer dan mengetik, pelan-pelan.",
      required=True),
    F("category", "vocabulary", "Kategori program (dari content/data/categories.yaml).", "literasi-digital", required=True,
      vocabulary="categories"),
    F("audience", "vocabulary_list", "Untuk siapa program ini; satu atau lebih (content/data/audiences.yaml).", "[lansia, dewasa]", required=True,
      vocabulary="audiences"),
    F("languages", "language_list", "Bahasa pengantar: kode BCP 47 atau nama bahasanya seperti di content/data/languages.yaml; juru bahasa isyarat ditulis inl atau BISINDO.", "[id, jv, inl]",
      required=True),
    F("partners", "reference_list", "Mitra penyelenggara (kode dari content/data/partners.yaml).", "[puskesmas-sukamaju]", vocabulary="partners"),
    F("location", "location", "Tempat kegiatan (kode dari content/data/locations.yaml), atau online.", "perpustakaan-desa", required=True,
      vocabulary="locations"),
    F("mode", "choice", "Cara ikut. Bawaan: dari lokasi.", "tatap muka"),
    F("schedule", "schedule", "Jadwal: start dan end (boleh dengan repeat dan except), atau daftar sessions.",
      "{start: 2026-12-02 09:00, end: \"11:00\"}", required=True, children=(
          F("start", "datetime", "Mulai sesi pertama: tanggal lalu jam, misalnya 2 Desember 2026 09.00 atau 2026-12-02 09:00; boleh dengan nama hari, pukul, dan WIB, WITA atau WIT.",
            "2026-12-02 09:00"),
          F("end", "end", "Selesai sesi pertama: jam (11.00 atau 11:00), atau tanggal dan jam.",
            '"11:00"'),
          F("timezone", "timezone", "Zona waktu IANA. Bawaan: zona waktu lokasi.",
            "Asia/Makassar"),
          F("repeat", "repeat", "Pengulangan, dengan kata-kata (setiap Sabtu, 4 kali; setiap minggu sampai 30 Januari 2027; setiap hari Senin dan Rabu, 8 kali) atau dengan every (day/week/month), interval, count atau until, days; untuk bulanan, week (1, 2, 3, 4 atau terakhir) untuk hari yang sama setiap bulan.", "{every: week, count: 6}"),
          F("except", "date_list", "Tanggal yang dilewati (libur nasional), misalnya 25 Desember 2026 atau 2026-12-25.", "[2026-12-25]"),
          F("cancelled", "date_list", "Tanggal sesi yang dibatalkan setelah jadwal diumumkan; sesinya tetap tampil, ditandai dibatalkan.",
            "[2026-12-09]"),
          F("moved", "moved", "Sesi yang dipindah ke hari atau jam lain setelah jadwal diumumkan: tanggal lamanya, "
            "titik dua, lalu tanggal dan jam barunya (tanpa jam: jamnya tetap). Sesinya tampil pada waktu barunya, "
            "dengan keterangan dari tanggal mana ia dipindah.", "{2026-12-16: 2026-12-17 13:00}"),
          F("sessions", "sessions", "Daftar sesi, masing-masing dengan start, end dan topic (boleh).", "- {start: 2026-12-02 09:00, end: \"11:00\"}"),
      )),
    F("status", "choice", "Status pendaftaran.", "buka", required=True),
    F("course", "boolean", "true jika program ini kursus: peserta mendaftar sekali dan mengikuti semua sesinya "
      "berurutan. Mesin pencari lalu mengenalnya sebagai kursus juga, selain sebagai kegiatan. Bawaan: false.", "true"),
    F("cost", "cost", "Biaya ikut program: gratis, atau biayanya dalam rupiah.", "gratis",
      required=True),
    F("cost_note", "text", "Keterangan biaya, tampil di samping biayanya, misalnya keringanan.",
      "Gratis untuk pelajar dan penyandang disabilitas."),
    F("capacity", "count", "Jumlah peserta paling banyak.", "20"),
    F("registration", "group", "Cara mendaftar; setidaknya satu.",
      '{whatsapp: "0812-3456-7890", walk_in: true}', required=True, children=(
          F("form", "url", "Alamat formulir pendaftaran daring.",
            "https://forms.example.org/daftar"),
          F("whatsapp", "phone", "Nomor WhatsApp untuk mendaftar.", '"0812-3456-7890"'),
          F("phone", "phone", "Nomor telepon untuk mendaftar.", '"(0721) 480 123"'),
          F("walk_in", "walk_in", "Daftar langsung di tempat, pada jam buka tempatnya (hours di "
            "locations.yaml): true, atau keterangan.", '"Meja layanan lantai 1"'),
          F("required", "boolean", "false jika peserta cukup datang pada waktu sesinya, tanpa mendaftar dulu; "
            "cara lain di atas lalu tampil sebagai cara bertanya. Bawaan: true.", "false"),
          F("through", "text", "Jika pendaftaran lewat orang atau lembaga lain: siapa. Situs lalu tidak menawarkan "
            "pendaftaran sendiri; cara lain di atas tampil sebagai cara bertanya.",
            "guru pembimbing di SMK Bahari Gilimanuk"),
          F("note", "text", "Keterangan tambahan.", "Bawa KTP atau kartu pelajar."),
      )),
    F("accessibility", "group", "Aksesibilitas program.",
      "{features: [juru-bahasa-isyarat]}", children=(
          F("features", "vocabulary_list", "Fitur dari content/data/accessibility.yaml.", "[juru-bahasa-isyarat, cetak-besar]",
            vocabulary="accessibility"),
          F("note", "text", "Keterangan aksesibilitas dengan kata-kata sendiri.",
            "Materi tersedia dalam huruf besar."),
          F("contact", "contact", "Orang yang bisa ditanya soal aksesibilitas.",
            '{name: Mas Dimas, whatsapp: "0813-1111-2222"}', children=CONTACT_FIELDS),
      )),
    F("image", "image", "Gambar: src dan alt (teks alternatif), atau decorative: true.", "{src: images/komputer.svg, alt: \"...\"}", children=(
          F("src", "text", "Berkas gambar di folder content.", "images/komputer.svg",
            required=True),
          F("alt", "text", "Teks alternatif: apa yang tampak di gambar.",
            "Seorang nenek mengetik di laptop."),
          F("decorative", "boolean", "true jika gambar hanya hiasan.", "false"),
          F("text_in_image", "boolean", "true jika gambar memuat tulisan (poster, spanduk); tulisannya wajib ditulis di text.", "true"),
          F("text", "text", "Tulisan yang ada di gambar, ditulis ulang; tampil di bawah gambar.", "Daftar sebelum 1 Desember"),
      )),
    F("contact", "contact", "Narahubung program.",
      '{name: Ibu Rina Marlina, phone: "(0721) 480 123"}', required=True, children=CONTACT_FIELDS),
    F("report", "group", "Laporan kegiatan, diisi setelah sesinya berlangsung (untuk make report); tidak tampil di situs.",
      "{participants: 18, women: 11, men: 7, disability: 3, outcome: Semua peserta bisa mengirim surel.}", public=False, children=(
          F("participants", "tally", "Jumlah peserta yang hadir.", "18", required=True),
          F("women", "tally", "Dari jumlah itu, peserta perempuan (jika dicatat).", "11"),
          F("men", "tally", "Dari jumlah itu, peserta laki-laki (jika dicatat).", "7"),
          F("disability", "tally", "Dari jumlah itu, peserta penyandang disabilitas (jika dicatat).", "3"),
          F("sessions_held", "tally", "Sesi yang benar-benar terlaksana. Bawaan: sesi yang sudah lewat dan tidak dibatalkan.", "4"),
          F("outcome", "text", "Hasil atau cerita keberhasilan, dengan kata-kata sendiri.",
            "Semua peserta bisa mengirim surel."),
      )),
)

PAGE_FIELDS = (
    F("title", "text", "Judul halaman.", "Tentang Kami", required=True),
    F("slug", "slug", "Alamat halaman. Bawaan: nama folder.", "tentang"),
    F("lang", "lang", "Bahasa berkas. Bawaan: nama berkas.", "id"),
    F("summary", "text", "Ringkasan satu kalimat.", "Siapa kami dan apa yang kami kerjakan."),
    F("menu", "position", "Urutan di menu; halaman pertama (atau sebanyak KATALOG_HEADER_PAGES) tampil di menu atas, sisanya di bagian bawah halaman. Kosongkan jika tidak tampil di menu.", "1"),
    F("menu_title", "text", "Judul pendek untuk menu, bila judulnya panjang.", "Aksesibilitas"),
)

# A translation (en.md, jv.md, ... beside the main-language file) holds only the program's text;
# every fact (schedule, place, status, contacts, ...) comes from the main-language file.
PROGRAM_TRANSLATION_FIELDS = (
    F("title", "text", "Judul program yang diterjemahkan.",
      "Computer Basics for Older People", required=True),
    F("lang", "lang", "Bahasa berkas ini. Bawaan: nama berkas.", "en"),
    F("summary", "text", "Ringkasan yang diterjemahkan.",
      "Learn to switch on a computer and type, slowly.", required=True),
    F("session_topics", "text_list", "Topik setiap sesi dalam sessions, berurutan.", "[Colours and letters, Posters]"),
    F("cost_note", "text", "Keterangan biaya yang diterjemahkan.", "Free for students and disabled people."),
    F("registration", "group", "Teks cara mendaftar yang diterjemahkan.",
      '{walk_in: "Service desk, ground floor"}', children=(
          F("walk_in", "text", "Keterangan daftar langsung.", '"Service desk, ground floor"'),
          F("through", "text", "Lewat siapa pendaftarannya, diterjemahkan.", "the supervising teacher at SMK Bahari Gilimanuk"),
          F("note", "text", "Keterangan tambahan.", "Bring an ID card."),
      )),
    F("accessibility", "group", "Catatan aksesibilitas yang diterjemahkan.",
      "{note: Materials in large print.}", children=(
          F("note", "text", "Keterangan aksesibilitas.", "Materials in large print."),
      )),
    F("image", "group", "Teks alternatif gambar yang diterjemahkan.",
      "{alt: An older woman typing on a laptop.}", children=(
          F("alt", "text", "Teks alternatif.", "An older woman typing on a laptop."),
          F("text", "text", "Tulisan di gambar, diterjemahkan.", "Register before 1 December"),
      )),
)

PAGE_TRANSLATION_FIELDS = (
    F("title", "text", "Judul halaman yang diterjemahkan.", "About Us", required=True),
    F("menu_title", "text", "Judul pendek untuk menu yang diterjemahkan.", "Accessibility"),
    F("lang", "lang", "Bahasa berkas. Bawaan: nama berkas.", "en"),
    F("summary", "text", "Ringkasan yang diterjemahkan.", "Who we are."),
)

# The fields of one entry of schedule.sessions.
LISTED_SESSION_FIELDS = (
    F("start", "datetime", "Mulai sesi.", "2026-12-02 09:00", required=True),
    F("end", "end", "Selesai sesi.", '"11:00"', required=True),
    F("topic", "text", "Topik sesi.", "Membuat surel"),
)

MODES = tuple(choice.code for choice in MODE_CHOICES)
STATUSES = tuple(choice.code for choice in STATUS_CHOICES)
CHOICES = {name: tuple(choice.code for choice in choices) for name, choices in FIELD_CHOICES.items()}

FREE_WORDS = {"gratis", "free", "0", "bebas biaya", "tidak dipungut biaya"}
TRUE_WORDS = {"true", "yes", "ya", "benar"}
FALSE_WORDS = {"false", "no", "tidak", "salah"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# An e-mail address as people write it; nothing that a mailto: link would read as more (?cc=, ?body=, a second @).
EMAIL = re.compile(r"[a-z0-9._%+-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)
# A web address as a browser's address bar gives it: a host name with a top-level domain (international names in
# their xn-- form), an optional port, then a path without spaces, quotes or angle brackets.
URL = re.compile(r"https?://(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)(?::[0-9]{1,5})?"
                 r"(?:[/?#][^\s<>\"'`\\{}|^]*)?", re.IGNORECASE)
# user:password@ before the host: what a browser shows first is not where it goes.
URL_WITH_USER = re.compile(r"^\s*https?://[^/?#\s]*@", re.IGNORECASE)
# A whole number as a librarian types it: ASCII digits, at most nine of them.
NUMBER = re.compile(r"[0-9]{1,9}")
ONLINE = "online"
# What the model says of a program and of each of its sessions on the build day (Program.state, Program.session_state).
PROGRAM_STATES = ("open", "full", "cancelled", "past")
SESSION_STATES = ("open", "full", "cancelled", "over")
ONLINE_WORDS = {"online", "daring"}
# A count as people write it: the number, then any words for what is counted ("25 orang", "15 anak",
# "30 orang peserta", "10 keluarga"), or none.
_COUNT = re.compile(r"(?:(?:maks\.?|maksimal|maksimum|max\.?|maximum|paling banyak|hingga|sampai|up to|kuota)\s*)?"
                    r"([0-9]{1,9})((?:\s+[^\W\d_]+\.?){0,3})", re.IGNORECASE)
# Rupiah as people write them: "Rp 10.000,-", "Rp10rb", "10 ribu", "1,5 juta", "25,000"; a multiplier word may
# follow the number, with a decimal comma or point before it.
_RUPIAH = re.compile(r"(?:rp\.?|idr)?\s*([0-9][0-9.,]*?)\s*(ribu|rebu|rb|k|juta|jt)?\.?(?:\s*(?:,-|\.-|,--|,00))?"
                     r"(?:\s*rupiah)?")
_MULTIPLIERS = {"ribu": 1000, "rebu": 1000, "rb": 1000, "k": 1000, "juta": 1_000_000, "jt": 1_000_000}
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+")  # 25.000, 1.250.000, 25,000


def counted(text: str) -> int | None:
    """A whole number, alone or followed by words for what is counted."""
    match = _COUNT.fullmatch(" ".join(str(text).split()))
    return int(match[1]) if match else None


def rupiah(text: str) -> int | None:
    """An amount in rupiah as people write it (FORMS["cost"]), or 0 for a word for free."""
    written = " ".join(str(text).split()).casefold()
    if written in FREE_WORDS:
        return 0
    match = _RUPIAH.fullmatch(written)
    if not match:
        return None
    number, unit = match.groups()
    if _GROUPED.fullmatch(number):
        amount = Decimal(re.sub(r"[.,]", "", number))
    elif re.fullmatch(r"[0-9]{1,12}", number):
        amount = Decimal(number)
    elif unit and re.fullmatch(r"[0-9]{1,6}[.,][0-9]{1,3}", number):  # 1,5 juta; 2.5k
        amount = Decimal(number.replace(",", "."))
    else:
        return None
    amount *= _MULTIPLIERS.get(unit, 1)
    return int(amount) if amount == amount.to_integral_value() and amount < 10 ** 12 else None


@dataclass(frozen=True)
class Phone:
    display: str
    number: str  # E.164 without spaces, e.g. +6281234567890

    @property
    def digits(self) -> str:
        return self.number.lstrip("+")


@dataclass(frozen=True)
class Contact:
    name: str
    phone: Phone | None = None
    whatsapp: Phone | None = None
    email: str | None = None


@dataclass(frozen=True)
class Registration:
    form: str | None = None
    whatsapp: Phone | None = None
    phone: Phone | None = None
    walk_in: str | bool | None = None
    required: bool | None = None  # false: one just comes at the session's time; None and true: one registers
    through: str | None = None  # registration goes through someone else (a school's teacher, a partner)
    note: str | None = None

    @property
    def needed(self) -> bool:
        return self.required is not False


@dataclass(frozen=True)
class Accessibility:
    features: tuple[str, ...] = ()
    note: str | None = None
    contact: Contact | None = None


@dataclass(frozen=True)
class Image:
    src: str
    alt: str = ""
    decorative: bool = False
    text_in_image: bool = False
    text: str = ""  # the words in the image, written out beside it


@dataclass(frozen=True)
class Report:
    """What happened, written after the sessions: for the library's reporting, not shown on the site."""

    participants: int
    women: int | None = None
    men: int | None = None
    disability: int | None = None
    sessions_held: int | None = None
    outcome: str = ""


@dataclass
class Program:
    """A program as the librarian described it, checked and resolved."""

    source: str
    key: str  # the program's folder: shared by its translations
    slug: str
    lang: str
    title: str
    summary: str
    category: str
    audiences: tuple[str, ...]
    languages: tuple[str, ...]
    partners: tuple[str, ...]
    location: str
    mode: str
    timezone: str
    sessions: tuple[Session, ...]
    status: str
    cost: int
    capacity: int | None
    registration: Registration
    accessibility: Accessibility
    image: Image | None
    contact: Contact
    body: str
    body_line: int
    repeat: RepeatRule | None = None
    skipped: tuple[date, ...] = ()
    cost_note: str = ""
    course: bool = False  # the content says it is a course (followed session after session), not only an event
    report: Report | None = None
    lines: dict = field(default_factory=dict)
    html: str = ""  # the description, rendered and sanitised

    @property
    def online(self) -> bool:
        return self.location == ONLINE

    @property
    def joinable_online(self) -> bool:
        """Whether one can take part from anywhere (online, or hybrid): its times are then given in every zone."""
        return self.online or self.mode == "hybrid"

    @property
    def first(self) -> Session:
        return self.sessions[0]

    @property
    def last(self) -> Session:
        return self.sessions[-1]

    @property
    def cancelled_whole(self) -> bool:
        """Called off as a whole: by its status, or session by session until none is left."""
        return self.status == "cancelled" or all(s.cancelled for s in self.sessions)

    @property
    def called_off(self) -> tuple[Session, ...]:
        """Sessions cancelled one by one in a program that goes ahead (none when the whole program is cancelled:
        then it is the program that is)."""
        return () if self.cancelled_whole else tuple(s for s in self.sessions if s.cancelled)

    @property
    def moved(self) -> tuple[Session, ...]:
        """Sessions held at another day or time than the one announced (schedule.moved), in a program that goes
        ahead."""
        return () if self.cancelled_whole else tuple(s for s in self.sessions if s.moved_from)

    def moved_from(self, session: Session) -> datetime | None:
        """The start a session was announced for, when it is said to have moved: a moved session of a program that
        goes ahead (a cancelled program says it is cancelled, not where its sessions were)."""
        return session.moved_from if session in self.moved else None

    def is_past(self, now: datetime) -> bool:
        return self.last.is_over(now)

    def state(self, now: datetime) -> str:
        """The program's state at the build's moment, one of PROGRAM_STATES: open, full, cancelled, or past (every
        session over, or the librarian wrote `status: finished`). Every output reads it from here."""
        if self.cancelled_whole:
            return "cancelled"
        if self.status == "finished" or self.is_past(now):
            return "past"
        return self.status

    def session_state(self, session: Session, now: datetime) -> str:
        """A session's state at the build's moment, one of SESSION_STATES: cancelled (it or its program), over (it
        has ended, by its end time in its own zone, or its program is over), else its program's (open or full).
        A session that is over and was not cancelled is one that was held (held())."""
        if session.cancelled or self.state(now) == "cancelled":
            return "cancelled"
        if session.is_over(now) or self.state(now) == "past":
            return "over"
        return self.state(now)

    def upcoming(self, now: datetime) -> tuple[Session, ...]:
        """Sessions still to come that will be held (a cancelled session is not one to come to)."""
        return tuple(s for s in self.sessions if self.session_state(s, now) in ("open", "full"))

    def cancelled_to_come(self, now: datetime) -> tuple[Session, ...]:
        """Sessions still ahead that are called off: what a count of the sessions to come must say it leaves out."""
        return tuple(s for s in self.called_off if not s.is_over(now))

    def moved_to_come(self, now: datetime) -> tuple[Session, ...]:
        """Sessions still to come that were moved: what an announcement of the sessions ahead must say moved."""
        return tuple(s for s in self.upcoming(now) if s.moved_from)

    def still_listed(self, now: datetime) -> tuple[Session, ...]:
        """The sessions an agenda shows: every one that has not ended yet, held or called off."""
        return tuple(s for s in self.sessions if not s.is_over(now))

    def held(self, now: datetime) -> tuple[Session, ...]:
        """Sessions that took place: ended by now, neither they nor the program cancelled."""
        return tuple(s for s in self.sessions
                     if s.is_over(now) and self.session_state(s, now) == "over")


@dataclass
class Page:
    source: str
    key: str
    slug: str
    lang: str
    title: str
    summary: str
    menu: int | None
    menu_title: str
    body: str
    body_line: int
    lines: dict = field(default_factory=dict)
    html: str = ""


def vocabulary_code(vocabulary: Vocabulary, text: str) -> str | None:
    """The code a librarian meant by its code in another letter case, or by its label in any of the site's
    languages: written out in full, or as two or more words that appear in one entry's label only ("kursi roda")."""
    wanted = normal_words(text)
    if not wanted:
        return None
    names = {code: {normal_words(code), *(normal_words(label) for label in entry.label.values())}
             for code, entry in vocabulary.entries.items()}
    exact = [code for code, known in names.items() if wanted in known]
    if len(exact) == 1:
        return exact[0]
    if exact or " " not in wanted:
        return None  # one word alone ("orang") is too little to guess from
    within = [code for code, known in names.items() if any(f" {wanted} " in f" {name} " for name in known)]
    return within[0] if len(within) == 1 else None


# Words for "language" around a language's name: "Bahasa Jawa", "basa Jawa", "Javanese language".
_LANGUAGE_WORDS = {"bahasa", "bhs", "bhs.", "basa", "boso", "language"}


def language_names(label: str) -> set[str]:
    """The ways a language is named from one of its labels: the label, without the word for language, and the
    short name in brackets ("Bahasa Isyarat Indonesia (BISINDO)": also "Isyarat Indonesia" and "BISINDO")."""
    label = normal_words(label)
    found = {label}
    bracketed = re.fullmatch(r"(.+?)\s*\((.+)\)", label)
    if bracketed:
        found |= {bracketed[1].strip(), bracketed[2].strip()}
    for name in list(found):
        words = [word for word in name.split() if word not in _LANGUAGE_WORDS]
        if words:
            found.add(" ".join(words))
    return found


def language_by_name(vocabulary: Vocabulary, text: str) -> str | None:
    """The code of a language named as people name it, in any of the site's languages (content/data/languages.yaml):
    "Bahasa Indonesia", "Jawa", "Javanese", "BISINDO". None when no language, or more than one, has that name."""
    wanted = language_names(text)
    found = {code for code, entry in vocabulary.entries.items()
             if any(wanted & language_names(label) for label in entry.label.values())}
    if not found:  # the words people call it by (its `search:` words): "bahasa isyarat"
        found = {code for code, entry in vocabulary.entries.items()
                 if any(wanted & language_names(word) for words in entry.search.values() for word in words)}
    return found.pop() if len(found) == 1 else None


def parse_phone(text: str) -> Phone | None:
    """An Indonesian phone number as written, with its international form for tel: and WhatsApp links."""
    text = str(text).strip()
    if not re.fullmatch(r"\+?[\d\s().-]+", text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or digits.startswith("62"):
        number = "+" + digits
    elif digits.startswith("0"):
        number = "+62" + digits[1:]
    else:
        return None
    return Phone(text, number) if 10 <= len(number) <= 16 else None


def suggest(value: str, choices) -> str | None:
    found = difflib.get_close_matches(str(value).lower(), [str(c) for c in choices], n=1, cutoff=0.5)
    return found[0] if found else None


def choices_text(choices, limit: int = 12) -> str:
    choices = list(choices)
    shown = ", ".join(str(c) for c in choices[:limit])
    return shown + (", ..." if len(choices) > limit else "")


class Parser:
    """Reads one front-matter mapping against a list of Fields, collecting every problem."""

    def __init__(self, source: str, vocabularies: dict[str, Vocabulary], settings: dict, problems: list[Problem],
                 translation_of: tuple[str, ...] = (), main_file: str = "", warnings: list[Problem] | None = None):
        self.translation_of = translation_of  # in a translation: the main file's field names at this level
        self.main_file = main_file
        self.source = source
        self.vocabularies = vocabularies
        self.settings = settings
        self.problems = problems
        self.warnings = problems if warnings is None else warnings
        self.zone_words: list[tuple[str, int, str, datetime | None]] = []  # (field, line, WIB/WITA/WIT, local time or None)
        self.ok = True

    @property
    def date_languages(self) -> tuple[str, ...]:
        """The languages whose month and day names dates and repeat rules may be written in."""
        return tuple(dict.fromkeys((*DATE_LANGUAGES, *(self.settings.get("KATALOG_LANGUAGES") or ()))))

    # -- reporting ---------------------------------------------------------------------------------
    def problem(self, line, path, code, **params):
        self.ok = False
        self.problems.append(Problem(self.source, line, path, code, params))

    def warn(self, line, path, code, **params):
        """Something the site handles on its own (and says so), which the librarian should still correct."""
        self.warnings.append(Problem(self.source, line, path, code, params, True))

    def fields(self, mapping: Mapping, declared: tuple, prefix: str = "") -> dict:
        """Checks names and required fields, then parses each declared field present."""
        names = [f.name for f in declared]
        mapping = self.commas_rejoined(mapping, names)
        for name in mapping:
            if name not in names:
                if self.translation_of and name in self.translation_of:
                    self.problem(mapping.line_of(name), prefix + name, "fact_in_translation",
                                 detail=self.main_file, choices=", ".join(names))
                    continue
                self.problem(mapping.line_of(name), prefix + name, "unknown_field",
                             choices=", ".join(names), suggestion=suggest(name, names))
        values = {}
        for spec in declared:
            path = prefix + spec.name
            raw = mapping.get(spec.name)
            if raw is None or (isinstance(raw, (Sequence, Mapping)) and not raw) or (isinstance(raw, Text) and not raw.strip()):
                if spec.required:
                    self.problem(mapping.line_of(spec.name), path, "missing",
                                 expected=Msg(spec.doc), example=f"{spec.name}: {spec.example}")
                values[spec.name] = None
                continue
            line = mapping.line_of(spec.name)
            values[spec.name] = getattr(self, f"kind_{spec.kind}")(raw, spec, path, line)
        return values

    def commas_rejoined(self, mapping: Mapping, names: list[str]) -> Mapping:
        """In {start: Rabu, 2 Desember 2026 09.00, end: ...} the comma after the day name ends the value and makes
        the rest a name without a value: such a piece is put back after the value it was cut from, when the value
        is a day name alone or the piece starts with the year the value lacks."""
        _, days = date_names(self.date_languages)
        joined = Mapping()
        joined.line, joined.key_lines = mapping.line, dict(mapping.key_lines)
        before = None
        for name, value in mapping.items():
            cut = joined.get(before) if before is not None else None
            if (value is None and name not in names and isinstance(cut, Text) and isinstance(name, str)
                    and not cut.quoted and _cut_date(cut, name, days)):
                joined[before] = Text(f"{cut}, {name}", cut.line, cut.quoted)
                continue
            joined[name], before = value, name
        return joined

    def shape(self, raw, wanted, spec, path, line) -> bool:
        if isinstance(raw, wanted):
            return True
        self.problem(getattr(raw, "line", line), path, "wrong_shape", expected=Msg(spec.doc),
                     example=f"{spec.name}: {spec.example}")
        return False

    # -- kinds ---------------------------------------------------------------------------------------
    def plain(self, raw: Text, path: str, example: str = "") -> bool:
        """Whether a plain-text value is free of tags; a tag is reported with the text it most likely meant."""
        params = markup_params(raw, example)
        if params is None:
            return True
        self.problem(raw.line, path, "markup_in_text", **params)
        return False

    def kind_text(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line) or not self.plain(raw, path, spec.example):
            return None
        return " ".join(raw.split()) if spec.name in ("title", "summary") else raw.strip()

    def kind_slug(self, raw, spec, path, line):
        if self.shape(raw, Text, spec, path, line) and SLUG.fullmatch(raw):
            return str(raw)
        if isinstance(raw, Text):
            self.problem(raw.line, path, "bad_slug", value=raw)
        return None

    def kind_lang(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        return self.language(raw, path)

    def language(self, raw: Text, path: str, names: bool = False):
        """A BCP 47 tag; with names, also a language's name from the site's list of languages."""
        tag = raw.strip()
        if langcodes.tag_is_valid(tag):
            return tag
        vocabulary = self.vocabularies["languages"]
        code = language_by_name(vocabulary, tag) if names else None
        if code is not None:
            return code
        known = list(vocabulary.entries)
        if names:
            known += [label for entry in vocabulary.entries.values() for label in entry.label.values()]
        self.problem(raw.line, path, "bad_language", value=tag, suggestion=suggest(tag, known),
                     forms="language" if names else "language_code")
        return None

    def kind_choice(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        choices = FIELD_CHOICES[spec.name]
        code = choice_code(raw, choices)
        if code is not None:
            return code
        words = [word for choice in choices for word in (*choice.words, choice.code)]
        near = suggest(normal_words(raw), words)
        shown = next((c.shown for c in choices if near in (*c.words, c.code)), None) if near else None
        self.problem(raw.line, path, "unknown_choice", value=raw, choices=", ".join(c.shown for c in choices),
                     suggestion=shown)
        return None

    def vocabulary_value(self, raw, spec, path):
        vocabulary = self.vocabularies[spec.vocabulary]
        code = raw.strip()
        if code in vocabulary:
            return code
        found = vocabulary_code(vocabulary, code)
        if found is not None:
            return found
        is_reference = spec.vocabulary in ("partners", "locations")
        choices = list(vocabulary.entries) + ([ONLINE] if spec.kind == "location" else [])
        listed = choices_text(choices) if vocabulary.entries else \
            Msg("{choices} (daftarnya masih kosong: isi dulu {data_file})", choices=", ".join(choices) or "-",
                data_file=vocabulary.data_file)
        self.problem(raw.line, path, "unknown_reference" if is_reference else "unknown_value",
                     value=code, vocabulary=vocabulary.noun(), choices=listed,
                     suggestion=suggest(code, choices), data_file=vocabulary.data_file)
        return None

    def kind_vocabulary(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        return self.vocabulary_value(raw, spec, path)

    def each(self, raw, spec, path, line, parse_one):
        items = as_list(raw)
        results = []
        for item in items:
            if not isinstance(item, Text):
                self.shape(item, Text, spec, path, line)
                continue
            value = parse_one(item)
            if value is not None and value not in results:
                results.append(value)
        return tuple(results)

    def kind_text_list(self, raw, spec, path, line):
        items = [item for item in as_list(raw) if isinstance(item, Text)]
        if not all([self.plain(item, path) for item in items]):
            return None
        return tuple(" ".join(str(item).split()) for item in items)

    def kind_vocabulary_list(self, raw, spec, path, line):
        return self.each(raw, spec, path, line, lambda item: self.vocabulary_value(item, spec, path))

    kind_reference_list = kind_vocabulary_list

    def kind_language_list(self, raw, spec, path, line):
        return self.each(raw, spec, path, line, lambda item: self.language(item, path, names=True))

    def kind_location(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        if normal_words(raw) in ONLINE_WORDS:
            return ONLINE
        return self.vocabulary_value(raw, spec, path)

    def written(self, raw, path, with_time: bool):
        """A date (with_time: and time) in any form people write; an ambiguous one is reported with both readings,
        a day name that does not fit the date is a warning, and a zone word is kept to be checked against the
        program's zone."""
        found = read_written(raw, with_time, self.date_languages)
        if found.readings:
            self.problem(raw.line, path, "ambiguous_date", value=raw,
                         detail=Msg("{first} atau {second}", first=found.readings[0].isoformat(),
                                    second=found.readings[1].isoformat()))
            return None
        if found.value is None:
            self.problem(raw.line, path, "bad_datetime" if with_time else "bad_date", value=raw)
            return None
        day = found.value.date() if with_time else found.value
        if found.weekday is not None and found.weekday != day.weekday():
            self.warn(raw.line, path, "weekday_mismatch", detail=day.isoformat(), value=Msg(DAY_NAMES[day.weekday()]),
                      example=WrittenDate(nearest_on(found.value, {found.weekday})),
                      choices=Msg(DAY_NAMES[found.weekday]))
        if found.zone:
            self.zone_words.append((path, raw.line, found.zone, found.value))
        return found.value

    def kind_datetime(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        return self.written(raw, path, True)

    def kind_date(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        return self.written(raw, path, False)

    def kind_end(self, raw, spec, path, line):
        word = zone_word(raw) if isinstance(raw, Text) else None
        if word:  # checked against the program's zone with the start's
            self.zone_words.append((path, raw.line, word, None))
        return raw  # needs the start: read in kind_schedule

    def kind_timezone(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        name = raw.strip()
        if zone(name):
            return name
        found = suggest(name, list(INDONESIAN_ZONES)) or suggest(name, zone_names())
        self.problem(raw.line, path, "unknown_timezone", value=name, suggestion=found)
        return None

    def kind_date_list(self, raw, spec, path, line):
        return self.each(self.date_items(raw), spec, path, line, lambda item: self.written(item, path, False))

    def date_items(self, raw) -> list:
        """The dates of a list as the librarian meant them. A comma separates the items of [a, b] and of a plain
        `a, b`, but people also write one inside a date: the pieces are put back together when a piece is a day
        name alone ([Rabu, 9 Desember 2026]) or a year alone ([December 9, 2026])."""
        pieces = []
        for item in as_list(raw):
            if isinstance(item, Text) and "," in item:
                pieces += [Text(part.strip(), item.line) for part in item.split(",") if part.strip()]
            else:
                pieces.append(item)
        _, days = date_names(self.date_languages)
        joined: list = []
        for piece in pieces:
            before = joined[-1] if joined else None
            if isinstance(piece, Text) and isinstance(before, Text) and not before.quoted and _cut_date(before, piece, days):
                joined[-1] = Text(f"{before}, {piece}", before.line, before.quoted)
            else:
                joined.append(piece)
        return joined

    def kind_moved(self, raw, spec, path, line):
        """{old date: new date and time}: each session moved, as (the old date or date and time, the new date and
        time or date alone, the line), read in schedule_sessions once the sessions are known."""
        if not self.shape(raw, Mapping, spec, path, line):
            return None
        moves = []
        for key, value in raw.items():
            at = raw.line_of(key)
            old = self.moment_or_day(Text(str(key), at), path, False)
            new = (self.moment_or_day(value, path, True) if isinstance(value, Text) and value.strip()
                   else self.shape(value, Text, spec, path, at))
            if old is not None and new:
                moves.append((old, new, at))
        return moves if len(moves) == len(raw) else None

    def moment_or_day(self, raw: Text, path: str, time_expected: bool) -> datetime | date | None:
        """A date with a time, or a date alone; when it is neither, reported as the one expected."""
        readings = [read_written(raw, with_time, self.date_languages) for with_time in (True, False)]
        found = next((with_time for with_time, r in zip((True, False), readings) if r.value or r.readings), time_expected)
        return self.written(raw, path, found)

    def kind_repeat(self, raw, spec, path, line):
        return raw  # needs the start: read in kind_schedule

    kind_sessions = kind_repeat

    def kind_count(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        number = counted(raw)
        if number is not None and number > 0:
            return number
        self.problem(raw.line, path, "bad_number", value=raw, forms="count")
        return None

    def kind_position(self, raw, spec, path, line):
        """A place in an order: a whole number from 1."""
        if not self.shape(raw, Text, spec, path, line):
            return None
        if NUMBER.fullmatch(raw.strip()) and int(raw) > 0:
            return int(raw)
        self.problem(raw.line, path, "bad_number", value=raw, forms="position")
        return None

    def kind_tally(self, raw, spec, path, line):
        """A whole number counted after the fact: 0 or more."""
        if not self.shape(raw, Text, spec, path, line):
            return None
        number = counted(raw)
        if number is not None:
            return number
        self.problem(raw.line, path, "bad_number", value=raw, forms="tally")
        return None

    def kind_cost(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        amount = rupiah(raw)
        if amount is not None:
            return amount
        self.problem(raw.line, path, "bad_number", value=raw, forms="cost")
        return None

    def kind_boolean(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        word = raw.strip().lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        self.problem(raw.line, path, "bad_boolean", value=raw)
        return None

    def kind_walk_in(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return None
        return raw.strip() if self.plain(raw, path, spec.example) else None

    def kind_phone(self, raw, spec, path, line):
        if not self.shape(raw, Text, spec, path, line):
            return None
        phone = parse_phone(raw)
        if phone is None:
            self.problem(raw.line, path, "bad_phone", value=raw)
        return phone

    def kind_url(self, raw, spec, path, line):
        if self.shape(raw, Text, spec, path, line) and URL.fullmatch(raw.strip()):
            return raw.strip()
        if isinstance(raw, Text):
            self.problem(raw.line, path, "url_with_user" if URL_WITH_USER.match(raw) else "bad_url", value=raw)
        return None

    def kind_email(self, raw, spec, path, line):
        if self.shape(raw, Text, spec, path, line) and EMAIL.fullmatch(raw.strip()):
            return raw.strip()
        if isinstance(raw, Text):
            self.problem(raw.line, path, "bad_email", value=raw)
        return None

    def kind_group(self, raw, spec, path, line):
        if not self.shape(raw, Mapping, spec, path, line):
            return None
        return self.fields(raw, spec.children, prefix=path + ".")

    def kind_contact(self, raw, spec, path, line):
        values = self.kind_group(raw, spec, path, line)
        if not values or not values.get("name"):
            return None
        return Contact(values["name"], values.get("phone"), values.get("whatsapp"), values.get("email"))

    def kind_image(self, raw, spec, path, line):
        values = self.kind_group(raw, spec, path, line)
        if not values or not values.get("src") or (raw.get("alt") and not values.get("alt")):
            return None
        if not values.get("decorative") and not values.get("alt"):
            self.problem(raw.line_of("alt"), path + ".alt", "image_no_alt")
            return None
        return Image(values["src"], values.get("alt") or "", bool(values.get("decorative")),
                     bool(values.get("text_in_image")), values.get("text") or "")

    def kind_localized(self, raw, spec, path, line):
        """One text for every language, or a text per language ({id: ..., en: ...}) with the main language's."""
        from .data import Localized

        main = self.settings.get("KATALOG_MAIN_LANG") or self.settings.get("DEFAULT_LANG") or "id"
        if isinstance(raw, Text):
            if not self.plain(raw, path):
                return None
            return Localized({main: " ".join(raw.split())}) if raw.strip() else None
        if not self.shape(raw, Mapping, spec, path, line):
            return None
        texts = Localized()
        for lang, text in raw.items():
            if not isinstance(text, Text):
                self.shape(text, Text, spec, f"{path}.{lang}", raw.line_of(lang))
            elif not langcodes.tag_is_valid(str(lang)):
                self.problem(raw.line_of(lang), f"{path}.{lang}", "bad_language", value=lang,
                             suggestion=suggest(str(lang), self.vocabularies["languages"].entries))
            elif not self.plain(text, f"{path}.{lang}"):
                texts[str(lang)] = None
            elif text.strip():
                texts[str(lang)] = " ".join(text.split())
        if None in texts.values():
            return None
        if main not in texts:
            self.problem(raw.line, path, "missing_main_text", value=main, example=f"{spec.name}: {spec.example}")
            return None
        return texts

    def kind_site_languages(self, raw, spec, path, line):
        """Each language and whether the site is published in it, the main one first and always on: from
        {en: ya, jv: tidak}, or a list of those on [en, jv]."""
        main = self.settings.get("KATALOG_MAIN_LANG") or self.settings.get("DEFAULT_LANG") or "id"
        if isinstance(raw, Text):
            single = Sequence([raw])
            single.line = raw.line
            raw = single
        if isinstance(raw, Sequence):
            wanted = [(item, True) for item in raw]
        elif isinstance(raw, Mapping):
            wanted = [(Text(str(lang), raw.line_of(lang)), value) for lang, value in raw.items()]
        else:
            self.shape(raw, Mapping, spec, path, line)
            return None
        published = {main: True}
        for lang, switch in wanted:
            if not isinstance(lang, Text):
                self.shape(lang, Text, spec, path, line)
                continue
            tag = self.language(lang, path)
            word = str(switch).strip().lower() if isinstance(switch, Text) else None
            if word not in TRUE_WORDS | FALSE_WORDS:
                self.problem(getattr(switch, "line", lang.line), f"{path}.{lang}", "bad_boolean", value=switch or "")
                continue
            if tag == main and word in FALSE_WORDS:
                self.problem(lang.line, f"{path}.{lang}", "main_language_off", value=main)
            elif tag and tag != main:
                published[tag] = word in TRUE_WORDS
        return published

    def kind_schedule(self, raw, spec, path, line):
        if not self.shape(raw, Mapping, spec, path, line):
            return None
        raw = self.ranged(raw, path)
        values = self.fields(raw, spec.children, prefix=path + ".")
        return raw, values

    def ranged(self, raw: Mapping, path: str) -> Mapping:
        """A start that holds its end time too ("9 Januari 2027 pukul 09.00 - 11.30") fills an empty end; an end
        written as well must say the same."""
        start = raw.get("start")
        parts = split_range(start) if isinstance(start, Text) else None
        if parts is None:
            return raw
        copy = Mapping(raw)
        copy.line, copy.key_lines = raw.line, dict(raw.key_lines)
        copy["start"] = Text(parts[0], start.line, start.quoted)
        end = raw.get("end")
        if end is None or (isinstance(end, Text) and not end.strip()):
            copy["end"] = Text(parts[1], start.line)
            copy.key_lines["end"] = start.line
        elif not (isinstance(end, Text) and parse_time(end) is not None and parse_time(end) == parse_time(parts[1])):
            self.problem(getattr(end, "line", raw.line_of("end")), f"{path}.end", "two_ends", value=parts[1],
                         detail=end, example=parts[0])
        return copy


def _cut_date(before: str, piece: str, days: dict) -> bool:
    """Whether a comma cut one date in two: a day name alone before it ("Rabu", "9 Desember 2026"), or a month
    and day before the year ("December 9", "2026 09:00")."""
    return before.casefold() in days or bool(
        re.match(r"[0-9]{4}\b", piece) and re.search(r"[^\W\d_]", before) and not re.search(r"[0-9]{4}", before))


def schedule_sessions(parser: Parser, schedule, zone_name: str, path: str = "schedule"):
    """Turns the schedule's fields into aware sessions, or reports why it cannot."""
    raw, values = schedule
    tz = zone(zone_name)
    start = values.get("start")
    _check_zone_words(parser, tz, zone_name, path, start)
    limit = parser.settings["KATALOG_MAX_SESSIONS"]
    listed = values.get("sessions")
    if listed is not None and (raw.get("start") is not None or raw.get("repeat") is not None):
        parser.problem(raw.line_of("sessions"), f"{path}.sessions", "schedule_both")
        return None
    if listed is not None:
        found = _listed_sessions(parser, listed, tz, f"{path}.sessions")
        _check_zone_words(parser, tz, zone_name, path, None)
        found = found if parser.ok else None
        return _move(parser, raw, values, _cancel(parser, raw, values, found, path), path)
    if raw.get("start") is None:
        parser.problem(raw.line, f"{path}.start", "no_sessions")
        return None
    end_raw = values.get("end")
    if end_raw is None:
        parser.problem(raw.line_of("end"), f"{path}.end", "missing", expected=spec_doc("schedule", "end"),
                       example='end: "11:00"')
        return None
    if start is None:
        # The start cannot be read (already reported): check what does not depend on it, so that the first report
        # holds every problem.
        if not isinstance(end_raw, Text) or (parse_end(end_raw, None) is None and parse_time(end_raw) is None):
            parser.problem(getattr(end_raw, "line", raw.line_of("end")), f"{path}.end", "bad_end", value=end_raw)
        if values.get("repeat") is not None:
            _repeat_rule(parser, values["repeat"], None, f"{path}.repeat")
        return None
    end = parse_end(end_raw, start) if isinstance(end_raw, Text) else None
    if end is None:
        parser.problem(getattr(end_raw, "line", raw.line_of("end")), f"{path}.end", "bad_end", value=end_raw)
        return None
    if end <= start:
        parser.problem(end_raw.line, f"{path}.end", "end_before_start", value=end_raw, detail=raw["start"])
        return None
    duration = end - start
    starts = [start]
    rule = None
    if values.get("repeat") is not None:
        rule = _repeat_rule(parser, values["repeat"], start, f"{path}.repeat")
        if rule is None:
            return None
        try:
            starts = rule.occurrences(start, limit)
        except (ValueError, OverflowError):  # dates past what the calendar can count
            starts = [datetime.max]
        if starts[-1].year not in YEARS:
            parser.problem(values["repeat"].line, f"{path}.repeat", "bad_repeat",
                           detail=Msg("sesinya berlanjut melewati tahun {year}", year=YEARS[-1]))
            return None
        if len(starts) > limit:
            parser.problem(values["repeat"].line, f"{path}.repeat", "bad_repeat",
                           detail=Msg("menghasilkan lebih dari {limit} sesi", limit=limit))
            return None
    skipped = tuple(values.get("except") or ())
    for day in skipped:
        if day not in {s.date() for s in starts}:
            parser.problem(raw.line_of("except"), f"{path}.except", "bad_repeat",
                           detail=Msg("tanggal {day} yang dilewati bukan tanggal sesi", day=day.isoformat()))
            return None
    kept = [s for s in starts if s.date() not in skipped]
    if not kept:
        parser.problem(raw.line, path, "no_sessions")
        return None
    if rule and rule.frequency == RULE_FREQUENCIES["month"] and not rule.week and not rule.weekdays:
        days = [s.weekday() for s in starts]
        if len(set(days)) > 1:  # the same date each month: the weekday moves
            shown = ", ".join(Msg(DAY_NAMES[day]).render(parser.settings["KATALOG_MESSAGE_LANG"]) for day in days[:4])
            nth, last = week_of_month(start.date())
            parser.warn(values["repeat"].line, f"{path}.repeat", "monthly_drift", detail=shown,
                        value=Msg(DAY_NAMES[start.weekday()]), example=f"week: {'terakhir' if last and nth > 4 else nth}")
    sessions = number_sessions([(s.replace(tzinfo=tz), (s + duration).replace(tzinfo=tz), "") for s in kept])
    return _move(parser, raw, values, _cancel(parser, raw, values, (sessions, rule, skipped), path), path)


def _check_zone_words(parser, tz, zone_name: str, path: str, start: datetime | None):
    """WIB, WITA or WIT written with a time must be the program's zone; each is checked once."""
    for field_path, line, word, local in parser.zone_words:
        offset = tz.utcoffset(local or start or datetime(YEARS[-1], 1, 1)) if tz else None
        if field_path.startswith(path) and offset is not None and offset != timedelta(hours=ZONE_WORDS[word.lower()]):
            named = next((w.upper() for w, hours in ZONE_WORDS.items() if timedelta(hours=hours) == offset), "")
            parser.problem(line, field_path, "zone_mismatch", value=word,
                           detail=f"{zone_name} ({named})" if named else zone_name)
    parser.zone_words = [entry for entry in parser.zone_words if not entry[0].startswith(path)]


def _cancel(parser, raw, values, found, path):
    """Marks the sessions on the dates in schedule.cancelled; each date must be one of the sessions'."""
    cancelled = tuple(values.get("cancelled") or ())
    if found is None or not cancelled:
        return found
    sessions, rule, skipped = found
    days = {s.day for s in sessions}
    wrong = [day for day in cancelled if day not in days]
    for day in wrong:
        parser.problem(raw.line_of("cancelled"), f"{path}.cancelled", "not_a_session_date", value=day.isoformat(),
                       example=sessions[0].day.isoformat())
    if wrong:
        return None
    return tuple(replace(s, cancelled=s.day in cancelled) for s in sessions), rule, skipped


def _move(parser, raw, values, found, path):
    """Moves the sessions named in schedule.moved to their new day or time, keeping each one's length, and numbers
    the sessions again in their new order; a moved session remembers where it was (Session.moved_from)."""
    moves = values.get("moved")
    if found is None or not moves:
        return found
    sessions, rule, skipped = found
    moved: dict[Session, tuple[Session, int]] = {}  # each session moved: where it goes, and the line that says so
    field_path = f"{path}.moved"
    before = len(parser.problems)  # the moves' own problems, not the rest of the file's
    for old, new, line in moves:
        named = old.isoformat(sep=" ", timespec="minutes") if isinstance(old, datetime) else old.isoformat()
        session = next((s for s in sessions
                        if (s.start.replace(tzinfo=None) == old if isinstance(old, datetime) else s.day == old)), None)
        if session is None:
            parser.problem(line, field_path, "moved_not_a_session", value=named,
                           example=f"{sessions[0].day.isoformat()}: {sessions[0].day.isoformat()} 13:00")
        elif session.cancelled:
            parser.problem(line, field_path, "moved_and_cancelled", value=named)
        elif session in moved:
            parser.problem(line, field_path, "moved_twice", value=named)
        else:
            start = (new if isinstance(new, datetime) else datetime.combine(new, session.start.time())).replace(
                tzinfo=session.start.tzinfo)
            moved[session] = replace(session, start=start, end=start + (session.end - session.start),
                                     moved_from=session.start), line
    if len(parser.problems) > before:
        return None
    result = sorted((moved[s][0] if s in moved else s for s in sessions), key=lambda s: s.start)
    starts = [s.start for s in result]
    for announced, (after, line) in moved.items():
        if starts.count(after.start) > 1:
            parser.problem(line, field_path, "moved_onto_session", value=announced.day.isoformat(),
                           detail=after.start.strftime("%Y-%m-%d %H:%M"))
    if len(parser.problems) > before:
        return None
    return tuple(replace(s, number=n) for n, s in enumerate(result, start=1)), rule, skipped


def _listed_sessions(parser, listed, tz, path):
    if not isinstance(listed, Sequence):
        parser.problem(listed.line, path, "wrong_shape", expected=spec_doc("schedule", "sessions"),
                       example="sessions:\n    - start: 2026-12-02 09:00\n      end: \"11:00\"")
        return None
    limit = parser.settings["KATALOG_MAX_SESSIONS"]
    if len(listed) > limit:
        parser.problem(listed.line, path, "bad_repeat", detail=Msg("daftar sessions memuat lebih dari {limit} sesi", limit=limit))
        return None
    drafts = []
    for item in listed:
        if not isinstance(item, Mapping):
            parser.problem(getattr(item, "line", listed.line), path, "wrong_shape", expected=spec_doc("schedule", "sessions"),
                           example="- {start: 2026-12-02 09:00, end: \"11:00\"}")
            continue
        item = parser.ranged(item, path)
        values = parser.fields(item, LISTED_SESSION_FIELDS, prefix=path + ".")
        start, end_raw = values.get("start"), values.get("end")
        if start is None or end_raw is None:
            continue
        end = parse_end(end_raw, start)
        if end is None:
            parser.problem(end_raw.line, f"{path}.end", "bad_end", value=end_raw)
        elif end <= start:
            parser.problem(end_raw.line, f"{path}.end", "end_before_start", value=end_raw, detail=item["start"])
        else:
            drafts.append((start.replace(tzinfo=tz), end.replace(tzinfo=tz), values.get("topic") or ""))
    if not parser.ok:
        return None
    if not drafts:
        parser.problem(listed.line, path, "no_sessions")
        return None
    return number_sessions(drafts), None, ()


def _repeat_rule(parser, raw, start: datetime | None, path):
    """The repeat rule, or None after reporting why not; without a start (one that cannot be read) only what
    does not depend on it is checked."""
    def bad(detail: Msg, line=None):
        parser.problem(line or raw.line, path, "bad_repeat", detail=detail)

    if isinstance(raw, Text):
        words = repeat_in_words(raw, parser.date_languages)
        if words and "until" in words:  # "sampai besok": not a date, so not one of the common phrases
            until = read_written(words["until"], False, parser.date_languages)
            words = words if until.value or until.readings else None
        if words is None:
            bad(Msg("tulis dengan kata-kata seperti «setiap Sabtu, 4 kali» atau «setiap minggu sampai 30 Januari "
                    "2027», atau sebagai pasangan nama: nilai, misalnya {{every: week, count: 4}}"))
            return None
        raw = as_mapping(words, raw.line)
    if not isinstance(raw, Mapping):
        bad(Msg("tulis sebagai pasangan nama: nilai"))
        return None
    allowed = ("every", "interval", "count", "until", "days", "week")
    for key in raw:
        if key not in allowed:
            bad(Msg("«{key}» tidak dikenal (yang dikenal: {known})", key=key, known=", ".join(allowed)), raw.line_of(key))
            return None
    every = choice_code(raw.get("every") or "", FREQUENCY_CHOICES)
    if every is None:
        bad(Msg("every «{every}» tidak dikenal; pakai {known}", every=raw.get("every") or "",
                known=", ".join(choice.shown for choice in FREQUENCY_CHOICES)), raw.line_of("every"))
        return None
    interval, count, until = 1, None, None
    if raw.get("interval") is not None:
        if not NUMBER.fullmatch(str(raw["interval"]).strip()) or not 1 <= int(raw["interval"]) <= 366:
            bad(Msg("interval harus angka bulat dari 1 sampai 366"), raw.line_of("interval"))
            return None
        interval = int(raw["interval"])
    if raw.get("count") is not None and raw.get("until") is not None:
        bad(Msg("count dan until tidak boleh dipakai bersamaan"), raw.line_of("until"))
        return None
    if raw.get("count") is None and raw.get("until") is None:
        bad(Msg("tidak ada akhirnya: tambahkan count atau until"))
        return None
    if raw.get("count") is not None:
        if not NUMBER.fullmatch(str(raw["count"]).strip()) or int(raw["count"]) < 1:
            bad(Msg("count harus angka bulat lebih dari 0"), raw.line_of("count"))
            return None
        count = int(raw["count"])
    if raw.get("until") is not None:
        written = raw["until"]
        until = parser.written(written if isinstance(written, Text) else Text(str(written), raw.line_of("until")),
                               f"{path}.until", False)
        if until is None:  # reported by written(): not a date, or one that reads two ways
            return None
        if start is not None and until < start.date():
            bad(Msg("until lebih awal dari sesi pertama"), raw.line_of("until"))
            return None
    weekdays = []
    day_names = {**date_names(parser.date_languages)[1], **WEEKDAYS}
    for day in as_list(raw.get("days")):
        name = str(day).strip().casefold()
        if name not in day_names:
            bad(Msg("hari «{day}» tidak dikenal (senin ... minggu)", day=day), raw.line_of("days"))
            return None
        weekdays.append(day_names[name])
    if weekdays and start is not None and start.weekday() not in weekdays:
        listed = ", ".join(f"{{d{n}}}" for n in range(len(weekdays)))  # each day's name in the reader's language
        named = Msg(listed, **{f"d{n}": Msg(DAY_NAMES[day]) for n, day in enumerate(weekdays)})
        parser.problem(raw.line_of("days"), f"{path}", "start_not_on_repeat_day", value=WrittenDate(start),
                       detail=Msg(DAY_NAMES[start.weekday()]), choices=named,
                       example=WrittenDate(nearest_on(start, set(weekdays))))
        return None
    week = None
    if raw.get("week") is not None:
        week = WEEKS.get(str(raw["week"]).strip().lower())
        if every != "month" or week is None:
            bad(Msg("week dipakai bersama every: month, dengan 1, 2, 3, 4 atau terakhir"), raw.line_of("week"))
            return None
        nth, last = week_of_month(start.date()) if start is not None else (week, week == -1)
        if (week == -1 and not last) or (week != -1 and week != nth):
            bad(Msg("sesi pertama (start) adalah {day} ke-{nth} bulan itu, bukan yang disebut week", nth=nth,
                    day=Msg(DAY_NAMES[start.weekday()])), raw.line_of("week"))
            return None
    return RepeatRule(RULE_FREQUENCIES[every], interval, count, until, tuple(weekdays), week)


DAY_NAMES = (N_("senin"), N_("selasa"), N_("rabu"), N_("kamis"), N_("jumat"), N_("sabtu"), N_("minggu"))


def spec_doc(*names) -> Msg:
    specs = PROGRAM_FIELDS
    spec = None
    for name in names:
        spec = next(f for f in specs if f.name == name)
        specs = spec.children
    return Msg(spec.doc)
