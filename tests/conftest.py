"""Shared fixtures: each test gets its own database and preferences in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Set to a date (``2027-02-15``) or a moment to run the whole test session with the clock moved there
#: (time-machine, ticking on): CI runs the suite so on a few days of the year to prove that no test and
#: no service depends on the day it runs. The command-line tests' subprocesses move with it (tests/e2e/run.py).
CLOCK_VARIABLE = "SCHOOLAID_TEST_CLOCK"
_TRAVELLER = pytest.StashKey[object]()


def moved_clock() -> dt.datetime | None:
    value = os.environ.get(CLOCK_VARIABLE, "").strip()
    return dt.datetime.fromisoformat(value) if value else None


def pytest_configure(config: pytest.Config) -> None:
    moment = moved_clock()
    if moment is not None:
        import time_machine

        traveller = time_machine.travel(moment, tick=True)  # ticking: Qt's waits and timeouts still pass
        traveller.start()
        config.stash[_TRAVELLER] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    moment = moved_clock()
    return f"clock moved to {moment.isoformat()} ({CLOCK_VARIABLE})" if moment is not None else None


#: The day every test builds its data on and judges it by: no test reads the clock, so the suite gives
#: the same answers on any day of any year (CI runs it with the clock moved, see ``pytest_configure``).
TODAY = dt.date(2026, 11, 20)
#: The same moment as the window's and the backups' local clock, and in UTC for account locks
#: (converted as the window converts it, whatever the machine's time zone).
NOW = dt.datetime(2026, 11, 20, 10, 30)
UTC_NOW = NOW.astimezone(dt.timezone.utc).replace(tzinfo=None)


from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.common.i18n import set_language  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.roster.idnumber import make_number  # noqa: E402
from schoolaid.roster.roster import StudentForm  # noqa: E402
from schoolaid.storage.database import Database, open_database  # noqa: E402
from schoolaid.township import township  # noqa: E402
from schoolaid.township.township import SchoolEntry, SetupForm  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the real user's data, config and log folders out of reach of every test."""
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / "home" / variable.lower()))
    set_language("zh_CN")


@pytest.fixture
def actor() -> Actor:
    return Actor("李老师")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "schoolaid.sqlite")
    yield database
    database.close()


@pytest.fixture
def township_db(db: Database, actor: Actor) -> Database:
    """A small hand-made township: 平地镇, two villages, the central school and one village school."""
    db.run(township.initial_setup, actor, SetupForm(
        township="平地镇", central_school="平地镇中心校",
        villages=[("波西村", True), ("辣子哨村", True)],
        village_schools=[SchoolEntry("波西村小学", "波西村")],
    ))
    return db


@pytest.fixture
def demo_db(db: Database, actor: Actor) -> Database:
    db.run(create_demo_township, actor, students=150, seed=7, today=TODAY)
    return db


def school_id(db: Database, name: str) -> int:
    return next(s.id for s in db.query(township.list_schools) if s.name == name)


def village_id(db: Database, name: str) -> int:
    return next(v.id for v in db.query(township.list_villages) if v.name == name)


def student_form(db: Database, name: str = "张三", birth: dt.date = dt.date(2016, 3, 2), male: bool = True,
                 sequence: int = 1, **changes: object) -> StudentForm:
    number = make_number("510411", birth, sequence * 2 + (1 if male else 0))
    form = StudentForm(name=name, sex="男" if male else "女", birth_date=birth, id_number=number,
                       school_id=school_id(db, "平地镇中心校"), stage="小学", grade=4, class_name="1班")
    for key, value in changes.items():
        setattr(form, key, value)
    return form
