"""The user manual: it builds to HTML and PDF with a chapter for every tab, its screenshots come from the
real window, and 帮助 → 用户手册 (F1) opens it at the chapter of the tab in front — or says it is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QMenu, QMessageBox
from tools import manual

from schoolaid.common import paths
from schoolaid.ui.actions import BY_ID
from schoolaid.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, context) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    main.home_tab.wait()
    return main


def _built_manual(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A manual where the program looks for it (the package's resources)."""
    monkeypatch.setattr(paths, "manual_dir", lambda: folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / manual.HTML_NAME).write_text("<html></html>", encoding="utf-8")
    return folder / manual.HTML_NAME


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url)) or True)
    return urls


def test_the_manual_builds_to_html_and_pdf_with_a_chapter_for_every_tab(tmp_path) -> None:
    import pdfplumber
    from pypdf import PdfReader

    chapters = manual.chapters()
    anchors = [chapter.anchor for chapter in chapters]
    assert set(MainWindow.MANUAL_CHAPTERS.values()) <= set(anchors)
    assert {"start", "roles", "printing", "backup", "password", "faq"} <= set(anchors)
    images = tmp_path / "images"  # no screenshots: the build says so in place of each, and still builds
    html_path, pdf_path = manual.build(tmp_path / "out", images)

    html = html_path.read_text(encoding="utf-8")
    for chapter in chapters:
        assert f'<section id="{chapter.anchor}">' in html
        assert f'<a href="#{chapter.anchor}">{chapter.title}</a>' in html  # the table of contents
    assert "<h1>学生花名册</h1>" in html and "导出到 Excel，改好再导回来" in html
    assert "尚未生成" in html  # a missing screenshot is named, not silently dropped

    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) > 20
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    for chapter in chapters:
        assert chapter.title in text
    assert "忘记密码？用恢复密钥" in text and "文件 → 导出备份…" in text
    faces = set()
    for page in PdfReader(pdf_path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            font = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]  # embedded
            faces.add(str(font["/BaseFont"]).split("+")[-1])
    assert faces == {"LXGWWenKai-Regular", "WenQuanYiMicroHei-0"}  # the bundled faces: body, headings


def test_every_screenshot_the_manual_shows_is_one_the_script_takes() -> None:
    source = Path(manual.__file__).read_text(encoding="utf-8")
    taken = {f"tab-{anchor}.png" for anchor in MainWindow.MANUAL_CHAPTERS.values()}
    taken |= {f"{name}.png" for name in re.findall(r'"((?:dialog|pairing|ledger|dropout)-[a-z-]+)"', source)}
    assert set(manual._image_names(manual.chapters())) <= taken


def test_the_screenshots_show_each_tab_of_the_real_window(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    saved = manual.take_screenshots(tmp_path, students=150, only_tabs=True)
    assert sorted(path.name for path in saved) == sorted(f"tab-{a}.png" for a in MainWindow.MANUAL_CHAPTERS.values())
    first = QImage(str(saved[0]))
    assert (first.width(), first.height()) == manual.WINDOW_SIZE
    # Each is a different picture: the tab in front changed between them.
    assert len({path.read_bytes() for path in saved}) == len(saved)


def test_f1_opens_the_manual_at_the_chapter_of_the_tab_in_front(qtbot, window, tmp_path, monkeypatch) -> None:
    html = _built_manual(tmp_path / "manual", monkeypatch)
    urls = _opened(monkeypatch)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # on the home tab: the tabs not yet opened stay unbuilt
    assert urls.pop().fragment() == "home" and not window.dropout_page.built
    for tab, anchor in MainWindow.MANUAL_CHAPTERS.items():
        window.tabs.setCurrentWidget(getattr(window, tab))
        qtbot.keyClick(window, Qt.Key.Key_F1)
        assert urls, tab
        url = urls.pop()
        assert url.isLocalFile() and Path(url.toLocalFile()) == html
        assert url.fragment() == anchor
    assert urls == []


def test_the_help_menu_offers_the_manual_with_f1(qtbot, window) -> None:
    help_menu = next(menu for menu in window.menuBar().findChildren(QMenu) if menu.objectName() == "help")
    entry = next(a for a in help_menu.actions() if a.property("schoolaidAction") == "help.manual")
    assert entry.text() == BY_ID["help.manual"].label() and entry.shortcut().toString() == "F1" and entry.isVisible()
    assert BY_ID["help.manual"].writes is False  # a backup opened read-only has its manual too


def test_without_a_built_manual_a_message_says_so(qtbot, window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(paths, "manual_dir", lambda: tmp_path / "nowhere")
    urls = _opened(monkeypatch)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    window.open_manual()
    assert urls == []
    assert shown and shown[0][0] == QCoreApplication.translate("MainWindow", "User manual")
    assert str(tmp_path / "nowhere" / manual.HTML_NAME) in shown[0][1]
