"""Renders the icon's SVG source (resources/icons/schoolaid.svg) to the PNG sizes desktops ask for and to a
Windows .ico holding them all. Run it after changing the SVG and commit what it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/icons.py

Qt draws the SVG (the same renderer the window would use); Pillow packs the .ico, which Qt writes with
one size only."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "schoolaid.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/schoolaid.svg is not a valid SVG")
    rendered = {size: render(renderer, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (ICONS / f"schoolaid-{size}.png").write_bytes(rendered[size])
    largest = Image.open(io.BytesIO(rendered[max(ICO_SIZES)]))
    frames = [Image.open(io.BytesIO(rendered[size])) for size in ICO_SIZES if size != max(ICO_SIZES)]
    largest.save(ICONS / "schoolaid.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames)
    print(f"wrote {len(PNG_SIZES)} PNG sizes and schoolaid.ico to {ICONS}")


if __name__ == "__main__":
    main()
