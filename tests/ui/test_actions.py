"""The registry of actions: every menu item and button comes from it, has a handler, and is offered
to a role only when the role's permissions allow it; exports and printouts agree with the
permission table the services are held to."""

from __future__ import annotations

import importlib

import pytest
from argon2 import PasswordHasher
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.permissions import GRANTS, Role
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
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
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
