"""Developer tool for the Chinese translation.

    python tools/i18n.py update          # collect strings from src/ into translations/*.ts
    python tools/i18n.py fill FILE.json  # set translations from {"source": "译文"} or {"Context|source": "译文"}
    python tools/i18n.py missing         # print unfinished entries as a JSON skeleton to fill
    python tools/i18n.py release         # compile .ts to .qm (fails on unfinished entries)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "translations" / "schoolaid_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        venv_bin = Path(sys.executable).parent
        candidate = venv_bin / f"pyside6-{name}"
        if candidate.exists():
            return str(candidate)
        raise SystemExit(f"pyside6-{name} not found: pip install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src" / "schoolaid").rglob("*.py"))


def update() -> None:
    subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(TS)],
                   check=True, cwd=ROOT)


def release(target: Path = QM) -> None:
    subprocess.run([_tool("lrelease"), "-fail-on-unfinished", "-removeidentical", str(TS), "-qm", str(target)],
                   check=True, cwd=ROOT)


def _messages() -> tuple[ET.ElementTree, list[tuple[str, ET.Element]]]:
    tree = ET.parse(TS)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return tree, found


def missing() -> None:
    _, messages = _messages()
    todo = {f"{ctx}|{m.findtext('source')}": "" for ctx, m in messages
            if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"}
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
    print()


def fill(path: Path) -> None:
    mapping: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    tree, messages = _messages()
    filled = 0
    for ctx, message in messages:
        source = message.findtext("source") or ""
        translation = mapping.get(f"{ctx}|{source}", mapping.get(source))
        element = message.find("translation")
        if translation and element is not None:
            element.text = translation
            element.attrib.pop("type", None)
            filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    _, after = _messages()
    left = sum(1 for _, m in after if m.find("translation") is not None and m.find("translation").get("type") == "unfinished")
    print(f"filled {filled}, unfinished {left}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "missing":
        missing()
    elif command == "fill" and len(sys.argv) == 3:
        fill(Path(sys.argv[2]))
    else:
        print(__doc__)
        raise SystemExit(2)
