"""What static hosts read beside the pages: _headers (security headers, a year's cache for versioned files),
Netlify's _redirects (each language's 404 page) and netlify.toml."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT, SUBPATH_SITEURL, assert_no_traceback, get_settings, run_pelican


def rules(text: str) -> dict[str, dict[str, list[str]]]:
    """A _headers file read the way Netlify and Cloudflare read it: a path, then its indented headers."""
    found: dict[str, dict[str, list[str]]] = {}
    path = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            assert path.startswith("/"), line
            found.setdefault(path, {})
        else:
            name, _, value = line.strip().partition(":")
            assert path and value.strip(), line
            found[path].setdefault(name.strip(), []).append(value.strip())
    return found


def test_headers_carry_the_pages_policy_and_a_long_cache_for_versioned_files(built_site):
    headers = rules((built_site / "_headers").read_text(encoding="utf-8"))
    everything = headers["/*"]
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                     (built_site / "index.html").read_text(encoding="utf-8"))[1]
    assert everything["Content-Security-Policy"] == [meta.replace("&#39;", "'") + "; frame-ancestors 'none'"]
    assert everything["X-Content-Type-Options"] == ["nosniff"]
    assert everything["Referrer-Policy"] == ["strict-origin-when-cross-origin"]
    assert "camera=()" in everything["Permissions-Policy"][0] and "geolocation=()" in everything["Permissions-Policy"][0]
    # Cloudflare joins the values of every rule that matches: the cache is set only where it cannot clash.
    assert "Cache-Control" not in everything
    for folder in ("theme", "images"):
        assert headers[f"/{folder}/*"] == {"Cache-Control": ["public, max-age=31536000, immutable"]}
        assert (built_site / folder).is_dir()
    assert not (built_site / "_redirects").exists()  # Netlify only
    assert not (built_site / "en" / "_headers").exists()


def test_under_a_sub_path_the_rules_are_under_it(published_site):
    headers = rules((published_site / "_headers").read_text(encoding="utf-8"))
    path = SUBPATH_SITEURL.split(".io", 1)[1]
    assert set(headers) == {f"{path}/*", f"{path}/theme/*", f"{path}/images/*"}


def test_a_site_changes_its_headers_in_pelicanconf(content, tmp_path):
    content.program("kelas-uji")
    result = run_pelican(content.root, tmp_path / "out", "-e",
                         'KATALOG_HEADERS={"X-Frame-Options": null, "Cross-Origin-Opener-Policy": "same-origin"}',
                         "KATALOG_CACHE_SECONDS=86400")
    assert result.returncode == 0, result.stderr
    headers = rules((tmp_path / "out" / "_headers").read_text(encoding="utf-8"))
    assert "X-Frame-Options" not in headers["/*"] and headers["/*"]["Cross-Origin-Opener-Policy"] == ["same-origin"]
    assert headers["/*"]["X-Content-Type-Options"] == ["nosniff"]
    assert headers["/theme/*"]["Cache-Control"] == ["public, max-age=86400, immutable"]


def test_a_header_of_two_lines_is_refused_in_one_sentence(content, tmp_path):
    content.program("kelas-uji")
    result = run_pelican(content.root, tmp_path / "out", "-e", 'KATALOG_HEADERS={"X-Test": "a\\nSet-Cookie: b"}')
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "must be one line" in result.stderr and not (tmp_path / "out").exists()


def test_on_netlify_each_language_has_its_404_rule(content, tmp_path):
    content.program("kelas-uji")
    output = tmp_path / "out"
    result = run_pelican(content.root, output, env={"NETLIFY": "true"})
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in (output / "_redirects").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    languages = ["en", "jv"]
    assert lines == [[f"/{lang}/*", f"/{lang}/404.html", "404"] for lang in languages] + [["/*", "/404.html", "404"]]
    for _, target, _ in lines:
        assert (output / target.lstrip("/")).is_file()
    assert set(get_settings()["I18N_SUBSITES"]) == set(languages)


def test_netlify_toml_builds_with_make_publish_for_the_right_address():
    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert config["build"]["publish"] == re.search(r"^OUTPUT\s*\?=\s*(\S+)", makefile, re.MULTILINE)[1]
    assert config["build"]["environment"]["PYTHON_VERSION"] == (ROOT / ".python-version").read_text().strip()
    commands = [config["build"]["command"]] + [config["context"][name]["command"]
                                                for name in ("deploy-preview", "branch-deploy")]
    for command in commands:
        assert command == 'make publish SITEURL="$(scripts/site-address)" && make deployable'
    assert (ROOT / "scripts" / "site-address").stat().st_mode & 0o111
