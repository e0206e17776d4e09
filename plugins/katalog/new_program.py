"""make new-program: asks a few questions (in the site's message language, Indonesian first), checks every answer as
it is given with the build's own checks, and writes content/programs/SLUG/<lang>.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pelican.settings import read_settings

from .failure import CONTENT_PROBLEM, INTERRUPTED
from .i18n import N_, translate
from .messages import format_report
from .proposal import QUESTIONS, Workshop, needs_count, options, parse_answer, slugify, unique_folder

TEXTS = {
    "intro": N_("Program baru. Jawab pertanyaan berikut; tekan Enter untuk melewati yang tidak wajib.\n"
                "Berhenti kapan saja dengan Ctrl-C: tidak ada yang ditulis."),
    "optional": N_("boleh kosong"),
    "example": N_("contoh: {example}"),
    "pick": N_("Tulis nomornya atau namanya"),
    "pick_many": N_("Tulis nomornya atau namanya, pisahkan dengan koma (misalnya 1, 3)"),
    "description": N_("Tulis beberapa baris; akhiri dengan satu baris kosong."),
    "written": N_("Program ditulis di {path}.\nLihat hasilnya dengan make serve, lalu lengkapi kolom yang diberi # bila perlu."),
    "stopped": N_("Dihentikan: tidak ada berkas yang ditulis."),
    "data": N_("Data situs di folder content/data punya masalah; perbaiki dulu:"),
    "again": N_("Coba lagi."),
}


def say(text: str = "") -> None:
    """One line to the person answering, at once (the questions of make new-program and make new-site)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def read_line(prompt: str) -> str:
    """The next line typed after the prompt; EOFError when there is none (Ctrl-D, or the input ran out)."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


def _prompt(question, workshop, lang: str) -> str:
    t = lambda text: translate(text, lang)  # noqa: E731
    lines = ["", translate(question.label, lang) + ("" if question.required else f" ({t(TEXTS['optional'])})")]
    if question.hint:
        lines.append("  " + translate(question.hint, lang))
    if question.kind in ("choice", "choices", "repeat"):
        for number, (code, label) in enumerate(options(question, workshop.vocabularies, lang), start=1):
            shown = question.kind != "repeat" and code != label.lower()
            lines.append(f"  {number}. {label}" + (f" ({code})" if shown else ""))
        lines.append("  " + t(TEXTS["pick_many"] if question.kind == "choices" else TEXTS["pick"]))
        if question.example:
            lines.append("  " + t(TEXTS["example"]).format(example=question.example))
    elif question.kind == "yes_no":
        lines.append("  1. " + t("Ya") + "   2. " + t("Tidak"))
    elif question.kind == "long_text":
        lines.append("  " + t(TEXTS["description"]))
    elif question.example:
        lines.append("  " + t(TEXTS["example"]).format(example=question.example))
    say("\n".join(lines))
    if question.kind == "long_text":
        body = []
        while True:
            line = read_line("> ")
            if not line.strip():
                return "\n".join(body)
            body.append(line)
    if question.kind == "yes_no":
        answer = read_line("> ").strip()
        return {"1": "ya", "2": "tidak"}.get(answer, answer)
    return read_line("> ")


def _problems_text(problems, lang: str) -> str:
    """What is wrong with an answer: the check's own words, without the file's line and field."""
    lines = []
    for problem in problems:
        what, expected, _ = problem.texts(lang)
        lines.append(f"  ! {what}")
        if expected:
            lines.append(f"    ({expected})")
    return "\n".join(lines)


def _signature(problem) -> tuple:
    return problem.code, problem.field, repr(sorted(problem.params.items(), key=lambda kv: kv[0]))


def interview(workshop: Workshop, lang: str) -> dict:
    """Asks every question in turn; an answer stays only when it brings no new problem, alone or with the others."""
    answers: dict = {}
    for question in QUESTIONS:
        if question.key == "count" and not needs_count(answers.get("repeat") or ""):
            continue
        while True:
            value, error = parse_answer(question, _prompt(question, workshop, lang), workshop.vocabularies, lang)
            if error is None:
                _, before = workshop.check(answers)
                known = {_signature(p) for key, found in before.items() if key in answers for p in found}
                answers[question.key] = value
                _, after = workshop.check(answers)
                new = [p for key, found in after.items() if key in answers for p in found
                       if _signature(p) not in known]
                if not new:
                    break
                del answers[question.key]
                say(_problems_text(new, lang))
            else:
                say(f"  ! {error}")
            say("  " + translate(TEXTS["again"], lang))
    return answers


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make new-program", description=__doc__)
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    content = Path(args.content)
    workshop = Workshop(content, settings)
    lang = workshop.lang
    try:
        if workshop.data_problems:
            sys.stderr.write(translate(TEXTS["data"], lang) + "\n\n" + format_report(workshop.data_problems, lang))
            return CONTENT_PROBLEM
        say(translate(TEXTS["intro"], lang))
        answers = interview(workshop, lang)
        text, found = workshop.check(answers)
        if found:  # every answer passed on its own; together they must too
            say(_problems_text([p for problems in found.values() for p in problems], lang))
            return CONTENT_PROBLEM
        folder = unique_folder(content / workshop.ks["KATALOG_PROGRAM_DIR"], slugify(answers["title"]))
        folder.mkdir(parents=True)
        path = folder / f"{workshop.ks['KATALOG_MAIN_LANG']}.md"
        path.write_text(text, encoding="utf-8")
        say("\n" + translate(TEXTS["written"], lang).format(path=path))
        return 0
    except (KeyboardInterrupt, EOFError):
        say("\n" + translate(TEXTS["stopped"], lang))
        return INTERRUPTED
    finally:
        workshop.close()


if __name__ == "__main__":
    sys.exit(main())
