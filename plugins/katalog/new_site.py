"""make new-site: turns a copy of the catalog into a library's own. Asks in the site's message language (or reads an
answers file, or the «Siapkan katalog» issue a librarian filled in on GitHub) for the library's facts, its places and
its partners, checks every answer with the build's own checks, then writes content/data/site.yaml, locations.yaml
and partners.yaml, removes every sample program, page and image, and writes the proposal form and the program
template again from the new data. With --dir, the same in a new thin repository (katalog.starter) instead of in place.

    python -m katalog.new_site content -s pelicanconf.py [--answers answers.yaml] [--dir path]
    python -m katalog.new_site content -s pelicanconf.py --issue body.md --report report.md
    python -m katalog.new_site --form          (make docs: the «Siapkan katalog» issue form from the questions)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pelican.settings import read_settings

from .catalog import load_catalog
from .data import VOCABULARIES
from .failure import CONTENT_PROBLEM, INTERRUPTED
from .frontmatter import Mapping, Sequence, SourceError, Text, decode, parse_yaml
from .i18n import N_, Msg, language_name, translate
from .issue_form import NO_RESPONSE, markdown_text, sections, write_generated
from .messages import Problem, format_report
from .new_program import read_line, say as _say
from .proposal import slugify
from .schedule import INDONESIAN_ZONES
from .site import SITE_FILE, read_site
from .starter import REQUIREMENT, generator_version, occupied, write_repository
from .writing import WRITING_DATA

# The answers, in the order they are asked. `where` is the field in the data files the answer becomes.
@dataclass(frozen=True)
class Question:
    key: str
    label: str
    example: str
    required: bool = False
    where: str = ""  # site.yaml's field (help.whatsapp), "locations" or "partners"
    form_label: str = ""  # the issue form's label, when its field says the rest (a dropdown, checkboxes)

    @property
    def in_form(self) -> str:
        return self.form_label or self.label


QUESTIONS = (
    Question("name", N_("Nama perpustakaan"), "Perpustakaan Desa Sukamaju", True, "name"),
    Question("short_name", N_("Nama pendek untuk kepala halaman (muat satu baris di ponsel)"), "Katalog Sukamaju",
             where="short_name"),
    Question("address", N_("Alamat perpustakaan"), "Jl. Merdeka No. 1, Sukamaju, Lampung Timur, Lampung 34375", True,
             "address"),
    Question("timezone", N_("Zona waktu: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau "
                            "Asia/Jayapura (WIT)"), "Asia/Jakarta", True, "timezone", N_("Zona waktu perpustakaan")),
    Question("whatsapp", N_("Nomor WhatsApp layanan"), "0812-3456-7890", where="help.whatsapp"),
    Question("phone", N_("Nomor telepon layanan"), "(0725) 41 234", where="help.phone"),
    Question("email", N_("Alamat surel layanan"), "perpustakaan@sukamaju.desa.id", where="help.email"),
    Question("hours", N_("Jam layanan"), "Senin sampai Sabtu, pukul 08.00 sampai 15.00 WIB", where="help.hours"),
    Question("languages", N_("Bahasa situs selain bahasa Indonesia (kode, dipisah koma; kosong: hanya bahasa "
                             "Indonesia)"), "en, jv", where="languages", form_label=N_("Bahasa situs selain bahasa Indonesia")),
)
NEED_PLACE = N_("setidaknya satu tempat kegiatan, dengan nama, alamat dan zona waktu")
TEXTS = {
    "intro": N_("Katalog baru untuk perpustakaan Anda. Jawab pertanyaan berikut; tekan Enter untuk melewati yang "
                "tidak wajib. Berhenti kapan saja dengan Ctrl-C: tidak ada yang diubah."),
    "optional": N_("boleh kosong"),
    "example": N_("contoh: {example}"),
    "place": N_("Tempat kegiatan ke-{number}: nama (kosong bila sudah semua)"),
    "place_address": N_("  alamatnya"),
    "place_zone": N_("  zona waktunya (kosong: sama dengan perpustakaan)"),
    "partner": N_("Mitra ke-{number}: nama (kosong bila sudah semua)"),
    "again": N_("Coba lagi."),
    "answers": N_("Jawaban di {path} belum bisa dipakai; perbaiki yang disebut, lalu jalankan lagi."),
    "done": N_("Katalog ini sekarang milik {name}: fakta di {site}, {places} tempat dan {partners} mitra. Program, "
               "halaman dan gambar contoh sudah dihapus ({removed} berkas).\nLangkah berikutnya: tambahkan program "
               "dengan make new-program (atau formulir «Usulkan program»), lalu lihat hasilnya dengan make serve."),
    "stopped": N_("Dihentikan: tidak ada yang diubah."),
    "no_content": N_("Folder isi katalog «{path}» tidak ada; jalankan make new-site dari folder katalog."),
    "own_already": N_("Katalog ini sudah milik {name}: {path} tidak lagi berkolom sample. make new-site menghapus "
                      "semua program; jalankan dengan AGAIN=1 hanya bila memang ingin mulai dari awal."),
    "dir_not_empty": N_("Folder «{path}» sudah berisi ({names}); pilih folder baru atau yang kosong."),
    "dir_done": N_("Repositori katalog baru ditulis di {path}, dengan mesin {requirement}.\nLangkah berikutnya: "
                   "masuk ke folder itu (cd {path}), jalankan make serve, lalu unggah ke repositori GitHub baru."),
}
# The «Siapkan katalog» issue form: the same questions, for librarians who only use a browser.
SETUP_FORM = Path(".github/ISSUE_TEMPLATE/siapkan-katalog.yml")
SETUP_LABEL = "siapkan-katalog"
FORM_TEXTS = {
    "name": N_("Siapkan katalog"),
    "about": N_("Jadikan katalog ini milik perpustakaan Anda: nama, alamat, kontak, tempat kegiatan, dan mitra."),
    "title": N_("[Siapkan katalog]: "),
    "intro": N_("Isi formulir ini sekali, saat memulai. Setelah dikirim, pemeriksaan otomatis membuka pull request "
                "yang menghapus semua contoh dan menulis fakta perpustakaan Anda, atau membalas di sini jika ada yang "
                "perlu diperbaiki."),
    "languages": N_("Bahasa Indonesia selalu terbit. Centang bahasa lain yang juga diterbitkan."),
    "places": N_("Tempat kegiatan"),
    "places_hint": N_("Satu tempat per baris: nama | alamat | zona waktu. Tempat pertama adalah gedung perpustakaan. "
                      "Zona waktu boleh dikosongkan bila sama dengan zona perpustakaan."),
    "partners": N_("Mitra"),
    "partners_hint": N_("Satu mitra per baris; kosongkan bila belum ada."),
    "ok": N_("Pull request yang menjadikan katalog ini milik {name} sudah dibuka: {places} tempat, {partners} mitra, "
             "semua contoh dihapus. Periksa isinya, lalu gabungkan (merge)."),
    "failed": N_("Jawaban ini belum bisa dipakai. Sunting isian ini (menu ··· lalu Edit) dan perbaiki yang disebut "
                 "di bawah; pemeriksaan berjalan lagi setelah disimpan."),
    "not_form": N_("Isian tidak berbentuk formulir «Siapkan katalog»: bagian «{label}» tidak ditemukan."),
}
# A zone written as its word in a place line (WIB is Asia/Jakarta, the first zone with that word).
ZONE_OF_WORD = {word: name for name, word in reversed(INDONESIAN_ZONES.items())}
FORM_HEADER = ("# Dibuat dari pertanyaan di plugins/katalog/new_site.py (make docs). Dihapus oleh make new-site: "
               "formulir ini hanya untuk memulai.\n")
SITE_HEADER = ("# Fakta perpustakaan: satu berkas untuk nama, alamat, kontak, bahasa, dan lisensi katalog.\n"
               "# Semua kolom dijelaskan di docs/panduan.md, «Fakta perpustakaan».\n")
LOCATIONS_HEADER = ("# Tempat kegiatan. Kode (di kiri) dipakai di kolom location program.\n"
                    "# timezone wajib: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura "
                    "(WIT).\n# branch: true untuk gedung perpustakaan sendiri (bukan tempat mitra).\n")
PARTNERS_HEADER = "# Mitra penyelenggara. Kode (di kiri) dipakai di kolom partners program.\n"


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _languages(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).replace(",", " ").split()
    return [str(item).strip() for item in items if str(item).strip()]


def _codes(names: list[str]) -> list[str]:
    """A code per name for the data files: its slug, made unique."""
    codes: list[str] = []
    for name in names:
        code, number = slugify(name), 2
        while code in codes:
            code, number = f"{slugify(name)}-{number}", number + 1
        codes.append(code)
    return codes


def data_files(answers: dict, site_languages: list[str]) -> dict[str, str]:
    """The texts of site.yaml, locations.yaml and partners.yaml made from the answers."""
    site: dict = {"name": _text(answers.get("name"))}
    for key in ("short_name", "address", "timezone"):
        if answers.get(key):
            site[key] = _text(answers[key])
    help_ = {key: _text(answers[key]) for key in ("whatsapp", "phone", "email", "hours") if answers.get(key)}
    if help_:
        site["help"] = help_
    wanted = _languages(answers.get("languages"))
    site["languages"] = {lang: "ya" if lang in wanted else "tidak"
                         for lang in dict.fromkeys([*site_languages, *wanted]) if lang != "id"}
    site["licence"] = "CC BY 4.0"
    site["host"] = "GitHub Pages"
    places = [p for p in answers.get("locations") or [] if isinstance(p, dict)]
    locations = {}
    for number, (code, place) in enumerate(zip(_codes([_text(p.get("name")) for p in places]), places)):
        entry = {"name": _text(place.get("name")), "address": _text(place.get("address")),
                 "timezone": _text(place.get("timezone") or answers.get("timezone"))}
        if place.get("branch", number == 0):  # the first place is the library's own building unless it says not
            entry["branch"] = True
        entry["accessibility"] = [str(f) for f in place.get("accessibility") or []]
        locations[code] = entry
    partners = {}
    given = [p if isinstance(p, dict) else {"name": p} for p in answers.get("partners") or []]
    for code, partner in zip(_codes([_text(p.get("name")) for p in given]), given):
        partners[code] = {"name": _text(partner.get("name"))}
        if partner.get("kind"):
            partners[code]["kind"] = _text(partner["kind"])

    def dump(value) -> str:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=120) if value else ""

    return {SITE_FILE: SITE_HEADER + dump(site), "locations.yaml": LOCATIONS_HEADER + dump(locations),
            "partners.yaml": PARTNERS_HEADER + dump(partners)}


def theme_languages(settings: dict) -> list[str]:
    """The languages the theme has catalogs for: the ones site.yaml offers to switch on."""
    return sorted(p.name for p in (Path(settings.get("THEME") or "theme") / "translations").glob("*") if p.is_dir())


def check(answers: dict, content: Path, settings: dict) -> list[Problem]:
    """What the build would say of the new data files, in a copy of the content folder's lists and no program."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "content"
        (trial / "data").mkdir(parents=True)
        data = content / (settings.get("KATALOG_DATA_DIR") or "data")
        for name in (*VOCABULARIES, *WRITING_DATA):
            if (data / f"{name}.yaml").is_file():
                shutil.copy2(data / f"{name}.yaml", trial / "data" / f"{name}.yaml")
        for name, text in data_files(answers, theme_languages(settings)).items():
            (trial / "data" / name).write_text(text, encoding="utf-8")
        catalog = load_catalog(trial, {**settings, "KATALOG_TODAY": None})
        found = [replace(p, path=p.path.replace(str(trial), str(content))) for p in catalog.problems]
    if not [p for p in answers.get("locations") or [] if isinstance(p, dict) and p.get("name")]:
        found.append(Problem(str(content / "data" / "locations.yaml"), None, "locations", "missing",
                             {"expected": Msg(NEED_PLACE),
                              "example": "locations: [{name: Perpustakaan Desa Sukamaju, address: ..., "
                                         "timezone: Asia/Jakarta}]"}))
    return found


def answer_key(problem: Problem) -> str | None:
    """The answer a problem of the data files comes from: help.whatsapp is `whatsapp`, CODE.timezone in
    locations.yaml is `locations`."""
    name = Path(problem.path).name
    field = problem.field or ""
    if name == SITE_FILE:
        top = field.split(".")[0]
        return field.split(".")[1] if top == "help" and "." in field else top or None
    if name in ("locations.yaml", "partners.yaml"):
        return name.split(".")[0]
    return None


def read_answers(path: Path) -> tuple[dict, Mapping | None, list[Problem]]:
    """The answers file as plain values, its YAML tree (for lines), and what could not be read."""
    try:
        tree = parse_yaml(decode(path.read_bytes()))
    except SourceError as error:
        return {}, None, [Problem(str(path), error.line, error.field or None, error.code,
                                  {"detail": error.detail, "value": error.value})]
    except OSError as error:
        return {}, None, [Problem(str(path), None, None, "read_error", {"detail": error.strerror or str(error)})]
    if not isinstance(tree, Mapping):
        return {}, None, [Problem(str(path), 1, None, "front_matter_not_mapping")]
    known = {q.key for q in QUESTIONS} | {"locations", "partners"}
    problems = [Problem(str(path), tree.line_of(key), str(key), "unknown_field",
                        {"choices": ", ".join(sorted(known))}) for key in tree if key not in known]
    return _plain(tree), tree, problems


def _plain(value):
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (Sequence, list)):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, Text) else value


def apply(content: Path, answers: dict, settings: dict) -> int:
    """Writes the data files and removes the sample's programs, pages and images; the number of files removed."""
    data = content / (settings.get("KATALOG_DATA_DIR") or "data")
    for name, text in data_files(answers, theme_languages(settings)).items():
        (data / name).write_text(text, encoding="utf-8")
    removed = 0
    notice = content / "LICENSE.md"  # the sample's own licence note; the library's licence is in site.yaml
    if notice.is_file():
        notice.unlink()
        removed += 1
    for folder in (settings.get("KATALOG_PROGRAM_DIR") or "programs", settings.get("KATALOG_PAGE_DIR") or "pages",
                   settings.get("KATALOG_IMAGE_DIR") or "images"):
        path = content / folder
        if path.is_dir():
            removed += sum(1 for p in path.rglob("*") if p.is_file())
            shutil.rmtree(path)
        path.mkdir()
    return removed


def _read(prompt: str) -> str:
    return read_line(prompt).strip()


def interview(content: Path, settings: dict, lang: str) -> dict:
    """Asks every question in turn; an answer stays only when the build's checks find nothing wrong with it."""
    t = lambda text: translate(text, lang)  # noqa: E731
    answers: dict = {"locations": [{"name": "-", "address": "-"}]}  # a stand-in place while the facts are asked
    for question in QUESTIONS:
        while True:
            optional = "" if question.required else f" ({t(TEXTS['optional'])})"
            _say(f"\n{t(question.label)}{optional}\n  {t(TEXTS['example']).format(example=question.example)}")
            value = _read("> ")
            if not value and not question.required:
                break
            answers[question.key] = value
            found = [p for p in check(answers, content, settings) if answer_key(p) == question.key]
            if value and not found:
                break
            answers.pop(question.key, None)
            for problem in found or [Problem("", None, question.key, "missing", {"expected": "", "example": ""})]:
                _say(f"  ! {problem.texts(lang)[0]}")
            _say("  " + t(TEXTS["again"]))
    answers["locations"] = []
    while True:
        name = _read(f"\n{t(TEXTS['place']).format(number=len(answers['locations']) + 1)}\n> ")
        if not name:
            if answers["locations"]:
                break
            _say("  ! " + t(NEED_PLACE))
            continue
        place = {"name": name, "address": _read(t(TEXTS["place_address"]) + "\n> "),
                 "timezone": _read(t(TEXTS["place_zone"]) + "\n> ") or answers["timezone"]}
        answers["locations"].append(place)
        found = [p for p in check(answers, content, settings) if answer_key(p) == "locations"]
        if found:
            answers["locations"].pop()
            for problem in found:
                _say(f"  ! {problem.texts(lang)[0]}")
            _say("  " + t(TEXTS["again"]))
    answers["partners"] = []
    while name := _read(f"\n{t(TEXTS['partner']).format(number=len(answers['partners']) + 1)}\n> "):
        answers["partners"].append({"name": name})
    return answers


def form_labels(lang: str) -> dict[str, str]:
    """The «Siapkan katalog» form's label of each answer, by its key: what the form shows, the issue's headings
    are and a comment names."""
    labels = {q.key: translate(q.in_form, lang) for q in QUESTIONS}
    return {**labels, "locations": translate(FORM_TEXTS["places"], lang),
            "partners": translate(FORM_TEXTS["partners"], lang)}


def setup_form(lang: str, languages: list[str]) -> dict:
    """The «Siapkan katalog» issue form: the starter's questions, its places and its partners."""
    t = lambda text: translate(text, lang)  # noqa: E731
    labels = form_labels(lang)
    body: list[dict] = [{"type": "markdown", "attributes": {"value": t(FORM_TEXTS["intro"])}}]
    for question in QUESTIONS:
        attributes: dict = {"label": labels[question.key]}
        if question.key == "timezone":
            body.append({"type": "dropdown", "id": question.key, "attributes": {
                **attributes, "options": [f"{name} ({word})" for name, word in INDONESIAN_ZONES.items()]},
                "validations": {"required": True}})
        elif question.key == "languages":
            body.append({"type": "checkboxes", "id": question.key, "attributes": {
                **attributes, "description": t(FORM_TEXTS["languages"]),
                "options": [{"label": f"{language_name(code)} ({code})"} for code in languages if code != "id"]}})
        else:
            attributes["placeholder"] = question.example
            body.append({"type": "input", "id": question.key, "attributes": attributes,
                         "validations": {"required": question.required}})
    body.append({"type": "textarea", "id": "locations", "attributes": {
        "label": labels["locations"], "description": t(FORM_TEXTS["places_hint"]),
        "placeholder": "Perpustakaan Desa Sukamaju | Jl. Merdeka No. 1, Sukamaju | Asia/Jakarta"},
        "validations": {"required": True}})
    body.append({"type": "textarea", "id": "partners", "attributes": {
        "label": labels["partners"], "description": t(FORM_TEXTS["partners_hint"]),
        "placeholder": "Puskesmas Sukamaju"}})
    return {"name": t(FORM_TEXTS["name"]), "description": t(FORM_TEXTS["about"]), "title": t(FORM_TEXTS["title"]),
            "labels": [SETUP_LABEL], "body": body}


def setup_form_text(lang: str, languages: list[str]) -> str:
    return FORM_HEADER + yaml.safe_dump(setup_form(lang, languages), allow_unicode=True, sort_keys=False, width=120)


def issue_answers(body: str, lang: str) -> tuple[dict, dict[str, str]]:
    """The answers of a submitted «Siapkan katalog» issue, and the sections it lacks (by answer key)."""
    given = sections(body)
    answers: dict = {}
    missing: dict[str, str] = {}
    for key, label in form_labels(lang).items():
        if label not in given:
            missing[key] = translate(FORM_TEXTS["not_form"], lang).format(label=label)
            continue
        text = given[label]
        lines = [line.strip() for line in text.splitlines() if line.strip() and line.strip() not in NO_RESPONSE]
        if key == "timezone":
            answers[key] = text.split()[0] if text.split() else ""
        elif key == "languages":  # checkboxes: "- [X] English (en)"
            answers[key] = [line.rsplit("(", 1)[-1].rstrip(")").strip() for line in lines
                            if line.lower().startswith("- [x]") and "(" in line]
        elif key == "locations":
            places = []
            for line in lines:
                parts = [part.strip() for part in line.split("|")]
                place = {"name": parts[0], "address": parts[1] if len(parts) > 1 else ""}
                if len(parts) > 2 and parts[2]:
                    written = parts[2].split()[0]
                    place["timezone"] = ZONE_OF_WORD.get(written.upper(), written)
                places.append(place)
            answers[key] = places
        elif key == "partners":
            answers[key] = [{"name": line} for line in lines]
        elif text:
            answers[key] = text
    return answers, missing


def issue_report(missing: dict[str, str], problems: list[Problem], lang: str) -> str:
    """The comment on an issue whose answers cannot be used yet: each answer's label, then what to correct."""
    labels = form_labels(lang)
    lines = [translate(FORM_TEXTS["failed"], lang), ""]
    lines += [f"- **{markdown_text(labels[key])}**: {markdown_text(text)}" for key, text in missing.items()]
    for problem in problems:
        key = answer_key(problem)
        label = labels.get(key or "", Path(problem.path).name)
        lines.append(f"- **{markdown_text(label)}**: {markdown_text(problem.texts(lang)[0])}")
    return "\n".join(lines) + "\n"


def still_the_sample(content: Path, settings: dict) -> tuple[bool, str]:
    """Whether the content folder is still the sample (or has no site file yet); else the library's name."""
    path = content / (settings.get("KATALOG_DATA_DIR") or "data") / SITE_FILE
    if not path.is_file():
        return True, ""
    site = read_site(content, settings, [])
    return site.sample is not None, site.text("name", settings.get("DEFAULT_LANG") or "id") or str(path)


def _answers_problems(answers: dict, tree, path: Path, content: Path, settings: dict) -> list[Problem]:
    """The answers file's problems, each at the line of the answer it comes from."""
    problems = []
    for problem in check(answers, content, settings):
        key = answer_key(problem)
        line = tree.line_of(key) if tree is not None and key in tree else None
        problems.append(replace(problem, path=str(path), line=line, field=key or problem.field))
    return problems


def make_own(content: Path, answers: dict, settings: dict, root: Path) -> tuple[int, list[Problem]]:
    """The starter's changes: data files written, the sample removed, the generated forms written again, the
    «Siapkan katalog» form (only for starting) removed. The files removed, and any problem writing the forms."""
    removed = apply(content, answers, settings)
    problems = write_generated(content, settings, root)
    if (root / SETUP_FORM).is_file():
        (root / SETUP_FORM).unlink()
        removed += 1
    return removed, problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make new-site", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--answers", help="a YAML file with the answers instead of questions")
    parser.add_argument("--issue", help="the body of a «Siapkan katalog» issue, instead of questions")
    parser.add_argument("--report", help="where the Markdown comment on that issue goes")
    parser.add_argument("--dir", help="write a new thin repository there instead of changing this one")
    parser.add_argument("--requirement", help="the generator's line in the new repository's requirements.txt "
                                              f"(default: {REQUIREMENT})")
    parser.add_argument("--again", action="store_true", help="start again in a catalog already made its own")
    parser.add_argument("--root", default=".", help="the catalog's repository (its .github and docs)")
    parser.add_argument("--form", action="store_true", help="only write the «Siapkan katalog» issue form")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    lang = settings.get("KATALOG_MESSAGE_LANG") or settings.get("DEFAULT_LANG") or "id"
    content, root = Path(args.content), Path(args.root)
    if args.form:
        (root / SETUP_FORM).parent.mkdir(parents=True, exist_ok=True)
        (root / SETUP_FORM).write_text(setup_form_text(lang, theme_languages(settings)), encoding="utf-8")
        return 0

    def refuse(text: str) -> int:
        sys.stderr.write(text + "\n")
        if args.report:
            Path(args.report).write_text(markdown_text(text) + "\n", encoding="utf-8")
        return CONTENT_PROBLEM

    if not content.is_dir():
        return refuse(translate(TEXTS["no_content"], lang).format(path=content))
    sample, name = still_the_sample(content, settings)
    if not sample and not args.again:
        return refuse(translate(TEXTS["own_already"], lang).format(
            name=name, path=content / (settings.get("KATALOG_DATA_DIR") or "data") / SITE_FILE))
    target = Path(args.dir) if args.dir else None
    if target is not None and occupied(target):
        return refuse(translate(TEXTS["dir_not_empty"], lang).format(path=target, names=", ".join(occupied(target))))
    try:
        if args.issue:
            body = Path(args.issue).read_text(encoding="utf-8", errors="replace")
            answers, missing = issue_answers(body, lang)
            problems = [p for p in check(answers, content, settings) if answer_key(p) not in missing]
            if missing or problems:
                report = issue_report(missing, problems, lang)
                if args.report:
                    Path(args.report).write_text(report, encoding="utf-8")
                sys.stderr.write(report)
                return CONTENT_PROBLEM
        elif args.answers:
            path = Path(args.answers)
            answers, tree, problems = read_answers(path)
            if not problems:
                problems = _answers_problems(answers, tree, path, content, settings)
            if problems:
                sys.stderr.write(translate(TEXTS["answers"], lang).format(path=path) + "\n\n"
                                 + format_report(problems, lang))
                return CONTENT_PROBLEM
        else:
            _say(translate(TEXTS["intro"], lang))
            answers = interview(content, settings, lang)
        if target is not None:
            shutil.copytree(content, target / "content", ignore=shutil.ignore_patterns("__pycache__"))
            write_repository(target, args.requirement)
            content, root = target / "content", target
        removed, problems = make_own(content, answers, settings, root)
        if problems:  # cannot happen after the check above; said rather than hidden
            sys.stderr.write(format_report(problems, lang))
            return CONTENT_PROBLEM
        _say("\n" + translate(TEXTS["done"], lang).format(
            name=_text(answers["name"]), site=content / "data" / SITE_FILE, places=len(answers.get("locations") or []),
            partners=len(answers.get("partners") or []), removed=removed))
        if target is not None:
            _say(translate(TEXTS["dir_done"], lang).format(
                path=target, requirement=args.requirement or REQUIREMENT.format(version=generator_version())))
        if args.report:
            Path(args.report).write_text(translate(FORM_TEXTS["ok"], lang).format(
                name=markdown_text(_text(answers["name"])), places=len(answers.get("locations") or []),
                partners=len(answers.get("partners") or [])) + "\n", encoding="utf-8")
        return 0
    except (KeyboardInterrupt, EOFError):
        _say("\n" + translate(TEXTS["stopped"], lang))
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
