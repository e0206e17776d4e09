"""Everyone can register or ask without a voice call, and the accessibility statement's promises hold."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import CONTENT, TODAY, VALID_PROGRAM, run_pelican

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


def test_the_accessibility_statement_keeps_its_promises(sample_catalog):
    """It promises WhatsApp, phone or coming in person beside every form, and names the library's contact."""
    statement = (CONTENT / "pages" / "pernyataan-aksesibilitas" / "id.md").read_text(encoding="utf-8")
    assert "selalu ada pilihan\n  mendaftar lewat WhatsApp, telepon, atau datang langsung" in statement
    today = date.fromisoformat(TODAY)
    for program in sample_catalog.programs:
        if program.lang == "id" and program.state(today) in ("open", "full"):
            registration = program.registration
            if registration.form:
                assert registration.whatsapp or registration.phone or registration.walk_in, program.slug
            assert sample_catalog.settings["KATALOG_TEXT_CHANNEL_FEATURES"]
            contacts = [c for c in (program.contact, program.accessibility.contact) if c]
            assert registration.whatsapp or registration.form or any(c.whatsapp or c.email for c in contacts), \
                program.slug
    help_ = sample_catalog.site.help
    for value in (help_.whatsapp.display, help_.phone.display, help_.email):
        assert value in re.sub(r"\s+", " ", statement), value
