"""Required fields and refusals shown at the field of a form (issue 20).

The core names the field each problem concerns (``Problem.field``, e.g. ``"id_number"``); a form binds
those names to its widgets. A refusal then marks each field it concerns with a red border (the dynamic
property ``invalid``), writes the message in red right under the field, and puts the focus in the first
one; editing the field clears its mark. Problems about no bound field are handed back, for the form to
show where it always has.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from schoolaid.common.errors import Problem, SchoolAidError, ValidationFailed
from schoolaid.ui.widgets.messages import show_error

ERROR_COLOR = "#c62828"
MESSAGE_STYLE = f"color:{ERROR_COLOR};"
# On the field itself, and only while it is marked: the rest of the form keeps the platform's look.
INVALID_STYLE = f'*[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; border-radius: 2px; }}'


def _holds(item: QLayoutItem | None, widget: QWidget) -> bool:
    """Whether the layout item is ``widget``, or a widget or layout with it inside."""
    if item is None:
        return False
    held, layout = item.widget(), item.layout()
    if held is not None and (held is widget or held.isAncestorOf(widget)):
        return True
    return layout is not None and any(_holds(layout.itemAt(position), widget) for position in range(layout.count()))


def form_row(root: QWidget, widget: QWidget) -> tuple[QFormLayout, int] | None:
    """The form layout under ``root`` and the row whose field is ``widget`` or holds it (a row of a
    combo and a line edit side by side)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            if _holds(form.itemAt(row, QFormLayout.ItemRole.FieldRole), widget) or _holds(
                    form.itemAt(row, QFormLayout.ItemRole.SpanningRole), widget):
                return form, row
    return None


def _label_of(form: QFormLayout, row: int) -> QLabel | None:
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    return label if isinstance(label, QLabel) else None


def mark_required_label(label: QLabel) -> None:
    """A red asterisk after the label; the label says 必填 to a screen reader and in its tooltip."""
    if label.property("required"):
        return
    plain = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # rich text has no mnemonic
    label.setProperty("required", True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(f'{html.escape(plain)}<span style="color:{ERROR_COLOR};">&nbsp;*</span>')
    label.setAccessibleName(QCoreApplication.translate("FormFields", "{label} (required)").format(label=plain))
    label.setToolTip(QCoreApplication.translate("FormFields", "Required"))


def required_legend(parent: QWidget | None = None) -> QLabel:
    """The one line that says what the asterisk means."""
    meaning = QCoreApplication.translate("FormFields", "marks a required field")
    legend = QLabel(f'<span style="color:{ERROR_COLOR};">*</span> {html.escape(meaning)}', parent)
    legend.setTextFormat(Qt.TextFormat.RichText)
    legend.setObjectName("required_legend")
    legend.setAccessibleName(QCoreApplication.translate("FormFields", "* marks a required field"))
    return legend


@dataclass
class _Field:
    widget: QWidget
    focus: QWidget
    message: QLabel | None  # made on the first refusal, unless the form lends its own label
    lent: bool  # the form keeps the lent label's text current itself: clearing leaves it alone


class FieldErrors(QObject):
    """The fields of one form by the core's names for them."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)  # the form is reached as the parent: a reference here would be a cycle (widgets.dialog)
        self._fields: dict[str, _Field] = {}
        self._order: list[QWidget] = []  # the form's order: the first marked field gets the focus
        self._marked: dict[QWidget, str] = {}
        self._old_styles: dict[QWidget, str] = {}
        self.legend = required_legend(root)  # the form places it; shown once a field is marked required
        self.legend.setVisible(False)

    @property
    def root(self) -> QWidget:
        form = self.parent()
        assert isinstance(form, QWidget)
        return form

    def bind(self, names: str | Iterable[str], widget: QWidget, *, required: bool = False,
             focus: QWidget | None = None, message: QLabel | None = None,
             edited: Iterable[SignalInstance] = ()) -> None:
        """``widget`` is where the core's ``names`` are entered. ``focus``: what takes the focus instead (the
        button beside a read-only label); ``message``: a label under the field the form already has;
        ``edited``: the signals that say the field was edited, for a widget that is not itself an input (a row
        of tick boxes)."""
        field = _Field(widget, focus or widget, message, message is not None)
        for name in [names] if isinstance(names, str) else names:
            self._fields[name] = field
        if widget not in self._order:
            self._order.append(widget)
            self._clear_on_edit(widget, tuple(edited))
        if required:
            self.mark_required(widget)

    def mark_required(self, widget: QWidget) -> None:
        found = form_row(self.root, widget)
        label = _label_of(*found) if found is not None else None
        if label is not None:
            mark_required_label(label)
        widget.setProperty("required", True)
        self.legend.setVisible(True)

    # --- a refusal ---------------------------------------------------------------------------

    def show(self, problems: Sequence[Problem]) -> list[Problem]:
        """Mark the fields ``problems`` concern and say why under each; the problems of no bound field
        are returned."""
        self.clear()
        elsewhere: list[Problem] = []
        said: dict[QWidget, list[str]] = {}
        for problem in problems:
            field = self._fields.get(problem.field)
            if field is None or not self._shown_in_form(field.widget):
                elsewhere.append(problem)
            else:
                if problem.message not in said.setdefault(field.widget, []):
                    said[field.widget].append(problem.message)
                if field.message is None and form_row(self.root, field.widget) is None:
                    elsewhere.append(problem)  # a table outside the form: marked, and said where the form says the rest
        for name, field in self._fields.items():
            if field.widget in said and field.widget not in self._marked:
                self._mark(field, name, "\n".join(said[field.widget]))
        first = next((w for w in self._order if w in self._marked), None)
        if first is not None:
            self._make_room()
            self._focus(self._field_of(first).focus)
        return elsewhere

    def _field_of(self, widget: QWidget) -> _Field:
        return next(f for f in self._fields.values() if f.widget is widget)

    def refuse(self, error: SchoolAidError) -> None:
        """A dialog without a problems line: a refusal at its fields, what no field shows in a message."""
        if not isinstance(error, ValidationFailed):
            show_error(self.root, error)
            return
        elsewhere = self.show([p for p in error.problems if p.is_error] or error.problems)
        if elsewhere:
            show_error(self.root, ValidationFailed(elsewhere))

    def clear(self) -> None:
        for widget in list(self._marked):
            self.clear_field(widget)

    def clear_field(self, widget: QWidget) -> None:
        if self._marked.pop(widget, None) is None:
            return
        widget.setProperty("invalid", False)
        widget.setStyleSheet(self._old_styles.pop(widget, ""))
        for field in self._fields.values():
            if field.widget is widget and field.message is not None and not field.lent:
                field.message.clear()
                self._set_message_row_visible(field.message, False)

    def messages(self) -> list[str]:
        """What the marked fields say, in the form's order (for tests and for a screen reader)."""
        shown = []
        for widget in self._order:
            field = self._field_of(widget)
            if widget in self._marked and field.message is not None:
                shown.append(field.message.text())
        return shown

    def message_for(self, name: str) -> str:
        field = self._fields.get(name)
        if field is None or field.widget not in self._marked or field.message is None:
            return ""
        return field.message.text()

    # --- how ---------------------------------------------------------------------------------

    def _mark(self, field: _Field, name: str, text: str) -> None:
        widget = field.widget
        self._marked[widget] = name
        self._old_styles[widget] = widget.styleSheet()
        widget.setProperty("invalid", True)
        widget.setStyleSheet(INVALID_STYLE)
        if field.message is None:
            field.message = self._message_row(widget)
        if field.message is not None:
            field.message.setStyleSheet(MESSAGE_STYLE)
            field.message.setText(text)
            self._set_message_row_visible(field.message, True)
        widget.setAccessibleDescription(text)

    def _message_row(self, widget: QWidget) -> QLabel | None:
        found = form_row(self.root, widget)
        if found is None:
            return None
        form, row = found
        label = QLabel()
        label.setObjectName("field_error")
        label.setWordWrap(True)
        label.setStyleSheet(MESSAGE_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if form.itemAt(row, QFormLayout.ItemRole.SpanningRole) is not None:
            form.insertRow(row + 1, label)
        else:
            form.insertRow(row + 1, QWidget(), label)  # an empty label column: the message sits under the field
        return label

    def _set_message_row_visible(self, message: QLabel, visible: bool) -> None:
        found = form_row(self.root, message)
        if found is not None:
            found[0].setRowVisible(found[1], visible)
        else:
            message.setVisible(visible)

    def _make_room(self) -> None:
        """The messages add lines to the form: the window grows rather than squeezing its fields."""
        window = self.root.window()
        layout = window.layout()
        if layout is not None:
            layout.activate()
        if window.isVisible():
            window.resize(window.size().expandedTo(window.sizeHint()))

    def _shown_in_form(self, widget: QWidget) -> bool:
        """Part of the form as it stands: shown, or on a tab page not in front (the refusal brings it forward);
        not a field the form has hidden because the choice made does not use it."""
        current: QWidget | None = widget
        while current is not None and current is not self.root:
            parent = current.parentWidget()
            on_a_page = isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget)
            if current.isHidden() and not on_a_page:
                return False
            current = parent
        return True

    def _focus(self, widget: QWidget) -> None:
        page = widget.parentWidget()
        while page is not None and page is not self.root:  # the field's tab, if it is on one not shown
            stack = page.parentWidget()
            tabs = stack.parentWidget() if stack is not None else None
            if isinstance(tabs, QTabWidget) and tabs.indexOf(page) >= 0:
                tabs.setCurrentWidget(page)
            page = stack
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_on_edit(self, widget: QWidget, edited: tuple[SignalInstance, ...]) -> None:
        # Weak: the field's signal must not keep the form alive (see widgets.dialog).
        helper, weak_widget = weakref.ref(self), weakref.ref(widget)

        def cleared(*_args: object) -> None:
            errors, field = helper(), weak_widget()
            if errors is not None and field is not None and shiboken6.isValid(errors):
                errors.clear_field(field)

        for signal in edited:
            signal.connect(cleared)
        if edited:
            return
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(cleared)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(cleared)
            widget.editTextChanged.connect(cleared)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(cleared)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.valueChanged.connect(cleared)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(cleared)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.textChanged.connect(cleared)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(cleared)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for changed in (widget.model().dataChanged, widget.model().rowsInserted, widget.model().rowsRemoved,
                            widget.model().modelReset):
                changed.connect(cleared)
