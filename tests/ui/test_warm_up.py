"""What the window loads in the background while the user looks at the first screen."""

from __future__ import annotations

import sys
import threading
import types

from schoolaid.ui import warm_up


def test_the_first_saves_reference_data_is_read_after_the_tabs_libraries_and_holds_up_no_tab(monkeypatch) -> None:
    reading, release = threading.Event(), threading.Event()
    data = types.ModuleType("reference_data_for_the_test")

    def read() -> None:
        reading.set()
        release.wait(10)

    data.read = read  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, data.__name__, data)
    monkeypatch.setattr(warm_up, "_threads", {})
    monkeypatch.setattr(warm_up, "_readers", {})
    monkeypatch.setattr(warm_up, "TAB_MODULES", ("json",))
    monkeypatch.setattr(warm_up, "SAVE_DATA", ((data.__name__, "read"),))
    warm_up.start_tab_libraries()
    assert reading.wait(10)
    warm_up.wait()  # a tab about to import its modules: the libraries are in, the data is not waited for
    assert warm_up.loading()  # but the tabs' modules are not loaded ahead meanwhile (both would want the GIL)
    release.set()
    for thread in list(warm_up._readers.values()):
        thread.join(10)
    assert not warm_up.loading()


def test_the_reference_data_a_save_reads_is_loaded_by_its_readers() -> None:
    from stdnum import numdb

    for name, function in warm_up.SAVE_DATA:
        getattr(__import__(name, fromlist=[function]), function)()
    assert "pypinyin" in sys.modules and "cn/loc" in numdb._open_databases
