"""Encryption at rest through the command line: the demo township stays plain until its first account,
which encrypts it and prints the recovery key once (and the sheet); commands sign in before the
database opens; a kill in the middle of the encryption loses nothing; the recovery key sets a new
administrator's password when the key file is gone."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess

import pytest

from tests.e2e import run
from tests.e2e.run import schoolaid

PASSWORD = "admin-pass-1"
RECOVERY_KEY = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12}")


@pytest.fixture
def demo(tmp_path):
    db = tmp_path / "school.sqlite"
    made = schoolaid("demo", "--db", str(db), "--students", "120", home=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "pw.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    with contextlib.closing(sqlite3.connect(db)) as plain:
        id_numbers = [row[0] for row in plain.execute("SELECT id_number FROM students LIMIT 30")]
    return tmp_path, db, id_numbers


def add_admin(home, db, *extra: str) -> subprocess.CompletedProcess:
    return schoolaid("users", "add", "--db", str(db), "--username", "admin", "--name", "王管理", "--role", "admin",
                     "--new-password-file", str(home / "pw.txt"), *extra, home=home)


def test_demo_then_first_account_encrypts_then_sign_in_then_recover(demo):
    home, db, id_numbers = demo
    first = add_admin(home, db, "--recovery-sheet", str(home / "sheet.pdf"))
    assert first.returncode == 0, first.stderr
    (recovery_key,) = RECOVERY_KEY.findall(first.stdout)
    assert (home / "sheet.pdf").read_bytes().startswith(b"%PDF")
    raw = db.read_bytes() + (db.with_name(db.name + "-wal").read_bytes() if db.with_name(db.name + "-wal").exists()
                             else b"")
    assert not any(number.encode() in raw for number in id_numbers)
    as_admin = ("--db", str(db), "--user", "admin", "--user-password-file", str(home / "pw.txt"))
    listed = schoolaid("roster", "list", *as_admin, home=home)
    assert listed.returncode == 0 and listed.stdout.count("\n") > 100, listed.stderr
    bare = schoolaid("roster", "list", "--db", str(db), home=home)
    assert bare.returncode == 1 and "--user" in bare.stderr
    wrong = schoolaid("roster", "list", "--db", str(db), "--user", "admin", "--user-password-file", "-",
                      home=home, stdin="not-it-at-all\n")
    unknown = schoolaid("roster", "list", "--db", str(db), "--user", "nobody", "--user-password-file", "-",
                        home=home, stdin=PASSWORD + "\n")
    assert wrong.returncode == unknown.returncode == 1 and wrong.stderr == unknown.stderr

    db.with_name(db.name + ".keys").unlink()
    lost = schoolaid("roster", "list", *as_admin, home=home)
    assert lost.returncode == 1 and ("恢复密钥" in lost.stderr or "recovery key" in lost.stderr)
    (home / "rk.txt").write_text(recovery_key.lower() + "\n", encoding="utf-8")
    (home / "new.txt").write_text("new-admin-pass\n", encoding="utf-8")
    recovered = schoolaid("users", "recover", "--db", str(db), "--recovery-key-file", str(home / "rk.txt"),
                          "--user", "admin", "--new-password-file", str(home / "new.txt"), home=home)
    assert recovered.returncode == 0, recovered.stderr
    again = schoolaid("roster", "list", "--db", str(db), "--user", "admin", "--user-password-file",
                      str(home / "new.txt"), home=home)
    assert again.returncode == 0 and again.stdout == listed.stdout
    trail = schoolaid("audit", "verify", "--db", str(db), "--user", "admin", "--user-password-file",
                      str(home / "new.txt"), home=home)
    assert trail.returncode == 0, trail.stdout + trail.stderr


@pytest.mark.parametrize("after", [0.6, 0.95])
def test_a_kill_while_the_first_account_encrypts_loses_nothing(demo, after):
    home, db, _ids = demo
    with contextlib.closing(sqlite3.connect(db)) as plain:
        students = plain.execute("SELECT * FROM students ORDER BY id").fetchall()
    killed = subprocess.run(run.command("users", "add", "--db", str(db), "--username", "admin", "--name", "王管理",
                                        "--role", "admin", "--new-password-file", str(home / "pw.txt")),
                            capture_output=True, text=True, timeout=180, env={
                                **run.environment(home),
                                "SCHOOLAID_TEST_KILL_DURING": f"schoolaid.storage.encryption:encrypt_database:{after}"})
    assert killed.returncode == -9, killed.stderr
    as_admin = ("--db", str(db), "--user", "admin", "--user-password-file", str(home / "pw.txt"))
    listed = schoolaid("roster", "list", *as_admin, home=home)  # plain (then converted now) or encrypted: opens
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("\n") == len(students) + 1
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".part")]
