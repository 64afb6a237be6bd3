"""Encryption at rest: the database file encrypted by SQLCipher under a random 32-byte key, the key
wrapped once per account in a key-slot file beside the database, and the key itself as the recovery key.

How the window (and the command line) use it:

- ``state(path)`` says whether the database at ``path`` is ``PLAIN`` (no accounts yet, or made by an
  earlier version: open it with ``storage.database.open_database(path)`` as before), ``ENCRYPTED``
  (sign in first: ``accounts.unlocking.sign_in_and_open``) or ``MISSING``. An encrypted database whose
  key-slot file is gone is ``ENCRYPTED`` too; ``KeyFile.load`` then raises ``KeysMissing``, whose message
  says to use the recovery key (``accounts.unlocking.recover``).
- A plain database is encrypted by ``encrypt_database(path, username, password)`` (closed first; the
  window and the CLI go through ``accounts.unlocking.encrypt_open_database``). It returns an ``Encrypted``
  whose ``recovery_key`` the caller shows (or prints, ``documents.pdf.recovery_sheet``) once and never keeps.
- The services that set passwords keep the slots in step through ``KeySlots.of(session)`` (nothing to do
  for the window).

The key-slot file (``<database>.keys``, JSON, private): a random file id and label salt; per account a
slot: label = SHA-256(salt + user name in lower case) (names are not readable in the file), the Argon2id
salt and parameters, and the database key wrapped with AES-256-GCM under the key Argon2id derives from the
password (associated data: the file id and the slot's id, so a slot copied from another file does not
open). Failed unlocks cannot be written into the database (its key is not known then): they are appended
to ``<database>.keys-journal`` (typed name, UTC time) and moved into the audit trail, and counted against
the accounts, at the next successful sign-in (``accounts.unlocking``).

The recovery key is the database key itself, in base32 in groups of four: it opens the database even when
the key-slot file is lost.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlcipher3 import dbapi2 as sqlcipher

from schoolaid.common.errors import DatabaseError
from schoolaid.common.files import PART_SUFFIX, atomic_path, owned_file, sync_folder
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress

log = logging.getLogger(__name__)

KEY_BYTES = 32
KEYS_SUFFIX = ".keys"
JOURNAL_SUFFIX = ".keys-journal"
SQLITE_HEADER = b"SQLite format 3\x00"
FORMAT = "schoolaid-key-slots"
VERSION = 1
# Argon2id: 4 passes over 128 MiB with 4 lanes, about 0.2 s on the development PC (0.16-0.3 s measured
# under load) and well under a second on a school's older PC. Stored per slot, so it can be raised later.
ARGON2_TIME = 4
ARGON2_MEMORY_KIB = 128 * 1024
ARGON2_LANES = 4

PLAIN = "plain"
ENCRYPTED = "encrypted"
MISSING = "missing"


def _quiet() -> None:
    """SQLCipher writes a wrong key's decryption errors to standard error (for the whole process): the
    program says what is wrong in words instead."""
    connection = sqlcipher.connect(":memory:")
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
    finally:
        connection.close()


_quiet()


class KeysMissing(DatabaseError):
    """The database is encrypted and its key-slot file is missing or unreadable."""


class WrongKey(DatabaseError):
    """The key given does not open the database."""


@dataclass(frozen=True)
class Encrypted:
    key: bytes

    @property
    def recovery_key(self) -> str:
        return format_recovery_key(self.key)


def keys_path(db_path: Path) -> Path:
    return Path(f"{db_path}{KEYS_SUFFIX}")


def journal_path(db_path: Path) -> Path:
    return Path(f"{db_path}{JOURNAL_SUFFIX}")


def key_pragma(key: bytes) -> str:
    """The raw-key form of ``PRAGMA key``: the 32 bytes are the cipher key itself, so opening spends
    no PBKDF2 (the key is random, not a password). SQLCipher 4's defaults otherwise (4096-byte pages,
    AES-256-CBC with HMAC-SHA512 per page)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _header(db_path: Path) -> bytes | None:
    try:
        with Path(db_path).open("rb") as f:
            return f.read(16)
    except FileNotFoundError:
        return None


def state(db_path: Path) -> str:
    """``PLAIN``, ``ENCRYPTED`` or ``MISSING`` (no file, or an empty one: a new database).

    A plain database with a key-slot file beside it is one whose encryption was cut short (a kill or
    a power cut between writing the slots and swapping the files): the slots' key protects nothing,
    so that file is removed and the database stays plain, whole."""
    db_path = Path(db_path)
    header = _header(db_path)
    if not header:
        return MISSING
    if header == SQLITE_HEADER:
        keys = keys_path(db_path)
        if keys.exists():
            log.warning("removing %s: the encryption of the plain database beside it was interrupted", keys)
            keys.unlink(missing_ok=True)
        return PLAIN
    return ENCRYPTED


def format_recovery_key(key: bytes) -> str:
    """The key as the recovery key: base32 (letters and digits 2-7, nothing to confuse 0 and O),
    in dash-separated groups of four."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The key from a recovery key as typed: dashes, spaces and case do not matter."""
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, binascii.Error) as exc:
        raise WrongKey(_bad_recovery_key()) from exc
    if len(key) != KEY_BYTES:
        raise WrongKey(_bad_recovery_key())
    return key


def _bad_recovery_key() -> str:
    return translate(
        "Encryption", "This is not a recovery key: a recovery key has 13 groups of 4 letters and digits (2-7), as "
        "printed on the recovery-key sheet. Check what was typed.")


def _derive(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=t, memory_cost=m, parallelism=p,
                           hash_len=KEY_BYTES, type=Type.ID)


class KeyFile:
    """The key slots of one database (see the module's note)."""

    def __init__(self, file_id: str, salt: str, slots: dict[str, dict[str, Any]]) -> None:
        self.file_id = file_id
        self.salt = salt
        self.slots = slots

    @classmethod
    def new(cls) -> KeyFile:
        return cls(secrets.token_hex(16), secrets.token_hex(16), {})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or int(data.get("version", 0)) > VERSION:
                raise ValueError("not a key-slot file of this version")
            return cls(str(data["file_id"]), str(data["salt"]), dict(data["slots"]))
        except FileNotFoundError as exc:
            raise KeysMissing(keys_missing_message(path)) from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeysMissing(translate(
                "Encryption", "The key file {path} is damaged ({detail}), so no password can open the database. "
                "Sign in with the recovery key (the paper kept in the principal's safe): \u201cschoolaid users "
                "recover\u201d, or \u201cForgot the password\u201d at the start of the program.").format(
                    path=path, detail=exc)) from exc

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": VERSION, "file_id": self.file_id, "salt": self.salt,
                           "slots": self.slots}, indent=1, sort_keys=True)

    def save(self, path: Path) -> None:
        """Written whole under a temporary name, then renamed (private: ``atomic_path`` makes it 0600)."""
        with atomic_path(Path(path)) as part:
            part.write_text(self.to_json(), encoding="utf-8")

    def label(self, username: str) -> str:
        return hashlib.sha256(bytes.fromhex(self.salt) + username.strip().lower().encode("utf-8")).hexdigest()

    def has_slot(self, username: str) -> bool:
        return self.label(username) in self.slots

    def _associated(self, slot_id: str) -> bytes:
        return f"{FORMAT}/{VERSION}/{self.file_id}/{slot_id}".encode("ascii")

    def set_slot(self, username: str, password: str, key: bytes) -> None:
        salt, nonce, slot_id = secrets.token_bytes(16), secrets.token_bytes(12), secrets.token_hex(8)
        wrapping = _derive(password, salt, ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES)
        wrapped = AESGCM(wrapping).encrypt(nonce, key, self._associated(slot_id))
        self.slots[self.label(username)] = {
            "id": slot_id, "kdf": "argon2id", "t": ARGON2_TIME, "m": ARGON2_MEMORY_KIB, "p": ARGON2_LANES,
            "salt": salt.hex(), "nonce": nonce.hex(), "wrapped": wrapped.hex()}

    def remove_slot(self, username: str) -> None:
        self.slots.pop(self.label(username), None)

    def rename_slot(self, old: str, new: str) -> None:
        """A renamed account keeps its slot (the label is only where to find it; the associated data
        binds the slot to its id and this file, not to the name, so no password is needed)."""
        slot = self.slots.pop(self.label(old), None)
        if slot is not None:
            self.slots[self.label(new)] = slot

    def unwrap(self, username: str, password: str) -> bytes | None:
        """The database key, or None for a wrong password or a name without a slot. Both cost one
        Argon2id, so the time of the answer does not tell them apart."""
        slot = self.slots.get(self.label(username))
        if slot is None:
            _derive(password, hashlib.sha256(self.salt.encode() + username.encode()).digest()[:16],
                    ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES)
            return None
        try:
            wrapping = _derive(password, bytes.fromhex(slot["salt"]), int(slot["t"]), int(slot["m"]), int(slot["p"]))
            return AESGCM(wrapping).decrypt(bytes.fromhex(slot["nonce"]), bytes.fromhex(slot["wrapped"]),
                                            self._associated(str(slot["id"])))
        except (InvalidTag, KeyError, ValueError, TypeError):
            return None


def keys_missing_message(path: Path) -> str:
    return translate(
        "Encryption", "The database is encrypted, and its key file {path} is missing, so no password can open it. "
        "Put the key file back beside the database (it is in the backup), or sign in with the recovery key (the "
        "paper kept in the principal's safe): \u201cschoolaid users recover\u201d, or \u201cForgot the "
        "password\u201d at the start of the program.").format(path=path)


def wrong_key_message(db_path: Path) -> str:
    return translate(
        "Encryption", "The key does not open the database {path}: the key file beside it belongs to another "
        "database, or the recovery key is another school's. Check the recovery key on the paper kept in the "
        "principal's safe.").format(path=db_path)


def encrypted_no_key_message(db_path: Path) -> str:
    return translate(
        "Encryption", "The database {path} is encrypted: sign in with your user name and password to open it "
        "(on the command line: --user NAME --user-password-file F). If the passwords are lost, use the recovery "
        "key.").format(path=db_path)


# ---------------------------------------------------------------------------------------- journal


def journal_failure(db_path: Path, typed: str, at: dt.datetime) -> None:
    """Append one failed unlock (the name as typed, cut to 64 characters; never the password)."""
    line = json.dumps({"name": typed.strip()[:64], "at": at.replace(microsecond=0).isoformat()}, ensure_ascii=False)
    try:
        descriptor = os.open(journal_path(db_path), os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0),
                             0o600)
    except OSError as exc:  # a read-only folder: the sign-in is refused all the same
        log.warning("could not journal a failed sign-in beside %s: %s", db_path, exc)
        return
    try:
        _lock(descriptor)
        os.write(descriptor, (line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def taken_journal(db_path: Path) -> Iterator[list[tuple[str, dt.datetime]]]:
    """The journaled failures, locked against appenders while the block records them; emptied when the
    block succeeds (kept for the next time if it fails)."""
    path = journal_path(db_path)
    try:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        yield []
        return
    try:
        _lock(descriptor)
        data = b""
        while chunk := os.read(descriptor, 65536):
            data += chunk
        entries = []
        for line in data.decode("utf-8", errors="replace").splitlines():
            try:
                item = json.loads(line)
                entries.append((str(item["name"])[:64], dt.datetime.fromisoformat(str(item["at"]))))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a kill
        yield entries
        os.ftruncate(descriptor, 0)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _lock(descriptor: int) -> None:
    if os.name == "posix":
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX)


# ---------------------------------------------------------------------------------------- encrypting


def connect(path: Path | str, key: bytes | None = None, **kwargs: Any) -> sqlcipher.Connection:
    """A DB-API connection (SQLCipher's driver: without a key it is plain SQLite), keyed before
    anything else reads the file."""
    connection = sqlcipher.connect(str(path), **kwargs)
    if key is not None:
        connection.execute(key_pragma(key))
    return connection


def check_key(db_path: Path, key: bytes) -> None:
    """Raise ``WrongKey`` unless ``key`` opens the database."""
    connection = connect(f"file:{db_path}?mode=ro", key, uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise WrongKey(wrong_key_message(db_path)) from exc
    finally:
        connection.close()


def table_counts(connection: sqlcipher.Connection, schema: str = "main") -> dict[str, int]:
    tables = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: connection.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0] for t in tables}  # noqa: S608


def encrypt_database(db_path: Path, username: str, password: str, progress: Progress = NO_PROGRESS) -> Encrypted:
    """Encrypt the plain database at ``db_path`` (nobody may have it open) under a new random key,
    with one key slot: ``username``'s, opened by ``password``. Returns the key: show its recovery key once.

    Safe against a kill at any point: the encrypted copy is written beside the database under a hidden
    ``.part`` name (removed at the next start if cut short), checked (integrity, and every table's row
    count against the plain database), the key-slot file written, and only then renamed over the plain
    file. Killed before the rename, the plain database is whole and the slot file is dropped as stale
    (``state``); after it, the encrypted one is whole with its slots."""
    db_path = Path(db_path).expanduser().resolve()
    if state(db_path) != PLAIN:
        raise DatabaseError(translate("Encryption", "The database {path} is encrypted already.").format(path=db_path))
    key = new_key()
    partial = db_path.with_name(f".{db_path.name}.encrypting{PART_SUFFIX}")
    partial.unlink(missing_ok=True)
    progress.report(0.0, translate("Encryption", "Encrypting the database…"))
    plain = connect(db_path, timeout=30, isolation_level=None)
    try:
        # Out of WAL mode: this fails while anyone else has the database open, and leaves no log
        # whose pages could be replayed onto the encrypted file once it has the plain one's name.
        mode = plain.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise DatabaseError(translate(
                "Encryption", "The database {path} is open in another SchoolAid window or program. Close it, then "
                "try again.").format(path=db_path))
        with owned_file(partial):
            plain.execute("BEGIN IMMEDIATE")  # no one writes meanwhile
            expected = table_counts(plain)
            plain.execute("COMMIT")
            export_encrypted(plain, partial, key)
            plain.execute("BEGIN IMMEDIATE")  # and no one until the encrypted file has taken its place
            if table_counts(plain) != expected:
                raise DatabaseError(translate(
                    "Encryption", "The database {path} was changed by another program while it was being encrypted. "
                    "Close it, then try again.").format(path=db_path))
            progress.report(0.5, translate("Encryption", "Checking the encrypted database…"))
            _verify_copy(partial, key, expected)
            progress.report(0.7, translate("Encryption", "Writing the key file…"))
            with partial.open("rb+") as written:
                os.fsync(written.fileno())
            slots = KeyFile.new()
            slots.set_slot(username, password, key)
            slots.save(keys_path(db_path))
            progress.report(0.9, translate("Encryption", "Replacing the plain database…"))
            os.replace(partial, db_path)
            for leftover in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(f"{db_path}-journal")):
                leftover.unlink(missing_ok=True)
            sync_folder(db_path.parent)
    except sqlcipher.OperationalError as exc:
        partial.unlink(missing_ok=True)
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseError(translate(
                "Encryption", "The database {path} is open in another SchoolAid window or program. Close it, then "
                "try again.").format(path=db_path)) from exc
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        with contextlib.suppress(sqlcipher.Error):
            plain.execute("ROLLBACK")
        plain.close()
    progress.report(1.0, translate("Encryption", "The database is encrypted."))
    return Encrypted(key)


def _verify_copy(path: Path, key: bytes, expected: dict[str, int]) -> None:
    connection = connect(path, key)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        counts = table_counts(connection)
    finally:
        connection.close()
    if integrity != ["ok"] or counts != expected:
        raise DatabaseError(translate(
            "Encryption", "The encrypted copy of the database did not check out, so the database was left as it "
            "was (plain). Try again; if it happens again, export a backup and report it."))


def export_encrypted(source: sqlcipher.Connection, target: Path, key: bytes, schema: str = "main", *,
                     cache_pages: int | None = None) -> None:
    """Write the database open on ``source`` (plain or keyed) to the new file ``target``, encrypted
    under ``key`` (``sqlcipher_export``: the same schema, rows, application id and user version). The
    connection must be in autocommit mode (``isolation_level=None``). A small ``cache_pages`` makes the
    target grow on disk as it is written (how its progress is seen) rather than at the end."""
    source.execute(f"ATTACH DATABASE ? AS exported KEY \"x'{key.hex()}'\"", (str(target),))
    try:
        if cache_pages is not None:
            source.execute(f"PRAGMA exported.cache_size = {int(cache_pages)}")
        # One transaction: a consistent copy while the app may be writing (WAL lets it go on).
        source.execute("BEGIN")
        try:
            application_id = source.execute(f"PRAGMA {schema}.application_id").fetchone()[0]
            user_version = source.execute(f"PRAGMA {schema}.user_version").fetchone()[0]
            source.execute(f"SELECT sqlcipher_export('exported', '{schema}')")
            source.execute(f"PRAGMA exported.application_id = {int(application_id)}")
            source.execute(f"PRAGMA exported.user_version = {int(user_version)}")
            source.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlcipher.Error):
                source.execute("ROLLBACK")
            raise
    finally:
        source.execute("DETACH DATABASE exported")
