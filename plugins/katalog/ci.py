"""Content problems where librarians look, when a build runs in GitHub Actions (GITHUB_ACTIONS=true).

Each problem is also printed as a workflow command (`::error file=...,line=...,title=...::...`), which GitHub
shows on the pull request's changed file at that line, in the librarian's language; and the job summary
($GITHUB_STEP_SUMMARY) gets the problems grouped by file, or, after a build that succeeded, the programs the
change added or touched with links to their pages.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .i18n import N_, translate
from .messages import Problem, frame

TEXTS = {
    "failed": N_("Situs tidak dibangun: {count} masalah di {files} berkas"),
    "warned": N_("{count} peringatan"),
    "built": N_("Situs dibangun: {programs} program, {pages} halaman"),
    "changed": N_("Program yang ditambah atau diubah"),
    "no_change": N_("Perubahan ini tidak menyentuh program mana pun."),
    "how_to_fix": N_("Perbaiki berkas yang disebut, lalu simpan (commit) lagi: pemeriksaan berjalan ulang sendiri."),
}


def active() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def workflow_data(text: str) -> str:
    """A workflow command's message: % and line breaks encoded, so that a message stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(path: str) -> str:
    """The file as GitHub names it: relative to the checkout (GITHUB_WORKSPACE), with forward slashes."""
    root = Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def annotations(problems: list[Problem], lang: str) -> str:
    """One workflow command per problem (errors) or warning, at its file and line."""
    commands = []
    for problem in problems:
        what, expected, fix = problem.texts(lang)
        kind = "warning" if problem.warning else "error"
        label = frame("warning" if problem.warning else "problem", lang)
        title = f"{label}: {frame('field', lang, field=problem.field)}" if problem.field else label
        where = [f"file={_property(repository_path(problem.path))}"]
        if problem.line:
            where.append(f"line={problem.line}")
        where.append(f"title={_property(title)}")
        message = f"{what}\n{frame('expected', lang)}: {expected}\n{frame('fix', lang)}: {fix}"
        commands.append(f"::{kind} {','.join(where)}::{workflow_data(message)}")
    return "".join(command + "\n" for command in commands)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+|!~])")


def _md(text: str) -> str:
    """Text from content, shown as text in the summary's Markdown (never as markup or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _by_file(problems: list[Problem], lang: str) -> list[str]:
    """Markdown lines: a heading per file, then each problem with where, what and how to fix it."""
    lines = []
    by_file: dict[str, list[Problem]] = {}
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        by_file.setdefault(repository_path(problem.path), []).append(problem)
    for path, found in by_file.items():
        lines.append(f"### `{path}`\n")
        for problem in found:
            what, expected, fix = problem.texts(lang)
            where = [frame("line", lang, line=problem.line)] if problem.line else []
            if problem.field:
                where.append(frame("field", lang, field=problem.field))
            label = frame("warning" if problem.warning else "problem", lang)
            place = f"{_md(', '.join(where))}: " if where else ""
            lines.append(f"- **{label}** {place}{_md(what)}<br>{_md(frame('fix', lang))}: {_md(fix)}")
        lines.append("")
    return lines


def problems_summary(problems: list[Problem], lang: str) -> str:
    """The problems in Markdown, grouped by file, each with where, what and how to fix it."""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    heading = []
    if errors:
        files = {p.path for p in errors}
        heading.append(translate(TEXTS["failed"], lang).format(count=len(errors), files=len(files)))
    if warnings:
        heading.append(translate(TEXTS["warned"], lang).format(count=len(warnings)))
    lines = [f"## {' · '.join(heading)}\n"]
    if errors:
        lines.append(f"{translate(TEXTS['how_to_fix'], lang)}\n")
    return "\n".join(lines + _by_file(problems, lang)) + "\n"


def success_summary(catalog, settings: dict, lang: str, pages: int) -> str:
    """After a build of `pages` HTML pages: how many programs, and the programs the change touched with links."""
    programs = len({p.key for p in catalog.programs})
    lines = [f"## {translate(TEXTS['built'], lang).format(programs=programs, pages=pages)}\n"]
    lines += _changed_programs(catalog, settings, lang)
    if catalog.warnings:
        lines.append(f"### {translate(TEXTS['warned'], lang).format(count=len(catalog.warnings))}\n")
        lines += [line.replace("### ", "#### ", 1) for line in _by_file(catalog.warnings, lang)]
    return "\n".join(lines) + "\n"


def _changed_programs(catalog, settings: dict, lang: str) -> list[str]:
    """Markdown lines: the programs whose files the change touched (KATALOG_CHANGED_FILES), linked in each language."""
    ks = catalog.settings
    changed = ks["KATALOG_CHANGED_FILES"]
    lines = []
    if changed is None:
        return lines
    changed = {os.path.realpath(path) for path in changed}
    touched = {}
    for program in catalog.programs:
        if os.path.realpath(getattr(program, "source_path", program.source)) in changed:
            touched.setdefault(program.key, []).append(program)
    if not touched:
        return [translate(TEXTS["no_change"], lang) + "\n"]
    lines.append(f"### {translate(TEXTS['changed'], lang)}\n")
    siteurls = settings.get("KATALOG_SITEURLS") or {ks["KATALOG_MAIN_LANG"]: settings.get("SITEURL", "")}
    article_url = settings.get("ARTICLE_URL", "{slug}.html")
    for key in sorted(touched):
        versions = sorted(touched[key], key=lambda p: (p.lang != ks["KATALOG_MAIN_LANG"], p.lang))
        links = []
        for program in versions:
            url = f"{siteurls.get(program.lang, '')}/{article_url.format(slug=program.slug, lang=program.lang)}"
            links.append(f"[{_md(program.title)}]({url.replace(' ', '%20').replace(')', '%29')}) ({program.lang})")
        lines.append("- " + " · ".join(links))
    lines.append("")
    return lines


def write_summary(markdown: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown)


def report_problems(problems: list[Problem], lang: str, *, summary: bool = True) -> None:
    """In GitHub Actions: annotations on stdout and, unless a later summary holds them, the job summary."""
    if not active() or not problems:
        return
    sys.stdout.write(annotations(problems, lang))
    sys.stdout.flush()
    if summary:
        write_summary(problems_summary(problems, lang))
