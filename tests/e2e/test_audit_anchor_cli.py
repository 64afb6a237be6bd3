"""The audit chain anchored outside the PC, through the command line: the head's short form and the
row count at the foot of every printed quarterly summary, term-start report and sign-off sheet,
`audit verify --head HASH --rows N` checking a head copied from paper (a history rewritten in full,
every hash recomputed, passes the chain check but not this one), and `audit verify --against`
trusting a backup's header only once the password has proven it unchanged."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
from pathlib import Path

import pypdfium2
import pytest

from schoolaid.accounts.audit_chain import GENESIS, row_hash
from schoolaid.common.school_calendar import Quarter, Term
from tests.e2e.run import CLI_TODAY, schoolaid

PASSWORD = "secret-pass-1"
ANCHOR = re.compile(r"审计链：共 (\d+) 条记录，校验码 ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> dict[str, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "150", home=home)
    assert result.returncode == 0, result.stderr
    password = home / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    return {"home": home, "db": db, "password": password}


def pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def trail(db: Path) -> tuple[int, str]:
    connection = sqlite3.connect(db)
    try:
        rows, head = connection.execute("SELECT count(*), (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) "
                                        "FROM audit_events").fetchone()
    finally:
        connection.close()
    return rows, head


def verify(demo, db: Path, *extra: str):
    return schoolaid("audit", "verify", "--db", str(db), *extra, home=demo["home"])


def printed(demo, tmp_path: Path, *command: str) -> tuple[int, str, str]:
    """Print a document; the anchor read back from the foot of each of its pages (the same on each)."""
    out = tmp_path / f"{command[0]}.pdf"
    result = schoolaid("print", *command, "--db", str(demo["db"]), "--out", str(out), home=demo["home"])
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    anchors = ANCHOR.findall(text)
    assert anchors and len(set(anchors)) == 1, text[-400:]
    assert len(anchors) == len(re.findall(r"第 \d+ 页 共 \d+ 页", text))  # at the foot of every page
    rows, code = anchors[0]
    return int(rows), code, text


def test_every_printout_carries_the_chain_head_and_it_verifies(demo, tmp_path):
    rows, head = trail(demo["db"])
    year, quarter = Quarter.containing(CLI_TODAY).year, Quarter.containing(CLI_TODAY).number
    term = Term.containing(CLI_TODAY)
    connection = sqlite3.connect(demo["db"])
    batch = connection.execute("SELECT min(id) FROM ledger_batches").fetchone()[0]
    connection.close()
    for command in (("quarterly", "--year", str(year), "--quarter", str(quarter)),
                    ("term-report", "--year", str(term.year), "--term", term.season.value),
                    ("sign-off", str(batch))):
        count, code, _text = printed(demo, tmp_path, *command)
        assert count == rows and code == f"{head[:4]}-{head[4:8]}-{head[8:12]}".upper(), command
        ok = verify(demo, demo["db"], "--head", code, "--rows", str(count))
        assert ok.returncode == 0, ok.stderr
        assert code in ok.stdout
    # As copied by hand: without the dashes, in small letters; --json keeps its keys and adds the paper's.
    loose = verify(demo, demo["db"], "--head", code.replace("-", "").lower(), "--rows", str(count), "--json")
    result = json.loads(loose.stdout)
    assert loose.returncode == 0 and result["ok"] is True
    assert {"ok", "rows", "head", "checked_records", "chain", "records"} <= set(result)
    assert result["paper"] == {"rows": count, "head": code, "ok": True} and result["head_short"] == code


def test_a_history_rewritten_in_full_passes_the_chain_but_not_the_paper(demo, tmp_path):
    count, code, _text = printed(demo, tmp_path, "quarterly", "--year", str(Quarter.containing(CLI_TODAY).year),
                                 "--quarter", str(Quarter.containing(CLI_TODAY).number))
    forged = tmp_path / "forged.sqlite"
    source = sqlite3.connect(demo["db"])
    source.execute(f"VACUUM INTO '{forged}'")
    source.close()
    connection = sqlite3.connect(forged, isolation_level=None)
    connection.execute("DROP TRIGGER audit_events_never_updated")
    connection.execute("UPDATE audit_events SET actor = '别人' WHERE id = 5")  # an old event changed…
    columns = ["id", "at", "actor", "user_id", "role", "action", "entity", "entity_id", "summary", "before", "after"]
    previous = GENESIS
    for row in connection.execute(f"SELECT {', '.join(columns)} FROM audit_events ORDER BY id").fetchall():
        digest = row_hash(previous, dict(zip(columns, row, strict=True)))  # …and every hash recomputed after it
        connection.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?", (previous, digest, row[0]))
        previous = digest
    connection.close()
    assert verify(demo, forged).returncode == 0  # the chain alone cannot tell
    caught = verify(demo, forged, "--head", code, "--rows", str(count))
    assert caught.returncode == 1
    assert f"第 {count} 条" in caught.stderr and code in caught.stderr and "重写" in caught.stderr
    fewer = verify(demo, forged, "--head", code, "--rows", str(count + 10_000))
    assert fewer.returncode == 1 and "少于" in fewer.stderr


@pytest.mark.parametrize("extra", [("--head", "ABCD-EF01-2345"), ("--rows", "5"), ("--head", "xyz", "--rows", "5")])
def test_a_head_that_is_not_one_is_refused_with_a_reason(demo, extra):
    result = verify(demo, demo["db"], *extra)
    assert result.returncode == 1 and result.stdout == ""
    assert "--head" in result.stderr or "校验码" in result.stderr


def forge_header(path: Path, target: Path, rows: int, head: str) -> None:
    """Edit the readable header of a real backup to claim another chain head and row count."""
    data = path.read_bytes()
    length = struct.unpack(">I", data[16:20])[0]
    header = json.loads(data[20:20 + length].decode("utf-8"))
    assert header["audit"]["rows"] != rows
    header["audit"]["rows"], header["audit"]["head"] = rows, head
    forged = json.dumps(header, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    target.write_bytes(data[:16] + struct.pack(">I", len(forged)) + forged + data[20 + length:])


def test_against_a_backup_needs_its_password_and_refuses_a_forged_header(demo, tmp_path):
    home = demo["home"]
    backup = tmp_path / "b.sabk"
    exported = schoolaid("backup", "export", "--db", str(demo["db"]), "--out", str(backup), "--password-file",
                         str(demo["password"]), home=home)
    assert exported.returncode == 0, exported.stderr
    rows, _head = trail(demo["db"])
    password = ("--password-file", str(demo["password"]))
    genuine = verify(demo, demo["db"], "--against", str(backup), *password)
    assert genuine.returncode == 0, genuine.stderr
    unproven = verify(demo, demo["db"], "--against", str(backup))
    assert unproven.returncode == 1 and "--password-file" in unproven.stderr and "密码" in unproven.stderr

    # The attack: the newest rows removed from the database, the backup's header edited to match.
    cut = tmp_path / "cut.sqlite"
    source = sqlite3.connect(demo["db"])
    source.execute(f"VACUUM INTO '{cut}'")
    source.close()
    connection = sqlite3.connect(cut, isolation_level=None)
    connection.execute("DROP TRIGGER audit_events_never_deleted")
    connection.execute("DELETE FROM audit_events WHERE id > (SELECT max(id) - 3 FROM audit_events)")
    connection.close()
    caught = verify(demo, cut, "--against", str(backup), *password)
    assert caught.returncode == 1 and "备份" in caught.stderr
    forged = tmp_path / "forged.sabk"
    forge_header(backup, forged, *trail(cut))
    info = schoolaid("backup", "info", str(forged), "--json", home=home)
    assert info.returncode == 0  # the header reads as the forger wrote it…
    assert schoolaid("backup", "verify", str(forged), *password, home=home).returncode == 1  # …and is not the one
    refused = verify(demo, cut, "--against", str(forged), *password)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "forged.sabk" in refused.stderr and "不能" in refused.stderr and "改动" in refused.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password\n", encoding="utf-8")
    mistyped = verify(demo, demo["db"], "--against", str(backup), "--password-file", str(wrong))
    assert mistyped.returncode == 1 and "密码" in mistyped.stderr
