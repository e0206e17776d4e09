"""No content file can break, hang or hijack a build or a page: every class of hostile input, refused or made harmless."""

from __future__ import annotations

import os
import re
import unicodedata

import pytest

from conftest import ROOT, VALID_PROGRAM, assert_no_traceback, line_of, run_pelican

from katalog.description import clean


def problems_of(content, text=None, slug="kelas-uji"):
    if text is not None:
        content.program(slug, text)
    catalog = content.load()
    return catalog.problems, catalog


def one(content, text, code, slug="kelas-uji"):
    problems, _ = problems_of(content, text, slug)
    found = [p for p in problems if p.code == code]
    assert found, [(p.code, p.format("id")) for p in problems]
    for problem in found:
        message = problem.format("id")
        assert problem.path and "Masalah:" in message and "Cara memperbaiki:" in message
        assert problem.format("en") != message
    return found[0]


# -- 2. Bounded input -------------------------------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("yaml_text, code", [
    ("title: &judul Kelas\nsummary: *judul\n", "yaml_alias"),
    (ALIAS_BOMB, "yaml_alias"),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", "yaml_alias"),
    ("registration:\n  <<: {whatsapp: \"0812-3301-4455\"}\n", "yaml_merge"),
    ("title: !!python/object:os.system Kelas\n", "yaml_tag"),
    ("title: !Penting Kelas\n", "yaml_tag"),
    ("title: " + "[" * 40 + "\n", "too_deep"),
    ("audience: [" + ", ".join(["lansia"] * 600) + "]\n", "too_many_items"),
    ("title: " + "x" * 6000 + "\n", "text_too_long"),
    ("? [a, b]\n: c\n", "yaml_complex_key"),
])
def test_yaml_constructs_and_explosions_are_refused_in_front_matter(content, yaml_text, code):
    text = "---\n" + yaml_text + "---\nIsi.\n"
    problem = one(content, text, code)
    assert problem.line is not None and problem.line >= 2


def test_an_alias_bomb_in_a_data_file_is_refused(content):
    (content.root / "data" / "partners.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    problems, _ = problems_of(content)
    assert [p.code for p in problems if p.path.endswith("partners.yaml")] == ["yaml_alias"]


def test_a_front_matter_that_is_never_closed_stops_at_the_limit(content):
    text = "---\ntitle: Kelas\n" + "note: x\n" * 20000
    one(content, text, "front_matter_too_long")


def test_a_huge_description_and_a_very_long_line(content):
    one(content, VALID_PROGRAM + ("Kata " * 50_000 + "\n") * 2, "body_too_long", slug="panjang")
    one(content, VALID_PROGRAM + "kata" * 6_000 + "\n", "line_too_long", slug="baris")


@pytest.mark.parametrize("paragraph", ["[" * 3000, "<a " * 3000, "[a](" * 3000, "![" * 3000])
def test_markup_that_would_stall_markdown_is_refused_before_rendering(content, paragraph):
    one(content, VALID_PROGRAM + paragraph + "\n", "too_much_markup")


@pytest.mark.parametrize("unit", ["Judul\n=====\n", "Teks\n***\n", "- butir\n", "| a | b |\n"])
def test_a_paragraph_of_more_lines_than_the_limit_is_refused_before_rendering(content, unit):
    text = VALID_PROGRAM + "\nAwal.\n\n" + unit * 1_000
    problem = one(content, text, "paragraph_too_long")
    assert problem.line == line_of(text, "Awal.") + 2


def test_the_same_markup_in_paragraphs_of_allowed_length_renders_in_linear_time(content):
    """Headings underlined with === cost the square of a paragraph's lines: split by the limit, they stay quick."""
    import time

    from katalog.limits import DEFAULT_LIMITS

    unit = "Judul\n=====\n" * (DEFAULT_LIMITS.lines_per_paragraph // 2) + "\n"
    content.program("kelas-uji", VALID_PROGRAM + "\n" + unit * (DEFAULT_LIMITS.body_chars // len(unit) - 1))
    started = time.process_time()
    # Rendered and checked: the only finding is the accessible-writing rule against a second h1, at every heading.
    assert {problem.code for problem in problems_of(content)[0]} == {"heading_h1"}
    assert time.process_time() - started < 30  # quadratic would take minutes; linear takes a few seconds


def test_lists_nested_past_what_markdown_can_render(content):
    nested = "".join("    " * depth + "- x\n" for depth in range(300))
    problem = one(content, VALID_PROGRAM + "\n" + nested, "description_too_deep")
    assert problem.field == "description"


def test_html_nested_past_the_limit(content):
    one(content, VALID_PROGRAM + "<div>" * 100 + "x\n", "description_too_deep")


@pytest.mark.parametrize("rule, phrase", [
    ("{every: day, count: 999999999}", "lebih dari 200 sesi"),
    ("{every: day, until: 2199-12-31}", "lebih dari 200 sesi"),
    ("{every: month, interval: 366, count: 100}", "melewati tahun 2200"),
    ("{every: week, count: 99999999999999999999}", "count harus angka bulat"),
    ("{every: week, interval: 9999999, count: 3}", "interval harus angka bulat dari 1 sampai 366"),
    ("{every: week, count: \"\u00b2\"}", "count harus angka bulat"),
])
def test_repeat_rules_that_would_generate_without_end(content, rule, phrase):
    text = VALID_PROGRAM.replace("{every: week, count: 4}", rule).replace("  except: [2026-12-09]\n", "")
    problem = one(content, text, "bad_repeat")
    assert phrase in problem.format("id")


@pytest.mark.parametrize("field, bad", [("capacity", "\u00b2"), ("capacity", "9" * 5000), ("cost", "\u0663\u0660")])
def test_numbers_in_other_scripts_or_too_long_are_reported_not_crashed_on(content, field, bad):
    text = VALID_PROGRAM.replace("cost: gratis", f"cost: gratis\ncapacity: 20") if field == "capacity" else VALID_PROGRAM
    text = text.replace("capacity: 20", f'capacity: "{bad}"') if field == "capacity" else text.replace("cost: gratis", f'cost: "{bad}"')
    one(content, text, "bad_number")


def test_dates_beyond_any_calendar_are_a_date_mistake(content):
    one(content, VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 9999-12-31 23:00"), "bad_datetime")


def test_every_explosion_ends_in_a_clear_report_through_the_real_build(content, tmp_path):
    """All of the above at once through the build a librarian runs: a report, no traceback, no hang."""
    content.program("bom-alias", "---\n" + ALIAS_BOMB + "---\n")
    content.program("bersarang", "---\ntitle: " + "[" * 5000 + "\n---\n")
    content.program("kurung", VALID_PROGRAM + "[" * 20000 + "\n")
    content.program("daftar", VALID_PROGRAM + "\n" + "".join("    " * d + "- x\n" for d in range(300)))
    content.program("ulang", VALID_PROGRAM.replace("{every: week, count: 4}", "{every: day, count: 999999999}"))
    content.program("panjang", "---\ntitle: " + "x" * 2_000_000 + "\n---\n")
    content.program("garis", VALID_PROGRAM + "\n" + "Judul\n=====\n" * 30_000)
    result = run_pelican(content.root, tmp_path / "out", timeout=120)
    assert result.returncode == 1
    assert_no_traceback(result)
    for slug in ("bom-alias", "bersarang", "kurung", "daftar", "ulang", "panjang", "garis"):
        assert f"programs/{slug}/id.md" in result.stderr


# -- 3. Nothing leaves the content folder -----------------------------------------------------------------------

def test_a_symbolic_link_in_the_images_folder_is_refused_and_never_copied(content, tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kunci-rahasia", encoding="utf-8")
    (content.root / "images" / "foto.png").symlink_to(secret)
    content.program("kelas-uji")
    problems, _ = problems_of(content)
    assert [(p.code, p.params["value"]) for p in problems] == [("symlink", "foto.png")]
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 1 and "foto.png" in result.stderr
    assert_no_traceback(result)
    assert not any("kunci-rahasia" in p.read_text(errors="ignore") for p in (tmp_path).rglob("out*/**/*") if p.is_file())


def test_a_linked_program_folder_and_a_fifo_are_refused(content, tmp_path):
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "id.md").write_text(VALID_PROGRAM, encoding="utf-8")
    (content.root / "programs" / "tautan").symlink_to(outside, target_is_directory=True)
    os.mkfifo(content.root / "programs" / "pipa.md")
    problems, catalog = problems_of(content)
    assert {p.code for p in problems} == {"symlink", "special_file"}
    assert catalog.programs == []


@pytest.mark.parametrize("src", ["../images/komputer-lansia.svg", "images/../../rahasia.svg", "/etc/passwd",
                                 "file:///etc/passwd", "https://contoh.example/gambar.png", "images\\x.svg",
                                 "//contoh.example/x.png", "programs/kelas-uji/id.md"])
def test_an_image_outside_the_images_folder(content, src):
    text = VALID_PROGRAM.replace("src: images/komputer-lansia.svg", f"src: '{src}'")
    problem = one(content, text, "image_outside")
    assert problem.line == line_of(text, "src:")


def test_folder_names_are_lower_case_ascii_and_case_clashes_are_reported(content):
    content.program("Kelas-Uji")
    content.program("kelas-uji")
    problems, _ = problems_of(content)
    codes = sorted(p.code for p in problems)
    assert codes == ["bad_folder_name", "case_clash", "case_clash"], [p.format("id") for p in problems]
    bad = next(p for p in problems if p.code == "bad_folder_name")
    assert "Mungkin maksudnya «kelas-uji»?" in bad.format("id")


# -- 5. Safe images -----------------------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize("inside", [
    "<script>alert(1)</script>",
    '<rect width="5" height="5" onload="alert(1)"/>',
    "<foreignObject><div>hi</div></foreignObject>",
    '<image href="https://contoh.example/x.png"/>',
    '<use xlink:href="file:///etc/passwd#x"/>',
    '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
    '<set attributeName="href" to="javascript:alert(1)"/>',
    '<rect style="fill: url(https://contoh.example/x.svg#p)" width="1" height="1"/>',
    "<style>@import url(https://contoh.example/x.css);</style>",
    '<style>@\\69mport "https://contoh.example/x.css";</style>',
    "<style>rect{fill:u\\72l(https://contoh.example/)}</style>",
    '<rect style="fill:image-set(\'https://contoh.example/x.png\' 1x)" width="1" height="1"/>',
    '<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>',
    '<animate attributeName="xlink:href" values="javascript:alert(1)"/>',
])
def test_svg_that_can_run_code_or_load_from_elsewhere(content, inside):
    (content.root / "images" / "jahat.svg").write_text(SVG.format(inside), encoding="utf-8")
    problem = one(content, None, "unsafe_svg")
    assert problem.params["value"] == "jahat.svg"


@pytest.mark.parametrize("prefix", ['<!DOCTYPE svg [<!ENTITY x "y">]>', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                                    '<?xml-stylesheet href="https://contoh.example/x.css"?>'])
def test_svg_with_entities_or_a_stylesheet_instruction(content, prefix):
    (content.root / "images" / "jahat.svg").write_text(prefix + SVG.format(""), encoding="utf-8")
    one(content, None, "unsafe_svg")


def test_a_harmless_svg_with_a_doctype_and_an_embedded_picture_passes(content):
    (content.root / "images" / "baik.svg").write_text(
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG.format('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
                   '<image href="data:image/png;base64,iVBORw0KGgo="/>'), encoding="utf-8")
    content.program("kelas-uji")
    assert problems_of(content)[0] == []


@pytest.mark.parametrize("name, data, code", [
    ("foto.png", b"<html><script>alert(1)</script></html>", "file_content_mismatch"),
    ("foto.jpg", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "file_content_mismatch"),
    ("halaman.html", b"<script>alert(1)</script>", "file_type"),
    ("program.js", b"alert(1)", "file_type"),
])
def test_files_in_the_images_folder_are_what_their_name_says(content, name, data, code):
    (content.root / "images" / name).write_bytes(data)
    assert one(content, None, code).params["value"] == name


# -- 4. Sanitised descriptions ------------------------------------------------------------------------------------

ATTACKS = [
    ("<script>alert(1)</script>", "unsafe_html", "<script"),
    ('<svg><script>alert(1)</script></svg>', "unsafe_html", "<svg"),
    ('<img src="images/komputer-lansia.svg" alt="x" onerror="alert(1)">', "unsafe_attribute", "onerror"),
    ('<p onclick="alert(1)">Klik</p>', "unsafe_attribute", "onclick"),
    ("[Daftar](javascript:alert(1))", "unsafe_url", "javascript:"),
    ('<a href="JaVaScRiPt&#58;alert(1)">x</a>', "unsafe_url", "alert(1)"),
    ('<a href="java\tscript:alert(1)">x</a>', "unsafe_url", "alert(1)"),
    ('<a href="vbscript:msgbox(1)">x</a>', "unsafe_url", "vbscript"),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "unsafe_url", "data:"),
    ('<iframe src="https://contoh.example/"></iframe>', "unsafe_html", "<iframe"),
    ('<object data="x.swf"></object>', "unsafe_html", "<object"),
    ('<embed src="x.swf">', "unsafe_html", "<embed"),
    ('<form action="https://contoh.example/"><input name="nik"></form>', "unsafe_html", "<form"),
    ("<style>body{display:none}</style>", "unsafe_html", "<style"),
    ('<meta http-equiv="refresh" content="0;url=https://contoh.example/">', "unsafe_html", "<meta"),
    ('<base href="https://contoh.example/">', "unsafe_html", "<base"),
    ('<math><mtext><img src=x onerror=alert(1)></mtext></math>', "unsafe_html", "<math"),
    ('<image src="https://contoh.example/x.png">', "unsafe_html", "<image"),
    ("![foto](https://contoh.example/x.png)", "description_image", "https://contoh.example/x.png"),
    ("![foto](../../../etc/passwd)", "description_image", "../../../etc/passwd"),
]


@pytest.mark.parametrize("snippet, code, needle", ATTACKS)
def test_code_in_a_description_is_a_build_error_with_its_line(content, snippet, code, needle):
    text = VALID_PROGRAM + "\nParagraf pertama.\n\n" + snippet + "\n"
    problem = one(content, text, code)
    assert problem.field == "description"
    assert problem.line == len(text.splitlines()), problem.format("id")


@pytest.mark.parametrize("snippet, code, needle", ATTACKS)
def test_the_sanitiser_removes_each_attack_whatever_the_checks_let_through(snippet, code, needle):
    import markdown

    html = clean(markdown.markdown(snippet))
    lowered = html.lower()
    for word in ("<script", "onerror", "onclick", "javascript:", "vbscript:", "data:", "<iframe", "<object",
                 "<embed", "<form", "<input", "<style", "<meta", "<base", "<svg", "<math", "contoh.example/x.png"):
        assert word not in lowered, html


@pytest.mark.parametrize("link", ["[x]({static}/../../../rahasia.txt)", "[x]({attach}../../../rahasia.txt)",
                                  "[x]({filename}/../../../rahasia.txt)", "[x](|static|../../../rahasia.txt)",
                                  '<a href=" {attach}../../rahasia.txt">x</a>', "![x]({attach}../../rahasia.txt)"])
def test_pelican_link_forms_that_copy_files_by_path_are_refused(content, tmp_path, link):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kunci-rahasia", encoding="utf-8")
    text = VALID_PROGRAM + "\n" + link + "\n"
    problem = one(content, text, "site_link_form")
    assert problem.line == len(text.splitlines())
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert not any("kunci-rahasia" in p.read_text(errors="ignore") for p in tmp_path.rglob("out*/**/*") if p.is_file())
    assert "{" not in clean('<a href="{static}/x">x</a><a href="|attach|x">y</a>')


def test_harmless_tags_and_attributes_are_removed_with_a_warning(content, tmp_path):
    body = ('Teks <marquee>bergerak</marquee> dan <font color="red">merah</font>.\n\n'
            '<p style="color:red" class="visually-hidden" id="main">Penting</p>\n\n'
            '| Hari | Jam |\n|:----:|----:|\n| Senin | 09.00 |\n\n'
            '<abbr title="Balai Latihan Kerja">BLK</abbr> dan [Sugeng rawuh]{jv}.\n')
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.\n", body))
    problems, catalog = problems_of(content)
    assert problems == []
    removed = sorted((w.code, w.params["value"]) for w in catalog.warnings)
    assert removed == [("attribute_removed", "class"), ("attribute_removed", "id"), ("attribute_removed", "style"),
                       ("html_removed", "font"), ("html_removed", "marquee")]
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Peringatan: Tag <marquee>" in result.stderr and "5 peringatan" in result.stderr
    page = (tmp_path / "out" / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")
    description = page[page.index('<div class="description"'):]
    description = description[:description.index("</div>")]
    for gone in ("<marquee", "<font", 'style="color', "visually-hidden", 'id="main">Penting'):
        assert gone not in description
    for kept in ("bergerak", "merah", "Penting", '<abbr title="Balai Latihan Kerja">BLK</abbr>',
                 '<span lang="jv">Sugeng rawuh</span>', '<th class="align-center">Hari</th>'):
        assert kept in page


def test_an_image_of_the_site_in_a_description_is_addressed_from_the_site_root(content, tmp_path):
    content.program("kelas-uji", VALID_PROGRAM + "\n![Komputer di meja](images/komputer-lansia.svg)\n")
    result = run_pelican(content.root, tmp_path / "out", "-e", 'SITEURL="/katalog"')
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "en" / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img (alt="Komputer di meja" )?src="/katalog/images/komputer-lansia.svg\?v=[0-9a-f]{10}"( alt="Komputer di meja")?>', page)


# -- 6. Text hygiene --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200e", "\ufeff", "\u0007",
                                  "\u2028", "\u00ad", "\U000e0041", "\u034f", "\u3164", "\u115f", "\ufe0f", "\U000e0100",
                                  "\ue000", "\U000f0000", "\ufffc", "\ufffe", "\ufdd0", "\u0085", "\u2065"])
def test_invisible_and_direction_characters_in_a_title(content, char):
    text = VALID_PROGRAM.replace("title: Kelas Uji Coba", f"title: Kelas{char}Uji Coba")
    problem = one(content, text, "bad_character")
    assert problem.field == "title" and problem.line == line_of(text, "title:")
    assert f"U+{ord(char):04X}" in problem.format("id") and "posisi 6" in problem.format("id")


def test_invisible_characters_in_a_description_name_their_line(content):
    text = VALID_PROGRAM + "Baris kedua.\nDaftar di sini\u202e.\n"
    problem = one(content, text, "bad_character")
    assert problem.line == len(text.splitlines())


def test_joiners_and_selectors_inside_emoji_and_scripts_are_text_not_tricks(content):
    text = VALID_PROGRAM.replace("summary: Ringkasan program uji coba.",
                                 "summary: Keluarga \U0001F468\u200d\U0001F469\u200d\U0001F467 dan \ua9a0\ua9c0\u200c\ua9a4, "
                                 "\u2764\ufe0f, sesi 1\ufe0f\u20e3 dan \u845b\U000E0100.")
    content.program("kelas-uji", text)
    assert problems_of(content)[0] == []


@pytest.mark.parametrize("address, code", [
    ("https://perpus.go.id@contoh.example/daftar", "url_with_user"),
    ("https://perpus.go.id:rahasia@contoh.example/", "url_with_user"),
    ('https://forms.example.org/daftar"><script>alert(1)</script>', "bad_url"),
    ("https://forms.example.org/da ftar", "bad_url"),
    ("javascript:alert(1)", "bad_url"),
    ("https://192.168.1.1/daftar", "bad_url"),
    ("http://localhost:8000/", "bad_url"),
])
def test_a_registration_address_that_disguises_or_breaks_out_is_refused(content, address, code):
    text = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"', f"  form: '{address}'")
    problem = one(content, text, code)
    assert problem.line == line_of(text, "form:")


@pytest.mark.parametrize("address", ["https://docs.google.com/forms/d/e/1FAIpQLSf-x_Y/viewform?usp=sf_link",
                                     "https://forms.gle/AbC123", "http://perpus-desa.id:8080/daftar%20kelas/#form",
                                     "https://xn--80ak6aa92e.com/"])
def test_ordinary_registration_addresses_pass(content, address):
    content.program("kelas-uji", VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"',
                                                       f'  whatsapp: "0812-3301-4455"\n  form: \'{address}\''))
    assert problems_of(content)[0] == []


@pytest.mark.parametrize("email", ["sri@perpus.id?bcc=lain.id", "javascript:alert(1)//@perpus.id", "a@b@perpus.id",
                                   "sri@perpus.id\"><b>x</b>"])
def test_an_email_that_a_mailto_link_would_read_as_more_is_refused(content, email):
    text = VALID_PROGRAM.replace("  name: Ibu Uji", f"  name: Ibu Uji\n  email: '{email}'")
    assert one(content, text, "bad_email").line == line_of(text, "email:")


def test_a_link_with_a_name_before_the_at_sign_is_refused_in_a_description(content):
    text = VALID_PROGRAM + "\n[perpus.go.id](https://perpus.go.id@contoh.example/)\n"
    assert one(content, text, "url_with_user").line == len(text.splitlines())
    assert "contoh.example" not in clean('<a href="https://perpus.go.id@contoh.example/">x</a>')


def test_text_is_stored_in_nfc(content):
    decomposed = "Kafe\u0301 Literasi"
    content.program("kelas-uji", VALID_PROGRAM.replace("Kelas Uji Coba", decomposed))
    _, catalog = problems_of(content)
    assert catalog.programs[0].title == unicodedata.normalize("NFC", decomposed) == "Kaf\u00e9 Literasi"


def test_a_slug_with_upper_case_is_refused(content):
    one(content, VALID_PROGRAM.replace("title: Kelas Uji Coba", "title: Kelas Uji Coba\nslug: Kelas-Uji"), "bad_slug")


@pytest.mark.parametrize("name", ["ID.MD", "id.markdown", "foto.jpg", "id.md.txt", "program.md", "deskripsi.md"])
def test_a_file_in_a_program_folder_that_would_never_be_read(content, name):
    content.program("kelas-uji")
    (content.root / "programs" / "kelas-uji" / name).write_bytes(b"---\ntitle: x\n---\n")
    problem = one(content, None, "stray_file")
    assert problem.params["value"] == name


def test_a_program_in_the_wrong_folder_and_a_misspelt_data_file_are_reported_not_ignored(content):
    content.program("kelas-uji")
    (content.root / "kelas-baru").mkdir()
    (content.root / "kelas-baru" / "id.md").write_text(VALID_PROGRAM, encoding="utf-8")
    (content.root / "data" / "partner.yaml").write_text("mitra-baru:\n  name: Mitra Baru\n", encoding="utf-8")
    (content.root / "LICENSE.md").write_text("Lisensi isi.\n", encoding="utf-8")
    (content.root / ".github").mkdir()
    problems, _ = problems_of(content)
    assert sorted((p.code, p.params["value"]) for p in problems) == [("unread_data_file", "partner.yaml"),
                                                                    ("unread_folder", "kelas-baru")]
    assert "programs" in one(content, None, "unread_folder").format("id")


@pytest.mark.parametrize("code", ["../../etc", "BLK-Pesisir", "mitra baru", "mitra/baru", "mitra_baru", "mitra-"])
def test_a_code_in_a_data_file_is_an_address_word(content, code):
    content.program("kelas-uji")
    partners = content.root / "data" / "partners.yaml"
    text = partners.read_text(encoding="utf-8") + f"'{code}':\n  name: Mitra Baru\n  kind: {{id: a, en: a, jv: a}}\n"
    partners.write_text(text, encoding="utf-8")
    problem = one(content, None, "bad_code")
    assert problem.path.endswith("data/partners.yaml") and problem.line == len(text.splitlines()) - 2


# Tags in a plain-text field are refused at the source (test_hints); what is left of markup, a < and > that start
# no tag, must still reach every output as text.
HOSTILE_TITLE = 'Kelas <3 & "kutip" 1 < 2 > 0; < /script>; koma, titik-koma; =1+1'


def test_hostile_text_stays_text_in_every_output(content, tmp_path):
    """Markup, quotes, separators and formula starts in a title reach calendars, feeds, open data, structured data,
    posters and the share text as the same text: no script runs, every file parses, nothing is cut."""
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET

    import extruct
    import icalendar
    from bs4 import BeautifulSoup

    text = VALID_PROGRAM.replace("title: Kelas Uji Coba", f"title: {json.dumps(HOSTILE_TITLE)}")
    text = text.replace("summary: Ringkasan program uji coba.", 'summary: "Satu < /title> < b>dua< /b> & tiga"')
    content.program("kelas-uji", text)
    out = tmp_path / "out"
    # Built as for hosting (publishconf.py, the later -s): absolute addresses, as a published site has them.
    result = run_pelican(content.root, out, "-s", str(ROOT / "publishconf.py"),
                         env={"SITEURL": "https://contoh.github.io/katalog"})
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        html = (out / f"{prefix}program/kelas-uji/index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert [s.get("type") for s in page.find_all("script")] == ["application/ld+json"]
        assert page.h1.get_text(strip=True) == HOSTILE_TITLE
        (data,) = extruct.extract(html, base_url="https://contoh.github.io/katalog/", syntaxes=["json-ld"])["json-ld"]
        assert data["@graph"][0]["name"] == HOSTILE_TITLE
        assert page.select_one(".share-text").get_text().strip().splitlines()[0] == HOSTILE_TITLE
        calendar = icalendar.Calendar.from_ical((out / f"{prefix}program/kelas-uji/kelas-uji.ics").read_bytes())
        assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == HOSTILE_TITLE
        feed = ET.parse(out / f"{prefix}atom.xml").getroot()
        assert feed.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title").text == HOSTILE_TITLE
        (row,) = csv.DictReader(io.StringIO((out / f"{prefix}data/programs.csv").read_text(encoding="utf-8-sig"),
                                            newline=""))
        assert row["title"] == HOSTILE_TITLE and row["summary"] == "Satu < /title> < b>dua< /b> & tiga"
        records = json.loads((out / f"{prefix}data/programs.json").read_text(encoding="utf-8"))["programs"]
        assert records[0]["title"] == HOSTILE_TITLE
        assert records[0]["url"] == f"https://contoh.github.io/katalog/{prefix}program/kelas-uji/"
        poster = BeautifulSoup((out / f"{prefix}program/kelas-uji/cetak/index.html").read_text(encoding="utf-8"),
                               "html.parser")
        assert poster.h1.get_text(strip=True) == HOSTILE_TITLE and not poster.find("script")


@pytest.mark.parametrize("snippet, code, needle", ATTACKS + [("![Peta](images/tidak-ada.png)", "image_missing_file", "")])
def test_a_refused_part_of_a_description_does_not_hide_its_writing_findings(content, snippet, code, needle):
    text = VALID_PROGRAM + "\n# Judul besar\n\nDaftarnya [klik di sini](https://a.example/daftar).\n\n" + snippet + "\n"
    content.program("kelas-uji", text)
    catalog = content.load()
    found = {(p.code, p.field) for p in catalog.problems + catalog.warnings}
    assert (code, "description") in found, found
    assert {("link_vague", "description"), ("heading_h1", "description")} <= found, \
        "one build reports the writing findings too, not only after the refused part is fixed"
