"""The library's own facts (content/data/site.yaml), declared once: checked like every content file, put into the
settings before a build starts, and read by every page, feed and file that names the library."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .choices import LICENCE_CHOICES
from .data import Localized, Vocabulary, read_data_tree
from .i18n import N_, translate
from .limits import DEFAULT_LIMITS, Limits
from .messages import Problem
from .model import F, Parser, Phone

SITE_FILE = "site.yaml"

HELP_FIELDS = (
    F("whatsapp", "phone", "Nomor WhatsApp layanan perpustakaan.", '"0812-3456-7890"'),
    F("phone", "phone", "Nomor telepon layanan perpustakaan.", '"(0725) 41 234"'),
    F("email", "email", "Alamat surel layanan perpustakaan.", "perpustakaan@desa-sukamaju.id"),
    F("hours", "localized", "Jam layanan, dengan kata-kata; boleh per bahasa.",
      "Senin sampai Sabtu, pukul 08.00 sampai 15.00 WIB"),
)

SITE_FIELDS = (
    F("name", "localized", "Nama perpustakaan; boleh satu nama per bahasa, dengan kode bahasanya (id, en, jv).",
      "Perpustakaan Desa Sukamaju", required=True),
    F("short_name", "localized", "Nama pendek di kepala setiap halaman, agar muat satu baris di ponsel. Bawaan: name.",
      "Katalog Sukamaju"),
    F("catalog_name", "localized", "Judul katalog di beranda dan judul halaman. Bawaan: «Katalog Program» dan name.",
      "Katalog Program Perpustakaan Desa Sukamaju"),
    F("tagline", "localized", "Satu kalimat di bawah judul beranda. Bawaan: kalimat umum tentang program perpustakaan.",
      "Kelas dan pelatihan gratis untuk warga Sukamaju."),
    F("address", "text", "Alamat gedung utama perpustakaan.",
      "Jl. Merdeka No. 1, Sukamaju, Lampung Timur, Lampung 34375", required=True),
    F("timezone", "timezone", "Zona waktu IANA perpustakaan: Asia/Jakarta (WIB), Asia/Pontianak (WIB), "
      "Asia/Makassar (WITA) atau Asia/Jayapura (WIT).", "Asia/Jakarta", required=True),
    F("help", "group", "Cara menghubungi perpustakaan, tampil di setiap halaman; setidaknya satu nomor atau surel.",
      '{whatsapp: "0812-3456-7890", hours: Senin sampai Sabtu, pukul 08.00 sampai 15.00 WIB}', required=True,
      children=HELP_FIELDS),
    F("languages", "site_languages", "Bahasa situs selain bahasa Indonesia (yang selalu terbit): kode bahasa dan ya "
      "atau tidak. Bawaan: hanya bahasa Indonesia.", "{en: ya, jv: tidak}"),
    F("licence", "choice", "Lisensi isi katalog dan data terbukanya. Bawaan: CC BY 4.0.", "CC BY 4.0"),
    F("host", "choice", "Tempat situs diterbitkan. Bawaan: GitHub Pages.", "GitHub Pages"),
    F("sample", "date", "Hanya untuk contoh bawaan: hari yang ditulis untuk contoh. Situs dengan kolom ini "
      "menampilkan pemberitahuan «Contoh» dan tidak diterbitkan. Hapus kolom ini di katalog Anda sendiri.",
      "2026-11-23"),
)

@dataclass(frozen=True)
class Licence:
    code: str  # site.yaml's (LICENCE_CHOICES)
    spdx: str  # the SPDX identifier, for the open data
    short: str
    name: str
    url: str  # its deed


# What each licence lets others do is said by the open-data page, in the page's language.
LICENCES = {licence.code: licence for licence in (
    Licence("cc-by-4.0", "CC-BY-4.0", "CC BY 4.0", "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/"),
    Licence("cc-by-sa-4.0", "CC-BY-SA-4.0", "CC BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    Licence("cc0-1.0", "CC0-1.0", "CC0 1.0", "Creative Commons Zero 1.0 Universal",
            "https://creativecommons.org/publicdomain/zero/1.0/"),
)}
assert set(LICENCES) == {choice.code for choice in LICENCE_CHOICES}
CATALOG_NAME = N_("Katalog Program {name}")


@dataclass(frozen=True)
class Help:
    whatsapp: Phone | None = None
    phone: Phone | None = None
    email: str | None = None
    hours: Localized = field(default_factory=Localized)


@dataclass(frozen=True)
class Site:
    """What the library says of itself; every language's texts filled in (a missing one falls back)."""

    name: Localized
    short_name: Localized
    catalog_name: Localized
    tagline: Localized
    address: str
    timezone: str
    help: Help
    languages: tuple[str, ...]  # published, the main one first
    switched_off: tuple[str, ...] = ()  # written `tidak` in site.yaml: its files are kept but not published
    licence: str = "cc-by-4.0"
    host: str = "github-pages"
    sample: date | None = None

    def text(self, name: str, lang: str, fallbacks: tuple[str, ...] = ()) -> str:
        value = getattr(self, name)
        return value.get_text(lang, fallbacks) if isinstance(value, Localized) else str(value or "")

    @property
    def licence_terms(self) -> Licence:
        return LICENCES[self.licence]


def site_path(content_root: Path, settings: dict) -> Path:
    return Path(content_root) / (settings.get("KATALOG_DATA_DIR") or "data") / SITE_FILE


def read_site(content_root: Path, settings: dict, problems: list[Problem], shown=None,
              limits: Limits = DEFAULT_LIMITS) -> Site:
    """The site's facts, every problem in `problems`; what could not be read is left empty (the build stops then)."""
    path = site_path(content_root, settings)
    source = shown(path) if shown else str(path)
    main = settings.get("KATALOG_MAIN_LANG") or settings.get("DEFAULT_LANG") or "id"
    values: dict = {}
    tree = read_data_tree(path, source, problems, limits)
    if tree is None and not path.is_file() and not path.is_symlink():
        problems.append(Problem(source, None, None, "missing_site_file", {"example": example_site()}))
    elif tree is not None and not tree:
        problems.append(Problem(source, 1, None, "empty_data_file", {"example": example_site()}))
    elif tree is not None:
        parser_settings = {**settings, "KATALOG_MAIN_LANG": main}
        parser = Parser(source, {"languages": Vocabulary("languages", "")}, parser_settings, problems)
        values = parser.fields(tree, SITE_FIELDS)
        help_ = values.get("help") or {}
        if "help" in tree and not any(help_.get(k) for k in ("whatsapp", "phone", "email")):
            parser.problem(tree.line_of("help"), "help", "no_help_channel")
    return _site(values, main)


def _site(values: dict, main: str) -> Site:
    name = values.get("name") or Localized({main: ""})
    switches = values.get("languages") or {main: True}
    languages = tuple(lang for lang, on in switches.items() if on)
    catalog_name = values.get("catalog_name") or Localized()
    for lang in languages:  # the default title in each language the site is published in
        if not catalog_name.get(lang):
            catalog_name[lang] = translate(CATALOG_NAME, lang).format(name=name.get_text(lang, (main,)))
    help_ = values.get("help") or {}
    return Site(name=name, short_name=values.get("short_name") or name, catalog_name=catalog_name,
                tagline=values.get("tagline") or Localized(), address=values.get("address") or "",
                timezone=values.get("timezone") or "Asia/Jakarta",
                help=Help(help_.get("whatsapp"), help_.get("phone"), help_.get("email"),
                          help_.get("hours") or Localized()),
                languages=languages, switched_off=tuple(lang for lang, on in switches.items() if not on),
                licence=values.get("licence") or "cc-by-4.0", host=values.get("host") or "github-pages",
                sample=values.get("sample"))


def example_site() -> str:
    """The smallest site.yaml that builds, from the fields' own examples (shown when the file is missing)."""
    wanted = ("name", "address", "timezone", "help")
    return "; ".join(f"{spec.name}: {spec.example}" for spec in SITE_FIELDS if spec.name in wanted)


_APPLIED = "KATALOG_SITE_APPLIED"  # which site.yaml (path, size, time) KATALOG_SITE was read from


def apply_site(settings: dict, content_root=None, site: Site | None = None) -> Site:
    """Puts the site's facts into the settings of a build or a check (in place), once per content folder: the names
    in every language, the languages' sub-sites, the time zone and, for the sample, the day it is written for.
    Problems in site.yaml are not reported here but where the catalog is checked."""
    root = os.path.realpath(content_root or settings.get("PATH") or "content")
    try:
        stat = site_path(Path(root), settings).stat()
        mark = (root, stat.st_size, stat.st_mtime_ns)
    except OSError:
        mark = (root, None, None)
    if settings.get(_APPLIED) == mark:
        return settings["KATALOG_SITE"]
    main = settings.get("KATALOG_MAIN_LANG") or settings.get("DEFAULT_LANG") or "id"
    site = site or read_site(Path(root), settings, [])
    settings["SITENAME"] = site.text("catalog_name", main)
    settings["AUTHOR"] = site.text("name", main)
    settings["KATALOG_SHORT_NAME"] = site.text("short_name", main)
    subsites = {}
    for lang in site.languages[1:]:
        given = dict((settings.get("I18N_SUBSITES") or {}).get(lang) or {})
        given.update(SITENAME=site.text("catalog_name", lang, (main,)), AUTHOR=site.text("name", lang, (main,)),
                     KATALOG_SHORT_NAME=site.text("short_name", lang, (main,)))
        subsites[lang] = given
    settings["I18N_SUBSITES"] = subsites
    settings["KATALOG_TIMEZONE"] = settings["TIMEZONE"] = site.timezone
    settings["KATALOG_SITE"] = site
    if site.sample and not settings.get("KATALOG_TODAY"):
        settings["KATALOG_TODAY"] = site.sample.isoformat()
    settings[_APPLIED] = mark
    return site
