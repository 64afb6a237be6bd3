"""The bundled Chinese fonts, registered with Qt so that Chinese renders on a PC without them."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from schoolaid.common.paths import fonts_dir

log = logging.getLogger(__name__)

BUNDLED_FONT_FILES = ("wqy-microhei.ttc", "LXGWWenKai-Regular.ttf")
# Windows' own UI face first when present; then the bundled Hei face; then the bundled Kai face,
# which also has the rare name characters (䶮 𠮷) the Hei face lacks.
UI_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "LXGW WenKai")

_registered: list[str] = []


def register_bundled_fonts() -> list[str]:
    """Register the bundled fonts once; returns the families Qt now knows from them."""
    if _registered:
        return list(_registered)
    for name in BUNDLED_FONT_FILES:
        path = fonts_dir() / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path)
            continue
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def ui_font(point_size: float = 10.0) -> QFont:
    available = set(QFontDatabase.families())
    families = [f for f in UI_FAMILIES if f in available]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


def apply_ui_font(app: QApplication) -> None:
    register_bundled_fonts()
    app.setFont(ui_font(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0))


def missing_characters(text: str, families: list[str] | None = None) -> list[str]:
    """Characters of ``text`` that none of the UI faces can draw (they would show as empty boxes)."""
    from PySide6.QtGui import QRawFont

    families = families or [f for f in UI_FAMILIES if f in set(QFontDatabase.families())]
    raw_fonts = [QRawFont.fromFont(QFont(family)) for family in families]
    missing = []
    for char in dict.fromkeys(text):
        if char.isspace():
            continue
        if not any(raw.supportsCharacter(ord(char)) for raw in raw_fonts):
            missing.append(char)
    return missing
