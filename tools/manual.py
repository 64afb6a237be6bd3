"""The user manual (用户手册): its screenshots, taken from the real window, and its HTML and PDF.

    python tools/manual.py screenshots [--images build/manual/images] [--students 1500]
    python tools/manual.py build [--images build/manual/images] [--out build/manual]
    python tools/manual.py all [--out resources/manual]     # both: what CI and the package build run

The source is docs/manual/NN-name.md, one chapter a file, in the order of NN; a chapter's anchor in
the HTML is its name (``03-roster.md`` → ``#roster``), which the window's F1 opens
(``MainWindow.MANUAL_CHAPTERS``). Screenshots are made on a fresh demo township with the clock pinned,
so that they change only when the window does; the manual refers to them as ``images/NAME.png``.
The HTML is one file with the images inside it; the PDF uses the bundled fonts, embedded.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SOURCE = ROOT / "docs" / "manual"
IMAGES = ROOT / "build" / "manual" / "images"
OUT = ROOT / "build" / "manual"
HTML_NAME = "manual.html"
PDF_NAME = "manual.pdf"
TITLE = "校助 SchoolAid 用户手册"
# The screenshots' day: the demo township as it looks on this day, whenever the manual is built.
SCREENSHOT_DAY = dt.datetime(2026, 11, 20, 10, 30)
WINDOW_SIZE = (1366, 768)
SCREENSHOT_POINTS_PER_PIXEL = 0.6  # a dialog's text about 7 pt on paper; a whole window is scaled to the page
# Shown in the screenshot of the recovery key's dialog: an example, opening nothing.
SAMPLE_RECOVERY_KEY = "K7QM-4XZP-9TRC-2WHB-V8NJ-6DFA-3YEL-5GUS-Q2MK-8PXR-7CWT-4HZB-N9JD"


# --- The chapters -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str
    markdown: str


def chapters(source: Path = SOURCE) -> list[Chapter]:
    """The chapters in order; the anchor is the file's name without its number."""
    found = []
    for path in sorted(source.glob("*.md")):
        match = re.fullmatch(r"(\d+)-([a-z0-9-]+)\.md", path.name)
        if match is None:
            raise SystemExit(f"{path.name}: a chapter's file is named NN-name.md (ASCII name: the anchor)")
        text = path.read_text(encoding="utf-8")
        heading = re.match(r"#\s+(.+)", text)
        if heading is None:
            raise SystemExit(f"{path.name}: a chapter starts with its title (# 标题)")
        found.append(Chapter(match.group(2), heading.group(1).strip(), text))
    return found


def _markdown_html(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="xhtml")


def _image_names(chapter_list: list[Chapter]) -> list[str]:
    return sorted({name for c in chapter_list for name in re.findall(r"\]\(images/([\w-]+\.png)\)", c.markdown)})


# --- Screenshots --------------------------------------------------------------------------------------

def _wait(milliseconds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _settle() -> None:
    """Until the background work the window started is done, and what it set off has been drawn."""
    from schoolaid.ui.operations import running

    _wait(150)
    for _ in range(600):
        if not running():
            break
        _wait(50)
    _wait(150)


def take_screenshots(images: Path, students: int = 1500, only_tabs: bool = False) -> list[Path]:
    """The window on a fresh demo township, each tab (and its main pages) and the main dialogs, at 1366×768.
    ``only_tabs``: the five tabs only (the test's quick pass)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from schoolaid.accounts.audit import Actor
    from schoolaid.demo import create_demo_township
    from schoolaid.storage.database import open_database
    from schoolaid.ui.app import create_application
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.preferences import Preferences

    images.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="schoolaid-manual-"))
    AppContext.pinned_now = SCREENSHOT_DAY
    db = open_database(folder / "demo.sqlite")
    db.run(create_demo_township, Actor("演示"), students=students, seed=7, today=SCREENSHOT_DAY.date())
    db.label = "~/.local/share/SchoolAid/schoolaid.sqlite"  # the status bar shows where it usually is, not /tmp
    preferences = Preferences(folder / "prefs.ini")
    app = QApplication.instance() or create_application(preferences=preferences)
    saved: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        path = images / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    from schoolaid.ui.main_window import MainWindow

    context = AppContext(db, preferences, "王老师")
    window = MainWindow(context)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.home_tab.wait()
    _settle()
    try:
        for attribute, name in MainWindow.MANUAL_CHAPTERS.items():
            window.tabs.setCurrentWidget(getattr(window, attribute))
            _settle()
            if attribute == "roster_page":  # a student selected: the household panel beside the table shows
                window.roster_tab.select_student(window.roster_tab.model.student_id(1))
                _settle()
            elif attribute == "ledger_page":  # who this month's posting would pay, for a programme not yet posted
                combo = window.ledger_tab.post_programme
                combo.setCurrentIndex(max(0, next((i for i in range(combo.count()) if "生活" in combo.itemText(i)), 0)))
                window.ledger_tab.preview()
                _settle()
            grab(window, f"tab-{name}")
        if not only_tabs:
            _tab_pages(window, grab)
            _dialogs(window, folder, grab)
    finally:
        original = QMessageBox.question
        QMessageBox.question = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]
        window.close()
        QMessageBox.question = original  # type: ignore[method-assign]
        app.processEvents()
        db.close()
        AppContext.pinned_now = None
    return saved


def _tab_pages(window, grab: Callable) -> None:  # noqa: ANN001
    """The pages inside the tabs that the manual shows."""
    pages = (
        (window.pairing_tab, window.pairing_tab.GAPS, "pairing-gaps"),
        (window.pairing_tab, 2, "pairing-visits"),
        (window.ledger_tab, 1, "ledger-entries"),
        (window.ledger_tab, 2, "ledger-batches"),
        (window.ledger_tab, window.ledger_tab.HARDSHIP, "ledger-hardship"),
        (window.dropout_tab, window.dropout_tab.ABSENCES, "dropout-absences"),
        (window.dropout_tab, 2, "dropout-ledgers"),
    )
    for tab, index, name in pages:
        window.tabs.setCurrentWidget(tab)
        tab.sections.setCurrentIndex(index)
        _settle()
        grab(window, name)
        tab.sections.setCurrentIndex(0)
    window.tabs.setCurrentWidget(window.home_tab)
    _settle()


def _dialogs(window, folder: Path, grab: Callable) -> None:  # noqa: ANN001
    """The main dialogs, made as the window makes them, grabbed once laid out, then closed unsaved."""
    from schoolaid.backup import backup
    from schoolaid.dropout import case_files
    from schoolaid.reporting import monthly
    from schoolaid.roster import roster_export
    from schoolaid.ui.accounts.recovery_dialogs import RecoverWithKeyDialog, RecoveryKeyDialog
    from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog, OpeningSignInDialog
    from schoolaid.ui.backup.backup_dialogs import ExportBackupDialog
    from schoolaid.ui.dropout import dropout_dialogs
    from schoolaid.ui.roster.import_dialog import ImportDialog
    from schoolaid.ui.roster.student_dialog import StudentDialog
    from schoolaid.ui.township.setup_dialog import SetupDialog
    from schoolaid.ui.widgets.pdf_preview import PdfPreview

    context = window.context
    roster_tab = window.roster_tab
    student_id = roster_tab.model.student_id(0)
    case = next(iter(context.query(case_files.list_cases)))
    # The sign-in at start and the recovery look at the database file only to see that it is encrypted:
    # a file of random pages stands for one (the demo township has no accounts, so is not encrypted).
    locked = folder / "schoolaid.sqlite"
    locked.write_bytes(os.urandom(8192))
    # The round trip the manual describes: the roster as shown exported, then opened for import.
    workbook = folder / "花名册.xlsx"
    context.db.run(roster_export.export_roster, context.actor, workbook, roster_tab.model.filter, today=context.today())
    report = folder / "控辍保学月报.pdf"
    context.db.run(monthly.write_monthly, context.actor, 2026, 10, report, context.today())
    makers = (
        ("dialog-setup", lambda: SetupDialog(context)),
        ("dialog-administrator", lambda: CreateAdministratorDialog(context)),
        ("dialog-recovery-key", lambda: RecoveryKeyDialog(SAMPLE_RECOVERY_KEY, lambda _path: None, "恢复密钥.pdf",
                                                          window)),
        ("dialog-sign-in", lambda: OpeningSignInDialog(locked, context.preferences)),
        ("dialog-recover", lambda: RecoverWithKeyDialog(locked, context.preferences)),
        ("dialog-student", lambda: StudentDialog(context, student_id, roster_tab)),
        ("dialog-case", lambda: dropout_dialogs.CaseDialog(context, case_id=case.id, parent=window.dropout_tab)),
        ("dialog-attempt", lambda: dropout_dialogs.AttemptDialog(context, case, parent=window.dropout_tab)),
        ("dialog-import", lambda: ImportDialog(context, workbook, roster_tab)),
        ("dialog-print-preview", lambda: PdfPreview(report, "控辍保学月报", "控辍保学月报_2026-10.pdf", window)),
        # As the window proposes it (on a USB stick, the name from backup.default_file_name), without this
        # machine's temporary folder in the picture.
        ("dialog-export-backup", lambda: ExportBackupDialog(
            Path("/media/U盘") / backup.default_file_name("平地镇中心校", context.today()), window)),
    )
    for name, make in makers:
        dialog = make()
        dialog.show()
        _settle()
        grab(dialog, name)
        dialog.reject()
        _wait(50)


# --- HTML -----------------------------------------------------------------------------------------------

CSS = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
       max-width: 60em; margin: 0 auto; padding: 1em 2em; line-height: 1.7; color: #222; }
nav.toc { background: #f4f7fb; border: 1px solid #d5dfeb; padding: 0.5em 1.5em; margin-bottom: 2em; }
nav.toc ol { margin: 0.3em 0; }
h1 { border-bottom: 2px solid #2f6db5; padding-bottom: 0.2em; margin-top: 2.5em; }
h2 { color: #2f6db5; margin-top: 1.6em; }
img { max-width: 100%; border: 1px solid #bbb; box-shadow: 0 1px 4px #0002; margin: 0.5em 0; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.7em; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
blockquote { background: #fff8e1; border-left: 4px solid #f0b400; margin: 1em 0; padding: 0.4em 1em; }
code { background: #f2f2f2; padding: 0 0.2em; }
.missing { color: #b00; border: 1px dashed #b00; padding: 0.5em; }
"""


def _inline_images(fragment: str, images: Path) -> str:
    def replace(match: re.Match[str]) -> str:
        path = images / match.group(2)
        if not path.is_file():
            return f'<p class="missing">（截图 {html.escape(match.group(2))} 尚未生成：先运行 tools/manual.py screenshots）</p>'
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'<img src="data:image/png;base64,{data}"{match.group(1)}{match.group(3)}/>'

    return re.sub(r'<img([^>]*?) src="images/([\w-]+\.png)"([^>]*?)\s*/>', replace, fragment)


def build_html(chapter_list: list[Chapter], images: Path) -> str:
    toc = "".join(f'<li><a href="#{c.anchor}">{html.escape(c.title)}</a></li>' for c in chapter_list)
    body = "".join(f'<section id="{c.anchor}">{_inline_images(_markdown_html(c.markdown), images)}</section>\n'
                   for c in chapter_list)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{TITLE}</title>'
            f'<style>{CSS}</style></head><body><p style="font-size:2em;font-weight:bold">{TITLE}</p>'
            f'<nav class="toc"><b>目录</b><ol>{toc}</ol></nav>\n{body}</body></html>\n')


# --- PDF ------------------------------------------------------------------------------------------------

def _pdf_styles():  # noqa: ANN202
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    from schoolaid.documents.pdf import fonts

    body, bold = fonts.register(fonts.KAI), fonts.register(fonts.HEI)
    # The bundled faces have no bold or italic: 黑体 stands for bold, as on official paper.
    registerFontFamily(body, normal=body, bold=bold, italic=body, boldItalic=bold)
    registerFontFamily(bold, normal=bold, bold=bold, italic=bold, boldItalic=bold)
    base = ParagraphStyle("body", fontName=body, fontSize=11, leading=18, wordWrap="CJK", spaceAfter=5)
    return {
        "body": base,
        "h1": ParagraphStyle("h1", base, fontName=bold, fontSize=20, leading=28, spaceBefore=0, spaceAfter=12,
                             textColor=colors.HexColor("#1f4e8c")),
        "h2": ParagraphStyle("h2", base, fontName=bold, fontSize=14.5, leading=22, spaceBefore=10, spaceAfter=6,
                             textColor=colors.HexColor("#2f6db5")),
        "h3": ParagraphStyle("h3", base, fontName=bold, fontSize=12, leading=19, spaceBefore=6, spaceAfter=4),
        "li": ParagraphStyle("li", base, leftIndent=18, bulletIndent=4, spaceAfter=2),
        "quote": ParagraphStyle("quote", base, leftIndent=10, borderPadding=6, backColor=colors.HexColor("#fff8e1"),
                                borderColor=colors.HexColor("#f0b400"), borderWidth=0.5, spaceBefore=6,
                                spaceAfter=10),
        "cell": ParagraphStyle("cell", base, fontSize=9.5, leading=14, spaceAfter=0),
        "code": ParagraphStyle("code", base, fontName=bold, fontSize=9.5, leading=14, leftIndent=10,
                               backColor=colors.HexColor("#f2f2f2")),
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=28, leading=40, alignment=1, spaceAfter=20),
        "subtitle": ParagraphStyle("subtitle", base, fontName=bold, fontSize=14, leading=22, alignment=1,
                                   textColor=colors.HexColor("#2f6db5")),
        "toc1": ParagraphStyle("toc1", base, fontSize=12.5, leading=22, leftIndent=10),
        "toc2": ParagraphStyle("toc2", base, fontSize=10.5, leading=16, leftIndent=30),
    }


def _inline(element: ET.Element, code_font: str) -> str:
    """An element's text with its inline markup, as reportlab's paragraph markup."""
    parts = [html.escape(element.text or "", quote=False)]
    for child in element:
        inner = _inline(child, code_font)
        if child.tag in ("strong", "b"):
            parts.append(f"<b>{inner}</b>")
        elif child.tag in ("em", "i"):
            parts.append(f"<i>{inner}</i>")
        elif child.tag == "code":
            parts.append(f'<font face="{code_font}" backColor="#f2f2f2">{inner}</font>')
        elif child.tag == "br":
            parts.append("<br/>")
        elif child.tag == "a":
            parts.append(f'<font color="#2f6db5">{inner}</font>')
        elif child.tag == "img":
            pass
        else:
            parts.append(inner)
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts)


class _Heading:
    """Marks a heading flowable for the outline and the table of contents."""


def _flowables(root: ET.Element, styles: dict, images: Path, frame_width: float, frame_height: float,
               anchor: str) -> Iterator:
    from reportlab.platypus import (
        Image,
        KeepTogether,
        ListFlowable,
        ListItem,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    code_font = styles["code"].fontName
    for element in root:
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4"):
            level = min(int(tag[1]), 3)
            paragraph = Paragraph(_inline(element, code_font), styles[f"h{level}"])
            paragraph._manual_heading = (level, element.text or "", anchor)  # type: ignore[attr-defined]
            yield paragraph
        elif tag == "p":
            picture = element.find("img")
            if picture is not None and not (element.text or "").strip():
                path = images / Path(picture.get("src", "")).name
                if path.is_file():
                    image = Image(str(path))
                    # One scale for every screenshot, so that a dialog looks its size beside the window; the
                    # window (1366 px) fills the text's width.
                    scale = min(SCREENSHOT_POINTS_PER_PIXEL, frame_width / image.imageWidth,
                                frame_height * 0.55 / image.imageHeight)
                    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
                    caption = picture.get("alt", "")
                    yield KeepTogether([image, Paragraph(f"<i>图：{html.escape(caption)}</i>",
                                                         styles["cell"]), Spacer(1, 6)])
                else:
                    yield Paragraph(f"（截图 {html.escape(path.name)} 尚未生成）", styles["body"])
                continue
            yield Paragraph(_inline(element, code_font), styles["body"])
        elif tag in ("ul", "ol"):
            items = []
            for item in element.findall("li"):
                inner = list(item)
                if inner and inner[0].tag == "p":  # a loose list: paragraphs inside items
                    text = "<br/>".join(_inline(p, code_font) for p in item if p.tag == "p")
                else:
                    text = _inline(item, code_font)
                items.append(ListItem(Paragraph(text, styles["li"]), leftIndent=18))
            if tag == "ol":
                yield ListFlowable(items, bulletType="1", bulletFormat="%s.", bulletFontName=styles["body"].fontName,
                                   bulletFontSize=10.5, leftIndent=18)
            else:
                yield ListFlowable(items, bulletType="bullet", start="•", bulletFontName=styles["body"].fontName,
                                   bulletFontSize=10, leftIndent=18)
        elif tag == "blockquote":
            text = "<br/>".join(_inline(p, code_font) for p in element if p.tag == "p") or _inline(element, code_font)
            yield Paragraph(text, styles["quote"])
        elif tag == "pre":
            yield Paragraph(html.escape("".join(element.itertext())).replace("\n", "<br/>"), styles["code"])
        elif tag == "table":
            rows = [[Paragraph(f"<b>{_inline(cell, code_font)}</b>" if cell.tag == "th" else _inline(cell, code_font),
                               styles["cell"]) for cell in row] for row in element.iter("tr")]
            columns = max(len(r) for r in rows)
            table = Table(rows, colWidths=[frame_width / columns] * columns, repeatRows=1)
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),  # not Helvetica
                                       ("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                                       ("BACKGROUND", (0, 0), (-1, 0), "#eef2f7"),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            yield table
            yield Spacer(1, 8)
        elif tag == "hr":
            yield Spacer(1, 10)
        else:
            yield Paragraph(_inline(element, code_font), styles["body"])


def build_pdf(chapter_list: list[Chapter], images: Path, target: Path) -> int:
    """The manual as an A4 PDF: title, contents, each chapter from a new page, bookmarks; the pages written."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus.tableofcontents import TableOfContents

    styles = _pdf_styles()
    margin = 20 * mm
    width, height = A4
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="text")

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(styles["body"].fontName, 9)
        canvas.drawCentredString(width / 2, 10 * mm, f"— {doc.page} —")
        canvas.restoreState()

    class ManualDoc(BaseDocTemplate):
        def afterFlowable(self, flowable) -> None:  # noqa: ANN001
            heading = getattr(flowable, "_manual_heading", None)
            if heading is None or heading[0] > 2:
                return
            level, text, anchor = heading
            key = f"{anchor}-{self.seq.nextf('heading')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level - 1, closed=level > 1)
            self.notify("TOCEntry", (level - 1, text, self.page, key))

    doc = ManualDoc(str(target), pagesize=A4, title=TITLE, author="校助 SchoolAid", leftMargin=margin,
                    rightMargin=margin, topMargin=margin, bottomMargin=margin,
                    initialFontName=styles["body"].fontName)  # not the unembedded Helvetica
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    toc = TableOfContents()
    toc.levelStyles = [styles["toc1"], styles["toc2"]]
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),  # not Helvetica
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    story: list = [Spacer(1, 60 * mm), Paragraph(TITLE, styles["title"]),
                   Paragraph("乡镇中心校教育扶贫工作软件", styles["subtitle"]), PageBreak(),
                   Paragraph("目录", styles["h1"]), toc]
    for chapter in chapter_list:
        story.append(PageBreak())
        root = ET.fromstring(f"<div>{_markdown_html(chapter.markdown)}</div>")
        story.extend(_flowables(root, styles, images, frame.width - 12, frame.height - 12, chapter.anchor))
    doc.multiBuild(story)
    return doc.page


def build(out: Path, images: Path = IMAGES, source: Path = SOURCE) -> tuple[Path, Path]:
    chapter_list = chapters(source)
    missing = [name for name in _image_names(chapter_list) if not (images / name).is_file()]
    if missing:
        print(f"warning: {len(missing)} screenshots missing in {images} (run `screenshots` first): "
              + ", ".join(missing), file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    html_path, pdf_path = out / HTML_NAME, out / PDF_NAME
    html_path.write_text(build_html(chapter_list, images), encoding="utf-8")
    pages = build_pdf(chapter_list, images, pdf_path)
    print(f"{html_path} ({html_path.stat().st_size // 1024} KiB), {pdf_path} ({pages} pages, "
          f"{pdf_path.stat().st_size // 1024} KiB)")
    return html_path, pdf_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("screenshots", "build", "all"))
    parser.add_argument("--images", type=Path, default=IMAGES)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--students", type=int, default=1500)
    args = parser.parse_args(argv)
    if args.command in ("screenshots", "all"):
        saved = take_screenshots(args.images, args.students)
        print(f"{len(saved)} screenshots in {args.images}")
    if args.command in ("build", "all"):
        build(args.out, args.images)


if __name__ == "__main__":
    main()
