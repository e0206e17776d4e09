"""Property tests: whatever a program file holds, the build either succeeds or reports problems with file and line.

It never raises an unexpected exception, never prints a traceback and never changes an existing output folder.
`make test` tries a bounded number of generated files; KATALOG_FUZZ_EXAMPLES=2000 tries more (see README).
"""

from __future__ import annotations

import hashlib
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_PROGRAM, ContentFolder, assert_no_traceback, run_pelican

EXAMPLES = int(os.environ.get("KATALOG_FUZZ_EXAMPLES", "150"))
BUILD_EXAMPLES = max(3, EXAMPLES // 30)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
# Problems about a whole file or setting rather than a line in it.
WITHOUT_LINE = {"read_error", "missing_translation", "symlink", "special_file", "case_clash", "bad_folder_name",
                "file_type", "file_content_mismatch", "image_too_big", "unsafe_svg", "bad_setting"}

LINES = VALID_PROGRAM.splitlines()
# The lines that hold a value: "key: value", at any depth.
VALUE_LINES = [i for i, line in enumerate(LINES) if re.match(r"^\s*[a-z_]+:", line)]

odd_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
YAML_JUNK = ["&a x", "*a", "!!python/object:os.system x", "!x y", "{", "[", "? x", "<<: *a", ": :", "- - -", "|",
             ">", "'", '"', "\t", "%YAML 1.1", "@x", "`x`", "[[[[[[[[[[", "{a: {b: {c: {d: {e: {f: {g: 1}}}}}}}",
             "x\n---\ny: 1", "null", "~", "yes", "0x1F", "1e400", ".inf", "2026-02-30 09:00", "24:00", "-1",
             "99999999999999999999999", "\u00b2", "\u0663", "\u202eevil", "a\u200bb", "\x00", "\ufeff",
             "x" * 6000, "[" + "x, " * 600 + "]"]
values = st.one_of(
    st.just(""),
    odd_text,
    odd_text.map(json.dumps),
    st.sampled_from(YAML_JUNK),
    st.text("{}[]&*!|>'\"#%@`-?,:\t \n", max_size=30),
    st.integers(-10 ** 30, 10 ** 30).map(str),
    st.lists(odd_text.map(json.dumps), max_size=5).map(lambda items: "[" + ", ".join(items) + "]"),
    st.dictionaries(st.sampled_from(["start", "end", "every", "count", "until", "days", "interval", "src", "alt",
                                     "decorative", "name", "phone", "whatsapp", "walk_in", "x"]),
                    st.one_of(odd_text.map(json.dumps), st.sampled_from(YAML_JUNK[:12])), max_size=4)
      .map(lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs.items()) + "}"),
)
FRAGMENTS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "<b>",
             "</div>", "<svg onload=alert(1)>", "[x]{jv}", "[x]{", "| a | b |\n|---|---|\n| 1 | 2 |", "    - x",
             "![a](images/komputer-lansia.svg)", "![a](../x.png)", "<!--", "&#106;avascript:", "<a href=", "*", "_",
             "`", "\n\n", "\u202e", "<iframe>", "<p style=x>", "[" * 50, "<" * 50, "<marquee>x</marquee>"]
bodies = st.lists(st.one_of(st.sampled_from(FRAGMENTS), odd_text), max_size=12).map("".join)


@st.composite
def program_files(draw) -> str:
    """The valid program with one to three of its values replaced, a line dropped or doubled, and a new body."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.sampled_from(VALUE_LINES))
        action = draw(st.sampled_from(["replace", "replace", "replace", "drop", "double"]))
        if action == "drop":
            lines[index] = ""
        elif action == "double":
            lines[index] = lines[index] + "\n" + lines[index]
        else:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(values)}"
    closing = len(lines) - 2  # the --- before the body
    lines[closing + 1] = draw(bodies)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return ContentFolder(tmp_path_factory.mktemp("fuzz") / "content")


def assert_reported(catalog):
    """Every problem names its file, and a line unless it is about the whole file; every message can be shown."""
    for problem in catalog.problems + catalog.warnings:
        assert problem.path
        if problem.code not in WITHOUT_LINE:
            assert problem.line and problem.line >= 1, problem
        for lang in ("id", "en"):
            assert problem.format(lang)


UNSAFE = re.compile(r"<(script|iframe|svg|object|embed|form|style|math)\b|\son\w+\s*=|javascript:|vbscript:|data:",
                    re.IGNORECASE)


@FUZZ
@given(text=program_files())
def test_any_program_file_is_built_or_reported(folder, text):
    folder.program("kelas-acak", text)
    catalog = folder.load()
    assert_reported(catalog)
    if not catalog.problems:
        for item in catalog.programs:
            assert not UNSAFE.search(item.html), item.html


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_are_read_or_reported(folder, data):
    folder.program("kelas-acak", b"---\n" + data)
    assert_reported(folder.load())


@FUZZ
@given(text=st.text(max_size=300))
def test_any_data_file_is_read_or_reported(tmp_path_factory, text):
    folder = ContentFolder(tmp_path_factory.mktemp("data") / "content")
    (folder.root / "data" / "partners.yaml").write_text(text, encoding="utf-8")
    folder.program("kelas-uji")
    assert_reported(folder.load())


def snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@settings(max_examples=BUILD_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=program_files())
def test_the_real_build_never_prints_a_traceback_nor_touches_the_last_good_site(tmp_path_factory, text):
    folder = ContentFolder(tmp_path_factory.mktemp("build") / "content")
    output = folder.root.parent / "out"
    folder.program("kelas-uji")
    assert run_pelican(folder.root, output).returncode == 0
    before = snapshot(output)
    folder.program("kelas-acak", text)
    result = run_pelican(folder.root, output, timeout=120)
    assert_no_traceback(result)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    if result.returncode == 1:
        assert "Situs tidak dibangun:" in result.stderr
        assert snapshot(output) == before
