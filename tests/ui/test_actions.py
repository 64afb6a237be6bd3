"""The registry of actions: every menu item and button comes from it, has a handler, and is offered
to a role only when the role's permissions allow it; exports and printouts agree with the
permission table the services are held to."""

from __future__ import annotations

import importlib
from pathlib import Path

import openpyxl
import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.permissions import GRANTS, Permission, Role
from schoolaid.ui import actions
from schoolaid.ui.actions import ACTIONS, BY_ID, DIALOG, MENUS, PROPERTY, ROSTER_CONTEXT, offered
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow
from tests import permission_table
from tests.conftest import UTC_NOW

PASSWORD = "secret-pass-1"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


def sign_in_as(db, role: Role):
    """Someone of each role on the demo township (a teacher with one primary class)."""
    admin = db.run(accounts.create_first_administrator, "admin", "王管理", PASSWORD)
    if role is Role.ADMIN:
        return admin
    classes = ()
    if role is Role.TEACHER:
        classes = (next(ref for ref, _label in db.query(accounts.known_classes) if ref.stage == "小学"),)
    db.run(accounts.add_user, admin, UserForm("someone", "某某", role.value, PASSWORD, None, classes))
    return db.run(accounts.sign_in, "someone", PASSWORD, now=UTC_NOW).actor


def window_for(qtbot, context: AppContext) -> MainWindow:
    """The window with every tab opened once, as a user clicking through them (a tab's buttons are made
    when it is first shown), and the first tab shown again."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    bar = window.tabs.tabBar()
    for index in (*range(1, window.tabs.count()), 0):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert window.tabs.currentIndex() == index
        # A tab is made in steps once shown (widgets.lazy_tabs): its buttons exist once it is built.
        qtbot.waitUntil(lambda index=index: getattr(window.tabs.page(index), "built", True), timeout=10_000)
    return window


def shown_actions(window: MainWindow) -> dict[str, list[object]]:
    """Every menu item and button of the window that comes from the registry, by action id."""
    found: dict[str, list[object]] = {}
    for item in (*window.findChildren(QAction), *window.findChildren(QAbstractButton)):
        if item.property(PROPERTY):
            found.setdefault(item.property(PROPERTY), []).append(item)
    return found


def test_every_action_has_a_handler_and_appears_where_the_registry_says(qtbot, context) -> None:
    window = window_for(qtbot, context)
    built = shown_actions(window)
    menus = {menu.objectName(): menu for menu in window.findChildren(QMenu) if menu.objectName()}
    for spec in ACTIONS:
        if spec.target.startswith(DIALOG):  # a dialog's own button
            module, _dot, name = spec.target.removeprefix(DIALOG).rpartition(".")
            owner = getattr(importlib.import_module(f"schoolaid.ui.{module}"), name)
            assert callable(getattr(owner, spec.method)) and spec.button and not spec.menus, spec.id
            continue
        owner = actions.resolve(window, spec.target)
        assert callable(getattr(owner, spec.method)), spec.id
        for place in spec.menus:
            if place == ROSTER_CONTEXT:
                continue
            assert any(a.property(PROPERTY) == spec.id for a in menus[place].actions()), (spec.id, place)
        if spec.button and not spec.target.startswith(DIALOG):
            assert any(isinstance(item, QAbstractButton) for item in built.get(spec.id, [])), spec.id
    assert [m for m in menus if m in dict(MENUS)] == [m for m, _title in MENUS]


def test_the_roster_right_click_menu_comes_from_the_registry(qtbot, context, monkeypatch) -> None:
    monkeypatch.setattr(QMenu, "popup", lambda *_args: None)  # the offscreen platform cannot pop a menu up
    window = window_for(qtbot, context)
    tab = window.roster_tab
    tab.table.selectRow(0)
    tab._context_menu(tab.table.rect().center())
    entries = [a.property(PROPERTY) for a in tab.last_context_menu.actions() if not a.isSeparator()]
    assert entries == [spec.id for spec in ACTIONS if ROSTER_CONTEXT in spec.menus and offered(spec, context)]
    tab.last_context_menu.close()


def test_exports_and_printouts_need_what_the_permission_table_says() -> None:
    with_service = [spec for spec in ACTIONS if spec.service is not None]
    assert len(with_service) >= 20
    for spec in with_service:
        assert frozenset(spec.needs) == permission_table.SERVICES[spec.service], spec.id
    # Every export of the Export menu and printout of the Print menu names the service it runs.
    assert all(spec.service is not None for spec in ACTIONS if {"export", "print"} & set(spec.menus))


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_offered_exactly_what_its_permissions_allow(qtbot, app, demo_db, preferences, role) -> None:
    actor = sign_in_as(demo_db, role)
    window = window_for(qtbot, AppContext(demo_db, preferences, actor=actor))
    for action_id, items in shown_actions(window).items():
        spec = BY_ID[action_id]
        allowed = all(permission in GRANTS[role] for permission in spec.needs) and spec.accounts is not False
        for item in items:
            if isinstance(item, QAction):
                assert item.isVisible() == allowed, (role, action_id)
            else:
                assert (not item.isHidden()) == allowed, (role, action_id)
    menus = {menu.objectName(): menu for menu in window.findChildren(QMenu) if menu.objectName()}
    for menu_id in ("export", "print"):
        offered_there = [a for a in menus[menu_id].actions() if a.isVisible() and not a.isSeparator()]
        assert menus[menu_id].menuAction().isVisible() == bool(offered_there)
        if role in (Role.TEACHER, Role.ADMIN, Role.TOWNSHIP_VIEWER):
            # No export or printout for these roles: a teacher's classes stay in the window's lists.
            assert offered_there == [] and not menus[menu_id].menuAction().isVisible()


def test_signing_in_as_someone_else_shows_their_actions(qtbot, app, demo_db, preferences) -> None:
    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", PASSWORD)
    demo_db.run(accounts.add_user, admin, UserForm("zhang", "张校长", Role.LEADERSHIP.value, PASSWORD))
    demo_db.run(accounts.add_user, admin, UserForm("li", "李专干", Role.AID_OFFICER.value, PASSWORD))
    context = AppContext(demo_db, preferences, actor=demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=UTC_NOW).actor)
    window = window_for(qtbot, context)
    reverse, printing = window.ledger_tab.reverse_button, window.findChild(QMenu, "print").menuAction()
    assert not reverse.isHidden() and printing.isVisible()
    context.sign_in(demo_db.run(accounts.sign_in, "li", PASSWORD, now=UTC_NOW).actor)
    assert reverse.isHidden() and printing.isVisible()  # an aid officer prints, but reverses no entry
    context.sign_in(admin)
    assert not printing.isVisible()  # the administrator keeps accounts and settings, and prints nothing


@pytest.mark.parametrize("role", list(Role))
def test_every_export_and_printout_offered_to_a_role_writes_its_file(qtbot, app, demo_db, preferences, tmp_path,
                                                                    monkeypatch, role) -> None:
    """What the role sees in the Export and Print menus, each triggered as the user would: the
    workbook written where the user said, or the printout previewed."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from schoolaid.ui import operations
    from schoolaid.ui.roster.export_dialog import ExportDialog
    from schoolaid.ui.widgets.pdf_preview import PdfPreview
    from schoolaid.ui.widgets.period_dialog import PeriodDialog
    from tests.ui.driving import when_shown

    folder = tmp_path / "out"
    folder.mkdir()
    asked_for: list[Path] = []

    def save_as(*_args, **_kwargs) -> tuple[str, str]:
        asked_for.append(folder / f"{len(asked_for)}.xlsx")
        return str(asked_for[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    # No full ID numbers; yes to issuing the urging notices that are due.
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: QMessageBox.StandardButton.No
                        if "身份证" in text else QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    actor = sign_in_as(demo_db, role)
    window = window_for(qtbot, AppContext(demo_db, preferences, actor=actor))
    menus = {menu.objectName(): menu for menu in window.findChildren(QMenu) if menu.objectName()}
    offered_there = [a for m in ("export", "print") for a in menus[m].actions() if a.isVisible() and not a.isSeparator()]
    if not {Permission.EXPORT} <= GRANTS[role]:
        assert offered_there == []
        return
    written = []
    for action in offered_there:
        spec = BY_ID[action.property(PROPERTY)]
        asked_before, previews_before = len(asked_for), set(window.findChildren(PdfPreview))
        when_shown(PeriodDialog, lambda dialog: dialog.accept())  # the period the window proposes
        when_shown(ExportDialog, lambda dialog: (dialog.path_edit.setText(str(folder / "花名册.xlsx")),
                                                 dialog.buttons.button(dialog.buttons.StandardButton.Save).click()))
        action.trigger()
        qtbot.waitUntil(lambda: not operations.running(window), timeout=60_000)
        if "print" in spec.menus:
            previews = [p for p in window.findChildren(PdfPreview) if p not in previews_before]
            if spec.id == "print.due_notices" and not previews:
                assert told and told[-1] == "没有应发的通知书。"  # nothing was due: said so, nothing printed
                continue
            assert len(previews) == 1, spec.id  # opened once the PDF was written
            (preview,) = previews
            assert preview.path.read_bytes().startswith(b"%PDF") and preview.pages.page_count() >= 1, spec.id
            preview.close()
        else:
            path = folder / "花名册.xlsx" if spec.id == "export.roster" else asked_for[asked_before]
            assert openpyxl.load_workbook(path).sheetnames, spec.id
        written.append(spec.id)
    assert {"export.roster", "export.ledger", "export.pairing_register", "export.dropout_ledgers",
            "print.quarterly", "print.pairing_register"} <= set(written)


@pytest.mark.parametrize("role", [Role.TEACHER, Role.ADMIN])
def test_what_a_teacher_and_the_administrator_see(qtbot, app, demo_db, preferences, tmp_path, role) -> None:
    window = window_for(qtbot, AppContext(demo_db, preferences, actor=sign_in_as(demo_db, role)))
    window.tabs.setCurrentWidget(window.dropout_tab if role is Role.TEACHER else window.home_tab)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["文件(&F)", "学生(&S)", "设置(&T)", "帮助(&H)"]  # no Export, no Print, no Households
    settings = window.findChild(QMenu, "settings")
    shown = [a.text() for a in settings.actions() if a.isVisible() and not a.isSeparator()]
    if role is Role.ADMIN:
        assert "账号管理(&A)…" in shown and "审计记录(&T)…" in shown
    else:
        assert shown == ["换人登录(&E)…", "修改我的密码(&P)…", "语言(&L)"]
        assert not window.dropout_tab.log_button.isHidden() and window.dropout_tab.new_case_button.isHidden()
    assert window.grab().save(str(tmp_path / f"{role.value}.png"))


def test_todays_work_offers_only_what_the_role_may_do(qtbot, app, demo_db, preferences, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from schoolaid.reporting.work_list import Kind

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window = window_for(qtbot, AppContext(demo_db, preferences, actor=sign_in_as(demo_db, Role.ADMIN)))
    started = []
    monkeypatch.setattr(window.backup_actions, "export_backup", lambda: started.append(True))
    window.open_work_item(Kind.BACKUP, None)  # "no backup was ever exported": not the administrator's to do
    assert started == [] and "导出备份" in told[0] and "管理员" in told[0]
