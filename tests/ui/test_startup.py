"""First start: the setup dialog, the demo township loaded in the background, the operator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from schoolaid.roster import roster
from schoolaid.township import township
from schoolaid.ui.accounts.operator_dialog import OperatorDialog
from schoolaid.ui.context import AppContext
from schoolaid.ui.fonts import missing_characters
from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.township.setup_dialog import SetupDialog


def set_cell(model, row: int, column: int, value, role=Qt.ItemDataRole.EditRole) -> None:
    assert model.setData(model.index(row, column), value, role)


def test_setup_creates_the_township(qtbot, app, db, preferences) -> None:
    context = AppContext(db, preferences)
    dialog = SetupDialog(context)
    qtbot.addWidget(dialog)
    dialog.operator_edit.insert("周老师")
    dialog.township_edit.insert("平地镇")
    dialog.central_edit.insert("平地镇中心校")
    set_cell(dialog.villages_model, 0, 0, "波西村")
    set_cell(dialog.villages_model, 0, 1, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    set_cell(dialog.villages_model, 1, 0, "辣子哨村")
    set_cell(dialog.schools_model, 0, 0, "波西村小学")
    set_cell(dialog.schools_model, 0, 2, "波西村")
    dialog.create_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert db.query(township.township_name) == "平地镇"
    assert [s.name for s in db.query(township.list_schools)] == ["平地镇中心校", "波西村小学"]
    assert [(v.name, v.is_poor_village) for v in db.query(township.list_villages)] == [
        ("波西村", True), ("辣子哨村", False)]
    assert preferences.last_operator == "周老师"


def test_setup_refuses_a_school_in_an_unknown_village(qtbot, app, db, preferences, monkeypatch) -> None:

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    dialog = SetupDialog(AppContext(db, preferences))
    qtbot.addWidget(dialog)
    dialog.operator_edit.insert("周老师")
    dialog.township_edit.insert("平地镇")
    dialog.central_edit.insert("平地镇中心校")
    set_cell(dialog.villages_model, 0, 0, "波西村")
    set_cell(dialog.schools_model, 0, 0, "老村子村小学")
    dialog.schools_model.set_row_value(0, "village", "老村子村")
    dialog.create_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "老村子村" in shown[0]
    assert not db.query(township.is_set_up)


def test_loading_the_demo_runs_in_the_background(qtbot, app, db, preferences) -> None:
    context = AppContext(db, preferences)
    dialog = SetupDialog(context)
    qtbot.addWidget(dialog)
    dialog.operator_edit.insert("周老师")
    dialog.demo_button.click()
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=60_000)
    assert db.query(roster.count_students) == 1500
    assert db.query(township.township_name) == "平地镇"


def test_operator_is_chosen_from_the_staff(qtbot, context) -> None:
    dialog = OperatorDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.combo.count() > 5
    dialog.combo.setCurrentIndex(2)
    chosen = dialog.combo.currentText()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert context.operator == chosen
    assert context.preferences.last_operator == chosen


def test_the_window_is_chinese_and_draws_rare_name_characters(qtbot, context, tmp_path) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.tabText(window.tabs.indexOf(window.roster_tab)) == "学生花名册"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["文件(&F)", "学生(&S)"]
    assert missing_characters("䶮堃喆𠮷张三平地镇中心校") == []
    image = window.grab()
    assert not image.isNull() and image.width() >= 1000
    assert image.save(str(tmp_path / "window.png"))


def test_start_asks_for_the_operator_then_the_administrators_account(qtbot, app, demo_db, preferences,
                                                                      monkeypatch) -> None:
    """A database without accounts (the first start, or one from an earlier version): the name, then
    the administrator's account, then (the database encrypted with it) its recovery key, then the window,
    signed in."""
    from argon2 import PasswordHasher

    from schoolaid.accounts import accounts
    from schoolaid.storage import encryption
    from schoolaid.ui import app as app_module
    from schoolaid.ui.accounts.recovery_dialogs import RecoveryKeyDialog
    from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    monkeypatch.setattr(encryption, "ARGON2_MEMORY_KIB", 256)

    def choose(dialog) -> bool:
        dialog.combo.setCurrentText("周老师")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return True

    def create(dialog) -> bool:
        assert dialog.name_edit.text() == "周老师"
        dialog.password_edit.setText("admin-pass-1")
        dialog.repeat_edit.setText("admin-pass-1")
        dialog._create()
        return dialog.result() == dialog.DialogCode.Accepted

    def keep_the_key(dialog) -> int:
        dialog.kept_check.setChecked(True)
        dialog.continue_button.click()
        return dialog.result()

    monkeypatch.setattr(OperatorDialog, "exec", choose)
    monkeypatch.setattr(CreateAdministratorDialog, "exec", create)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", keep_the_key)
    demo_db.close()
    window = app_module.start(demo_db.path, preferences)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.operator_label.text() == "操作员：周老师（管理员）"
    window.close()


def test_start_on_a_database_with_accounts_asks_to_sign_in(qtbot, app, demo_db, preferences, monkeypatch) -> None:
    from argon2 import PasswordHasher

    from schoolaid.accounts import accounts
    from schoolaid.ui import app as app_module
    from schoolaid.ui.accounts.sign_in_dialog import OpeningSignInDialog

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    demo_db.run(accounts.create_first_administrator, "admin", "王管理", "admin-pass-1")
    demo_db.close()
    refused = []
    monkeypatch.setattr(OpeningSignInDialog, "exec", lambda dialog: refused.append(dialog) or False)
    assert app_module.start(demo_db.path, preferences) is None  # no sign-in, no window
    assert len(refused) == 1


def test_start_on_an_empty_database_shows_the_setup(qtbot, app, db, preferences, monkeypatch) -> None:
    from schoolaid.ui import app as app_module

    shown = []
    monkeypatch.setattr(SetupDialog, "exec", lambda dialog: shown.append(dialog) or False)
    db.close()
    assert app_module.start(db.path, preferences) is None
    assert len(shown) == 1


def test_a_database_that_cannot_be_opened_is_explained(qtbot, app, tmp_path, monkeypatch) -> None:
    from schoolaid.ui import app as app_module

    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append((title, text)))
    monkeypatch.setattr(app_module, "install_excepthook", lambda path: None)
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("hello")
    assert app_module.run_gui(not_a_database) == 1
    assert messages[0][0] == "校助无法打开数据库" and "不是校助数据库" in messages[0][1]


def test_english_is_a_setting(qtbot, qapp, demo_db, tmp_path) -> None:
    from schoolaid.common.i18n import set_language
    from schoolaid.ui.app import create_application
    from schoolaid.ui.preferences import Preferences

    english = Preferences(tmp_path / "english.ini")
    english.language = "en"
    try:
        create_application(preferences=english)
        window = MainWindow(AppContext(demo_db, english, "Li"))
        qtbot.addWidget(window)
        assert window.tabs.tabText(window.tabs.indexOf(window.roster_tab)) == "Student roster"
        assert window.roster_tab.status_combo.currentText() == "Enrolled"
    finally:
        create_application(preferences=Preferences(tmp_path / "chinese.ini"))
        set_language("zh_CN")


def test_file_dialogs_speak_chinese(qtbot, context, monkeypatch) -> None:
    """Qt's own file dialog is translated (qtbase_zh_CN), and so is every filter the window gives it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (asked.append(args[3]), ("", ""))[1])
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.run_action("file.open_backup")
    assert asked == ["校助备份文件 (*.sabk)"]


def test_every_window_carries_the_icon_at_the_sizes_desktops_ask_for(qtbot, app, context) -> None:
    icon = app.windowIcon()
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 24, 32, 48, 64, 128, 256]
    small = icon.pixmap(16, 16).toImage()
    # the red badge at the edge, the white book inside it: drawn, not blank
    assert small.pixelColor(1, 8).red() > 150 and small.pixelColor(1, 8).green() < 100
    assert min(small.pixelColor(4, 10).red(), small.pixelColor(4, 10).green()) > 200
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == icon.cacheKey()
