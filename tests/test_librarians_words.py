"""A program written in the words librarians use: Indonesian choices, labels instead of codes, counts with
their unit, amounts in rupiah as people write them. The build reads them; the file stays as it was written."""

from __future__ import annotations

import pytest

from conftest import VALID_PROGRAM, assert_no_traceback, run_pelican, with_sessions


def loaded(content, text):
    path = content.program("kelas-uji", text)
    catalog = content.load()
    assert path.read_text(encoding="utf-8") == text, "the librarian's file is never rewritten"
    return catalog


def program_of(content, text):
    catalog = loaded(content, text)
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    (item,) = catalog.programs
    return getattr(item, "program", item)


def only_problem(content, text):
    catalog = loaded(content, text)
    assert len(catalog.problems) == 1, [p.format("id") for p in catalog.problems]
    return catalog.problems[0]


@pytest.mark.parametrize("written, code", [
    ("buka", "open"), ("Buka", "open"), ("dibuka", "open"), ("open", "open"), ("OPEN", "open"),
    ("penuh", "full"), ("Full", "full"), ("batal", "cancelled"), ("dibatalkan", "cancelled"),
    ("cancelled", "cancelled"), ("selesai", "finished"), ("Finished", "finished"),
])
def test_status_in_indonesian_or_english_any_case(content, written, code):
    text = VALID_PROGRAM.replace("status: open", f"status: {written}")
    assert program_of(content, text).status == code


@pytest.mark.parametrize("written, code", [
    ("tatap muka", "offline"), ("Tatap Muka", "offline"), ("luring", "offline"), ("offline", "offline"),
    ("daring", "online"), ("Online", "online"), ("hibrida", "hybrid"), ("hybrid", "hybrid"),
])
def test_mode_in_indonesian_or_english_any_case(content, written, code):
    text = VALID_PROGRAM.replace("status: open", f"status: open\nmode: {written}")
    assert program_of(content, text).mode == code


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unknown_status_lists_both_words_and_points_at_no_file(content, lang):
    problem = only_problem(content, VALID_PROGRAM.replace("status: open", "status: bukak"))
    message = problem.format(lang)
    assert problem.code == "unknown_choice" and problem.field == "status"
    assert "buka (open)" in message and "penuh (full)" in message and "selesai (finished)" in message
    assert "«buka (open)»" in message, "the nearest choice is suggested"
    assert "docs/panduan.md" not in message and ".yaml" not in message, message
    if lang == "en":
        assert "is not one of the choices for the field «status»" in message


@pytest.mark.parametrize("written, codes", [
    ("[Umum]", ("umum",)), ("[LANSIA]", ("lansia",)), ("[Masyarakat umum]", ("umum",)),
    ("[Older people]", ("lansia",)), ("[wong sepuh]", ("lansia",)), ("[Pencari Kerja, umum]", ("pencari-kerja", "umum")),
    ("[pencari kerja]", ("pencari-kerja",)),
])
def test_audience_by_its_code_in_any_case_or_its_label_in_any_site_language(content, written, codes):
    text = VALID_PROGRAM.replace("audience: [lansia]", f"audience: {written}")
    assert program_of(content, text).audiences == codes


@pytest.mark.parametrize("written, code", [
    ("kursi roda", "akses-kursi-roda"), ("Juru bahasa isyarat (BISINDO)", "juru-bahasa-isyarat"),
    ("Live captions", "teks-langsung"), ("toilet aksesibel", "toilet-aksesibel"),
])
def test_accessibility_feature_by_a_label_that_matches_one_feature(content, written, code):
    text = VALID_PROGRAM.replace("status: open", f"status: open\naccessibility:\n  features: [{written}]")
    assert program_of(content, text).accessibility.features == (code,)


@pytest.mark.parametrize("old, new, written", [
    ("audience: [lansia]", "audience: [orang]", "orang"),  # in "Orang tua" only, yet it means people in general
    ("status: open", "status: open\naccessibility:\n  features: [kursi]", "kursi"),
    ("status: open", "status: open\naccessibility:\n  features: [akses]", "akses"),
])
def test_one_word_of_a_label_is_too_little_to_guess_from(content, old, new, written):
    problem = only_problem(content, VALID_PROGRAM.replace(old, new))
    assert problem.code == "unknown_value" and f"«{written}»" in problem.format("id")


def test_partner_and_location_by_name(content):
    text = (VALID_PROGRAM.replace("partners: [blk-pesisir]", "partners: [Balai Latihan Kerja Pesisir]")
            .replace("location: cabang-gilimanuk", "location: Daring"))
    program = program_of(content, text)
    assert program.partners == ("blk-pesisir",) and program.location == "online"


@pytest.mark.parametrize("written, number", [
    ("25", 25), ("25 orang", 25), ("25 Orang", 25), ("25 peserta", 25), ("25 people", 25), ("25 participants", 25),
])
def test_capacity_with_its_unit_word(content, written, number):
    text = VALID_PROGRAM.replace("status: open", f"status: open\ncapacity: {written}")
    assert program_of(content, text).capacity == number


@pytest.mark.parametrize("written", ["dua puluh lima", "25 orang 3", "0 orang", "-25", "20-30 orang", "20 sampai 30"])
def test_a_capacity_that_is_not_a_count_of_people_is_refused(content, written):
    problem = only_problem(content, VALID_PROGRAM.replace("status: open", f"status: open\ncapacity: {written}"))
    assert problem.code == "bad_number" and problem.field == "capacity"


@pytest.mark.parametrize("written, amount", [
    ("Rp 25.000", 25000), ("Rp25.000", 25000), ("25.000", 25000), ("rp. 25.000", 25000), ("25000", 25000),
    ("Rp 1.250.000", 1250000), ("gratis", 0), ("Gratis", 0), ("free", 0),
])
def test_cost_in_rupiah_as_people_write_it(content, written, amount):
    text = VALID_PROGRAM.replace("cost: gratis", f'cost: "{written}"')
    assert program_of(content, text).cost == amount


def test_a_program_in_the_librarians_words_builds(content, tmp_path):
    text = (VALID_PROGRAM.replace("status: open", "status: Buka\nmode: tatap muka\ncapacity: 25 orang\n"
                                  "accessibility:\n  features: [kursi roda]")
            .replace("audience: [lansia]", "audience: [Umum, Lansia]").replace("cost: gratis", 'cost: "Rp 25.000"'))
    content.program("kelas-uji", text)
    result = run_pelican(content.root, tmp_path / "out")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "out" / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")
    assert "Rp25.000" in page.replace("\u00a0", "") or "Rp 25.000" in page.replace("\u00a0", " "), "the cost as a number"


@pytest.mark.parametrize("repeat, detail", [
    ("{every: fortnight, count: 4}", "fortnight"),
    ("{every: week}", "count"),
    ("{every: week, count: 4, days: [sabtuu]}", "sabtuu"),
    ("{every: week, count: 4, until: 2027-01-30}", "until"),
])
def test_a_start_that_cannot_be_read_does_not_hide_a_wrong_repeat_rule(content, repeat, detail):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-13-02 09:00")
            .replace("repeat: {every: week, count: 4}", f"repeat: {repeat}"))
    catalog = loaded(content, text)
    found = {(p.field, p.code): p.format("id") for p in catalog.problems}
    assert set(found) == {("schedule.start", "bad_datetime"), ("schedule.repeat", "bad_repeat")}, found
    assert detail in found[("schedule.repeat", "bad_repeat")]


def test_a_start_that_cannot_be_read_does_not_hide_a_wrong_end(content):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: kemarin").replace('end: "11:00"', 'end: "sebelas"')
    catalog = loaded(content, text)
    assert {(p.field, p.code) for p in catalog.problems} == {("schedule.start", "bad_datetime"),
                                                            ("schedule.end", "bad_end")}


def test_a_start_that_cannot_be_read_with_a_good_rule_and_end_is_one_problem(content):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: kemarin")
    assert only_problem(content, text).field == "schedule.start"


@pytest.mark.parametrize("written", [
    "2026-12-02 09:00", "2026-12-02T09:00", "2 Desember 2026 09.00", "2 Desember 2026 9.00", "2 Des 2026 09:00",
    "Rabu, 2 Desember 2026 09.00", "Rabu, 2 Desember 2026 pukul 09.00", "2 Desember 2026 pukul 9.00 WITA",
    "hari Rabu, tanggal 2 Desember 2026 jam 09.00", "December 2, 2026 9:00 am", "2 December 2026 09:00",
    "Wednesday, 2 Dec 2026 9:00", "2 Desember 2026 pk. 09.00",
])
def test_start_in_the_forms_people_write(content, written):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", f"start: {written}")
    program = program_of(content, text)
    assert program.first.start.isoformat() == "2026-12-02T09:00:00+08:00"


@pytest.mark.parametrize("written, hour", [("2 Desember 2026 2:30 pm", "14:30"), ("2 Desember 2026 14.30", "14:30"),
                                           ("2 December 2026 12:00 pm", "12:00"), ("2 December 2026 12:15 am", "00:15")])
def test_afternoon_times(content, written, hour):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", f"start: {written}")
            .replace('end: "11:00"', 'end: "23:00"'))
    assert program_of(content, text).first.start.strftime("%H:%M") == hour


@pytest.mark.parametrize("written", ['"pukul 11.00"', '"11.00 WITA"', '"11:00"', "2 Desember 2026 11.00"])
def test_end_in_the_forms_people_write(content, written):
    text = VALID_PROGRAM.replace('end: "11:00"', f"end: {written}")
    assert program_of(content, text).first.end.strftime("%H:%M") == "11:00"


@pytest.mark.parametrize("written", ["[2026-12-09]", "[9 Desember 2026]", "[9 Des 2026]", '["Rabu, 9 Desember 2026"]',
                                     "[9 December 2026]", '["December 9, 2026"]'])
@pytest.mark.parametrize("field", ["except", "cancelled"])
def test_skipped_and_cancelled_dates_in_the_forms_people_write(content, written, field):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", f"{field}: {written}")
    program = program_of(content, text)
    if field == "except":
        assert "2026-12-09" not in {s.day.isoformat() for s in program.sessions}
    else:
        assert [s.day.isoformat() for s in program.sessions if s.cancelled] == ["2026-12-09"]


def test_a_numeric_date_that_reads_one_way_only_is_read_day_first(content):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 16/12/2026 09.00").replace(
        "except: [2026-12-09]", "except: [23/12/2026]")
    program = program_of(content, text)
    assert program.first.day.isoformat() == "2026-12-16" and program.skipped[0].isoformat() == "2026-12-23"


@pytest.mark.parametrize("lang, phrases", [
    ("id", ["«07/12/2026 09.00» bisa dibaca sebagai dua tanggal: 2026-12-07 atau 2026-07-12", "7 Desember 2026"]),
    ("en", ["«07/12/2026 09.00» can be read as two dates: 2026-12-07 or 2026-07-12", "7 December 2026"]),
])
def test_a_date_that_reads_two_ways_is_refused_with_both_readings(content, lang, phrases):
    problem = only_problem(content, VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 07/12/2026 09.00"))
    assert problem.code == "ambiguous_date" and problem.field == "schedule.start"
    for phrase in phrases:
        assert phrase in problem.format(lang)


@pytest.mark.parametrize("written", ["2 Desember 2026", "09.00", "2 Desember 09.00", "32 Desember 2026 09.00",
                                     "2 Desembar 2026 09.00", "2 Desember 2026 25.00", "2 Desember 2026 13:00 pm",
                                     "besok pagi", "2026-12-02 09:00 WIBB"])
def test_what_is_not_a_date_and_time_is_refused(content, written):
    problem = only_problem(content, VALID_PROGRAM.replace("start: 2026-12-02 09:00", f"start: {written}"))
    assert problem.code == "bad_datetime" and problem.field == "schedule.start"


def test_a_day_name_that_does_not_fit_the_date_is_a_warning_naming_the_right_day(content):
    catalog = loaded(content, VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: Sabtu, 2 Desember 2026 09.00"))
    assert catalog.problems == []
    (warning,) = [w for w in catalog.warnings if w.code == "weekday_mismatch"]
    assert "2026-12-02" in warning.format("id") and "Rabu" in warning.format("id").title()


@pytest.mark.parametrize("field, old, new", [("start", "start: 2026-12-02 09:00", "start: 2 Desember 2026 09.00 {word}"),
                                             ("end", 'end: "11:00"', 'end: "11.00 {word}"')])
@pytest.mark.parametrize("word, ok", [("WITA", True), ("wita", True), ("WIB", False), ("WIT", False)])
def test_a_zone_word_is_checked_against_the_locations_zone(content, field, old, new, word, ok):
    # cabang-gilimanuk is in Asia/Makassar (WITA)
    catalog = loaded(content, VALID_PROGRAM.replace(old, new.format(word=word)))
    if ok:
        assert catalog.problems == []
        return
    (problem,) = catalog.problems
    message = problem.format("id")
    assert problem.code == "zone_mismatch" and problem.field == f"schedule.{field}"
    assert word in message and "Asia/Makassar (WITA)" in message


@pytest.mark.parametrize("start, written, days", [
    ("2026-12-05 09:00", "setiap Sabtu, 4 kali", ["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"]),
    ("2026-12-05 09:00", "every Saturday, 4 times", ["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"]),
    ("2026-12-05 09:00", "setiap Sabtu 4x", ["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"]),
    ("2026-12-02 09:00", "setiap minggu sampai 2026-12-23", ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"]),
    ("2026-12-02 09:00", "setiap minggu sampai 23 Desember 2026", ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"]),
    ("2026-12-07 09:00", "setiap hari Senin dan Rabu, 4 kali", ["2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16"]),
    ("2026-12-07 09:00", "every Monday and Wednesday until 16 December 2026",
     ["2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16"]),
    ("2026-12-07 09:00", "setiap hari, 3 kali", ["2026-12-07", "2026-12-08", "2026-12-09"]),
    ("2026-12-07 09:00", "setiap 2 minggu, 3 kali", ["2026-12-07", "2026-12-21", "2027-01-04"]),
    ("2026-12-07 09:00", "every 2 weeks, 3 times", ["2026-12-07", "2026-12-21", "2027-01-04"]),
    ("2026-12-07 09:00", "setiap bulan sebanyak 2 kali", ["2026-12-07", "2027-01-07"]),
    ("2026-12-06 09:00", "setiap hari Minggu, 2 kali", ["2026-12-06", "2026-12-13"]),
    ("2026-12-07 09:00", "setiap Senin, Rabu dan Jumat, 4 kali", ["2026-12-07", "2026-12-09", "2026-12-11", "2026-12-14"]),
    ("2026-12-07 09:00", "setiap hari kerja, 6 kali",
     ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14"]),
    ("2026-12-07 09:00", "every weekday until 8 December 2026", ["2026-12-07", "2026-12-08"]),
    ("2026-12-05 09:00", "setiap Sabtu selama 3 minggu", ["2026-12-05", "2026-12-12", "2026-12-19"]),
    ("2026-12-07 09:00", "every week for 2 weeks", ["2026-12-07", "2026-12-14"]),
    ("2026-12-07 09:00", "every other week, 3 times", ["2026-12-07", "2026-12-21", "2027-01-04"]),
    ("2026-12-05 09:00", "saben Setu, 3 kaping", ["2026-12-05", "2026-12-12", "2026-12-19"]),
    ("2026-12-09 09:00", "saben dina Rebo lan Jemuwah, 3 ping", ["2026-12-09", "2026-12-11", "2026-12-16"]),
    ("2026-12-07 09:00", "saben sasi nganti 7 Februari 2027", ["2026-12-07", "2027-01-07", "2027-02-07"]),
])
def test_a_repeat_rule_in_words(content, start, written, days):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", f"start: {start}")
            .replace("repeat: {every: week, count: 4}", f"repeat: {written}").replace("  except: [2026-12-09]\n", ""))
    program = program_of(content, text)
    assert [s.day.isoformat() for s in program.sessions] == days


@pytest.mark.parametrize("written", ["setiap Sabtu", "kadang-kadang", "setiap minggu", "setiap kali", "setiap Sabtu, banyak kali",
                                     "every fortnight, 4 times", "setiap Sabtu sampai besok", "setiap Sabtu dan, 4 kali",
                                     "setiap Sabtu dan Minggu selama 4 minggu", "setiap 2 minggu selama 8 minggu"])
@pytest.mark.parametrize("lang, phrases", [("id", ["setiap Sabtu, 4 kali", "{every: week, count: 4}"]),
                                           ("en", ["every Saturday, 4 times", "{every: week, count: 4}"])])
def test_a_repeat_rule_in_words_that_is_not_a_common_phrase_gets_both_examples(content, written, lang, phrases):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-12-05 09:00")
            .replace("repeat: {every: week, count: 4}", f"repeat: {written}").replace("  except: [2026-12-09]\n", ""))
    problem = only_problem(content, text)
    assert problem.code == "bad_repeat" and problem.field == "schedule.repeat"
    for phrase in phrases:
        assert phrase in problem.format(lang), problem.format(lang)


def test_a_repeat_rule_in_words_is_checked_against_the_start(content):
    text = VALID_PROGRAM.replace("repeat: {every: week, count: 4}", "repeat: setiap Sabtu, 4 kali")  # start: a Wednesday
    problem = only_problem(content, text)
    assert problem.code == "start_not_on_repeat_day" and "rabu" in problem.format("id").lower()


TEACHERS = """\
---
title: Pelatihan Teknis Guru SD
summary: Membuat bahan ajar digital untuk kelas.
category: Keterampilan kerja
audience: [Guru, Umum]
languages: [id]
location: Cabang Gilimanuk
mode: Tatap muka
schedule:
  start: Senin, 7 Desember 2026 pukul 09.00 WITA
  end: 11.00 WITA
  repeat: setiap Senin, 4 kali
  except: [Senin, 21 Desember 2026]
status: Buka
capacity: 25 orang
cost: Rp 25.000
accessibility:
  features: [kursi roda]
registration:
  whatsapp: "0812-3301-4455"
contact:
  name: Ibu Sri
  phone: "(0333) 421 876"
---
Membuat lembar kerja dan presentasi untuk murid kelas 1 sampai 6.
"""


def test_the_librarians_example_builds_on_the_first_try(content, tmp_path):
    import icalendar
    import recurring_ical_events

    path = content.program("pelatihan-guru", TEACHERS)
    result = run_pelican(content.root, tmp_path / "out")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr[-2000:]
    assert path.read_text(encoding="utf-8") == TEACHERS, "the librarian's file is never rewritten"
    cal = icalendar.Calendar.from_ical((tmp_path / "out/program/pelatihan-guru/pelatihan-guru.ics").read_bytes())
    events = recurring_ical_events.of(cal).between((2026, 1, 1), (2028, 1, 1))
    assert sorted(str(e["DTSTART"].dt) for e in events) == [
        "2026-12-07 09:00:00+08:00", "2026-12-14 09:00:00+08:00", "2026-12-28 09:00:00+08:00"]
    assert {str(e["DTEND"].dt.time()) for e in events} == {"11:00:00"}
    catalog = content.load()
    assert catalog.problems == [] and catalog.warnings == []
    (program,) = catalog.programs
    assert (program.category, program.audiences, program.location, program.mode, program.status) == (
        "keterampilan-kerja", ("guru", "umum"), "cabang-gilimanuk", "offline", "open")
    assert (program.capacity, program.cost, program.accessibility.features) == (25, 25000, ("akses-kursi-roda",))


@pytest.mark.parametrize("rule, days", [
    ("{every: mingguan, count: 3}", ["2026-12-02", "2026-12-09", "2026-12-16"]),
    ("{every: Mingguan, days: [Rabu, Jumat], count: 3}", ["2026-12-02", "2026-12-04", "2026-12-09"]),
    ("{every: weekly, days: [Wednesday, friday], count: 3}", ["2026-12-02", "2026-12-04", "2026-12-09"]),
    ("{every: minggu, days: [rebo, jemuwah], count: 3}", ["2026-12-02", "2026-12-04", "2026-12-09"]),
    ("{every: harian, count: 2}", ["2026-12-02", "2026-12-03"]),
    ("{every: bulanan, count: 2}", ["2026-12-02", "2027-01-02"]),
    ("{every: week, until: 16 Desember 2026}", ["2026-12-02", "2026-12-09", "2026-12-16"]),
    ("{every: week, until: \"December 16, 2026\"}", ["2026-12-02", "2026-12-09", "2026-12-16"]),
])
def test_the_structured_repeat_rule_takes_indonesian_words_and_natural_dates(content, rule, days):
    text = VALID_PROGRAM.replace("{every: week, count: 4}", rule).replace("  except: [2026-12-09]\n", "")
    program = program_of(content, text)
    assert [s.day.isoformat() for s in program.sessions] == days


@pytest.mark.parametrize("lang, phrase", [("id", "2026-12-11 atau 2026-11-12"), ("en", "2026-12-11 or 2026-11-12")])
def test_a_repeat_until_that_reads_two_ways_is_refused_with_both_readings(content, lang, phrase):
    text = VALID_PROGRAM.replace("{every: week, count: 4}", "{every: week, until: 11/12/2026}")
    problem = only_problem(content, text)
    assert problem.code == "ambiguous_date" and problem.field == "schedule.repeat.until"
    assert phrase in problem.format(lang)


def test_a_listed_sessions_end_zone_word_is_checked(content):
    text = with_sessions("{start: 2 Desember 2026 09.00 WITA, end: 11.00 WITA}", "{start: 9 Desember 2026 09.00, end: 11.00 WIT}")
    (problem,) = loaded(content, text).problems
    assert problem.code == "zone_mismatch" and problem.field == "schedule.sessions.end"
    assert problem.line == text.splitlines().index("    - {start: 9 Desember 2026 09.00, end: 11.00 WIT}") + 1


@pytest.mark.parametrize("written, skipped", [
    ("[Rabu, 9 Desember 2026]", ["2026-12-09"]),
    ("Rabu, 9 Desember 2026", ["2026-12-09"]),
    ("[December 9, 2026]", ["2026-12-09"]),
    ("[Wednesday, December 9, 2026]", ["2026-12-09"]),
    ("9 Desember 2026, 16 Desember 2026", ["2026-12-09", "2026-12-16"]),
    ("[Rabu, 9 Desember 2026, Rabu, 16 Desember 2026]", ["2026-12-09", "2026-12-16"]),
    ("- Rabu, 9 Desember 2026\n    - 2026-12-16", ["2026-12-09", "2026-12-16"]),
])
def test_a_comma_inside_a_date_in_a_list_is_read_as_part_of_the_date(content, written, skipped):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", f"except:\n    {written}" if written.startswith("-")
                                 else f"except: {written}")
    program = program_of(content, text)
    assert [day.isoformat() for day in program.skipped] == skipped


@pytest.mark.parametrize("written", ["[Rabu]", "[2026-12-09, 2027]", "[Rabu, Kamis]"])
def test_a_piece_of_a_date_alone_is_still_refused(content, written):
    problem = only_problem(content, VALID_PROGRAM.replace("except: [2026-12-09]", f"except: {written}"))
    assert problem.code == "bad_date" and problem.field == "schedule.except"


def test_a_comma_after_the_day_name_inside_braces_is_read_as_part_of_the_date(content):
    text = with_sessions('{start: Rabu, 2 Desember 2026 09.00, end: "11.00"}',
                         '{start: December 9, 2026 9:00 am, end: "11:00", topic: Surel}')
    program = program_of(content, text)
    assert [s.start.strftime("%Y-%m-%d %H:%M") for s in program.sessions] == ["2026-12-02 09:00", "2026-12-09 09:00"]
    assert program.sessions[1].topic == "Surel"


def test_a_name_without_a_value_that_is_not_a_cut_date_is_still_an_unknown_field(content):
    text = VALID_PROGRAM.replace('  end: "11:00"', '  end: "11:00"\n  2027 catatan:')
    problem = only_problem(content, text)
    assert problem.code == "unknown_field" and problem.field == "schedule.2027 catatan"
