"""One truth for every session: the model's state of a program and of each session on the build day (open, full,
cancelled, over) is what every page says, in every language, on several build days."""

from __future__ import annotations

from datetime import date

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import CONTENT, ROOT, get_settings, moment, run_pelican

# A day with a cancelled session in the coming week (Klinik Karier, 10 December) and sessions over earlier in the
# week; and a day after that cancelled session, during courses.
DAYS = ("2026-12-07", "2026-12-11")
LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
# Each state's one name, as the theme says it (macros.html status_text); translated from the catalogs.
STATE_WORDS = {"open": "Pendaftaran dibuka", "full": "Kuota penuh", "cancelled": "Dibatalkan", "over": "Sudah lewat"}


def words(lang: str) -> dict[str, str]:
    if lang == "id":
        return STATE_WORDS
    with open(ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {state: catalog[text].string for state, text in STATE_WORDS.items()}


@pytest.fixture(scope="module", params=DAYS)
def built_day(request, tmp_path_factory):
    output = tmp_path_factory.mktemp(f"day-{request.param}") / "out"
    result = run_pelican(CONTENT, output, env={"KATALOG_TODAY": request.param})
    assert result.returncode == 0, result.stderr
    return moment(request.param), output


@pytest.fixture(scope="module")
def programs():
    from katalog.catalog import load_catalog

    catalog = load_catalog(CONTENT, get_settings())
    return {p.slug: p for p in catalog.programs if p.lang == "id"}


def page(output, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_s_week_says_each_session_s_own_state(built_day, programs, lang):
    day, output = built_day
    said = words(lang)
    home = page(output, LANGUAGES[lang].rstrip("/") or ".")
    week = home.find(id="week-heading").parent
    checked = 0
    for heading in week.find_all("h3"):
        listed = heading.find_next_sibling("ul")
        for item in listed.find_all("li", recursive=False):
            slug = item.a["href"].rstrip("/").split("/")[-1]
            program = programs[slug]
            times = {t["datetime"] for t in item.find_all("time")}
            [session] = [s for s in program.sessions if s.start.isoformat() in times]
            state = program.session_state(session, day)
            assert said[state] in text(item), (day, lang, slug, session.start, state, text(item))
            for other in {"open", "cancelled"} - {state}:
                assert said[other] not in text(item), (day, lang, slug, session.start, other)
            checked += 1
    assert checked, "no session in the coming week"
    if day.date() == date(2026, 12, 7):  # the case: Klinik Karier on Thursday 10 December, cancelled
        klinik = [text(li) for li in week.find_all("li") if "/klinik-karier/" in li.a["href"]]
        assert klinik and all(said["cancelled"] in entry for entry in klinik), klinik


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_program_page_s_schedule_marks_sessions_over_and_cancelled(built_day, programs, lang):
    day, output = built_day
    said = words(lang)
    for slug, program in programs.items():
        schedule = page(output, f"{LANGUAGES[lang]}program/{slug}").find("ol", class_="sessions")
        items = schedule.find_all("li", recursive=False)
        assert len(items) == len(program.sessions), slug
        for item, session in zip(items, program.sessions):
            state = program.session_state(session, day)
            if program.state(day) in ("cancelled", "past"):
                # The page says so once, in its banner and title: no session repeats it as its own state.
                assert said["over"] not in text(item), (day, lang, slug, session.start)
                if program.state(day) == "cancelled":
                    assert said["cancelled"] + ":" not in text(item), (day, lang, slug, session.start)
                continue
            if len(program.sessions) > 1 or state in ("cancelled", "over"):
                for shown in ("cancelled", "over"):
                    assert (said[shown] in text(item)) == (state == shown), (day, lang, slug, session.start, state)


def test_the_summary_counts_the_sessions_to_come_and_says_which_are_cancelled(built_day, programs):
    day, output = built_day
    program = programs["klinik-karier"]
    summary = text(page(output, "program/klinik-karier").find("dl", class_="summary-list"))
    called_off = [s for s in program.sessions if s.cancelled and not s.is_over(day)]
    to_come = program.upcoming(day)
    if called_off:
        assert f"{len(called_off)} sesi dibatalkan" in summary, summary
    else:
        assert "dibatalkan" not in summary, summary
    if len(to_come) > 1:
        assert f"{len(to_come) - 1} sesi lain" in summary, summary
    assert all(not s.is_over(day) and not s.cancelled for s in to_come)
