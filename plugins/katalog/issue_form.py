"""A program proposed through GitHub: the issue form made from the questions and the site's vocabularies, the
template program for those who copy by hand, and the conversion of a submitted issue into a program file.

    python -m katalog.issue_form write content -s pelicanconf.py          (make docs)
    python -m katalog.issue_form convert content --issue BODY --report REPORT -s pelicanconf.py   (make proposal)
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml
from pelican.settings import read_settings

from .catalog import load_catalog
from .failure import CONTENT_PROBLEM, INTERRUPTED
from .i18n import N_, translate
from .messages import format_report, frame
from .proposal import QUESTIONS, Workshop, options, parse_answer, program_text, slugify, unique_folder

FORM = Path(".github/ISSUE_TEMPLATE/usulkan-program.yml")
TEMPLATE = Path("docs/templat-program/id.md")
LABEL = "usulan-program"
NO_RESPONSE = ("_No response_", "None")  # what GitHub writes for an empty field or an unchosen dropdown
GENERATED = ("# Dibuat dari pertanyaan di plugins/katalog/proposal.py dan data di content/data. Jangan diubah di sini:\n"
             "# ubah datanya; alur kerja «Perbarui formulir» menulis berkas ini lagi (atau jalankan make docs).\n")
TEXTS = {
    "name": N_("Usulkan program"),
    "about": N_("Usulkan program baru untuk katalog tanpa perlu tahu format berkasnya."),
    "title": N_("[Usulan program]: "),
    "intro": N_("Isi formulir ini untuk mengusulkan program. Setelah dikirim, pemeriksaan otomatis membuat "
                "berkas programnya dan membuka pull request, atau membalas di sini jika ada yang perlu diperbaiki. "
                "Tanggal dan jam ditulis seperti biasa, misalnya 7 Desember 2026 09.00."),
    "ok": N_("Usulan ini sudah menjadi berkas program {path} dan lolos pemeriksaan. Pull request untuknya dibuka; "
             "setelah digabung (merge), program tampil di situs."),
    "failed": N_("Usulan ini belum bisa dijadikan program. Sunting usulan ini (menu ··· lalu Edit) dan perbaiki yang "
                 "disebut di bawah; pemeriksaan berjalan lagi setelah disimpan."),
    "repeat_choices": N_("Pilihan: {choices}."),
    "not_form": N_("Isi usulan tidak berbentuk formulir «Usulkan program»: bagian «{label}» tidak ditemukan."),
}


def _options(question, vocabularies, lang) -> list[str]:
    """Dropdown options as the form shows them: "Label (code)" for vocabularies, the label for the rest."""
    if question.kind in ("choice", "choices"):
        return [f"{label} ({code})" for code, label in options(question, vocabularies, lang)]
    return [label for _, label in options(question, vocabularies, lang)]


def form(vocabularies: dict, lang: str) -> dict:
    """The GitHub issue form: one field per question, dropdowns from the vocabularies."""
    t = lambda text: translate(text, lang)  # noqa: E731
    body = [{"type": "markdown", "attributes": {"value": t(TEXTS["intro"])}}]
    for question in QUESTIONS:
        attributes = {"label": t(question.label)}
        if question.hint:
            attributes["description"] = t(question.hint)
        if question.kind == "repeat":  # a list to pick from, and words as a program file takes them
            kind = "input"
            attributes["description"] = (t(question.hint) + " " + t(TEXTS["repeat_choices"]).format(
                choices=", ".join(f"«{label}»" for label in _options(question, vocabularies, lang))))
            attributes["placeholder"] = question.example
        elif question.kind in ("choice", "choices", "yes_no"):
            kind = "dropdown"
            attributes["options"] = _options(question, vocabularies, lang)
            if question.kind == "choices":
                attributes["multiple"] = True
        elif question.kind == "long_text":
            kind = "textarea"
        else:
            kind = "input"
            if question.example:
                attributes["placeholder"] = question.example
        body.append({"type": kind, "id": question.key, "attributes": attributes,
                     "validations": {"required": bool(question.required)}})
    return {"name": t(TEXTS["name"]), "description": t(TEXTS["about"]), "title": t(TEXTS["title"]),
            "labels": [LABEL], "body": body}


def form_text(vocabularies: dict, lang: str) -> str:
    return GENERATED + yaml.safe_dump(form(vocabularies, lang), allow_unicode=True, sort_keys=False, width=120)


def template_text(workshop: Workshop) -> str:
    """A program to copy by hand: the examples of the questions, in the site's own vocabularies, with every optional
    field as a commented hint."""
    answers = dict(workshop.defaults)
    for question in QUESTIONS:
        if question.example and question.kind not in ("count",):
            answers[question.key] = question.example
    answers.update({"repeat": "week", "count": "4", "whatsapp": "0812-3456-7890", "walk_in": True, "form": "",
                    "description": "Tulis di sini apa yang dipelajari, siapa pengajarnya, dan apa yang perlu "
                                   "dibawa peserta.\n\nParagraf baru dipisahkan satu baris kosong."})
    guide = ("<!-- Salin folder ini ke content/programs/, ganti namanya (huruf kecil dan tanda hubung, misalnya\n"
             "     kelas-menjahit), lalu ubah isinya. Baris yang diawali # adalah kolom pilihan: hapus tanda #\n"
             "     untuk memakainya. Penjelasan setiap kolom: docs/panduan.md. -->\n")
    text = program_text(answers, workshop.ks["KATALOG_MAIN_LANG"], workshop.vocabularies)
    return text + "\n" + guide


def sections(body: str) -> dict[str, str]:
    """An issue made from a form: its "### Label" headings and the text under each."""
    found: dict[str, str] = {}
    label = None
    lines: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.startswith("### "):
            if label is not None:
                found[label] = "\n".join(lines).strip()
            label, lines = line[4:].strip(), []
        elif label is not None:
            lines.append(line)
    if label is not None:
        found[label] = "\n".join(lines).strip()
    return {key: ("" if value in NO_RESPONSE else value) for key, value in found.items()}


def markdown_text(text: str) -> str:
    """Text from an answer or a message, shown as text in a Markdown comment (never as markup)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+|!~@])", r"\\\1", " ".join(str(text).split()))


def _reported(label: str, texts: tuple[str, str, str], lang: str) -> list[str]:
    """One problem in the report: what is wrong, then, as the build's report says it, what was expected and how to
    fix it, with its example."""
    what, expected, fix = texts
    lines = [f"- {label}{markdown_text(what)}"]
    for key, text in (("expected", expected), ("fix", fix)):
        if text:
            lines.append(f"  - {frame(key, lang)}: {markdown_text(text)}")
    return lines


def convert(body: str, content: Path, workshop: Workshop) -> tuple[Path | None, str]:
    """The program file a submitted form makes (written into content), or None; and the report to post."""
    lang = workshop.lang
    given = sections(body)
    answers, problems = {}, {}
    for question in QUESTIONS:
        label = translate(question.label, lang)
        if label not in given:
            problems[question.key] = [(translate(TEXTS["not_form"], lang).format(label=label), "", "")]
            continue
        value, error = parse_answer(question, given[label], workshop.vocabularies, lang)
        if error:
            problems[question.key] = [(error, "", "")]
        else:
            answers[question.key] = value
    # The answers that could be read are checked together, so that every mistake shows in the first round.
    text, found = workshop.check(answers)
    for key, found_problems in found.items():
        if key in answers and key not in problems:
            problems[key] = [problem.texts(lang) for problem in found_problems]
    if problems:
        lines = [translate(TEXTS["failed"], lang), ""]
        for question in QUESTIONS:
            for texts in problems.get(question.key, []):
                lines += _reported(f"**{markdown_text(translate(question.label, lang))}**: ", texts, lang)
        return None, "\n".join(lines) + "\n"
    folder = unique_folder(content / workshop.ks["KATALOG_PROGRAM_DIR"], slugify(answers["title"]))
    folder.mkdir(parents=True)
    path = folder / f"{workshop.ks['KATALOG_MAIN_LANG']}.md"
    path.write_text(text, encoding="utf-8")
    # With the rest of the catalog too (a clash with another program, say): as the pull request will be checked.
    catalog = load_catalog(content, workshop.settings)
    mine = [p for p in catalog.problems + catalog.warnings if Path(p.path).resolve().parent == folder.resolve()]
    if mine:
        shutil.rmtree(folder)
        lines = [translate(TEXTS["failed"], lang), ""]
        for problem in mine:
            lines += _reported("", problem.texts(lang), lang)
        return None, "\n".join(lines) + "\n"
    shown = path.resolve().relative_to(content.resolve().parent).as_posix()
    return path, translate(TEXTS["ok"], lang).format(path=f"`{shown}`") + "\n"


def write_generated(content: Path, settings: dict, root: Path = Path(".")) -> list:
    """Writes the issue form and the template program from the content's data; the data's problems, if any."""
    workshop = Workshop(content, settings)
    try:
        if workshop.data_problems:
            return workshop.data_problems
        for path, text in ((FORM, form_text(workshop.vocabularies, workshop.ks["KATALOG_MAIN_LANG"])),
                           (TEMPLATE, template_text(workshop))):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        return []
    finally:
        workshop.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m katalog.issue_form", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "convert"))
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--root", default=".", help="where .github/ and docs/ are (write)")
    parser.add_argument("--issue", help="a file with the issue's body (convert)")
    parser.add_argument("--report", help="where the Markdown report goes (convert)")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    content = Path(args.content)
    if args.action == "write":
        problems = write_generated(content, settings, Path(args.root))
        if problems:
            sys.stderr.write(format_report(problems, settings.get("KATALOG_MESSAGE_LANG") or "id"))
            return CONTENT_PROBLEM
        return 0
    workshop = Workshop(content, settings)
    try:
        if workshop.data_problems:
            sys.stderr.write(format_report(workshop.data_problems, workshop.lang))
            return CONTENT_PROBLEM
        if not args.issue:
            parser.error("convert needs --issue")
        body = Path(args.issue).read_text(encoding="utf-8", errors="replace")
        path, report = convert(body, content, workshop)
        if args.report:
            Path(args.report).write_text(report, encoding="utf-8")
        sys.stdout.write(report)
        return 0 if path else CONTENT_PROBLEM
    except KeyboardInterrupt:
        return INTERRUPTED
    finally:
        workshop.close()


if __name__ == "__main__":
    sys.exit(main())
