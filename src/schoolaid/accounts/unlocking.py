"""Signing in on an encrypted database, and encrypting a plain one (section 4 of issue 15).

How the window (and the command line) use it:

- Before opening a database, look at ``encryption.state(path)``. ``PLAIN`` or ``MISSING``: open it as
  before (``open_database(path)``); if it has accounts, sign in as before, or with ``sign_in_and_open``,
  which also converts it. ``ENCRYPTED``: ask for the user name and password first, then
  ``opened = sign_in_and_open(path, name, password, now=utc_now)``. ``opened.db`` is None on failure
  (show ``opened.outcome.message``: one message for every failure; the failure is journaled and
  recorded at the next successful sign-in). ``KeysMissing``/``WrongKey`` (DatabaseError) carry a Chinese
  message saying to use the recovery key.
- ``sign_in_and_open`` on a PLAIN database with accounts converts it when the person signing in is an
  administrator (``convert=True``): the database is encrypted (``progress`` reports it) and
  ``opened.recovery_key`` is set: show it once (and offer ``documents.pdf.recovery_sheet.write_sheet``).
  Other accounts then have no key slot (``UserView.needs_password_reset``) until the administrator resets
  their password.
- First account: run ``accounts.create_first_administrator`` on the plain database as before, then
  ``db, encrypted = encrypt_open_database(db, name, password, actor, progress)``; show
  ``encrypted.recovery_key`` once. The database passed in is closed; use the returned one.
- Forgotten passwords: ``recover(path, recovery_key_text, admin_name, new_password, now=utc_now)`` opens
  the database with the recovery key, sets the administrator's new password (audited) and returns the
  signed-in ``Opened``.
- Backups and safety copies: ``backup.export_backup`` takes the key from the session's database;
  ``safety_copies.take/restore/describe`` take ``key=db.key``; ``backup.open_for_viewing`` returns a
  database keyed in memory; after ``backup.prepare_restore`` + ``replace_database`` the database and its
  key-slot file are the backup's: sign in again (every account of the backup keeps its password).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import SignIn
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Role
from schoolaid.common.errors import DatabaseError
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.storage import encryption
from schoolaid.storage.database import Database, open_database


@dataclass(frozen=True)
class Opened:
    """The outcome of signing in: the open database (None on failure) and the sign-in."""

    db: Database | None
    outcome: SignIn
    recovery_key: str = ""  # set when this sign-in encrypted the database: show it once, keep it nowhere

    @property
    def actor(self) -> Actor | None:
        return self.outcome.actor


def sign_in_and_open(path: Path | str, username: str, password: str, *, now: dt.datetime, convert: bool = True,
                     progress: Progress = NO_PROGRESS) -> Opened:
    """Sign in and open the database at ``path`` (``now`` in UTC). On an encrypted database the password
    first unwraps the key from the account's slot (an unknown name costs the same); a failure is
    journaled beside the database, since the database cannot be written without the key, and recorded
    with every other failure at the next successful sign-in, before ``accounts.sign_in`` checks the
    password hash, the lock and records the sign-in."""
    path = Path(path).expanduser().resolve()
    if encryption.state(path) == encryption.ENCRYPTED:
        if not encryption.keys_path(path).exists():
            open_database(path)  # raises: not our database, or one whose key file is lost (the recovery key)
        slots = encryption.KeyFile.load(encryption.keys_path(path))
        key = slots.unwrap(username, password)
        if key is None:
            encryption.journal_failure(path, username, now)
            return Opened(None, SignIn(None, accounts.sign_in_refused_message()))
        db = open_database(path, key=key)
        try:
            flush_journal(db)
            outcome = db.run(accounts.sign_in, username, password, now=now)
        except BaseException:
            db.close()
            raise
        if outcome.actor is None:
            db.close()
            return Opened(None, outcome)
        return Opened(db, outcome)
    db = open_database(path)
    try:
        outcome = db.run(accounts.sign_in, username, password, now=now)
    except BaseException:
        db.close()
        raise
    if outcome.actor is None:
        db.close()
        return Opened(None, outcome)
    if convert and outcome.actor.role == Role.ADMIN.value:
        db, encrypted = encrypt_open_database(db, username, password, outcome.actor, progress, converted=True)
        return Opened(db, outcome, encrypted.recovery_key)
    return Opened(db, outcome)


def flush_journal(db: Database) -> None:
    """Move the failed unlocks journaled beside the database into its audit trail and counters."""
    with encryption.taken_journal(db.path) as failures:
        if failures:
            db.run(accounts.record_failed_unlocks, failures)


def encrypt_open_database(db: Database, username: str, password: str, actor: Actor,
                          progress: Progress = NO_PROGRESS, *, converted: bool = False) -> tuple[
                              Database, encryption.Encrypted]:
    """Encrypt the plain database ``db`` (closed here: use the returned one) with ``username``'s key
    slot, and record it. On failure the database stays plain and whole (checked by opening it again)
    and the error is raised: the caller opens it again; the next administrator's sign-in tries again."""
    path = db.path
    db.close()
    try:
        encrypted = encryption.encrypt_database(path, username, password, progress=progress)
    except Exception:
        open_database(path).close()  # still plain and whole: checked that it opens again
        raise
    reopened = open_database(path, key=encrypted.key)
    reopened.run(accounts.record_encrypted, actor, converted)
    return reopened, encrypted


def recover(path: Path | str, recovery_key: str, username: str, new_password: str, *, now: dt.datetime) -> Opened:
    """Open the encrypted database with its recovery key (also when the key file is lost: a new one is
    made, and every other account then needs a password reset) and set a new password for the
    administrator ``username``, signed in from then on. ``now`` in UTC."""
    path = Path(path).expanduser().resolve()
    key = encryption.parse_recovery_key(recovery_key)
    if encryption.state(path) != encryption.ENCRYPTED:
        raise DatabaseError(translate(
            "Encryption", "The database {path} is not encrypted, so it has no recovery key. Sign in with a password, "
            "or ask another administrator to reset it.").format(path=path))
    encryption.check_key(path, key)
    keys = encryption.keys_path(path)
    try:
        encryption.KeyFile.load(keys)
    except encryption.KeysMissing:
        if keys.exists():  # damaged: kept aside, not overwritten
            keys.replace(keys.with_name(f"{keys.name}.damaged"))
        encryption.KeyFile.new().save(keys)
    db = open_database(path, key=key)
    try:
        flush_journal(db)
        actor = db.run(accounts.recover_administrator, username, new_password, now=now)
    except BaseException:
        db.close()
        raise
    return Opened(db, SignIn(actor))
