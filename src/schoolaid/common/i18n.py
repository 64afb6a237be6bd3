"""Translation of the core's user-facing messages, without Qt.

The core writes English source strings as ``translate("Context", "text")`` so that
``pyside6-lupdate`` collects them into ``translations/schoolaid_zh_CN.ts`` together with the GUI's
``tr()`` strings. Here the core reads that same ``.ts`` file, so the CLI and the GUI show the same
Chinese words from one catalogue. The language is process-wide: Chinese unless set otherwise.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from functools import cache

from schoolaid.common.paths import translations_dir

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED_LANGUAGES = ("zh_CN", "en")

_language = DEFAULT_LANGUAGE
_lock = threading.Lock()


def set_language(language: str) -> None:
    global _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def current_language() -> str:
    return _language


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    path = translations_dir() / f"schoolaid_{language}.ts"
    if not path.is_file():
        return {}
    catalogue: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            element = message.find("translation")
            if source is None or element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if element.text:
                catalogue[(name, source)] = element.text
    return catalogue


def translate(context: str, source: str) -> str:
    """The translation of ``source`` in the current language; the English source if there is none."""
    if _language == "en":
        return source
    with _lock:
        catalogue = _catalogue(_language)
    return catalogue.get((context, source), source)
