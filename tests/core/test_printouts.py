"""Printed documents (issue 7), read back from the PDFs: Chinese line breaking on the notice's grid
and in reportlab's paragraphs; the enrollment-urging notice — A4, every font embedded and subset,
the 28 × 22 grid, what it says, the rare characters of names; a character no font has stops a
printout before anything is issued or written; notices in one PDF, each from a new page; the
quarterly summary's figures and its PDF; the term-start report, the pairing register and a batch's
sign-off sheet.

(Named test_printouts, not test_printing: tests/ui/test_printing.py has that name, and two test
modules of one name in folders without __init__.py stop pytest collecting the whole suite.)

Services check dates against the real calendar, so every date here lies before 2026-11-29 and the
services that accept ``today=`` are given one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.sax.saxutils import escape

import pdfplumber
import pypdf
import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, nth_school_day
from schoolaid.common.vocabulary import StaffRole
from schoolaid.documents.pdf import fonts, layout
from schoolaid.documents.pdf.fonts import MissingCharacter
from schoolaid.documents.pdf.layout import (
    BLOCK_WIDTH,
    BOTTOM,
    CANNOT_END,
    CANNOT_START,
    CELL,
    GRID_CHARS,
    GRID_LINES,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PITCH,
    RIGHT,
    TOP,
    break_lines,
    half_units,
)
from schoolaid.dropout import absences, case_files, notice_pdf, notices, persuasion, vocabulary
from schoolaid.ledger import posting, subsidy_programmes
from schoolaid.pairing import pairing, staff, visits
from schoolaid.pairing.visits import VisitEntry
from schoolaid.reporting import quarterly, reports, summary
from schoolaid.roster import households, roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import HouseholdForm
from tests.conftest import school_id, student_form, village_id

MONDAY = dt.date(2026, 10, 12)  # an unexplained absence from this Monday …
FRIDAY = dt.date(2026, 10, 16)  # … is a suspected dropout on the Friday, when the case is opened
ISSUED = dt.date(2026, 10, 23)  # the notice: ten school days after the Monday, deadline 15 days later
TODAY = dt.date(2026, 11, 20)
RARE = "䶮堃喆𠮷"  # in names; 𠮷 (U+20BB7) lies beyond the BMP
A4 = (595.28, 841.89)
SUBSET = re.compile(r"^[A-Z]{6}\+")


# --- Reading PDFs back ----------------------------------------------------------------------------------------


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def page_lines(path: Path) -> list[list[str]]:
    return [text.splitlines() for text in page_texts(path)]


def first_page_chars(path: Path) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[0].chars)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    with pdfplumber.open(path) as pdf:
        return [(float(page.width), float(page.height)) for page in pdf.pages]


def font_resources(path: Path) -> dict[str, pypdf.generic.DictionaryObject]:
    """Every font any page names, by its PDF name, with the descriptor that says how it is stored."""
    found = {}
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            found[str(font["/BaseFont"]).lstrip("/")] = font
    return found


def assert_fonts_embedded_and_subset(path: Path) -> None:
    """No font is merely named (a viewer would substitute one): each is a subset stored in the file."""
    resources = font_resources(path)
    assert resources, "a document with no font"
    for name, font in resources.items():
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{name} is not embedded"
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} is not embedded"
        assert SUBSET.match(name), f"{name} is embedded whole, not subset"
    with pdfplumber.open(path) as pdf:
        drawn = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert drawn <= set(resources)


PAGE_NUMBER = re.compile(r"^— \d+ —$")  # GB/T 9704's page number, the one line that may start with a dash


def assert_no_line_starts_with_closing_punctuation(lines: list[str]) -> None:
    for line in lines:
        if PAGE_NUMBER.match(line):
            continue
        stripped = line.lstrip(" \u3000")
        assert not stripped or stripped[0] not in CANNOT_START, line


def ink(path: Path, char: dict, scale: float = 3) -> float:
    """The share of dark pixels in the box of a character drawn on the first page."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        image = document[0].render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()
    box = image.crop((round(char["x0"] * scale), round(char["top"] * scale), round(char["x1"] * scale),
                      round(char["bottom"] * scale)))
    dark = box.histogram()[:128]  # grey levels 0–127
    return sum(dark) / (box.width * box.height)


# --- The data ------------------------------------------------------------------------------------------------


def pupil(db, actor, name: str, sequence: int, *, guardian: str | None = None,
          status: EnrollmentStatus = EnrollmentStatus.ENROLLED, **changes: object) -> int:
    changes.setdefault("entry_date", dt.date(2022, 9, 1))
    form = student_form(db, name, sequence=sequence, guardian_name=guardian or f"{name[0]}大山", **changes)
    return db.run(roster.add_student, actor, form, status=status, today=TODAY)


def open_case(db, actor, student_id: int, start: dt.date = MONDAY, *, ready: bool = False) -> int:
    """An unexplained absence from ``start`` and the case opened on its fifth school day; ``ready``:
    with the two failed attempts (the school, the village committee and the township) a notice needs."""
    absence_id = db.run(absences.record_absence, actor, student_id, start, today=TODAY)
    case_id = db.run(case_files.open_case, actor, student_id, absence_id,
                     today=nth_school_day(start, 5, DEFAULT_HOLIDAYS))
    if ready:
        failed_attempt(db, actor, case_id, dt.date(2026, 10, 17))
        failed_attempt(db, actor, case_id, dt.date(2026, 10, 21))
    return case_id


def failed_attempt(db, actor, case_id: int, day: dt.date) -> None:
    db.run(persuasion.log_attempt, actor, case_id, persuasion.AttemptEntry(
        day, "班主任、村委会、镇政府", "监护人", vocabulary.Method.HOME_VISIT.value, "家长仍不同意返校", False,
        tuple(p.value for p in vocabulary.Party)), today=TODAY)


def uncovered_character() -> str:
    """A CJK character (Extension B to D) that no face of this PC has."""
    faces = fonts.choose_faces()
    for code in range(0x20000, 0x2B820):
        char = chr(code)
        if not any(fonts.covers(face, char) for face in (faces.body, faces.title, faces.plain, *faces.fallbacks)):
            return char
    pytest.skip("every face here has all of Extension B to D")


def leftovers(folder: Path) -> list[str]:
    """Files a failed printout left behind (its temporary file, or the PDF)."""
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".part"))


@pytest.fixture
def school(township_db, actor):
    """平地镇 with a principal who answers for the central school, and a pupil whose name and
    guardian have the rare characters."""
    db = township_db
    db.run(staff.add_staff, actor, "王建国", school_id(db, "平地镇中心校"), StaffRole.PRINCIPAL, "13900000001")
    rare = pupil(db, actor, "王䶮堃", 1, guardian="喆𠮷")
    return db, rare


# --- Chinese line breaking ---------------------------------------------------------------------------------

opening = st.text(alphabet=CANNOT_END, max_size=1)
closing = st.text(alphabet=CANNOT_START, max_size=2)  # "）。", "……", "”，"
core = st.one_of(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8),
                 st.text(alphabet="0123456789ABCxyz", min_size=1, max_size=18))  # a phone number, an ID number
chinese_text = st.lists(st.tuples(opening, core, closing), max_size=40).map(
    lambda units: "".join(o + c + p for o, c, p in units))  # punctuation as Chinese text has it: around words


@settings(max_examples=300, deadline=None)
@given(text=chinese_text, indent=st.sampled_from([0, 2]))
def test_grid_lines_fit_and_keep_punctuation_and_numbers_in_place(text: str, indent: int) -> None:
    lines = break_lines(text, indent=indent)
    assert "".join(lines) == "\u3000" * indent + text  # nothing lost, nothing added but the indent
    for line in lines:
        assert sum(half_units(c) for c in line) <= GRID_CHARS * 2, line  # at most 28 cells
        assert line[0] not in CANNOT_START, lines
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, lines
    # A run of Latin letters and numerals (a phone number, a year) is never cut over two lines.
    ends = {sum(len(line) for line in lines[:n]) for n in range(1, len(lines))}
    for run in re.finditer(r"[0-9A-Za-z]+", "\u3000" * indent + text):
        if len(run.group()) > 18:  # numbers run together past an ID number's length may need more than a line
            continue
        assert not any(run.start() < end < run.end() for end in ends), (run.group(), lines)


def test_grid_lines_by_example() -> None:
    # A phone number that would cross the end of the line goes down whole.
    assert break_lines("字" * 20 + "联系电话13900000001。") == ["\u3000\u3000" + "字" * 20 + "联系电话",
                                                              "13900000001。"]
    # A closing mark that would start a line takes the character before it down with it.
    full = "\u3000\u3000" + "字" * 26  # the first line is full …
    assert break_lines("字" * 26 + "。") == [full[:-1], "字。"]
    # … and an opening mark at the end of a line goes down to the word it opens.
    assert break_lines("字" * 25 + "《法》") == ["\u3000\u3000" + "字" * 25, "《法》"]


def test_reportlab_knows_every_closing_mark() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for char in "，。；：！？、》”’）":
        assert char in textsplit.ALL_CANNOT_START and char in paragraph.ALL_CANNOT_START, char


def paragraph_lines(paragraph: Paragraph) -> list[str]:
    """The lines reportlab broke a wrapped paragraph into."""
    result = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one font: (extra space, [text])
            result.append("".join(line[1]))
        else:  # fragments
            result.append("".join(getattr(word, "text", "") for word in line.words))
    return result


@settings(max_examples=100, deadline=None)
@given(text=chinese_text.filter(bool), width=st.floats(min_value=80, max_value=440), split=st.integers(0, 400))
def test_reportlab_paragraphs_never_start_a_line_with_closing_punctuation(text: str, width: float,
                                                                          split: int) -> None:
    """In one font (reportlab's word splitter) or, when ``split`` falls inside the text, in two: the
    start in another face, as a name's rare character is (its fragment splitter)."""
    faces = fonts.choose_faces()
    style = ParagraphStyle("body", fontName=fonts.register(faces.plain), fontSize=12, leading=20, wordWrap="CJK")
    markup = escape(text)
    if split < len(text):
        markup = f'<font face="{fonts.register(faces.body)}">{escape(text[:split])}</font>{escape(text[split:])}'
    paragraph = Paragraph(markup, style)
    paragraph.wrap(width, 100_000)
    lines = paragraph_lines(paragraph)
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line and line[0] not in CANNOT_START, lines


@pytest.mark.parametrize("marks", ["）。", "”。", "》，", "……"])
def test_two_closing_marks_at_the_end_of_a_line_read_back(tmp_path, marks: str) -> None:
    """Through the module every flowing printout uses, in one font (the body: 34 characters of 12 pt
    after the indent) and in two (10.5 pt table text, 42 characters, with a rare character from a
    fallback face): the first mark is one character too many. reportlab alone hangs it in the margin
    and starts the next line with the second."""
    faces = fonts.choose_faces()
    story = layout.Story(faces)
    follow = "根据《义务教育法》第五条、第十一条、第五十八条，责令限期改正；逾期不改的，依法处理！" * 3
    story.add("学" * 34 + marks + follow, story.styles.body, "测试")
    assert fonts.face_for("䶮", faces.plain, faces) != faces.plain  # the cell face lacks it: two fonts
    story.add("王䶮堃" + "学" * 39 + marks + follow, story.styles.cell, "测试")
    assert len(story.flowables[-1].frags) > 1
    layout.build(tmp_path / "段落.pdf", story, title="测试")
    [lines] = page_lines(tmp_path / "段落.pdf")
    assert len(lines) > 6
    assert_no_line_starts_with_closing_punctuation(lines)
    assert sum(marks in line for line in lines) >= 2  # kept together, with the character before them


# --- The notice ---------------------------------------------------------------------------------------------


@pytest.fixture
def printed(school, actor, tmp_path):
    """The notice of the rare-named pupil's case, issued and printed on ISSUED."""
    db, rare = school
    case_id = open_case(db, actor, rare, ready=True)
    path = tmp_path / "通知书.pdf"
    issued = db.run(notice_pdf.print_case_notice, actor, case_id, path, today=ISSUED)
    return db, case_id, issued, path


def test_the_notice_is_issued_recorded_and_printed_on_a4(printed) -> None:
    db, case_id, issued, path = printed
    assert (issued.document_number, issued.guardian, issued.issued_on, issued.deadline) == (
        "平府教〔2026〕1号", "喆𠮷", ISSUED, ISSUED + dt.timedelta(days=15))
    assert db.query(case_files.get_case, case_id).notice == issued  # recorded on the case
    sizes = page_sizes(path)  # the notice runs over to a second page, its receipt at the end
    assert len(sizes) == 2 and all(size == pytest.approx(A4, abs=1) for size in sizes)
    assert_fonts_embedded_and_subset(path)


def test_the_notice_says_what_the_law_asks(printed) -> None:
    _db, _case_id, _issued, path = printed
    lines = [line for page in page_lines(path) for line in page]
    text = "".join(lines)
    assert lines[0] == "敦促入学通知书" and lines[1] == "平府教〔2026〕1号"
    assert "喆𠮷：" in lines  # the guardian addressed, with the full-width colon
    for expected in ("你的子女王䶮堃（男）系平地镇中心校四年级学生", "2026年10月12日起未到校上学", "已缺课10个教学日",
                     "第五条", "第十一条", "第十三条", "第五十八条", "第十六条", "第十七条", "家庭教育促进法》第十四条",
                     "先后2次劝返无果", "15日内（2026年11月7日前）", "送王䶮堃到平地镇中心校报到复学",
                     "联系人：王建国老师，电话：13900000001。", "平地镇人民政府（盖章）", "2026年10月23日"):
        assert expected in text, expected
    assert "2026年10月07" not in text and "11月07日" not in text  # dates without zero padding
    # Below the cut line, the proof of service with the same number.
    assert "沿此线剪下" in text and "送达回证" in text.replace(" ", "")
    assert text.count("平府教〔2026〕1号") == 2
    for label in ("受送达人", "送达地点", "送达时间", "送达人签名"):
        assert label in text
    assert_no_line_starts_with_closing_punctuation(lines)


def test_the_notice_body_sits_on_the_28_by_22_grid(printed) -> None:
    _db, _case_id, issued, path = printed
    chars = [c for c in first_page_chars(path) if c["text"].strip()]
    # Every character inside the text block but the page number below it.
    outside = [c for c in chars if c["bottom"] > PAGE_HEIGHT - BOTTOM + 1]
    assert "".join(c["text"] for c in outside).replace(" ", "") == "—1—"
    for char in chars:
        if char not in outside:
            assert LEFT - 1 <= char["x0"] and char["x1"] <= PAGE_WIDTH - RIGHT + 1, char["text"]
            assert TOP - 1 <= char["top"], char["text"]
    # The title, 22 pt, centred on the text block.
    title = [c for c in chars if c["size"] == pytest.approx(22)]
    assert "".join(c["text"] for c in title) == "敦促入学通知书"
    assert (min(c["x0"] for c in title) + max(c["x1"] for c in title)) / 2 == pytest.approx(LEFT + BLOCK_WIDTH / 2,
                                                                                             abs=1)
    # The 16 pt body: each character vertically centred on one of the 22 lines, PITCH apart …
    body = [c for c in chars if c["size"] == pytest.approx(16)]
    lines: dict[int, list[dict]] = {}
    for char in body:
        middle = (char["top"] + char["bottom"]) / 2
        line = round((middle - TOP) / PITCH - 0.5)
        assert middle == pytest.approx(TOP + (line + 0.5) * PITCH, abs=1), char["text"]
        lines.setdefault(line, []).append(char)
    assert set(lines) <= set(range(GRID_LINES)) and len(lines) >= 15
    numbered = [n for n, line in lines.items() if "".join(c["text"] for c in line) == issued.document_number]
    assert numbered == [1]  # under the title: centred in its own size, not on the grid's cells
    # … and horizontally in its cell: a full cell for a Chinese character, half for a numeral.
    for number, line in sorted(lines.items()):
        if number in numbered:
            continue
        used = 0.0
        for char in sorted(line, key=lambda c: c["x0"]):
            units = half_units(char["text"])
            cell = ((char["x0"] + char["x1"]) / 2 - LEFT) / (CELL / 2) - units / 2  # in half cells
            assert cell == pytest.approx(round(cell), abs=0.05), (number, char["text"])
            assert round(cell) >= used, (number, char["text"])  # no two characters in one cell
            used = round(cell) + units
        assert used <= GRID_CHARS * 2, number  # 28 cells at most
    # Paragraphs begin two cells in; the addressee at the margin.
    starts = {"".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))[:4]: min(c["x0"] for c in line)
              for line in lines.values()}
    assert starts["你的子女"] == pytest.approx(LEFT + 2 * CELL + (CELL - 16) / 2, abs=0.2)
    assert starts["喆𠮷："] == pytest.approx(LEFT + (CELL - 16) / 2, abs=0.2)
    # No grid line starts with closing punctuation.
    for line in lines.values():
        assert min(line, key=lambda c: c["x0"])["text"] not in CANNOT_START


def test_the_rare_characters_of_names_are_drawn(printed) -> None:
    _db, _case_id, _issued, path = printed
    text = page_texts(path)[0]
    assert "王䶮堃" in text and "喆𠮷" in text  # read back as themselves (𠮷 lies beyond the BMP)
    faces = fonts.choose_faces()
    for char in RARE:
        assert fonts.face_for(char, faces.body, faces) is not None
    chars = first_page_chars(path)
    for rare in RARE:
        [drawn, *_] = [c for c in chars if c["text"] == rare]
        face = next(f for f in faces.fallbacks if f.name in drawn["fontname"])
        assert fonts.covers(face, rare)  # set in a face that has its glyph …
        assert ink(path, drawn) > 0.05, rare  # … and there is ink in its cell


def test_a_character_no_font_has_is_named_with_its_record() -> None:
    missing = uncovered_character()
    faces = fonts.choose_faces()
    fonts.check(f"王{RARE}：你的子女", faces, "王䶮堃的敦促入学通知书")  # every character found: nothing said
    with pytest.raises(MissingCharacter) as refused:
        fonts.check(f"张{missing}明", faces, "学生“张明”")
    assert missing in refused.value.message and f"U+{ord(missing):04X}" in refused.value.message
    assert "学生“张明”" in refused.value.message


def test_a_notice_with_a_character_no_font_has_is_neither_issued_nor_written(school, actor, tmp_path) -> None:
    db, _rare = school
    missing = uncovered_character()
    student = pupil(db, actor, f"张{missing}", 2)
    case_id = open_case(db, actor, student, ready=True)
    path = tmp_path / "通知书.pdf"
    with pytest.raises(MissingCharacter) as refused:
        db.run(notice_pdf.print_case_notice, actor, case_id, path, today=ISSUED)
    message = refused.value.message
    assert missing in message and f"张{missing}的敦促入学通知书（平府教〔2026〕1号）" in message
    assert leftovers(tmp_path) == []  # no PDF, no temporary file
    assert db.query(notices.notices, case_id) == []  # the issue was rolled back with the printout …
    other = open_case(db, actor, pupil(db, actor, "李小红", 3), ready=True)
    db.run(notices.issue_notice, actor, other, ISSUED, today=TODAY)
    assert db.query(case_files.get_case, other).notice.document_number == "平府教〔2026〕1号"  # … and its number is free


def test_a_flowing_printout_with_a_character_no_font_has_is_not_written(township_db, actor, tmp_path) -> None:
    db = township_db
    missing = uncovered_character()
    helper = db.run(staff.add_staff, actor, f"刘{missing}", school_id(db, "波西村小学"), StaffRole.TEACHER)
    home = db.run(households.create_household, actor, HouseholdForm(
        head_name="张大山", village_id=village_id(db, "波西村"), category="脱贫户", lifted_year=2018), today=TODAY)
    db.run(pairing.pair, actor, helper, home, dt.date(2026, 9, 1), today=TODAY)
    with pytest.raises(MissingCharacter) as refused:
        db.query(reports.write_register, actor, tmp_path / "花名册.pdf", TODAY)
    assert f"帮扶人“刘{missing}”" in refused.value.message  # the row of the register it is in
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["a folder", "under a file"])
def test_a_notice_that_cannot_be_written_is_not_issued(school, actor, tmp_path, where: str) -> None:
    db, rare = school
    case_id = open_case(db, actor, rare, ready=True)
    if where == "a folder":
        path = tmp_path / "通知书.pdf"
        path.mkdir()
    else:
        (tmp_path / "notes.txt").write_text("not a folder")
        path = tmp_path / "notes.txt" / "通知书.pdf"
    with pytest.raises(SchoolAidError) as refused:
        db.run(notice_pdf.print_case_notice, actor, case_id, path, today=ISSUED)
    assert "通知书.pdf" in refused.value.message  # the message says which file
    assert db.query(notices.notices, case_id) == []  # not issued: the transaction was rolled back
    assert not any(p.name.endswith(".part") for p in tmp_path.rglob("*"))  # no temporary file left
    assert (tmp_path / "notes.txt").is_file() if where == "under a file" else list(path.iterdir()) == []


def test_printing_a_case_again_reprints_its_notice(printed, actor, tmp_path) -> None:
    db, case_id, issued, _path = printed
    again = db.run(notice_pdf.print_case_notice, actor, case_id, tmp_path / "again.pdf", today=TODAY)
    assert again == issued and len(db.query(notices.notices, case_id)) == 1
    assert "平府教〔2026〕1号" in page_texts(tmp_path / "again.pdf")[0]


def test_due_notices_are_issued_and_printed_each_from_a_new_page(school, actor, tmp_path) -> None:
    db, rare = school
    names = ["王䶮堃", "赵小花", "钱小军"]
    students = [rare, pupil(db, actor, "赵小花", 2, male=False), pupil(db, actor, "钱小军", 3)]
    cases = [open_case(db, actor, student) for student in students]
    for case_id in cases:
        failed_attempt(db, actor, case_id, dt.date(2026, 10, 17))
        failed_attempt(db, actor, case_id, dt.date(2026, 10, 21))
    quiet = open_case(db, actor, pupil(db, actor, "孙小亮", 4))  # one attempt only: not due
    failed_attempt(db, actor, quiet, dt.date(2026, 10, 17))
    assert {c.id for c in db.query(case_files.list_cases) if c.notice_due} == set(cases)

    path = tmp_path / "到期通知书.pdf"
    ids = db.run(notice_pdf.print_due_notices, actor, path, today=ISSUED)
    assert len(ids) == 3 and db.query(notices.notices, quiet) == []
    numbers = {case_id: db.query(case_files.get_case, case_id).notice.document_number for case_id in cases}
    assert sorted(numbers.values()) == [f"平府教〔2026〕{n}号" for n in (1, 2, 3)]

    pages = page_lines(path)
    starts = [n for n, lines in enumerate(pages) if lines and lines[0] == "敦促入学通知书"]
    assert len(starts) == 3 and starts[0] == 0 and len(pages) >= 3  # each notice from the top of a page
    for start, end in zip(starts, [*starts[1:], len(pages)], strict=True):
        text = "".join(line for lines in pages[start:end] for line in lines)
        assert text.count("敦促入学通知书") >= 2  # its title and its receipt
        [name] = [n for n in names if f"你的子女{n}" in text]
        number = numbers[cases[names.index(name)]]
        assert pages[start][1] == number and text.count(number) == 2
    assert all(size == pytest.approx(A4, abs=1) for size in page_sizes(path))
    assert db.query(notice_pdf.write_notices, actor, ids, tmp_path / "again.pdf") == len(pages)
    # Nothing more is due: nothing issued, nothing written.
    assert db.run(notice_pdf.print_due_notices, actor, tmp_path / "none.pdf", today=TODAY) == []
    assert not (tmp_path / "none.pdf").exists()


# --- The quarterly summary ------------------------------------------------------------------------------------


@pytest.fixture
def township(township_db, actor):
    """Four pupils: at the central school a preschooler and primary pupil of a 波西村 监测对象 household
    and a left-behind boarder of 辣子哨村; at 波西村小学 a left-behind pupil with no household. The
    kindergarten aid paid in October and November, the primary grant in October; the principal
    paired with the poor household and visiting it in October; a case opened in October."""
    db = township_db
    poor = db.run(households.create_household, actor, HouseholdForm(
        head_name="张大山", village_id=village_id(db, "波西村"), category="防止返贫监测对象", lifted_year=2018,
        monitoring_type="脱贫不稳定户", monitoring_identified_on=dt.date(2024, 3, 1)), today=TODAY)
    other = db.run(households.create_household, actor, HouseholdForm(head_name="李大河",
                                                                   village_id=village_id(db, "辣子哨村")), today=TODAY)
    entry = dt.date(2025, 9, 1)
    ids = {
        "张小宝": pupil(db, actor, "张小宝", 1, birth=dt.date(2021, 3, 1), stage="学前", grade=2, household_id=poor,
                        entry_date=entry),
        "张大明": pupil(db, actor, "张大明", 2, birth=dt.date(2016, 3, 1), household_id=poor, entry_date=entry),
        "李小红": pupil(db, actor, "李小红", 3, birth=dt.date(2016, 5, 1), male=False, household_id=other,
                        left_behind=True, boarder=True, entry_date=entry),
        "王留守": pupil(db, actor, "王留守", 4, birth=dt.date(2017, 4, 1), school_id=school_id(db, "波西村小学"),
                        grade=3, left_behind=True, entry_date=entry),
    }
    byjy = db.query(subsidy_programmes.programme_by_code, "BYJY").id
    batches = [db.run(posting.post, actor, byjy, month,
                      today=TODAY).batch_id for month in ("2026-10", "2026-11")]
    zxj = db.query(subsidy_programmes.programme_by_code, "ZXJ").id  # retired in 2026; reopened as a termly grant
    db.run(subsidy_programmes.update_programme, actor, zxj, subsidy_programmes.ProgrammeForm(**{
        **db.query(subsidy_programmes.programme_form, zxj).__dict__, "active": True}))
    db.run(posting.post, actor, zxj, "2026-10", today=TODAY)
    principal = db.run(staff.add_staff, actor, "王建国", school_id(db, "平地镇中心校"), StaffRole.PRINCIPAL)
    db.run(pairing.pair, actor, principal, poor, dt.date(2026, 9, 1), today=TODAY)
    db.run(visits.add_visit, actor, VisitEntry(principal, poor, dt.date(2026, 10, 15), done="送去学习用品"),
           today=TODAY)
    open_case(db, actor, ids["李小红"])
    return db, ids, batches


def test_quarterly_figures(township) -> None:
    db, _ids, _batches = township
    result = db.query(quarterly.quarterly_summary, 2026, 4, TODAY)
    assert (result.start, result.end, result.months) == (dt.date(2026, 10, 1), TODAY, ["2026-10", "2026-11"])
    assert result.title == "平地镇2026年第四季度教育帮扶工作汇总"
    schools = {s.name: (s.students, s.lifted, s.monitored, s.left_behind, s.boarders) for s in result.schools}
    assert schools == {"平地镇中心校": (3, 0, 2, 1, 1), "波西村小学": (1, 0, 0, 1, 0)}
    villages = {v.name: (v.students, v.lifted, v.monitored, v.left_behind, v.boarders) for v in result.villages}
    assert villages == {"波西村": (2, 0, 2, 0, 0), "辣子哨村": (1, 0, 0, 1, 1), "（未填村）": (1, 0, 0, 1, 0)}
    programmes = {p.programme: p for p in result.programmes}
    assert programmes["保育教育费资助"].by_month == {"2026-10": (1, 4000), "2026-11": (1, 4000)}
    assert (programmes["保育教育费资助"].total_fen, programmes["保育教育费资助"].gaps) == (8000, 0)
    assert (programmes["助学金"].by_month, programmes["助学金"].total_fen) == ({"2026-10": (1, 50000)}, 50000)
    # 张小宝's halved living costs were not waived in October nor November: two gaps of 93 yuan.
    assert (programmes["生活费减半"].entries, programmes["生活费减半"].gaps, programmes["生活费减半"].gap_fen) == (
        0, 2, 18600)
    assert [(p.school, p.helpers, p.households, p.visits) for p in result.pairing] == [("平地镇中心校", 1, 1, 1)]
    assert (result.households_needing, result.unpaired) == (1, 0)
    cases = {c.school: (c.opened, c.returned, c.open_at_end, c.dropouts, c.enrolled_at_start) for c in result.cases}
    assert cases["平地镇中心校"] == (1, 0, 1, 0, 2)
    indicators = {i.name: (i.numerator, i.denominator, i.met) for i in result.indicators}
    assert indicators["小学寄宿生比例"] == (1, 3, True)
    assert indicators["小学辍学率"] == (0, 3, True)


@pytest.mark.parametrize(("year", "quarter", "code"), [
    (2026, 5, "quarter.range"), (2026, 0, "quarter.range"), (1999, 1, "quarter.range"),
    (2027, 1, "quarter.future"),  # TODAY is in 2026's fourth quarter
])
def test_a_quarter_that_is_not_one_or_has_not_begun_is_refused(township, actor, tmp_path, year, quarter, code) -> None:
    db, _ids, _batches = township
    with pytest.raises(ValidationFailed) as refused:
        db.query(quarterly.quarterly_summary, year, quarter, TODAY)
    assert {p.code for p in refused.value.problems} == {code}
    with pytest.raises(ValidationFailed):
        db.query(summary.write_quarterly, actor, year, quarter, tmp_path / "季度.pdf", TODAY)
    assert leftovers(tmp_path) == []


def test_the_quarterly_summary_pdf(township, actor, tmp_path) -> None:
    db, _ids, _batches = township
    path = tmp_path / "季度汇总.pdf"
    pages = db.query(summary.write_quarterly, actor, 2026, 4, path, TODAY)
    texts = page_texts(path)
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {pages} 页" in text
    lines = [line for text in texts for line in text.splitlines()]
    text = "\n".join(lines)
    assert lines[0] == "平地镇2026年第四季度教育帮扶工作汇总"
    assert "统计期间：2026年10月1日至2026年11月20日" in text
    for row in ("平地镇中心校 3 0 2 1 1", "波西村小学 1 0 0 1 0", "合计 4 0 2 2 1",  # per school, and the total
                "波西村 2 0 2 0 0", "辣子哨村 1 0 0 1 1", "学校 在读学生 脱贫户 监测对象 留守儿童 寄宿生",
                "保育教育费资助 40.00 40.00 80.00 2 0 0.00", "生活费减半 0.00 0.00 0.00 0 2 186.00",
                "助学金 500.00 0.00 500.00 1 0 0.00",
                # 张大明 (a 监测对象's primary non-boarder) is due the living-cost subsidy: 625 / 2 a term
                "义务教育家庭经济困难学生生活补助 0.00 0.00 0.00 0 1 312.50", "合计 540.00 40.00 580.00 3 3 498.50",
                "平地镇中心校 1 1 1", "需结对帮扶的监测对象等共1户，期末尚未结对0户。", "平地镇中心校 1 0 1 0 2 0.00%"):
        assert row in lines or row in text, row
    for heading in ("各校在读学生与脱贫户、监测对象学生", "各月资助金额（元）", "指标完成与目标（%）"):  # the bar charts
        assert heading in lines
    for old_word in ("建档立卡", "精准扶贫", "贫困户", "未脱贫", "已脱贫"):  # the 2026 terms only
        assert old_word not in text, old_word
    # No list imported: no 比对 section, and the sections numbered without a gap.
    assert "五、主要指标完成情况" in lines and "四查三比对" not in text
    assert_no_line_starts_with_closing_punctuation(lines)
    assert all(size == pytest.approx(A4, abs=1) for size in page_sizes(path))
    assert_fonts_embedded_and_subset(path)


# --- The term-start report, the register, the sign-off sheet ----------------------------------------------------


def test_the_term_start_report(township, actor, tmp_path) -> None:
    db, ids, _batches = township
    [case] = db.query(case_files.list_cases)
    failed_attempt(db, actor, case.id, dt.date(2026, 10, 17))
    db.run(case_files.confirm_dropout, actor, case.id, today=TODAY)
    pupil(db, actor, "周小小", 9, birth=dt.date(2019, 5, 1), grade=1, status=EnrollmentStatus.NOT_ENROLLED,
          entry_date=None)
    path = tmp_path / "开学报告.pdf"
    pages = db.query(reports.write_term_report, actor, path, 2026, "autumn", today=TODAY)
    texts = page_texts(path)
    assert pages == len(texts)
    text = "\n".join(texts)
    lines = text.splitlines()
    assert lines[0] == "平地镇2026—2027学年秋季学期开学辍学情况报告"
    assert "报告日期：2026年11月20日" in text and "区教育局、镇人民政府：" in text
    assert "辍学1人" in text.replace("\n", "") and "未入学1人" in text.replace("\n", "")
    assert "李小红" in text and "周小小" in text  # the dropout and the child never enrolled, by name
    assert "平地镇中心校（盖章）" in text
    assert "四、毕业生去向" in text and "上学年以来无毕业生。" in text
    assert f"第 1 页 共 {pages} 页" in texts[0]
    assert_no_line_starts_with_closing_punctuation(lines)
    assert_fonts_embedded_and_subset(path)
    with pytest.raises(ValidationFailed):
        db.query(reports.write_term_report, actor, tmp_path / "春季.pdf", 2027, "spring", today=TODAY)  # not begun
    assert not (tmp_path / "春季.pdf").exists()


def test_the_term_start_report_lists_the_graduates_and_their_destinations(township, actor, tmp_path) -> None:
    db, _ids, _batches = township
    graduated = dt.date(2026, 7, 3)
    placed, unplaced = (pupil(db, actor, name, n, grade=6, birth=dt.date(2014, 4, 1)) for name, n in
                        (("钱升学", 11), ("孙未定", 12)))
    for student_id in (placed, unplaced):
        db.run(roster.change_status, actor, student_id, EnrollmentStatus.GRADUATED, graduated, "小学毕业", today=TODAY)
    db.run(transfers.record_destination, actor, placed, transfers.DestinationForm(
        transfers.Direction.NEXT_SCHOOL.value, "平地中学",
        confirmation=transfers.Confirmation("学籍系统", "平地中学教务处", dt.date(2026, 9, 2))), today=TODAY)
    path = tmp_path / "开学报告.pdf"
    db.query(reports.write_term_report, actor, path, 2026, "autumn", today=TODAY)
    text = "\n".join(page_texts(path)).replace("\n", "")
    assert "四、毕业生去向" in text and "上学年以来毕业2人" in text and "列为疑似辍学1人" in text
    # The destination wraps inside its cell: its words are checked, not the whole line.
    assert "钱升学" in text and "平地中学教务处" in text and "系统核实" in text
    assert "孙未定" in text and "去向未登记" in text


def test_the_pairing_register(township, actor, tmp_path) -> None:
    db, _ids, _batches = township
    path = tmp_path / "花名册.pdf"
    pages = db.query(reports.write_register, actor, path, TODAY)
    [text] = page_texts(path)
    assert pages == 1
    assert "平地镇教育系统结对帮扶花名册" in text and "共1对" in text
    assert "1 王建国 平地镇中心校 校长 张大山" in text and "2026-09-01 1 2026-10-15" in text
    for label in ("填表人：", "审核人：", "校长（签字）："):
        assert label in text
    width, height = page_sizes(path)[0]
    assert (width, height) == pytest.approx((A4[1], A4[0]), abs=1)  # landscape: registers are wide
    assert_fonts_embedded_and_subset(path)


def test_the_sign_off_sheet(township, actor, tmp_path) -> None:
    db, _ids, batches = township
    path = tmp_path / "签领表.pdf"
    pages = db.query(reports.write_sign_off, actor, batches[0], path, TODAY)
    [text] = page_texts(path)
    assert pages == 1
    assert "保育教育费资助签领表（2026-10）" in text and "资助标准：40.00元每月" in text
    assert "1 张小宝 平地镇中心校" in text and "张大山 40.00" in text
    assert "合计 1人 40.00" in text
    for label in ("领取人签字", "经办人：", "审核人：", "校长："):
        assert label in text
    assert page_sizes(path)[0] == pytest.approx(A4, abs=1)
    assert_fonts_embedded_and_subset(path)
