"""The Chinese translation is complete, consistent with its sources, and compiled."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from schoolaid.common.grades import Grade, Stage
from schoolaid.common.i18n import set_language, translate
from schoolaid.roster.enrollment import EnrollmentStatus

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "schoolaid_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_no_unfinished_translations() -> None:
    unfinished = [(ctx, m.findtext("source")) for ctx, m in messages()
                  if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_placeholders_match() -> None:
    for context, message in messages():
        source = message.findtext("source")
        translation = message.findtext("translation")
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (context, source)


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    target = tmp_path / "check.ts"
    shutil.copy(TS, target)
    sources = sorted(str(p) for p in (ROOT / "src" / "schoolaid").rglob("*.py"))
    output = subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(target)],
                            capture_output=True, text=True, check=True).stdout
    assert "(0 new" in output, "run: python tools/i18n.py update, then translate the new strings\n" + output


def test_compiled_catalogue_is_up_to_date(tmp_path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-fail-on-unfinished", "-removeidentical", str(TS), "-qm", str(fresh)],
                   capture_output=True, check=True)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run: python tools/i18n.py release"


def test_core_messages_are_chinese_by_default_and_english_on_request() -> None:
    assert EnrollmentStatus.ENROLLED.label() == "在读"
    assert Grade(Stage.PRIMARY, 3).label() == "三年级"
    assert translate("Roster", "Enter the birth date.") == "请填写出生日期。"
    set_language("en")
    try:
        assert EnrollmentStatus.ENROLLED.label() == "Enrolled"
        assert Grade(Stage.PRESCHOOL, 1).label() == "Nursery class"
    finally:
        set_language("zh_CN")
    with pytest.raises(ValueError):
        set_language("fr")
