"""Writes the sheets to print for a notice board, each one A4 page: a poster for every program that can still be
joined (program/SLUG/cetak/) and each month's agenda (agenda/YYYY-MM/cetak/), each with a QR code (encoded by
zxing-cpp, written as SVG here) to the page it stands for."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

import zxingcpp
from pelican import signals

from katalog.assets import versioned
from katalog.listings import agenda, by_month
from katalog.outputs import CatalogOutput

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"


@dataclass
class SheetRow:
    item: object
    state: str  # the program's (Program.state)
    times: dict = field(default_factory=dict)  # sessions by their time of day (start, end, days spanned)


def month_rows(entries, view) -> list[SheetRow]:
    """One row per program with sessions in the month, in the order of its first session; its sessions grouped by
    their time of day."""
    rows: dict[str, SheetRow] = {}
    for entry in entries:
        program, session = entry.item.program, entry.session
        row = rows.setdefault(program.key, SheetRow(entry.item, view.state(program)))
        key = (session.start.timetz(), session.end.timetz(), session.end.date() - session.day)
        row.times.setdefault(key, []).append(session)
    return list(rows.values())


# Each module 4 pixels wide, and the 4 light modules around the code that scanners need.
QR_SCALE, QR_BORDER = 4, 4


def qr_modules(address: str) -> list[list[bool]]:
    """The QR code of an address (error correction M, the best mask by the standard's rules), row by row, True for a
    dark module."""
    image = memoryview(zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
                       .to_image(scale=1, add_quiet_zones=False))
    size = image.shape[1]
    data = image.tobytes()
    return [[data[row * size + column] < 128 for column in range(size)] for row in range(image.shape[0])]


def qr_svg_text(address: str) -> str:
    """The QR code as an SVG image: each row's dark runs as one-module-high strokes, moved to relatively, on a light
    square with the quiet zone."""
    modules = qr_modules(address)
    width = len(modules) + 2 * QR_BORDER
    moves, at = [], (0, 0)  # the pen's position, in modules; strokes run along y + 0.5
    for y, row in enumerate(modules):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            dx, dy = start + QR_BORDER - at[0], y + QR_BORDER - at[1]
            moves.append(f"m{dx} {dy}h{x - start}" if moves else f"M{start + QR_BORDER} {y + QR_BORDER}.5h{x - start}")
            at = (x + QR_BORDER, y + QR_BORDER)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * QR_SCALE}" height="{width * QR_SCALE}" '
            f'viewBox="0 0 {width} {width}" shape-rendering="crispEdges"><rect width="{width}" height="{width}" '
            f'fill="#fff"/><path stroke="#000" d="{"".join(moves)}"/></svg>\n')


def qr_svg(address: str, path: str) -> None:
    """A QR code for the address, as an SVG file: dark on light, with a quiet zone, readable from a printed sheet."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii") as handle:
        handle.write(qr_svg_text(address))


class PrintGenerator(CatalogOutput):
    """One language's posters and agenda sheets."""

    def _qr(self, address: str, folder: str) -> str:
        """Writes the QR code of an address into a sheet's folder; its own address, versioned like every file a
        page loads."""
        path = os.path.join(self.output_path, folder, "qr.svg")
        qr_svg(address, path)
        return versioned(f"{self.settings['SITEURL']}/{folder}qr.svg", path)

    def generate_output(self, writer):
        site = self.settings["SITEURL"]
        word = self.ks["KATALOG_PATHS"]["print"]
        posters = 0
        for article in self.items:
            if self.view.state(article.program) not in ("open", "full"):
                continue
            folder = f"{article.url}{word}/"
            qr = self._qr(f"{site}/{article.url}", folder)
            writer.write_file(f"{folder}index.html", self.get_template("poster"), self.context, relative_urls=False,
                              article=article, page_url=folder, qr=qr)
            posters += 1
        for month in by_month(agenda(self.items, self.ks["KATALOG_NOW"]), f"{self.ks['KATALOG_PATHS']['agenda']}/")[1:]:
            folder = f"{month.url}{word}/"
            qr = self._qr(f"{site}/{month.url}", folder)
            writer.write_file(f"{folder}index.html", self.get_template("agenda_sheet"), self.context,
                              relative_urls=False, month=month.month, month_url=month.url,
                              rows=month_rows(month.items, self.view), page_url=folder, qr=qr)
        logger.debug("%s %d posters and the agenda sheets written", LOG_PREFIX, posters)


def get_generators(pelican):
    return PrintGenerator


def register():
    signals.get_generators.connect(get_generators)
