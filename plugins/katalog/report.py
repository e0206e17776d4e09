"""Command line: the library's activity report for a period, for social-inclusion (TPBIS) reporting.

python -m katalog.report content --from 2026-10-01 --to 2026-12-31 [-o laporan.csv]

Writes a CSV with one row per program held in the period (its held sessions: not skipped, not cancelled, not after
the end of the period or today) and prints a summary: programs and participants per category, per partner and per
audience, partnerships new in the period, participants with disabilities, and the programs still without a report.
The figures come from each program's `report` block; sessions held are counted from the schedule unless the block
says otherwise."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .catalog import Catalog
from .check import run
from .i18n import N_, Msg
from .model import ONLINE, Program
from .opendata import spreadsheet_safe
from .view import CatalogView

# The CSV's columns: a stable name, and the heading in the reader's language.
COLUMNS = (
    ("start", N_("Tanggal mulai")), ("end", N_("Tanggal selesai")), ("branch", N_("Cabang atau tempat")),
    ("program", N_("Program")), ("category", N_("Kategori (jenis keterampilan)")), ("audience", N_("Sasaran")),
    ("partners", N_("Mitra")), ("mode", N_("Moda")), ("sessions", N_("Sesi terlaksana")),
    ("participants", N_("Peserta")), ("women", N_("Perempuan")), ("men", N_("Laki-laki")),
    ("disability", N_("Penyandang disabilitas")), ("outcome", N_("Hasil")), ("reported", N_("Sudah dilaporkan")),
)
MODES = {"offline": N_("tatap muka"), "online": N_("daring"), "hybrid": N_("tatap muka dan daring")}


@dataclass
class Activity:
    program: Program
    held: list  # the sessions held in the period

    @property
    def sessions(self) -> int:
        """Sessions held: as the report says, else those the schedule shows held in the period."""
        report = self.program.report
        return report.sessions_held if report and report.sessions_held is not None else len(self.held)


def held_sessions(program: Program, start: date, end: date, now) -> list:
    """Sessions of the program held (Program.held) on the days of the period."""
    return [s for s in program.held(now) if start <= s.day <= end]


def activities(catalog: Catalog, start: date, end: date) -> list[Activity]:
    main = catalog.settings["KATALOG_MAIN_LANG"]
    now = catalog.settings["KATALOG_NOW"]
    found = []
    for program in catalog.programs:
        if program.lang != main:
            continue
        held = held_sessions(program, start, end, now)
        if held:
            found.append(Activity(program, held))
    return sorted(found, key=lambda a: (a.held[0].start.timestamp(), a.program.title))


def _place(view: CatalogView, program: Program) -> str:
    return Msg(N_("Daring")).render(view.lang) if program.location == ONLINE else view.label("locations", program.location)


def rows(catalog: Catalog, found: list[Activity], lang: str) -> list[dict]:
    view = CatalogView(catalog, lang)
    table = []
    for activity in found:
        program, report = activity.program, activity.program.report
        table.append({
            "start": activity.held[0].day.isoformat(), "end": activity.held[-1].day.isoformat(),
            "branch": _place(view, program), "program": program.title,
            "category": view.label("categories", program.category),
            "audience": "; ".join(view.label("audiences", c) for c in program.audiences),
            "partners": "; ".join(view.label("partners", c) for c in program.partners),
            "mode": Msg(MODES[program.mode]).render(lang),
            "sessions": activity.sessions,
            "participants": report.participants if report else "",
            "women": report.women if report and report.women is not None else "",
            "men": report.men if report and report.men is not None else "",
            "disability": report.disability if report and report.disability is not None else "",
            "outcome": report.outcome if report else "",
            "reported": Msg(N_("ya") if report else N_("belum")).render(lang),
        })
    return table


def report_csv(table: list[dict], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([Msg(heading).render(lang) for _, heading in COLUMNS])
    for row in table:
        writer.writerow([spreadsheet_safe(row[name]) for name, _ in COLUMNS])
    return out.getvalue()


def first_partnerships(catalog: Catalog) -> dict[str, date]:
    """The day each partner's first program with them was first held (over the whole catalog)."""
    main, now = catalog.settings["KATALOG_MAIN_LANG"], catalog.settings["KATALOG_NOW"]
    first: dict[str, date] = {}
    for program in catalog.programs:
        if program.lang != main:
            continue
        held = held_sessions(program, date.min, date.max, now)
        for code in program.partners if held else ():
            first[code] = min(first.get(code, date.max), held[0].day)
    return first


def group_line(name: str, items: list[Activity], say) -> str:
    """One group's programs and participants. Participants are counted only from reports: a program without one is
    "belum dilaporkan", never 0 (a zero copied into a report would read as nobody coming)."""
    reported = [a for a in items if a.program.report]
    people = sum(a.program.report.participants for a in reported)
    if not reported:
        return say(N_("{name}: {programs} program, peserta belum dilaporkan"), name=name, programs=len(items))
    if len(reported) < len(items):
        return say(N_("{name}: {programs} program, {participants} peserta dari {reported} program yang dilaporkan; "
                      "{missing} belum dilaporkan"), name=name, programs=len(items), participants=people,
                   reported=len(reported), missing=len(items) - len(reported))
    return say(N_("{name}: {programs} program, {participants} peserta"), name=name, programs=len(items),
               participants=people)


def summary(catalog: Catalog, found: list[Activity], start: date, end: date, lang: str) -> str:
    view = CatalogView(catalog, lang)

    def say(text, **values):
        return Msg(text, **values).render(lang)

    reported = [a for a in found if a.program.report]
    participants = sum(a.program.report.participants for a in reported)
    disability = sum(a.program.report.disability or 0 for a in reported)
    sessions = sum(a.sessions for a in found)
    lines = [say(N_("Laporan kegiatan {start} sampai {end}"), start=start.isoformat(), end=end.isoformat()), "",
             say(N_("Program terlaksana: {programs}; sesi terlaksana: {sessions}."), programs=len(found), sessions=sessions),
             say(N_("Peserta: {participants}, di antaranya {disability} penyandang disabilitas (dari {reported} program yang sudah dilaporkan)."),
                 participants=participants, disability=disability, reported=len(reported))
             if reported else say(N_("Peserta: belum dilaporkan (belum ada program yang dilaporkan)."))]

    def counts(title, groups: dict[str, list[Activity]]):
        lines.extend(["", say(title)])
        for name, items in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append("  " + group_line(name, items, say))

    by_category, by_partner, by_audience = {}, {}, {}
    for activity in found:
        program = activity.program
        by_category.setdefault(view.label("categories", program.category), []).append(activity)
        for code in program.partners:
            by_partner.setdefault(view.label("partners", code), []).append(activity)
        for code in program.audiences:
            by_audience.setdefault(view.label("audiences", code), []).append(activity)
    counts(N_("Per kategori:"), by_category)
    counts(N_("Per mitra:"), by_partner)
    counts(N_("Per sasaran:"), by_audience)
    new = sorted(view.label("partners", code) for code, day in first_partnerships(catalog).items()
                 if start <= day <= end)
    lines.extend(["", say(N_("Kemitraan baru dalam periode ini: {count}"), count=len(new))])
    lines.extend(f"  {name}" for name in new)
    missing = [a.program for a in found if not a.program.report]
    if missing:
        lines.extend(["", say(N_("Belum ada laporan (tambahkan bagian report di berkasnya):"))])
        lines.extend(f"  {p.source}" for p in missing)
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="start", required=True)
    parser.add_argument("--to", dest="end", required=True)
    parser.add_argument("-o", "--output")
    args, rest = parser.parse_known_args(argv)
    try:
        start, end = date.fromisoformat(args.start.strip()), date.fromisoformat(args.end.strip())
    except ValueError:
        sys.stderr.write(Msg(N_("FROM dan TO harus tanggal TTTT-BB-HH, misalnya make report FROM=2026-10-01 TO=2026-12-31.")).render("id") + "\n")
        return 2
    if end < start:
        sys.stderr.write(Msg(N_("TO ({end}) lebih awal dari FROM ({start})."), end=end, start=start).render("id") + "\n")
        return 2
    output = Path(args.output or f"laporan-kegiatan-{start.isoformat()}-{end.isoformat()}.csv")

    def write(catalog: Catalog, lang: str) -> str:
        found = activities(catalog, start, end)
        output.write_text(report_csv(rows(catalog, found, lang), lang), encoding="utf-8-sig", newline="")
        return summary(catalog, found, start, end, lang) + "\n" + Msg(N_("Tabel laporan: {path}"), path=str(output)).render(lang) + "\n"

    return run(rest, __doc__, write)


if __name__ == "__main__":
    sys.exit(main())
