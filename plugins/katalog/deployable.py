"""Whether a built site may be published: the sample never is (python -m katalog.deployable OUTPUT).

The sample's pages carry a visible notice (content/data/site.yaml `sample:`). Published, a fictional library would
be taken for a real one, so a site that still carries it is not deployed. In GitHub Actions the publishing workflow
goes on green, says why in its job summary and sets the step's output `deploy=false`; anywhere else (make
deployable, Netlify's build command) the command fails, which stops the deploy.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import ci
from .i18n import N_, translate

MARK = 'class="sample-notice"'  # the notice base.html writes on every page of a sample
TEXTS = {
    "sample": N_("Situs tidak diterbitkan: ini masih katalog contoh ({count} halaman memuat pemberitahuan «Contoh»)."),
    "how": N_("Isi content/data/site.yaml dengan fakta perpustakaan Anda dan hapus baris sample:, ganti program "
              "contoh dengan program Anda (docs/mulai.md), lalu simpan lagi: situs diterbitkan setelah pemeriksaan "
              "berikutnya."),
    "ok": N_("Situs boleh diterbitkan: tidak ada halaman contoh."),
}


def sample_pages(output: Path) -> list[Path]:
    """The pages that still carry the sample's notice."""
    found = []
    for page in sorted(output.rglob("*.html")):
        with open(page, encoding="utf-8", errors="replace") as handle:
            if MARK in handle.read():
                found.append(page)
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="output")
    parser.add_argument("--lang", default=os.environ.get("KATALOG_MESSAGE_LANG") or "id")
    args = parser.parse_args(argv)
    output = Path(args.output)
    if not output.is_dir():
        sys.stderr.write(f"{output}: no such folder; build the site first (make publish)\n")
        return 2
    pages = sample_pages(output)
    if not pages:
        _set_output("true")
        sys.stdout.write(translate(TEXTS["ok"], args.lang) + "\n")
        return 0
    message = translate(TEXTS["sample"], args.lang).format(count=len(pages)) + "\n" + translate(TEXTS["how"], args.lang)
    if ci.active():
        _set_output("false")
        ci.write_summary(f"### {message.splitlines()[0]}\n\n{message.splitlines()[1]}\n")
        sys.stdout.write(f"::notice title=Contoh::{ci.workflow_data(message)}\n")
        return 0
    sys.stderr.write(message + "\n")
    return 1


def _set_output(value: str) -> None:
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
            handle.write(f"deploy={value}\n")


if __name__ == "__main__":
    sys.exit(main())
