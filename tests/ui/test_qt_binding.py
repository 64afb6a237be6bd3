"""The installed PySide6 keeps Python's reference counts right when signals are emitted and slots called.

PySide6-Essentials 6.12.0 on Python 3.11 loses one reference to ``True`` on every Python-side
``signal.emit()``: after a few thousand the process aborts ("Fatal Python error: bool_dealloc"). The
window emits signals by hand on every change, so it would die in ordinary use; pyproject.toml keeps
PySide6 below 6.12. This test runs against whatever version is installed, so a new one is checked
before it is allowed in.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6

EMITS = 5000

PROBE = textwrap.dedent(f"""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Sender(QObject):
        plain = Signal()
        carrying = Signal(object)

    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.calls = 0

        def take(self, value=None):  # a slot returning None, as every slot does
            self.calls += 1

    app = QCoreApplication([])
    sender, receiver = Sender(), Receiver()
    sender.plain.connect(receiver.take)
    sender.carrying.connect(receiver.take)
    sender.carrying.connect(lambda value: None)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range({EMITS}):
        sender.plain.emit()
        sender.carrying.emit(None)
        sender.carrying.emit(True)
    print(sys.getrefcount(True) - before_true, sys.getrefcount(None) - before_none, receiver.calls)
""")


def test_emitting_signals_keeps_reference_counts() -> None:
    version = f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}"
    pin = "pyproject.toml pins PySide6-Essentials below 6.12 for this reason; keep to a tested version"
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (
        f"{version} crashed after emitting signals {EMITS} times (exit {done.returncode}): "
        f"{done.stderr.strip()[-400:]}\n{pin}")
    true_drift, none_drift, calls = (int(word) for word in done.stdout.split())
    assert calls == 2 * EMITS + EMITS  # every emit reached its slot
    # A handful of references come and go with the loop itself; a leak shows as thousands.
    assert abs(true_drift) < 100, f"{version} changed the references to True by {true_drift} in {EMITS} emits. {pin}"
    assert abs(none_drift) < 100, f"{version} changed the references to None by {none_drift} in {EMITS} emits. {pin}"
