"""The audit trail's hash chain: each event's SHA-256 covers its content and the previous event's
hash. Editing, removing or inserting a row with plain SQL breaks the chain from that row on; the
head (last hash) and the row count go into every backup header, so removing the newest rows shows
against an earlier backup too.

The hashed form is fixed (version 1): changing it would break every chain already written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

GENESIS = "0" * 64
# The hashed form's encoder, made once: ``json.dumps`` with these options builds a new encoder at every
# call, which cost as much as the encoding itself when an import chains thousands of events.
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def moment(value: dt.datetime | str) -> str:
    """The time of an event as hashed: one spelling whether read as a datetime or as stored text."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if type(value) is dt.datetime and value.tzinfo is None and value.year >= 1000:
        # The same text as the strftime below (which pads no year below 1000), several times quicker.
        return value.isoformat(" ", "microseconds")
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def event_hash(prev_hash: str, event_id: int, at: dt.datetime | str, actor: str, user_id: int | None, role: str,
               action: str, entity: str, entity_id: int | None, summary: str, before: str | None,
               after: str | None) -> str:
    payload = _PAYLOAD.encode([1, event_id, moment(at), actor, user_id, role or "", action, entity, entity_id,
                               summary or "", before, after, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def row_hash(prev_hash: str, row: Any) -> str:
    """The hash of an audit row (an ORM object, a Row or a mapping with the columns' names)."""
    get: Callable[[str], Any] = row.get if isinstance(row, dict) else (lambda name: getattr(row, name))
    return event_hash(prev_hash, get("id"), get("at"), get("actor"), get("user_id"), get("role"), get("action"),
                      get("entity"), get("entity_id"), get("summary"), get("before"), get("after"))
