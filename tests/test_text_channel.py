"""Everyone can register or ask without a voice call, and the accessibility statement's promises hold."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import CONTENT, TODAY, moment, VALID_PROGRAM, run_pelican

PHONE_ONLY = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n', '  phone: "(0333) 421 876"\n')


# The library's own help in site.yaml: with a text channel, and with a phone number only.
HELP_WHATSAPP = '{whatsapp: "0812-3301-4455"}'
HELP_PHONE = '{phone: "(0333) 421 876"}'


def problems(content, text, help=None):
    content.program("kelas-uji", text)
    if help:
        content.site("help", help)
    catalog = content.load()
    return [p.code for p in catalog.problems], [w.code for w in catalog.warnings]


def test_the_valid_program_has_a_text_channel(content):
    assert problems(content, VALID_PROGRAM) == ([], [])


def test_phone_only_is_a_warning_when_the_site_offers_its_own_whatsapp(content, tmp_path):
    assert problems(content, PHONE_ONLY, help=HELP_WHATSAPP) == ([], ["no_text_channel"])
    assert problems(content, PHONE_ONLY, help=HELP_PHONE) == (["no_text_channel"], [])
    content.site("help", HELP_WHATSAPP)
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")
    access = page[page.index('id="access"'):page.index('id="contact"')]
    assert "tanpa menelepon" in access and "https://wa.me/6281233014455" in access


@pytest.mark.parametrize("feature", ["juru-bahasa-isyarat", "teks-langsung"])
def test_a_program_for_deaf_people_reachable_only_by_phone_is_an_error(content, feature):
    text = PHONE_ONLY.replace("status: open", f"status: open\naccessibility: {{features: [{feature}]}}")
    assert problems(content, text, help=HELP_WHATSAPP)[0] == ["no_text_channel_deaf"]


def test_e_mail_of_the_contact_is_a_text_channel(content):
    text = PHONE_ONLY.replace('  phone: "(0333) 421 876"\n---', '  email: kelas@contoh.example.id\n---')
    assert problems(content, text, help=HELP_PHONE) == ([], [])


def test_a_form_is_never_the_only_way(content):
    text = PHONE_ONLY.replace('registration:\n  phone: "(0333) 421 876"\n', "registration:\n  form: https://forms.example.org/a\n")
    assert "form_only" in problems(content, text)[0]


def test_past_and_cancelled_programs_are_not_held_to_it(content):
    assert problems(content, PHONE_ONLY.replace("status: open", "status: cancelled"), help=HELP_PHONE) == ([], [])


def test_the_accessibility_statement_keeps_its_promises(built_site, sample_catalog):
    """It says how many open programs can be joined without a call, and gives every help channel of site.yaml."""
    today = moment(TODAY)
    joinable = [p for p in sample_catalog.programs if p.lang == "id" and p.state(today) in ("open", "full")]
    for program in joinable:
        registration = program.registration
        if registration.form:
            assert registration.whatsapp or registration.phone or registration.walk_in, program.slug
    without_calling = sum(1 for p in joinable if p.registration.whatsapp or p.registration.form
                          or any(c.email or c.whatsapp for c in (p.contact, p.accessibility.contact) if c))
    statement = (built_site / "pernyataan-aksesibilitas" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", statement))
    assert f"{len(joinable)} program masih bisa diikuti; {without_calling} di antaranya" in text
    help_ = sample_catalog.site.help
    for value in (help_.whatsapp.display, help_.phone.display, help_.email):
        assert value in text, value
