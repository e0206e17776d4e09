"""Every theme component is documented, and every example renders to valid markup that passes the gate."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader

from conftest import ROOT
from gate import checks
from gate.browser import SiteServer, axe_results, describe, new_driver

THEME = ROOT / "theme"
COMPONENTS = sorted((THEME / "templates" / "components").iterdir())
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def spec(component: Path) -> dict:
    return yaml.safe_load((component / "component.yaml").read_text(encoding="utf-8"))


def render(component: Path, params: dict) -> str:
    env = Environment(loader=FileSystemLoader(THEME / "templates"), autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)
    macro = re.search(r"macro (\w+)\(", (component / "macro.html").read_text(encoding="utf-8")).group(1)
    template = env.from_string(f'{{% from "components/{component.name}/macro.html" import {macro} %}}'
                               f"{{{{ {macro}(params) }}}}")
    return template.render(params=params)


def examples():
    for component in COMPONENTS:
        for example in spec(component)["examples"]:
            yield pytest.param(component, example, id=f"{component.name}-{example['name']}")


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.name)
def test_component_has_a_macro_a_template_and_documented_parameters(component):
    assert {"macro.html", "template.html", "component.yaml"} <= {p.name for p in component.iterdir()}
    documented = spec(component)
    assert documented["name"] == component.name and documented["description"]
    assert documented["examples"], "every component needs examples"
    for name, param in documented["params"].items():
        assert param.get("type") and param.get("description"), name
    used = set(re.findall(r"params(?:\.(\w+)|\['(\w+)'\])", (component / "template.html").read_text(encoding="utf-8")))
    used = {a or b for a, b in used}
    assert used <= set(documented["params"]), f"undocumented: {used - set(documented['params'])}"


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
        else:
            self.open.pop()


@pytest.mark.parametrize("component, example", list(examples()))
def test_example_renders_to_well_formed_markup(component, example):
    html = render(component, example["params"])
    assert html.strip()
    checker = _Checker()
    checker.feed(html)
    assert not checker.errors and not checker.open, (checker.errors, checker.open, html)
    assert len(checker.ids) == len(set(checker.ids)), "duplicate id"


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory):
    """Each example in a minimal page that uses the real stylesheet, served like the site."""
    folder = tmp_path_factory.mktemp("components")
    shutil.copytree(THEME / "static", folder / "theme")
    pages = []
    for component in COMPONENTS:
        documented = spec(component)
        for example in documented["examples"]:
            body = documented.get("wrap", "{}").format(render(component, example["params"]))
            name = f"{component.name}-{example['name']}.html"
            (folder / name).write_text(
                '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>{component.name}: {example["name"]}</title><link rel="stylesheet" href="/theme/css/main.css">'
                f'</head><body><main id="main"><h1>{component.name}</h1>{body}</main></body></html>', encoding="utf-8")
            pages.append(name)
    return folder, pages


@pytest.mark.browser
def test_every_example_passes_axe_and_our_page_checks(example_pages):
    folder, pages = example_pages
    driver = new_driver()
    failures = []
    try:
        with SiteServer(folder) as server:
            for name in pages:
                violations = axe_results(driver, f"{server.url}/{name}")["violations"]
                if violations:
                    failures.append(describe(name, violations))
                found = checks.link_text(driver) + checks.text_spacing(driver) + checks.reflow(driver)
                failures += [f"{name}: {f}" for f in found]
    finally:
        driver.quit()
    assert len(pages) >= 12
    assert not failures, "\n".join(failures)
