"""One place for bugs: every uncaught exception is written to the log and shown in a dialog."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from schoolaid.common.paths import user_log_dir

log = logging.getLogger("schoolaid")


def setup_logging() -> str:
    folder = user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "schoolaid.log"
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        return str(path)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


# No personal data in the log: an error message may quote a record's ID or phone number.
_ID_OR_PHONE = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15}|1\d{10})(?!\d)")


def scrub(text: str) -> str:
    return _ID_OR_PHONE.sub(lambda m: m.group(0)[:4] + "*" * (len(m.group(0)) - 4), text)


def install_excepthook(log_path: str) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception:\n%s", scrub(text))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("Crash", "SchoolAid: unexpected error"),
                          QCoreApplication.translate(
                              "Crash", "Something went wrong inside SchoolAid. Your saved data is safe: the "
                              "action that failed was not saved.\n\nPlease tell the person who supports the "
                              "program, and give them the log file:\n{path}").format(path=log_path))
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
