"""What a screen reader gets from a page: a plain-text outline read from Chromium's accessibility tree.

make outline PAGE=output/program/kelas-komputer-lansia/index.html
"""

from __future__ import annotations

import sys
from pathlib import Path

from .browser import SiteServer, new_driver

LANDMARKS = {"banner", "navigation", "main", "contentinfo", "complementary", "region", "search", "form"}
CONTROLS = {"link", "button", "textbox", "combobox", "checkbox", "radio"}

# Parts of the page in another language than the page itself, read from the DOM (the tree has no lang).
_LANGUAGE_CHANGES = """
  const page = document.documentElement.lang;
  return Array.from(document.querySelectorAll('body [lang]'))
    .filter(el => el.lang !== page && !el.parentElement.closest('[lang]:not(html)'))
    .map(el => [el.lang, el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60)]);
"""


def _name(node) -> str:
    return " ".join(str(node.get("name", {}).get("value", "")).split())


def outline(driver, url: str) -> str:
    driver.get(url)
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    root = next(n for n in nodes if "parentId" not in n)
    lines = [f"page lang={driver.execute_script('return document.documentElement.lang')} "
             f"title=\u201c{driver.title}\u201d"]

    def walk(node, depth):
        role = node.get("role", {}).get("value", "")
        ignored = node.get("ignored", False)
        if not ignored and role in LANDMARKS:
            lines.append(f"{'  ' * depth}[{role}] {_name(node)}".rstrip())
            depth += 1
        elif not ignored and role == "heading":
            level = next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "level"), "?")
            lines.append(f"{'  ' * depth}h{level} {_name(node)}")
        elif not ignored and role in CONTROLS:
            lines.append(f"{'  ' * depth}{role} \u201c{_name(node)}\u201d")
            return  # a control's own children repeat its name
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child], depth)

    walk(root, 0)
    changes = driver.execute_script(_LANGUAGE_CHANGES)
    lines += [f"language change {lang}: \u201c{text}\u201d" for lang, text in changes]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1 or not Path(args[0]).is_file():
        sys.stderr.write("usage: make outline PAGE=path/to/page.html\n")
        return 2
    page = Path(args[0]).resolve()
    root = page.parent
    # Serve from the site root when the page sits in a built site, so its links and styles resolve.
    for parent in page.parents:
        if (parent / "index.html").is_file() and (parent / "theme").is_dir():
            root = parent
            break
    driver = new_driver()
    try:
        with SiteServer(root) as server:
            sys.stdout.write(outline(driver, f"{server.url}/{page.relative_to(root).as_posix()}"))
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
