"""Every hint matches the parser: the forms a field accepts are declared once (katalog.forms.FORMS), the messages
give them, and each example a message gives is accepted; the words a message uses are the librarian's own."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import VALID_PROGRAM, with_sessions
from katalog.choices import FIELD_CHOICES
from katalog.forms import FORMS, FORMS_OF_CODE, FORMS_OF_KIND, WrittenDate
from katalog.frontmatter import Mapping, parse_yaml
from katalog.messages import MESSAGES, Problem
from katalog.model import (LISTED_SESSION_FIELDS, PAGE_FIELDS, PROGRAM_FIELDS, PROGRAM_TRANSLATION_FIELDS, Parser,
                           _repeat_rule)
from katalog.schedule import parse_end, read_written

def all_fields(fields, prefix=""):
    for spec in fields:
        yield prefix + spec.name, spec
        yield from all_fields(spec.children, f"{prefix}{spec.name}.")


FIELDS = {path: spec for declared in (PROGRAM_FIELDS, PAGE_FIELDS, PROGRAM_TRANSLATION_FIELDS)
          for path, spec in all_fields(declared)}
FIELDS.update({f"schedule.sessions.{spec.name}": spec for spec in LISTED_SESSION_FIELDS})


def value_of(example: str):
    """The example as the YAML reader gives it after `field: `."""
    return parse_yaml(f"v: {example}\n")["v"]


def parsed(content, kind: str, spec, example: str):
    """What the build's parser makes of one example for a field of this kind, and the problems it reports."""
    catalog = content.load()
    problems: list[Problem] = []
    parser = Parser("id.md", catalog.vocabularies, catalog.settings, problems)
    raw = value_of(example)
    if kind == "end":
        result = parse_end(raw, datetime(2026, 12, 2, 9, 0))
    elif kind == "repeat":
        result = _repeat_rule(parser, raw, None, "schedule.repeat")
    elif kind == "datetime":
        holder = Mapping({"start": raw})
        holder.line, holder.key_lines = 1, {"start": 1}
        raw = parser.ranged(holder, "schedule")["start"]
        result = parser.kind_datetime(raw, spec, spec.name, 1)
    else:
        result = getattr(parser, f"kind_{spec.kind}")(raw, spec, spec.name, 1)
    return result, problems


CASES = [(path, kind, lang, example) for path, spec in FIELDS.items() if spec.kind in FORMS_OF_KIND
         for kind in [FORMS_OF_KIND[spec.kind]] for lang in ("id", "en") for example in FORMS[kind].examples_in(lang)]


@pytest.mark.parametrize("path, kind, lang, example", CASES)
def test_every_example_a_hint_gives_is_accepted_by_that_fields_parser(content, path, kind, lang, example):
    result, problems = parsed(content, kind, FIELDS[path], example)
    assert problems == [], [p.format("id") for p in problems]
    assert result not in (None, ()), f"{path}: {example!r} gives nothing"


def test_every_kind_with_forms_is_used_by_a_field():
    used = {FORMS_OF_KIND[spec.kind] for spec in FIELDS.values() if spec.kind in FORMS_OF_KIND}
    assert set(FORMS) - used <= {"language_code"} | set(), set(FORMS) - used


@pytest.mark.parametrize("code", sorted(FORMS_OF_CODE))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_message_about_a_values_form_gives_the_declared_forms_and_examples(code, lang):
    kind = FORMS_OF_CODE[code]
    _, expected, fix = Problem("id.md", 3, "kolom", code, {"value": "x", "detail": "y"}).texts(lang)
    from katalog.i18n import translate

    assert translate(FORMS[kind].said, lang) in expected
    if code != "markup_in_text":  # its example is the librarian's own text without the tag
        for example in FORMS[kind].examples_in(lang):
            assert f"«{example}»" in fix, (example, fix)
    if lang == "en":
        assert translate(FORMS[kind].said, lang) != FORMS[kind].said, "translated"


@pytest.mark.parametrize("field, written, kind", [
    ("cost", "Rp 10.000,- per orang", "cost"), ("capacity", "10-20 anak", "count"), ("capacity", "banyak", "count"),
])
def test_a_refused_number_names_the_forms_of_its_own_field(content, field, written, kind):
    text = VALID_PROGRAM.replace("status: open", f"status: open\ncapacity: 20") if field == "cost" else VALID_PROGRAM
    text = (text.replace("cost: gratis", f'cost: "{written}"') if field == "cost"
            else text.replace("status: open", f"status: open\ncapacity: {written}"))
    content.program("kelas-uji", text)
    (problem,) = content.load().problems
    message = problem.format("id")
    assert problem.code == "bad_number" and problem.field == field
    for example in FORMS[kind].examples_in("id"):
        assert f"«{example}»" in message
    assert "tanpa titik, Rp, atau kata" not in message


def test_the_parser_reads_back_every_date_a_hint_suggests():
    for moment in (datetime(2026, 12, 5, 9, 0), datetime(2027, 1, 9, 13, 30)):
        for lang in ("id", "en"):
            assert read_written(WrittenDate(moment).render(lang), True).value == moment
            assert read_written(WrittenDate(moment.date()).render(lang), False).value == moment.date()


# -- the librarian's words --------------------------------------------------------------------------------------

def test_no_message_tells_to_write_a_code_where_the_guide_documents_a_word():
    for field, choices in FIELD_CHOICES.items():
        for choice in choices:
            if choice.code in (normal.casefold() for normal in choice.words):
                continue
            for texts in MESSAGES.values():
                for text in texts:
                    for said in (f"{field} {choice.code}", f"{field}: {choice.code}", f"menjadi {choice.code}",
                                 f"«{choice.code}»"):
                        assert said not in text, (said, text)


@pytest.mark.parametrize("lang, written, word", [("id", "buka", "selesai"), ("en", "open", "finished")])
def test_a_past_program_still_open_is_told_the_word_for_finished(content, lang, written, word):
    past = (VALID_PROGRAM.replace("2026-12-02 09:00", "2026-10-07 09:00")
            .replace("except: [2026-12-09]", "except: [2026-10-14]").replace("status: open", f"status: {written}"))
    content.program("kelas-uji", past)
    catalog = content.load()
    (warning,) = [w for w in catalog.warnings if w.code == "open_but_past"]
    message = warning.format(lang)
    assert f"«{written}»" in message and f"status: {word}" in message and f"menjadi {word}" in message or \
        f"to {word}" in message, message
    if lang == "id":
        assert "finished" not in message, message


def test_a_day_name_that_does_not_fit_suggests_the_nearest_date_on_that_day(content):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: Sabtu, 4 Desember 2026 09.00").replace(
        "  repeat: {every: week, count: 4}\n  except: [2026-12-09]\n", "")
    content.program("kelas-uji", text)
    catalog = content.load()
    (warning,) = [w for w in catalog.warnings if w.code == "weekday_mismatch"]
    message = warning.format("id")
    assert "jumat" in message.lower() and "5 Desember 2026 09.00" in message, message
    assert "5 December 2026 09:00" in warning.format("en")


@pytest.mark.parametrize("repeat, start, nearest, days", [
    ("setiap Sabtu, 4 kali", "4 Desember 2026 09.00", "5 Desember 2026 09.00", "sabtu"),  # a Friday
    ("setiap hari Senin dan Rabu, 4 kali", "2026-12-03 09:00", "2 Desember 2026 09.00", "senin, rabu"),  # Thursday
    ("{every: week, days: [selasa], count: 4}", "2026-12-02 09:00", "1 Desember 2026 09.00", "selasa"),
])
def test_a_start_off_the_repeat_days_names_them_and_suggests_the_nearest_start(content, repeat, start, nearest, days):
    text = (VALID_PROGRAM.replace("repeat: {every: week, count: 4}", f"repeat: {repeat}")
            .replace("start: 2026-12-02 09:00", f"start: {start}").replace("  except: [2026-12-09]\n", ""))
    content.program("kelas-uji", text)
    (problem,) = content.load().problems
    message = problem.format("id")
    assert problem.code == "start_not_on_repeat_day", message
    assert nearest in message and f"({days})" in message, message
    assert " days" not in message, "a word the librarian never wrote"


# -- the forms people write ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, amount", [
    ("Rp 10.000,-", 10000), ("Rp10.000,-", 10000), ("Rp 10 ribu", 10000), ("Rp 10rb", 10000), ("10rb", 10000),
    ("10k", 10000), ("Rp 1,5 juta", 1500000), ("1.5 juta", 1500000), ("Rp 2 juta", 2000000), ("Rp 25,000", 25000),
    ("Rp 10.000,00", 10000), ("IDR 50.000", 50000), ("15 ribu rupiah", 15000),
])
def test_cost_in_every_form_of_rupiah(content, written, amount):
    content.program("kelas-uji", VALID_PROGRAM.replace("cost: gratis", f'cost: "{written}"'))
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    assert catalog.programs[0].cost == amount


@pytest.mark.parametrize("written", ["Rp 10.000 - 20.000", "sepuluh ribu", "Rp 1,2345 juta", "Rp -5000", "10 ribu 5"])
def test_what_is_not_one_amount_of_rupiah_is_refused(content, written):
    content.program("kelas-uji", VALID_PROGRAM.replace("cost: gratis", f'cost: "{written}"'))
    (problem,) = content.load().problems
    assert problem.code == "bad_number" and problem.field == "cost"


@pytest.mark.parametrize("written, number", [
    ("10 anak", 10), ("20 orang peserta", 20), ("12 siswa", 12), ("8 keluarga", 8), ("30 kursi", 30), ("15", 15),
    ("maks. 20 orang", 20), ("maksimal 25 peserta", 25), ("Kuota 15 peserta", 15), ("up to 12 people", 12),
])
def test_capacity_with_any_word_for_what_is_counted(content, written, number):
    content.program("kelas-uji", VALID_PROGRAM.replace("status: open", f"status: open\ncapacity: {written}"))
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    assert catalog.programs[0].capacity == number


@pytest.mark.parametrize("written, codes", [
    ("[Bahasa Indonesia]", ("id",)), ("[Indonesia, Jawa]", ("id", "jv")), ("[BISINDO]", ("inl",)),
    ("[bahasa jawa, bahasa isyarat indonesia]", ("jv", "inl")), ("[Javanese, English]", ("jv", "en")),
    ("[Basa Sunda]", ("su",)), ("[id, Bahasa Indonesia]", ("id",)), ("[Bhs. Indonesia, bahasa isyarat]", ("id", "inl")),
])
def test_languages_by_their_names_in_any_site_language(content, written, codes):
    content.program("kelas-uji", VALID_PROGRAM.replace("languages: [id]", f"languages: {written}"))
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    assert catalog.programs[0].languages == codes


def test_a_language_name_that_is_no_languages_name_is_refused_with_names_and_codes(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("languages: [id]", "languages: [Bahasa Klingon]"))
    (problem,) = content.load().problems
    message = problem.format("id")
    assert problem.code == "bad_language" and "«Bahasa Indonesia»" in message and "«inl»" in message, message
    assert "Gunakan kode" not in message


@pytest.mark.parametrize("start, zone_word", [
    ("9 Januari 2027 pukul 09.00 - 11.30", ""), ("9 Januari 2027 pukul 09.00 - 11.30 WITA", " WITA"),
    ("2027-01-09 09:00 sampai 11:30", ""), ("Sabtu, 9 Januari 2027 pukul 9.00 s.d. 11.30", ""),
    ("9 Januari 2027 09.00-11.30", ""), ("9 Januari 2027 pukul 09.00 WITA – 11.30 WITA", " WITA"),
])
def test_a_start_holding_a_time_range_fills_the_end(content, start, zone_word):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", f"start: {start}").replace('  end: "11:00"\n', "")
            .replace("  repeat: {every: week, count: 4}\n  except: [2026-12-09]\n", ""))
    content.program("kelas-uji", text)
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    (session,) = catalog.programs[0].sessions
    assert (session.start.hour, session.start.minute, session.end.hour, session.end.minute) == (9, 0, 11, 30)


def test_a_listed_session_holding_a_time_range_needs_no_end(content):
    content.program("kelas-uji", with_sessions("{start: 2026-12-02 09.00 - 11.30, topic: Surel}",
                                               '{start: 2026-12-09 09:00, end: "11:00"}'))
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    first, second = catalog.programs[0].sessions
    assert (first.end.hour, first.end.minute, second.end.hour) == (11, 30, 11)


@pytest.mark.parametrize("end, problems", [('"11:30"', 0), ("11.30", 0), ('"12:00"', 1)])
def test_a_start_with_a_range_and_an_end_must_agree(content, end, problems):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-12-02 09:00 - 11:30")
            .replace('end: "11:00"', f"end: {end}"))
    content.program("kelas-uji", text)
    found = content.load().problems
    assert len(found) == problems, [p.format("id") for p in found]
    if problems:
        message = found[0].format("id")
        assert found[0].code == "two_ends" and "11:30" in message and "12:00" in message, message


# -- plain text stays plain ---------------------------------------------------------------------------------------

PLAIN_FIELDS = {
    "title": ("title: Kelas Uji Coba", "title: {}"),
    "summary": ("summary: Ringkasan program uji coba.", "summary: '{}'"),
    "image.alt": ("alt: Dua peserta belajar mengetik di laptop.", "alt: '{}'"),
    "contact.name": ("name: Ibu Uji", "name: '{}'"),
    "cost_note": ("cost: gratis", "cost: gratis\ncost_note: '{}'"),
    "registration.note": ('whatsapp: "0812-3301-4455"', 'whatsapp: "0812-3301-4455"\n  note: \'{}\''),
    "registration.walk_in": ('whatsapp: "0812-3301-4455"', 'whatsapp: "0812-3301-4455"\n  walk_in: \'{}\''),
    "accessibility.note": ("status: open", "status: open\naccessibility:\n  note: '{}'"),
}


@pytest.mark.parametrize("field", sorted(PLAIN_FIELDS))
@pytest.mark.parametrize("tagged, meant", [
    ("<script>alert(1)</script>", None), ('Kelas"><script>alert(1)</script>', 'Kelas">'),
    ("Kelas <b>Komputer</b>", "Kelas Komputer"), ("Kelas <!-- catatan --> Komputer", "Kelas Komputer"),
    ("<img src=x onerror=alert(1)>Kelas", "Kelas"),
])
def test_a_tag_in_a_plain_text_field_is_an_error_naming_the_field(content, field, tagged, meant):
    old, new = PLAIN_FIELDS[field]
    content.program("kelas-uji", VALID_PROGRAM.replace(old, new.format(tagged.replace("'", "''")), 1))
    problems = content.load().problems
    assert [p.code for p in problems] == ["markup_in_text"], [p.format("id") for p in problems]
    (problem,) = problems
    message = problem.format("id")
    assert problem.field == field and "teks biasa" in message, message
    if meant:
        assert f"«{meant}»" in message, message


@pytest.mark.parametrize("text", ["Umur 10 < 15 tahun", "Skor <3", "a <= b", "Panah -> <- sana"])
def test_a_less_than_sign_that_starts_no_tag_is_plain_text(content, text):
    content.program("kelas-uji", VALID_PROGRAM.replace("summary: Ringkasan program uji coba.", f"summary: '{text}'"))
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]


def test_a_tag_in_a_session_topic_and_a_translated_topic_is_an_error(content):
    content.program("kelas-uji", with_sessions('{start: 2026-12-02 09:00, end: "11:00", topic: "<i>Surel</i>"}'))
    (problem,) = content.load().problems
    assert problem.code == "markup_in_text" and problem.field == "schedule.sessions.topic"


@pytest.mark.parametrize("new, field, meant", [
    ("  label: {id: '<b>Literasi</b> digital', en: Digital literacy, jv: Literasi digital}", "literasi-digital.label.id",
     "Literasi digital"),
    ("  label: {id: Literasi digital, en: <em>Digital</em> literacy, jv: Literasi digital}", "literasi-digital.label.en",
     "Digital literacy"),
])
def test_a_tag_in_a_data_files_label_is_an_error(content, new, field, meant):
    path = content.root / "data" / "categories.yaml"
    old = "  label: {id: Literasi digital, en: Digital literacy, jv: Literasi digital}"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = content.load().problems
    assert [(p.code, p.field) for p in problems] == [("markup_in_text", field)], [p.format("id") for p in problems]
    assert f"«{meant}»" in problems[0].format("id")
