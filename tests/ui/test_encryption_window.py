"""Encryption at rest as the school meets it in the window (issue 15, section 4): the sign-in before an
encrypted database opens, the first start encrypting the database and showing the recovery key once,
a plain database with accounts converted at an administrator's sign-in, the accounts that then need a
new password, and the recovery key opening the database when every password is forgotten."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton

from schoolaid.accounts import accounts, unlocking
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.permissions import Role
from schoolaid.backup import backup
from schoolaid.roster import roster
from schoolaid.storage import encryption
from schoolaid.storage.database import open_database
from schoolaid.township import township
from schoolaid.ui import app as app_module
from schoolaid.ui.accounts.recovery_dialogs import RecoverWithKeyDialog, RecoveryKeyDialog
from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog, OpeningSignInDialog
from schoolaid.ui.accounts.users_dialog import NewPasswordDialog, UsersDialog
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow
from tests.conftest import NOW, UTC_NOW

ADMIN_PASSWORD = "admin-pass-1"
TEACHER_PASSWORD = "teacher-pass-1"
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Argon2 at full strength costs 0.2 s a slot; these tests open databases many times."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    monkeypatch.setattr(encryption, "ARGON2_TIME", 1)
    monkeypatch.setattr(encryption, "ARGON2_MEMORY_KIB", 256)
    monkeypatch.setattr(encryption, "ARGON2_LANES", 1)


@pytest.fixture
def plain_with_accounts(demo_db) -> Path:
    """A database from the version before encryption: the demo township, an administrator and a teacher."""
    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    demo_db.run(accounts.add_user, admin, UserForm("teacher1", "李老师", Role.AID_OFFICER.value, TEACHER_PASSWORD))
    demo_db.close()
    return demo_db.path


@pytest.fixture
def encrypted(demo_db) -> tuple[Path, str]:
    """The demo township encrypted as its first account makes it, with a second account: (path, recovery key)."""
    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    db, made = unlocking.encrypt_open_database(demo_db, "admin", ADMIN_PASSWORD, admin)
    db.run(accounts.add_user, admin, UserForm("teacher1", "李老师", Role.AID_OFFICER.value, TEACHER_PASSWORD))
    db.close()
    return db.path, made.recovery_key


def file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def click_ok(qtbot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(OK), Qt.MouseButton.LeftButton)


def sign_in(qtbot, dialog: OpeningSignInDialog, name: str, password: str) -> None:
    """Type the name and the password as a user does, click 登录 and wait for the answer."""
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, name)
    qtbot.keyClicks(dialog.password_edit, password)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60_000)


def tick_and_continue(qtbot, dialog: RecoveryKeyDialog, shown: list[str]) -> int:
    shown.append(dialog.key_label.text())
    dialog.kept_check.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    return dialog.result()


def test_sign_in_opens_an_encrypted_database_only_with_the_right_password(qtbot, app, encrypted, preferences,
                                                                          monkeypatch, tmp_path):
    path, _key = encrypted
    seen: dict[str, object] = {}

    def user_signs_in(dialog: OpeningSignInDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "登录校助"
        assert dialog.recover_button.text() == "忘记密码？用恢复密钥…"
        sign_in(qtbot, dialog, "admin", "wrong-password")
        seen["wrong"] = dialog.message_label.text()
        assert dialog.password_edit.text() == "" and dialog.opened is None
        sign_in(qtbot, dialog, "nobody", "wrong-password")
        seen["unknown"] = dialog.message_label.text()
        dialog.grab().save(str(tmp_path / "sign-in.png"))
        sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
        return dialog.result()

    monkeypatch.setattr(OpeningSignInDialog, "exec", user_signs_in)
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    # One answer for every failure, naming the lock after repeated wrong passwords.
    assert seen["wrong"] == seen["unknown"] == accounts.sign_in_refused_message()
    assert "用户名或密码不正确" in str(seen["wrong"]) and "锁定" in str(seen["wrong"])
    assert window is not None and window.isVisible()
    assert window.operator_label.text() == "操作员：王管理（管理员）"
    assert window.context.db.key is not None
    assert window.context.query(township.township_name) == "平地镇"
    assert window.roster_tab.model.total == 150
    assert preferences.last_username == "admin"
    window.close()


def test_a_cancelled_sign_in_opens_nothing(qtbot, app, encrypted, preferences, monkeypatch):
    path, _key = encrypted
    monkeypatch.setattr(OpeningSignInDialog, "exec", lambda dialog: 0)
    assert app_module.start(path, preferences) is None


def test_the_first_start_encrypts_the_database_and_shows_the_recovery_key_once(qtbot, app, demo_db, preferences,
                                                                               monkeypatch, tmp_path):
    """The setup was done (the demo township); the administrator's account is made, the database is
    encrypted with it, and the recovery key dialog will not close before its box is ticked."""
    path = demo_db.path
    demo_db.close()  # as at a start: nothing else has the database open
    assert "平地镇".encode() in file_bytes(path)
    preferences.last_operator = "周老师"
    shown: list[str] = []

    def create(dialog: CreateAdministratorDialog) -> int:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.password_edit, ADMIN_PASSWORD)
        qtbot.keyClicks(dialog.repeat_edit, ADMIN_PASSWORD)
        dialog._create()
        return dialog.result()

    def keep_the_key(dialog: RecoveryKeyDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "恢复密钥"
        assert dialog.kept_check.text() == "我已打印并交校长妥善保管"
        assert not dialog.continue_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not close it: the key is never shown again
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        assert "勾选" in dialog.problem_label.text()
        saved = dialog.save_as(tmp_path / "key-sheet.pdf")
        assert saved is not None and saved.read_bytes().startswith(b"%PDF")
        with pdfplumber.open(saved) as pdf:
            printed = pdf.pages[0].extract_text()
        assert all(group in printed for group in dialog.key.split("-")) and "恢复密钥" in printed
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # the sheet in the print preview
        preview = dialog.preview
        assert preview.isVisible() and preview.pages.page_count() == 1
        assert not preview.path.exists()  # no copy of the key left in the preview folder
        preview.close()
        dialog.grab().save(str(tmp_path / "recovery-key.png"))
        return tick_and_continue(qtbot, dialog, shown)

    monkeypatch.setattr(CreateAdministratorDialog, "exec", create)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", keep_the_key)
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    assert window is not None and window.isVisible()
    assert window.operator_label.text() == "操作员：周老师（管理员）"
    # On disk: encrypted, no school name in plain bytes, a key-slot file beside it.
    assert encryption.state(path) == encryption.ENCRYPTED
    assert "平地镇".encode() not in file_bytes(path)
    assert encryption.keys_path(path).exists()
    # The key shown is the one that opens it: large groups of four, a few to a line.
    key = " ".join(shown[0].split())
    assert len(key.split()) == 13 and all(len(group) == 4 for group in key.split())
    encryption.check_key(path, encryption.parse_recovery_key(key))
    assert window.context.query(roster.count_students) == 150
    window.close()


def test_an_administrators_sign_in_converts_a_plain_database_with_accounts(qtbot, app, plain_with_accounts,
                                                                          preferences, monkeypatch):
    path = plain_with_accounts
    assert encryption.state(path) == encryption.PLAIN
    shown: list[str] = []
    signing_in: list[OpeningSignInDialog] = []

    def administrator_signs_in(dialog: OpeningSignInDialog) -> int:
        qtbot.addWidget(dialog)
        signing_in.append(dialog)
        assert not hasattr(dialog, "recover_button")  # a plain database has no recovery key yet
        sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
        return dialog.result()

    monkeypatch.setattr(OpeningSignInDialog, "exec", administrator_signs_in)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda dialog: tick_and_continue(qtbot, dialog, shown))
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    assert window is not None
    assert signing_in[0].task is not None and signing_in[0].task.title == "正在加密数据库…"
    assert encryption.state(path) == encryption.ENCRYPTED and len(shown) == 1
    assert "平地镇".encode() not in file_bytes(path)
    message = window.statusBar().currentMessage()
    assert "数据库已加密" in message and "李老师" in message and "重设" in message
    assert window.context.query(roster.count_students) == 150
    window.close()


def test_an_administrator_works_on_plain_when_the_database_cannot_be_encrypted_now(qtbot, app, plain_with_accounts,
                                                                                  preferences, monkeypatch):
    path = plain_with_accounts
    elsewhere = open_database(path)  # another SchoolAid has it open
    elsewhere.query(township.township_name)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warned.append(text))
    monkeypatch.setattr(OpeningSignInDialog, "exec",
                        lambda dialog: sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD) or dialog.result())
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda dialog: pytest.fail("nothing was encrypted"))
    try:
        window = app_module.start(path, preferences)
    finally:
        elsewhere.close()
    qtbot.addWidget(window)
    assert window is not None and window.operator_label.text() == "操作员：王管理（管理员）"
    assert len(warned) == 1 and "另一个" in warned[0]
    assert encryption.state(path) == encryption.PLAIN
    window.close()


def test_a_non_administrator_signs_in_on_a_plain_database_without_converting_it(qtbot, app, plain_with_accounts,
                                                                                preferences, monkeypatch):
    path = plain_with_accounts
    monkeypatch.setattr(OpeningSignInDialog, "exec",
                        lambda dialog: sign_in(qtbot, dialog, "teacher1", TEACHER_PASSWORD) or dialog.result())
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda dialog: pytest.fail("no key: nothing was encrypted"))
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    assert window is not None and "李老师" in window.operator_label.text()
    assert encryption.state(path) == encryption.PLAIN
    assert window.statusBar().currentMessage() == ""
    window.close()


def test_accounts_without_a_key_slot_are_marked_until_their_password_is_reset(qtbot, app, plain_with_accounts,
                                                                            preferences, monkeypatch):
    opened = unlocking.sign_in_and_open(plain_with_accounts, "admin", ADMIN_PASSWORD, now=UTC_NOW)
    assert opened.db is not None and opened.recovery_key
    context = AppContext(opened.db, preferences, actor=opened.actor)
    users = UsersDialog(context)
    qtbot.addWidget(users)
    users.show()
    model = users.model
    state_column = next(c for c in range(model.columnCount())
                        if model.headerData(c, Qt.Orientation.Horizontal) == "状态")

    def state_of(name: str) -> str:
        row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == name)
        return str(model.data(model.index(row, state_column)) or "")

    assert state_of("teacher1") == "需重设密码" and state_of("admin") == ""
    # Before the reset the teacher cannot open the database with the old password.
    assert unlocking.sign_in_and_open(plain_with_accounts, "teacher1", TEACHER_PASSWORD, now=UTC_NOW).db is None

    def new_password(dialog: NewPasswordDialog) -> int:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.password_edit, "teacher-pass-2")
        qtbot.keyClicks(dialog.repeat_edit, "teacher-pass-2")
        click_ok(qtbot, dialog.buttons)
        return dialog.result()

    monkeypatch.setattr(NewPasswordDialog, "exec", new_password)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "teacher1")
    users.table.selectRow(row)
    button = next(b for b in users.findChildren(QPushButton) if b.text() == "设新密码…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert state_of("teacher1") == ""
    opened.db.close()
    teacher = unlocking.sign_in_and_open(plain_with_accounts, "teacher1", "teacher-pass-2", now=UTC_NOW)
    assert teacher.db is not None and teacher.actor is not None
    teacher.db.close()


def test_the_recovery_key_sets_a_forgotten_administrators_password(qtbot, app, encrypted, preferences, monkeypatch):
    path, recovery_key = encrypted
    recovering: list[RecoverWithKeyDialog] = []

    def use_the_key(dialog: RecoverWithKeyDialog) -> int:
        recovering.append(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.key_edit, "this is no key")
        assert not dialog.account_combo.isEnabled()
        dialog.key_edit.clear()
        # As read off the sheet: small letters, spaces instead of dashes.
        qtbot.keyClicks(dialog.key_edit, recovery_key.lower().replace("-", " "))
        assert dialog.account_combo.isEnabled()
        assert [dialog.account_combo.itemText(i) for i in range(dialog.account_combo.count())] == ["admin"]
        qtbot.keyClicks(dialog.password_edit, "new-admin-pass")
        qtbot.keyClicks(dialog.repeat_edit, "new-admin-pass-typo")
        click_ok(qtbot, dialog.buttons)
        assert "不一样" in dialog.problem_label.text()
        dialog.repeat_edit.clear()
        qtbot.keyClicks(dialog.repeat_edit, "new-admin-pass")
        click_ok(qtbot, dialog.buttons)
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60_000)
        return dialog.result()

    def forgot(dialog: OpeningSignInDialog) -> int:
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RecoverWithKeyDialog, "exec", use_the_key)
    monkeypatch.setattr(OpeningSignInDialog, "exec", forgot)
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    assert window is not None and window.operator_label.text() == "操作员：王管理（管理员）"
    window.close()
    # The new password opens it from now on; the old one no longer does.
    assert unlocking.sign_in_and_open(path, "admin", ADMIN_PASSWORD, now=UTC_NOW).db is None
    again = unlocking.sign_in_and_open(path, "admin", "new-admin-pass", now=UTC_NOW)
    assert again.db is not None
    again.db.close()


def test_a_wrong_recovery_key_is_explained(qtbot, app, encrypted, preferences, tmp_path):
    path, recovery_key = encrypted
    other = tmp_path / "other" / "schoolaid.sqlite"
    db = open_database(other)
    actor = db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    db, made = unlocking.encrypt_open_database(db, "admin", ADMIN_PASSWORD, actor)
    db.close()
    dialog = RecoverWithKeyDialog(path, preferences)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.key_edit, made.recovery_key)  # the other school's key
    assert not dialog.account_combo.isEnabled() or dialog.account_combo.count() == 0
    assert dialog.problem_label.text()


def test_a_restored_backup_of_an_encrypted_database_keeps_every_account_working(qtbot, app, encrypted, preferences,
                                                                               monkeypatch, tmp_path):
    """Restore from the File menu: the backup carries the key and the key slots; the window signs in again
    on the restored data (its accounts are the backup's), and every account still opens it."""
    path, _key = encrypted
    opened = unlocking.sign_in_and_open(path, "admin", ADMIN_PASSWORD, now=UTC_NOW)
    assert opened.db is not None
    context = AppContext(opened.db, preferences, actor=opened.actor)
    file = backup.write_backup(path, tmp_path / "b.sabk", "平地镇备份2026", now=NOW, key=opened.db.key).path
    context.db.run(township.set_setting, context.actor, "township_name", "录错的名字")
    window = MainWindow(context, owns_database=True)
    qtbot.addWidget(window)
    window.show()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: said.append(text))
    asked: list[str] = []

    def sign_in_again(dialog: OpeningSignInDialog) -> int:
        asked.append(dialog.message_label.text())
        sign_in(qtbot, dialog, "teacher1", TEACHER_PASSWORD)
        return dialog.result()

    monkeypatch.setattr(OpeningSignInDialog, "exec", sign_in_again)
    window.backup_actions.restore_backup(file, "平地镇备份2026", confirm=False)
    qtbot.waitUntil(lambda: window.replacement is not None, timeout=60_000)
    replacement = window.replacement
    qtbot.addWidget(replacement)
    assert "备份已恢复" in asked[0]
    assert replacement.context.query(township.township_name) == "平地镇"
    assert "李老师" in replacement.operator_label.text()
    assert "已恢复" in said[-1]
    assert encryption.state(path) == encryption.ENCRYPTED and encryption.keys_path(path).exists()
    replacement.close()
    for name, password in (("admin", ADMIN_PASSWORD), ("teacher1", TEACHER_PASSWORD)):
        again = unlocking.sign_in_and_open(path, name, password, now=UTC_NOW)
        assert again.db is not None, name
        again.db.close()


def test_repeated_wrong_passwords_lock_the_account_as_before(qtbot, app, encrypted, preferences):
    """Five wrong passwords in a row (journaled while the database cannot be opened) lock the account:
    the right password then gets the same one message, and the administrator can unlock it."""
    path, _key = encrypted
    dialog = OpeningSignInDialog(path, preferences)
    qtbot.addWidget(dialog)
    for attempt in range(accounts.MAX_FAILED_ATTEMPTS):
        sign_in(qtbot, dialog, "teacher1", f"wrong-password-{attempt}")
        assert dialog.message_label.text() == accounts.sign_in_refused_message()
    sign_in(qtbot, dialog, "teacher1", TEACHER_PASSWORD)
    assert dialog.opened is None and dialog.message_label.text() == accounts.sign_in_refused_message()
    sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.opened is not None and dialog.result() == QDialog.DialogCode.Accepted
    teacher = next(u for u in dialog.opened.db.query(accounts.list_users) if u.username == "teacher1")
    assert teacher.locked(UTC_NOW)
    dialog.opened.db.close()


def test_the_recovery_key_opens_a_database_whose_key_file_is_lost(qtbot, app, encrypted, preferences, monkeypatch):
    path, recovery_key = encrypted
    encryption.keys_path(path).unlink()
    said: list[str] = []

    def recover(dialog: OpeningSignInDialog) -> int:
        qtbot.addWidget(dialog)
        said.append(dialog.message_label.text())
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def use_the_key(dialog: RecoverWithKeyDialog) -> int:
        qtbot.keyClicks(dialog.key_edit, recovery_key)
        assert [dialog.account_combo.itemText(i) for i in range(dialog.account_combo.count())] == ["admin"]
        qtbot.keyClicks(dialog.password_edit, "new-admin-pass")
        qtbot.keyClicks(dialog.repeat_edit, "new-admin-pass")
        click_ok(qtbot, dialog.buttons)
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60_000)
        return dialog.result()

    monkeypatch.setattr(OpeningSignInDialog, "exec", recover)
    monkeypatch.setattr(RecoverWithKeyDialog, "exec", use_the_key)
    window = app_module.start(path, preferences)
    qtbot.addWidget(window)
    assert "密钥文件" in said[0] and "恢复密钥" in said[0]
    assert window is not None and window.operator_label.text() == "操作员：王管理（管理员）"
    # A new key file: the administrator's slot; everyone else needs a new password.
    assert encryption.keys_path(path).exists()
    assert "李老师" in window.statusBar().currentMessage()
    window.close()


def test_the_program_starts_on_an_encrypted_database_by_signing_in(qtbot, app, encrypted, monkeypatch):
    """``schoolaid gui`` as a whole: no database is opened before the sign-in, then the window on it."""
    from PySide6.QtWidgets import QApplication

    path, _key = encrypted
    opened_before_sign_in: list[Path] = []
    real_open = app_module.open_database
    monkeypatch.setattr(app_module, "open_database", lambda *a, **k: opened_before_sign_in.append(a[0]) or
                        real_open(*a, **k))
    monkeypatch.setattr(app_module, "install_excepthook", lambda path: None)
    monkeypatch.setattr(app_module.garbage, "freeze_startup", lambda: None)
    monkeypatch.setattr(OpeningSignInDialog, "exec",
                        lambda dialog: sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD) or dialog.result())
    shown: list[str] = []

    def running(application) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "roster_tab"))
        shown.append(window.windowTitle())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", running)
    assert app_module.run_gui(path) == 0
    assert opened_before_sign_in == [] and "平地镇" in shown[0]


def test_a_safety_copy_of_an_encrypted_database_is_listed_and_restored_through_the_sign_in(
        qtbot, app, encrypted, preferences, monkeypatch):
    from schoolaid.backup import safety_copies
    from schoolaid.ui.backup.backup_dialogs import SafetyCopyDialog

    path, _key = encrypted
    opened = unlocking.sign_in_and_open(path, "admin", ADMIN_PASSWORD, now=UTC_NOW)
    assert opened.db is not None
    context = AppContext(opened.db, preferences, actor=opened.actor)
    window = MainWindow(context, owns_database=True)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work()
    qtbot.waitUntil(lambda: bool(safety_copies.list_copies(path)), timeout=30_000)
    window.backup_actions.wait_for_safety_copy()
    copy = safety_copies.list_copies(path)[0]
    assert encryption.state(copy.path) == encryption.ENCRYPTED  # the copy is no plain file of the data
    context.db.run(township.set_setting, context.actor, "township_name", "录错的名字")

    def choose_the_copy(dialog: SafetyCopyDialog) -> int:
        students = dialog.model.data(dialog.model.index(0, 2))
        assert str(students) == "150"  # read with the database's key
        dialog.accept()
        return QDialog.DialogCode.Accepted

    said: list[str] = []
    monkeypatch.setattr(SafetyCopyDialog, "exec", choose_the_copy)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: said.append(text))
    monkeypatch.setattr(OpeningSignInDialog, "exec",
                        lambda dialog: sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD) or dialog.result())
    window.backup_actions.restore_safety_copy()
    replacement = window.replacement
    assert replacement is not None
    qtbot.addWidget(replacement)
    assert replacement.context.query(township.township_name) == "平地镇"
    assert "已恢复" in said[-1] and "安全副本" in said[-1]
    replacement.close()
