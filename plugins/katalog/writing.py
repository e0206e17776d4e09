"""Accessible writing: what librarians write, checked as they write it (headings, links, images, plain language,
tables, language, abbreviations, times and phone numbers).

Every rule is declared once in RULES, with its code, whether it is an error or a warning, and a bad and a good
example in Markdown. The checks use the code, the guides are written from the examples (make docs), and the
tests read each example back through the checks. The messages are in messages.py under the same codes.
A site changes a rule's weight, or turns it off, with KATALOG_WRITING, and its limits with KATALOG_WRITING_LIMITS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .i18n import N_, site_word

ERROR, WARNING, OFF = "error", "warning", "off"


@dataclass(frozen=True)
class Rule:
    code: str
    group: str  # a key of GROUPS
    severity: str  # ERROR or WARNING
    bad: str  # a description (or, for "summary" and "image" rules, the field's text) that breaks the rule
    good: str  # the same, written well
    where: str = "description"  # what the examples are: description, summary, image
    at: int = 0  # the line of the bad example (from 0) that the message names


GROUPS = {
    "headings": N_("Judul bagian"),
    "links": N_("Tautan"),
    "images": N_("Gambar"),
    "plain": N_("Bahasa yang mudah dipahami"),
    "tables": N_("Tabel"),
    "language": N_("Bahasa teks"),
    "abbreviations": N_("Singkatan"),
    "numbers": N_("Jam dan nomor telepon"),
}

RULES = (
    Rule("heading_h1", "headings", ERROR,
         "# Materi\n\nMengetik surat lamaran.", "### Materi\n\nMengetik surat lamaran."),
    Rule("heading_first_level", "headings", ERROR,
         "#### Materi\n\nMengetik surat lamaran.", "### Materi\n\nMengetik surat lamaran."),
    Rule("heading_skipped", "headings", ERROR,
         "### Materi\n\nMengetik.\n\n##### Bawa apa\n\nFlashdisk.",
         "### Materi\n\nMengetik.\n\n#### Bawa apa\n\nFlashdisk.", at=4),
    Rule("heading_empty", "headings", ERROR, "###\n\nMengetik surat lamaran.", "### Materi\n\nMengetik surat lamaran."),
    Rule("heading_too_long", "headings", ERROR,
         "### Di kelas ini kita akan belajar mengetik surat lamaran kerja dan mengirimkannya lewat surel ke perusahaan\n\n"
         "Bawa flashdisk.",
         "### Materi\n\nDi kelas ini kita belajar mengetik surat lamaran kerja dan mengirimkannya lewat surel."),
    Rule("link_vague", "links", ERROR,
         "Formulir pendaftaran ada [di sini](https://forms.example.org/daftar).",
         "Isi [formulir pendaftaran kelas komputer](https://forms.example.org/daftar)."),
    Rule("link_bare_url", "links", WARNING,
         "Jadwal lengkap: <https://perpus.example.org/jadwal-kelas>",
         "Lihat [jadwal lengkap kelas](https://perpus.example.org/jadwal-kelas)."),
    Rule("link_same_text", "links", WARNING,
         "Unduh [jadwal](https://example.org/jadwal-desember) dan [jadwal](https://example.org/jadwal-januari).",
         "Unduh [jadwal Desember](https://example.org/jadwal-desember) dan "
         "[jadwal Januari](https://example.org/jadwal-januari)."),
    Rule("link_file_type", "links", WARNING,
         "Baca [modul kelas](https://example.org/modul.pdf).",
         "Baca [modul kelas (PDF, 1,2 MB)](https://example.org/modul.pdf)."),
    Rule("alt_file_name", "images", ERROR, "![IMG_2041.jpg](images/komputer-lansia.svg)",
         "![Lima peserta lansia belajar mengetik di laptop](images/komputer-lansia.svg)"),
    Rule("alt_url", "images", ERROR, "![https://perpus.example.org/foto/kelas](images/komputer-lansia.svg)",
         "![Lima peserta lansia belajar mengetik di laptop](images/komputer-lansia.svg)"),
    Rule("alt_generic", "images", ERROR, "![Foto kegiatan kelas](images/komputer-lansia.svg)",
         "![Lima peserta lansia belajar mengetik di laptop](images/komputer-lansia.svg)"),
    Rule("alt_same_as_title", "images", ERROR, "![Kelas Uji Coba](images/komputer-lansia.svg)",
         "![Lima peserta lansia belajar mengetik di laptop](images/komputer-lansia.svg)"),
    Rule("alt_too_long", "images", ERROR,
         "![Di foto ini tampak lima peserta lansia yang duduk berderet di depan laptop masing-masing, ditemani dua "
         "relawan muda yang menunjuk layar sambil tersenyum, di ruang baca lantai dua yang terang dengan jendela "
         "besar](images/komputer-lansia.svg)",
         "![Lima peserta lansia belajar mengetik di laptop, ditemani dua relawan](images/komputer-lansia.svg)\n\n"
         "Ruang baca lantai dua terang, dengan jendela besar."),
    Rule("alt_emoji", "images", ERROR, "![Peserta belajar 💻😊](images/komputer-lansia.svg)",
         "![Peserta tersenyum saat belajar di laptop](images/komputer-lansia.svg)"),
    Rule("text_in_image", "images", ERROR, "text_in_image: true", "text_in_image: true\ntext: Daftar sebelum 1 Desember",
         where="image"),
    Rule("summary_too_long", "plain", WARNING,
         "Kelas ini adalah kelas yang diselenggarakan oleh perpustakaan bersama Balai Latihan Kerja untuk warga yang "
         "ingin belajar menggunakan komputer dari dasar sampai bisa mengetik surat, mencari lowongan dan mengirim "
         "lamaran lewat surel.",
         "Belajar komputer dari dasar: mengetik surat, mencari lowongan dan mengirim lamaran.", where="summary"),
    Rule("sentence_too_long", "plain", WARNING,
         "Peserta yang sudah mendaftar dan mendapat konfirmasi lewat WhatsApp diminta datang lima belas menit "
         "sebelum kelas dimulai supaya bisa mengisi daftar hadir dan memilih komputer yang akan dipakai selama "
         "pelatihan berlangsung.",
         "Datanglah lima belas menit sebelum kelas. Isi daftar hadir dan pilih komputer Anda."),
    Rule("long_paragraph", "plain", WARNING,
         " ".join(["Kelas dimulai dengan perkenalan."] * 25),
         "Kelas dimulai dengan perkenalan.\n\nSetelah itu peserta menyalakan komputer."),
    Rule("shouting", "plain", WARNING, "PESERTA WAJIB MEMBAWA FLASHDISK SENDIRI.",
         "Bawa **flashdisk** sendiri."),
    Rule("too_much_emphasis", "plain", WARNING,
         "**Gratis**, **tempat terbatas**, **bawa flashdisk**, **datang tepat waktu**.",
         "Kelas ini gratis. Tempatnya terbatas, jadi **daftar dulu**."),
    Rule("emoji_bullet", "plain", WARNING, "- ✅ Gratis\n- ✅ Ada sertifikat", "- Gratis\n- Ada sertifikat"),
    Rule("exclamations", "plain", WARNING, "Ayo daftar sekarang!!!", "Daftar sekarang, tempatnya terbatas."),
    Rule("table_no_header", "tables", ERROR,
         "<table><tr><td>Senin</td><td>Mengetik</td></tr><tr><td>Rabu</td><td>Surel</td></tr></table>",
         "| Hari | Materi |\n|---|---|\n| Senin | Mengetik |\n| Rabu | Surel |"),
    Rule("table_empty_header", "tables", ERROR,
         "|   | Materi |\n|---|---|\n| Senin | Mengetik |\n| Rabu | Surel |",
         "| Hari | Materi |\n|---|---|\n| Senin | Mengetik |\n| Rabu | Surel |"),
    Rule("table_layout", "tables", ERROR,
         "| Yang perlu dibawa |\n|---|\n| KTP |\n| Flashdisk |",
         "Yang perlu dibawa:\n\n- KTP\n- Flashdisk"),
    Rule("description_language", "language", WARNING,
         "This class teaches older people how to switch on a computer. They use the mouse and the keyboard. "
         "They write a short letter and send it by e-mail to their children. Volunteers from the school sit "
         "beside every participant. The library lends each of them a laptop for the whole course.",
         "Kelas ini mengajari lansia menyalakan komputer, memakai tetikus dan papan ketik, menulis surat pendek dan "
         "mengirimnya lewat surel kepada anak dan cucu. Relawan dari sekolah kejuruan duduk di samping setiap "
         "peserta, dan perpustakaan meminjamkan laptop kepada setiap peserta selama kelas berlangsung."),
    Rule("unknown_abbreviation", "abbreviations", WARNING,
         "Bawa SKCK.", "Bawa surat keterangan catatan kepolisian."),
    Rule("time_without_zone", "numbers", WARNING,
         "Kelas mulai pukul 09.00.", "Kelas mulai pukul 09.00 WIB."),
    Rule("time_range_dash", "numbers", WARNING,
         "Buka Senin sampai Sabtu pukul 08.00-15.00 WIB.", "Buka Senin sampai Sabtu pukul 08.00 sampai 15.00 WIB."),
    Rule("phone_in_prose", "numbers", WARNING,
         "Tanya dulu ke 0812-9999-1234.", "Tanya dulu lewat WhatsApp narahubung (tertulis di bawah)."),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}
# The limit (a WritingLimits field) each measuring rule names in its message.
LIMIT_OF = {"heading_too_long": "heading_words", "alt_too_long": "alt_chars", "summary_too_long": "summary_words",
            "sentence_too_long": "sentence_words", "long_paragraph": "paragraph_words", "too_much_emphasis": "emphasis"}


@dataclass(frozen=True)
class WritingLimits:
    """The figures the plain-language and image rules measure against (KATALOG_WRITING_LIMITS changes them)."""

    # Words in a summary.
    summary_words: int = 30
    # Words in one sentence of a description.
    sentence_words: int = 25
    # Words in one paragraph or list item.
    paragraph_words: int = 90
    # Words in a heading.
    heading_words: int = 10
    # Characters in an image's alternative text.
    alt_chars: int = 150
    # Emphasised passages (**bold**, *italic*) in one description.
    emphasis: int = 3
    # Words a description needs before its language is told apart from the file's (shorter texts mislead).
    language_words: int = 40

    @classmethod
    def from_setting(cls, value: dict | None) -> "WritingLimits":
        from .limits import figures_from_setting

        return figures_from_setting(cls, value, "KATALOG_WRITING_LIMITS")


def severities(setting: dict | None) -> dict[str, str]:
    """Each rule's weight on this site: its own, or KATALOG_WRITING's ("error", "warning" or "off")."""
    setting = dict(setting or {})
    unknown = sorted(set(setting) - set(RULES_BY_CODE))
    if unknown:
        raise ValueError(f"KATALOG_WRITING: unknown rule(s) {', '.join(unknown)}; known: {', '.join(RULES_BY_CODE)}")
    wrong = sorted(code for code, weight in setting.items() if weight not in (ERROR, WARNING, OFF))
    if wrong:
        raise ValueError(f"KATALOG_WRITING: {', '.join(wrong)} must be \"error\", \"warning\" or \"off\"")
    return {rule.code: setting.get(rule.code, rule.severity) for rule in RULES}


# -- word lists -----------------------------------------------------------------------------------------------

# Link texts that say nothing when a screen reader lists the page's links, per language. A site adds its own in
# content/data/link_words.yaml ({lang: [phrase, ...]}).
VAGUE_LINKS = {
    "id": ["klik di sini", "klik disini", "di sini", "disini", "klik", "selengkapnya", "baca selengkapnya",
           "lihat selengkapnya", "info selengkapnya", "tautan", "tautan ini", "link", "link ini", "lihat", "baca",
           "buka", "unduh", "ini", "lanjut", "lanjutkan", "tekan di sini", "klik tautan ini"],
    "en": ["click here", "here", "click", "read more", "more", "learn more", "more info", "link", "this link",
           "this", "download", "continue", "see more", "go", "tap here"],
    "jv": ["klik ing kene", "ing kene", "neng kene", "kene", "klik", "luwih jangkep", "waca luwih jangkep",
           "waca sakteruse", "sakteruse", "tautan", "link", "pencet ing kene"],
}
# First words of an alternative text that describe the medium, not the picture.
GENERIC_ALT = {"gambar", "foto", "image", "picture", "logo", "photo", "img", "pic", "ilustrasi", "illustration",
               "potret", "screenshot", "tangkapan"}
FILE_TYPES = {"pdf": "PDF", "doc": "DOC", "docx": "DOCX", "xls": "XLS", "xlsx": "XLSX", "ppt": "PPT",
              "pptx": "PPTX", "odt": "ODT", "ods": "ODS", "odp": "ODP", "rtf": "RTF", "zip": "ZIP", "rar": "RAR",
              "epub": "EPUB", "csv": "CSV", "mp3": "MP3", "mp4": "MP4"}
# Words that name a file's type in a link text, besides the extension itself.
FILE_TYPE_WORDS = {"pdf", "word", "excel", "powerpoint", "docx", "doc", "xlsx", "xls", "pptx", "ppt", "zip", "epub",
                   "odt", "ods", "odp", "rtf", "rar", "csv", "mp3", "mp4"}
SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:kb|mb|gb|kib|mib|bytes?|bita)\b", re.IGNORECASE)
ZONES = re.compile(r"\b(?:WIB|WITA|WIT|UTC|GMT)\b|UTC[+-]\d|waktu indonesia|indonesian? (?:western|central|eastern)"
                   r"|(?:western|central|eastern) indonesia", re.IGNORECASE)
# A time of day as people write it: 09.00, 9:30, 14.00 (not 10.000, a price).
TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.,:]\d)"
                  r"|(?<=pukul )([01]?\d|2[0-3])(?![\d.,:])|(?<=jam )([01]?\d|2[0-3])(?![\d.,:])"
                  r"|(?<![\d.,:])(1[0-2]|0?[1-9])(?=\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w))", re.IGNORECASE)
# A range of times with a hyphen or dash between them (08.00-15.00, 9:00 – 12:00, 9am-3pm): a screen reader reads
# "08.00 15.00", and a line may break at the dash. Written with the language's own word for "to" instead.
_CLOCK = r"(?:[01]?\d|2[0-3])[.:][0-5]\d(?:\s?(?:am|pm|a\.m\.|p\.m\.))?|(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)"
TIME_RANGE = re.compile(rf"(?<![\d.,:])({_CLOCK})\s*[-‐‑‒–—−]\s*({_CLOCK})(?![\d.,:]\d)", re.IGNORECASE)
# An Indonesian phone number in prose: mobile (08.., +628.., 628..) or a landline with its area code.
PHONE = re.compile(r"(?<![\d+(])\(?(?:\+62[\s.-]?|62|0)(?:8\d{1,2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}|\(?\d{2,3}\)?[\s.-]?\d{3,4}"
                   r"[\s.-]?\d{3,4})(?!\d)")
ABBREVIATION = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
EXCLAMATIONS = re.compile(r"!{2,}")
URLISH = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$|^\s*[\w-]+(?:\.[\w-]+)+/\S*\s*$", re.IGNORECASE)
FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif|heic|bmp|tiff?)\s*$"
                       r"|^\s*(?:IMG|DSCN?|PXL|VID|MVIMG)[_-]?\d{2,}"
                       r"|^\s*(?:Screenshot|Screen Shot|WhatsApp Image|Tangkapan layar)\b.*\d{2,}"
                       r"|^\s*\S*_\S*\s*$", re.IGNORECASE)
WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


# Pictographs, symbols and dingbats that are read out by name (not ©, ®, ° or arrows, which are text).
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x2300, 0x23FF), (0x3297, 0x3299))


def is_emoji(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in _EMOJI_RANGES)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def normal(text: str) -> str:
    """A text as compared: lower case, one space between words, no punctuation around it."""
    return " ".join(words(text.lower()))


def sentences(text: str) -> list[str]:
    """A paragraph split after . ! ? followed by a space (not after a number's dot, as in 09.00 or 1.200)."""
    parts = re.split(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9À-Ý])", text.strip())
    return [part for part in parts if part.strip()]


# -- a small tree of the rendered description -------------------------------------------------------------------

_VOID = {"br", "hr", "img", "col", "wbr"}
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote", "summary"}


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    parent: "Node | None" = None

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self, *tags):
        for child in self.children:
            if isinstance(child, Node):
                if not tags or child.tag in tags:
                    yield child
                yield from child.iter(*tags)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {name: value or "" for name, value in attrs}, parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def tree(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# -- where in the file ---------------------------------------------------------------------------------------------

class Locator:
    """Finds the line of a text in the Markdown source, moving forward through the file as the checks do, so
    that the same words twice are found at their own lines. Line breaks and spaces between words do not matter,
    and when Markdown marks sit between the words, fewer of the first words are looked for."""

    def __init__(self, body: str, first_line: int):
        self.body = body
        self.first_line = first_line
        self.position = 0

    WINDOW = 20_000  # characters looked through ahead: a long description costs time in proportion to its length

    def _find(self, needle: str, start: int) -> int:
        tokens = needle.split()[:12]
        for count in (len(tokens), 4, 2, 1):
            if count > len(tokens) or (count == 1 and len(tokens[0]) < 3 and len(tokens) > 1):
                continue
            pattern = r"\s+".join(map(re.escape, tokens[:count]))
            match = re.compile(pattern, re.IGNORECASE).search(self.body, start, start + self.WINDOW)
            if match:
                return match.start()
        return -1

    def line(self, *needles: str, move: bool = True) -> int:
        for needle in needles:
            if not (needle or "").strip():
                continue
            found = self._find(needle.strip(), self.position)
            if found >= 0:
                if move:
                    self.position = found
                return self.first_line + self.body.count("\n", 0, found)
        return self.first_line + self.body.count("\n", 0, self.position)


# -- the checks ------------------------------------------------------------------------------------------------------

@dataclass
class Found:
    code: str
    line: int
    field: str
    params: dict


@dataclass
class Writing:
    """What one file's text is checked with: the site's word lists, abbreviations and limits."""

    limits: WritingLimits = WritingLimits()
    vague_links: dict = field(default_factory=lambda: {lang: list(phrases) for lang, phrases in VAGUE_LINKS.items()})
    abbreviations: dict = field(default_factory=dict)  # "BLK" -> {"id": "Balai Latihan Kerja", ...}
    detector: object = None  # a function text -> language code, or None (language rule skipped)


def check_text(writing: Writing, *, lang: str, title: str, summary: str, body: str, body_line: int, html: str,
               lines: dict, heading_level: int, phones: set[str] = frozenset(), image=None,
               image_lines: dict | None = None, prose: dict | None = None) -> list[Found]:
    """Every rule on one program's or page's text: its summary, its description (the Markdown source for lines,
    the rendered HTML for what it means) and its image's alternative text."""
    found: list[Found] = []
    limits = writing.limits
    summary_line = lines.get("summary", 1)

    def add(code, line, where="description", **params):
        found.append(Found(code, line, where, {key: value for key, value in params.items()}))

    # The summary.
    if summary:
        count = len(words(summary))
        if count > limits.summary_words:
            add("summary_too_long", summary_line, "summary", value=shortened(summary), detail=count,
                limit=limits.summary_words)
        calm = _plain_text_checks(summary, summary_line, "summary", add, writing)
        _abbreviations(calm, lambda _: summary_line, "summary", add, writing, seen=set())
        time_ranges(summary, lang, summary_line, add, "summary")
    # Other words of the front matter that the pages, share texts and calendars show (registration.note, ...).
    for name, (text, line) in (prose or {}).items():
        time_ranges(text, lang, line, add, name)

    # The image of the front matter.
    if image is not None and not image.decorative:
        alt_line = (image_lines or {}).get("alt", lines.get("image", 1))
        for code, params in _alt_problems(image.alt, title, limits):
            add(code, alt_line, "image.alt", **params)
    if image is not None and getattr(image, "text_in_image", False) and not getattr(image, "text", ""):
        add("text_in_image", (image_lines or {}).get("text_in_image", lines.get("image", 1)), "image.text")

    if not body.strip():
        return found
    root = tree(html)
    where = Locator(body, body_line)

    # Headings.
    previous = None
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        level = int(heading.tag[1])
        text = " ".join(heading.text().split())
        marks = "#" * level
        line = where.line(text, marks + " " + text, marks) if text else where.line(marks + "\n", marks)
        if level == 1:
            add("heading_h1", line, value=f"{marks} {text}".strip(), detail="#" * heading_level)
            level = heading_level  # what it should be: the headings after it are measured from there
        elif previous is None and level != heading_level:
            add("heading_first_level", line, value=f"{marks} {text}", detail="#" * heading_level)
        elif previous is not None and level > previous + 1:
            add("heading_skipped", line, value=f"{marks} {text}", detail="#" * (previous + 1))
        if not text:
            add("heading_empty", line, value=marks)
        elif len(words(text)) > limits.heading_words:
            add("heading_too_long", line, value=shortened(text), detail=len(words(text)), limit=limits.heading_words)
        previous = level

    # Links.
    where.position = 0
    vague = {normal(phrase) for phrases in writing.vague_links.values() for phrase in phrases}
    by_text: dict[str, tuple[str, int]] = {}
    reported_same = set()
    for link in root.iter("a"):
        href = link.attrs.get("href", "")
        text = " ".join(link.text().split())
        label = text or " ".join(img.attrs.get("alt", "") for img in link.iter("img"))
        line = where.line(f"]({href}", f"<{href}>", href, text)
        if not label.strip():
            continue
        if normal(label) in vague:
            add("link_vague", line, value=label)
        elif URLISH.match(label):
            add("link_bare_url", line, value=shortened(label))
        key = normal(label)
        target = href.split("#")[0].rstrip("/")
        if key in by_text and by_text[key][0] != target and key not in reported_same:
            reported_same.add(key)
            add("link_same_text", line, value=label, detail=by_text[key][1])
        by_text.setdefault(key, (target, line))
        extension = Path(href.split("?")[0].split("#")[0]).suffix.lower().lstrip(".")
        if extension in FILE_TYPES:
            named = set(words(label.lower())) & (FILE_TYPE_WORDS | {extension})
            if not named or not SIZE.search(label):
                add("link_file_type", line, value=label, detail=FILE_TYPES[extension])

    # Images in the description.
    where.position = 0
    for image_node in root.iter("img"):
        alt = image_node.attrs.get("alt")
        src = image_node.attrs.get("src", "")
        line = where.line(f"]({src}", src, f"![{alt}" if alt else "![")
        if alt:
            for code, params in _alt_problems(alt, title, limits):
                add(code, line, **params)

    # Tables.
    where.position = 0
    for table in root.iter("table"):
        rows = list(table.iter("tr"))
        first_cells = [c for c in (rows[0].children if rows else []) if isinstance(c, Node)]
        sample = " ".join(table.text().split()[:2])
        line = where.line("<table", "|" if not sample else sample, sample)
        columns = max((len([c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]) for row in rows),
                       default=0)
        first_row = " | ".join(" ".join(cell.text().split()) for cell in first_cells)
        if len(rows) <= 1 or columns <= 1:
            add("table_layout", line, value=shortened(first_row, 40), detail=f"{len(rows)} x {columns}")
        if not any(cell.tag == "th" for cell in first_cells):
            add("table_no_header", line, value=shortened(first_row, 40))
        for cell in table.iter("th"):
            if not cell.text().strip():
                add("table_empty_header", line, value=shortened(first_row, 40))
                break

    # Plain language, abbreviations, times and numbers: text block by text block.
    where.position = 0
    # A list item's lead-in ("- **WhatsApp**: ...") is a label, not emphasis.
    emphasis = [node for node in root.iter("strong", "em", "b", "i", "mark")
                if not (node.parent and node.parent.tag in ("li", "dt")
                        and next((c for c in node.parent.children if not (isinstance(c, str) and not c.strip())), None) is node)]
    if len(emphasis) > limits.emphasis:
        first = " ".join(emphasis[limits.emphasis].text().split())
        add("too_much_emphasis", where.line(first, move=False), value=shortened(first), detail=len(emphasis),
            limit=limits.emphasis)
    seen_abbreviations: set[str] = set()
    for block in _blocks(root):
        text = " ".join(_visible_text(block).split())
        if not text:
            continue
        line = where.line(text[:60], text[:25])
        block_words = len(words(text))
        if block.tag in ("p", "li", "dd", "blockquote") and block_words > limits.paragraph_words:
            add("long_paragraph", line, value=shortened(text), detail=block_words, limit=limits.paragraph_words)
        for sentence in sentences(text):
            count = len(words(sentence))
            if count > limits.sentence_words:
                add("sentence_too_long", where.line(sentence[:40], move=False) if sentence[:40] else line,
                    value=shortened(sentence), detail=count, limit=limits.sentence_words)
        if block.tag in ("li", "h2", "h3", "h4", "h5", "h6", "p") and text and is_emoji(text[0]):
            add("emoji_bullet", line, value=shortened(text))
        calm = _plain_text_checks(text, line, "description", add, writing)
        _abbreviations(calm, lambda _: line, "description", add, writing, seen=seen_abbreviations)
        _times_and_phones(text, line, add, phones)
        time_ranges(text, lang, line, add)

    # The language of the description.
    if writing.detector is not None:
        plain = " ".join(_visible_text(root, skip_marked=True, nested_apart=False).split())
        if len(words(plain)) >= limits.language_words:
            detected = writing.detector(plain)
            if detected and detected != lang.split("-")[0]:
                add("description_language", body_line, value=detected, detail=lang)
    return sorted(found, key=lambda f: f.line)


def shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _alt_problems(alt: str, title: str, limits: WritingLimits):
    alt = alt.strip()
    if not alt:
        return
    first = (words(alt.lower()) or [""])[0]
    if FILE_NAME.match(alt):
        yield "alt_file_name", {"value": alt}
    elif URLISH.match(alt):
        yield "alt_url", {"value": shortened(alt)}
    elif first in GENERIC_ALT:
        yield "alt_generic", {"value": shortened(alt), "detail": first}
    if title and normal(alt) == normal(title):
        yield "alt_same_as_title", {"value": alt}
    if len(alt) > limits.alt_chars:
        yield "alt_too_long", {"value": shortened(alt), "detail": len(alt), "limit": limits.alt_chars}
    emoji = [c for c in alt if is_emoji(c)]
    if emoji:
        yield "alt_emoji", {"value": shortened(alt), "detail": "".join(emoji)}


def _plain_text_checks(text: str, line: int, where: str, add, writing: Writing) -> str:
    """Shouting and exclamations; returns the text without its shouted sentences (whose words are no
    abbreviations)."""
    calm = []
    for sentence in sentences(text):
        letters = [c for c in sentence if c.isalpha()]
        capital_words = [w for w in words(sentence) if len(w) > 1 and w.isupper()]
        if (len(letters) >= 12 and len(capital_words) >= 3 and all(not c.islower() for c in letters)):
            add("shouting", line, where, value=shortened(sentence))
        else:
            calm.append(sentence)
    match = EXCLAMATIONS.search(text)
    if match:
        add("exclamations", line, where, value=shortened(text[max(0, match.start() - 40): match.end()]))
    return " ".join(calm)


# Capitals that need no expansion: file types and sizes, which a link to a file names on purpose.
NOT_ABBREVIATIONS = set(FILE_TYPES.values()) | {"KB", "MB", "GB", "KIB", "MIB"}


def _abbreviations(text: str, line_of, where: str, add, writing: Writing, seen: set) -> None:
    known = writing.abbreviations
    for match in ABBREVIATION.finditer(text):
        word = match.group(0)
        if word in known or word in seen or word in NOT_ABBREVIATIONS or ROMAN.fullmatch(word):
            continue
        seen.add(word)
        add("unknown_abbreviation", line_of(word), where, value=word)


def time_ranges(text: str, lang: str, line: int, add, where: str = "description") -> None:
    """Each range of times written with a dash, and how to write it: with the word the site's pages use between
    two times in that language (sampai, to, nganti)."""
    word = site_word("sampai", lang)
    for match in TIME_RANGE.finditer(text):
        add("time_range_dash", line, where, value=match.group(0), detail=f"{match.group(1)} {word} {match.group(2)}")


def _times_and_phones(text: str, line: int, add, phones: set[str]) -> None:
    for sentence in sentences(text):
        for match in TIME.finditer(sentence):
            before = sentence[max(0, match.start() - 12): match.start()]
            after = sentence[match.end():]
            keyword = re.search(r"(?<!\w)(pukul|jam|pk\.?|at|from|until|to|sampai|hingga|s\.d\.|s/d|[-–])\s*$",
                                before, re.IGNORECASE)
            looks_like_time = keyword or re.match(r"\s*(?:[-–]|sampai|hingga|s\.d\.|to|until)\s*\d"
                                                  r"|\s?(?:am|pm|a\.m\.|p\.m\.|pagi|siang|sore|malam)(?!\w)",
                                                  after, re.IGNORECASE)
            if looks_like_time and not ZONES.search(after[:40]):
                start = match.start() - (len(before) - keyword.start()) if keyword else match.start()
                add("time_without_zone", line, value=sentence[start: match.end()].strip())
                break
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        digits = "62" + digits[1:] if digits.startswith("0") else digits
        if digits not in phones:
            add("phone_in_prose", line, value=match.group(0).strip())


def _blocks(root: Node):
    """The text blocks of a description, in order: paragraphs, list items, cells, headings, captions."""
    for node in root.iter():
        if node.tag in BLOCKS or node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            if node.tag in ("li", "dd", "blockquote") and any(child.tag in ("p",) for child in node.iter()):
                continue  # its paragraphs are blocks of their own
            yield node


def _visible_text(node: Node, skip_marked: bool = False, nested_apart: bool = True) -> str:
    """The words a reader meets: no code, no nested lists or tables (each block is checked on its own), and, for
    telling the language apart, no phrase already marked as another language."""
    parts = []
    apart = ("code", "pre", "ul", "ol", "table", "dl") if nested_apart else ("code", "pre")
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag in apart or (skip_marked and child.attrs.get("lang")):
            parts.append(" ")
        else:
            parts.append(" " if child.tag in BLOCKS | {"br", "h1", "h2", "h3", "h4", "h5", "h6"} else "")
            parts.append(_visible_text(child, skip_marked, nested_apart))
    return "".join(parts)


# -- abbreviations written out -------------------------------------------------------------------------------------

_TAG = re.compile(r"(<[^>]*>)")
_NOT_HERE = {"a", "abbr", "code", "pre", "kbd", "samp"}


def expand_abbreviations(html: str, lang: str, abbreviations: dict, fallback: str = "id") -> str:
    """The first use of each known abbreviation in a description as <abbr> with its expansion written out after
    it, "BLK (Balai Latihan Kerja)", unless the text already spells it out. Not inside links or code."""
    if not abbreviations:
        return html
    import html as html_module

    written = sorted((word for word, expansions in abbreviations.items() if expansions), key=len, reverse=True)
    if not written:
        return html
    known = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, written)) + r")(?![\w-])")
    plain = html_module.unescape(_TAG.sub(" ", html)).lower()
    done: set[str] = set()
    inside: list[str] = []
    out = []
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in _NOT_HERE:
                if part.startswith("</"):
                    if inside and inside[-1] == name.group(1).lower():
                        inside.pop()
                elif not part.endswith("/>"):
                    inside.append(name.group(1).lower())
            out.append(part)
            continue
        if inside:
            out.append(part)
            continue

        def written_out(match):
            word = match.group(0)
            expansions = abbreviations.get(word)
            if not expansions or word in done:
                return word
            done.add(word)
            expansion = expansions.get(lang) or expansions.get(lang.split("-")[0]) or expansions.get(fallback)
            if not expansion:
                return word
            title = html_module.escape(expansion, quote=True)
            if expansion.lower() in plain:
                return f'<abbr title="{title}">{word}</abbr>'
            return f'<abbr title="{title}">{word}</abbr> ({html_module.escape(expansion, quote=False)})'

        out.append(known.sub(written_out, part))
    return "".join(out)


# -- the site's lists and the language guess ---------------------------------------------------------------------

# Data files in content/data/ that these rules read, besides the vocabularies; both may be left out.
WRITING_DATA = ("abbreviations", "link_words")


def load_lists(data_dir: Path, shown, main_lang: str, problems: list, limits) -> tuple[dict, dict]:
    """The abbreviations ({"BLK": {"id": "Balai Latihan Kerja", ...}}) and the site's own vague link texts."""
    from .data import read_data_tree
    from .frontmatter import Mapping, Sequence

    abbreviations: dict[str, dict[str, str]] = {}
    path = data_dir / "abbreviations.yaml"
    tree_ = read_data_tree(path, shown(path), problems, limits)
    for word, value in (tree_ or {}).items():
        line = tree_.line_of(word)
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]{1,11}", str(word)):
            problems.append(_data_problem(shown(path), line, word, N_("singkatan yang diawali huruf besar, 2 sampai 12 huruf atau angka"),
                                          "BLK: {id: Balai Latihan Kerja, en: vocational training centre}"))
            continue
        if value is None:
            abbreviations[str(word)] = {}  # capitals that are not an abbreviation: known, never written out
        elif isinstance(value, Mapping) and all(isinstance(v, str) and v.strip() for v in value.values()) and value:
            abbreviations[str(word)] = {str(k): " ".join(str(v).split()) for k, v in value.items()}
        elif isinstance(value, str) and value.strip():
            abbreviations[str(word)] = {main_lang: " ".join(value.split())}
        else:
            problems.append(_data_problem(shown(path), line, word, N_("kepanjangan per bahasa"),
                                          f"{word}: {{id: ..., en: ...}}"))
    vague = {lang: list(phrases) for lang, phrases in VAGUE_LINKS.items()}
    path = data_dir / "link_words.yaml"
    tree_ = read_data_tree(path, shown(path), problems, limits)
    for lang, phrases in (tree_ or {}).items():
        if not isinstance(phrases, Sequence) or not all(isinstance(p, str) and p.strip() for p in phrases):
            problems.append(_data_problem(shown(path), tree_.line_of(lang), lang, N_("daftar teks tautan per bahasa"),
                                          "id: [cek di sini, lihat di sini]"))
            continue
        vague.setdefault(str(lang), []).extend(str(p) for p in phrases)
    return abbreviations, vague


def _data_problem(path, line, field_, expected, example):
    from .i18n import Msg
    from .messages import Problem

    return Problem(path, line, str(field_), "writing_data", {"value": Path(path).name, "expected": Msg(expected),
                                                             "example": example})


class LanguageGuess:
    """The language of a text, told apart among the site's languages by py3langid, loaded only when a text is new;
    guesses are kept in a small cache file, so that an unchanged catalog is checked without loading the model."""

    def __init__(self, languages, cache_file: Path | None, confidence: float = 0.9):
        self.languages = sorted(set(languages))
        self.cache_file = cache_file
        self.confidence = confidence
        self.model = None
        self.cache: dict[str, str] = {}
        self.changed = False
        if cache_file and cache_file.is_file():
            import json

            try:
                cached = json.loads(cache_file.read_text(encoding="utf-8"))
                self.cache = {str(k): str(v) for k, v in cached.items()} if isinstance(cached, dict) else {}
            except (ValueError, OSError):
                self.cache = {}  # a damaged cache only costs time

    @classmethod
    def for_site(cls, languages, cache_file: Path | None) -> "LanguageGuess | None":
        import importlib.util

        if importlib.util.find_spec("py3langid") is None:  # not installed: the rule is skipped
            return None
        known = [lang.split("-")[0] for lang in languages if lang.split("-")[0] in _MODEL_LANGUAGES]
        return cls(known, cache_file) if len(set(known)) > 1 else None

    def __call__(self, text: str) -> str | None:
        import hashlib

        key = hashlib.sha256((",".join(self.languages) + "\n" + text).encode("utf-8")).hexdigest()[:32]
        if key not in self.cache:
            if self.model is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                self.model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                self.model.set_languages(self.languages)
            lang, probability = self.model.classify(text)
            self.cache[key] = lang if probability >= self.confidence else ""
            self.changed = True
        return self.cache[key] or None

    def save(self) -> None:
        if not (self.changed and self.cache_file):
            return
        import json
        import os

        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.cache_file.with_name(self.cache_file.name + f".{os.getpid()}")
            temporary.write_text(json.dumps(self.cache, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.cache_file)
        except OSError:
            pass  # a cache that cannot be written only costs time


# The languages py3langid's model knows (its README); a site language outside it is not guessed.
_MODEL_LANGUAGES = set(
    "ace af am an ar ary arz as az ba bcl be bg bn br bs ca crh cs cy da de dz el en eo es et eu ext fa fi fo fr fuv "
    "fy ga gcf gcr gd gl gom grc gu gug guw ha hbo he hi hr ht hu hy id ig is it ja jv ka kab kik kk km kn ko ku ky "
    "la lb lg lij ln lo lt ltg lv mg mk ml mn mr ms mt my ne nl nn no nso oc om or pa pcm pl ps pt qu ro ru rw sa sdh "
    "se si sk sl sn so sq sr st sv sw ta te tg th tk tl tr tt ug uk ur uz uzs vec vi vo wa wuu xh yo yue zh zu".split())
