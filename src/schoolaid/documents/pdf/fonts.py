"""The faces printouts use, embedded and subset: Windows' own 仿宋/宋体/黑体 when present, else the
bundled faces. Every character is checked against the faces before anything is drawn; one that no
face has stops the printout with a message naming it — never an empty box on paper."""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.common.paths import fonts_dir


class MissingCharacter(SchoolAidError):
    """A character no face can draw."""


@dataclass(frozen=True)
class FaceFile:
    name: str  # the name the PDF and reportlab know it by: it identifies the face
    path: Path = field(compare=False)
    subfont: int = field(default=0, compare=False)


def _windows_fonts() -> Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    return Path(windir) / "Fonts" if windir else None


def _system(file_name: str, name: str, subfont: int = 0) -> FaceFile | None:
    folder = _windows_fonts()
    if folder is not None and (folder / file_name).is_file():
        return FaceFile(name, folder / file_name, subfont)
    return None


def _bundled(file_name: str, name: str, subfont: int = 0) -> FaceFile:
    return FaceFile(name, fonts_dir() / file_name, subfont)


def _patch_reportlab_to_unicode() -> None:
    """reportlab writes a character beyond the BMP (𠮷 U+20BB7) into a subset's ToUnicode map as
    <20BB7>, which PDF readers take for U+20BB: copying or searching a name with it finds "₻". The
    map wants UTF-16BE (<D842DFB7>); rewrite those entries."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "utf16", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap = original(fontname, subset)
        for code, char in enumerate(subset):
            if char > 0xFFFF:
                cmap = cmap.replace(f"\n<{code:02X}> <{char:04X}>\n",
                                    f"\n<{code:02X}> <{chr(char).encode('utf-16-be').hex().upper()}>\n")
        return cmap

    make_to_unicode_cmap.utf16 = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


_patch_reportlab_to_unicode()

KAI = _bundled("LXGWWenKai-Regular.ttf", "LXGWWenKai")
HEI = _bundled("wqy-microhei.ttc", "WenQuanYiMicroHei")


@dataclass(frozen=True, eq=False)  # one per process (see choose_faces): compared and hashed by identity
class Faces:
    """Which face each part of a document uses, and the faces to fall back on, in order."""

    body: FaceFile  # 仿宋 style for the body of official documents
    title: FaceFile  # 黑体/宋体 for titles
    plain: FaceFile  # tables and figures
    fallbacks: tuple[FaceFile, ...]


@cache
def choose_faces() -> Faces:
    """Windows' own faces when the PC has them (they look like every other official document); the
    bundled ones otherwise: 霞鹜文楷 (a Kai face, the closest free one to 仿宋) and 文泉驿微米黑."""
    body = _system("simfang.ttf", "FangSong") or KAI
    title = _system("simhei.ttf", "SimHei") or HEI
    plain = _system("simsun.ttc", "SimSun") or HEI
    # The bundled faces stay as fallbacks: 霞鹜文楷 has the rare characters of names (䶮 𠮷).
    fallbacks = tuple(dict.fromkeys(f for f in (body, title, plain, KAI, HEI)))
    return Faces(body, title, plain, fallbacks)


_lock = threading.Lock()


@cache
def _loaded(face: FaceFile) -> TTFont:
    font = TTFont(face.name, str(face.path), subfontIndex=face.subfont)
    pdfmetrics.registerFont(font)
    return font


_registered: set[str] = set()


def register(face: FaceFile) -> str:
    """Register the face with reportlab (once) and return its name."""
    if face.name not in _registered:
        with _lock:
            _loaded(face)
            _registered.add(face.name)
    return face.name


def covers(face: FaceFile, char: str) -> bool:
    with _lock:
        return ord(char) in _loaded(face).face.charToGlyph


@cache
def face_for(char: str, preferred: FaceFile, faces: Faces) -> FaceFile | None:
    """The preferred face if it has the character, else the first fallback that has it."""
    if char.isspace() or covers(preferred, char):
        return preferred
    return next((f for f in faces.fallbacks if f != preferred and covers(f, char)), None)


_drawable: dict[tuple[Faces, FaceFile], set[str]] = {}  # the characters found in a face or a fallback


def check(text: str, faces: Faces, record: str, preferred: FaceFile | None = None) -> None:
    """Stop before drawing if a character of ``text`` is in no face; ``record`` says whose it is."""
    preferred = preferred or faces.body
    drawable = _drawable.setdefault((faces, preferred), set())
    if drawable.issuperset(text):  # most texts: characters seen before
        return
    for char in dict.fromkeys(text):
        if face_for(char, preferred, faces) is None:
            raise MissingCharacter(translate(
                "Printing", "The character \u201c{char}\u201d (U+{code:04X}) in {record} is in none of the fonts on this "
                "PC, so it cannot be printed. Check the spelling, or write the character another way in that record."
            ).format(char=char, code=ord(char), record=record))
        drawable.add(char)


def runs(text: str, preferred: FaceFile, faces: Faces) -> list[tuple[FaceFile, str]]:
    """The text cut into runs of one face each (the preferred one wherever it has the character)."""
    return list(_runs(text, preferred, faces))


@functools.lru_cache(maxsize=4096)  # titles, numbers and names repeat from document to document
def _runs(text: str, preferred: FaceFile, faces: Faces) -> tuple[tuple[FaceFile, str], ...]:
    result: list[tuple[FaceFile, str]] = []
    for char in text:
        face = face_for(char, preferred, faces) or preferred
        if result and result[-1][0] == face:
            result[-1] = (face, result[-1][1] + char)
        else:
            result.append((face, char))
    return tuple(result)
