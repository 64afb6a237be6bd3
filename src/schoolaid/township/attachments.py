"""Evidence files (photos of a visit, scanned signed sheets) kept inside the database.

Kept as data, not as paths: they travel with the backup to the township and survive a new PC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, check
from schoolaid.common.errors import NotFound, SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.storage.models import Attachment

MAX_BYTES = 20 * 1024 * 1024  # a phone photo is 2–6 MB; a scanned PDF of a few pages well under this
ENTITY = "attachment"


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: dt.datetime


def read_file(path: Path) -> tuple[str, bytes]:
    """A file from disk, refused with a clear message when it cannot be kept."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SchoolAidError(translate(
                "Attachments", "{name} is {size} MB; evidence files can be at most {limit} MB. Take the photo at "
                "a lower resolution, or scan at 150 dpi.").format(
                    name=path.name, size=round(size / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024))
        return path.name, path.read_bytes()
    except OSError as exc:
        raise SchoolAidError(translate("Attachments", "{name} cannot be read ({detail}).").format(
            name=path.name, detail=exc.strerror or exc)) from exc


# Who may add evidence to what: photos of a visit, of a persuasion attempt, a signed sheet of a batch.
OWNER_PERMISSION = {"visit": Permission.LOG_VISIT, "persuasion": Permission.LOG_PERSUASION,
                    "ledger_batch": Permission.POST_LEDGER, "school_activity": Permission.EDIT_PAIRING,
                    "home_teaching": Permission.LOG_VISIT}


def add(session: Session, actor: Actor, owner: str, owner_id: int, file_name: str, data: bytes) -> int:
    check(session, actor, OWNER_PERMISSION.get(owner, Permission.EDIT_ROSTER))
    if len(data) > MAX_BYTES:
        raise SchoolAidError(translate(
            "Attachments", "{name} is {size} MB; evidence files can be at most {limit} MB. Take the photo at "
            "a lower resolution, or scan at 150 dpi.").format(
                name=file_name, size=round(len(data) / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024))
    if not data:
        raise SchoolAidError(translate("Attachments", "{name} is empty.").format(name=file_name))
    media_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    digest = hashlib.sha256(data).hexdigest()
    attachment = Attachment(owner=owner, owner_id=owner_id, file_name=file_name, media_type=media_type,
                            size=len(data), sha256=digest, data=data, added_by=actor.name)
    session.add(attachment)
    session.flush()
    audit.record(session, actor, Action.CREATE, ENTITY, attachment.id, file_name,
                 after={name: value for name, value in audit.snapshot(attachment).items() if name != "data"})
    return attachment.id


def list_for(session: Session, owner: str, owner_id: int) -> list[AttachmentInfo]:
    rows = session.execute(
        select(Attachment.id, Attachment.file_name, Attachment.media_type, Attachment.size, Attachment.sha256,
               Attachment.added_by, Attachment.added_at)
        .where(Attachment.owner == owner, Attachment.owner_id == owner_id).order_by(Attachment.id))
    return [AttachmentInfo(*row) for row in rows]


def counts_for(session: Session, owner: str, owner_ids: list[int]) -> dict[int, int]:
    from sqlalchemy import func

    rows = session.execute(select(Attachment.owner_id, func.count()).where(
        Attachment.owner == owner, Attachment.owner_id.in_(owner_ids)).group_by(Attachment.owner_id))
    return {owner_id: count for owner_id, count in rows}


def content(session: Session, attachment_id: int) -> tuple[str, bytes]:
    """The file's name and bytes, checked against the digest taken when it was added."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound(translate("Attachments", "The evidence file no longer exists."))
    if hashlib.sha256(attachment.data).hexdigest() != attachment.sha256:
        raise SchoolAidError(translate(
            "Attachments", "The evidence file {name} is damaged in the database. Restore it from a backup.").format(
                name=attachment.file_name))
    return attachment.file_name, attachment.data
