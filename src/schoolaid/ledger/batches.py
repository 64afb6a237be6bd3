"""Batches: the public notice of the recipients (公示, at least five working days by default) and
then the payment.

The minimum is counted in working days: weekends and the statutory holidays do not count, the
make-up working days (调休) do (``school_calendar.working_days_between``). Five working days is the
national 中职 guide's rule; no national rule for 义务教育 was found, so it is a setting
(``standards.NOTICE_DAYS_SETTING``; standards.SRC_NOTICE_DAYS names the source).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import nth_working_day, working_days_between
from schoolaid.common.validation import clean_phone, error, looks_like_phone
from schoolaid.ledger import eligibility, standards
from schoolaid.storage.models import LedgerBatch, LedgerEntry, Programme
from schoolaid.township import township

BATCH = "ledger_batch"


MINIMUM_NOTICE_DAYS = standards.DEFAULT_NOTICE_WORKING_DAYS  # the default; see notice_working_days


def notice_working_days(session: Session) -> int:
    """The minimum 公示 in working days: the setting, or five."""
    text = township.get_setting(session, standards.NOTICE_DAYS_SETTING)
    return int(text) if text.strip().isdigit() and int(text) > 0 else standards.DEFAULT_NOTICE_WORKING_DAYS


@requires(Permission.EDIT_SETTINGS)
def set_notice_working_days(session: Session, actor: Actor, days: int) -> None:
    if not 1 <= days <= 30:
        raise ValidationFailed([error("days", "ledger.notice_days", translate(
            "Ledger", "The notice lasts from 1 to 30 working days."))])
    township.set_setting(session, actor, standards.NOTICE_DAYS_SETTING, str(days))


@dataclass(frozen=True)
class BatchView:
    id: int
    programme_id: int
    programme: str
    period: str
    posted_at: dt.datetime
    posted_by: str
    entries: int
    total_fen: int
    notice_from: dt.date | None
    notice_to: dt.date | None
    paid_on: dt.date | None
    voucher_no: str
    notice_phone: str = ""
    notice_taken_down_on: dt.date | None = None

    def as_json(self, today: dt.date) -> dict[str, object]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value is not None else None

        return {"id": self.id, "programme": self.programme, "period": self.period, "entries": self.entries,
                "total_fen": self.total_fen, "notice_from": day(self.notice_from), "notice_to": day(self.notice_to),
                "notice_phone": self.notice_phone, "notice_taken_down_on": day(self.notice_taken_down_on),
                "paid_on": day(self.paid_on), "voucher_no": self.voucher_no, "stage": self.stage(today)}

    def stage(self, today: dt.date) -> str:
        """Where the batch is on ``today``: 待公示, 公示中, 待发放, 已发放."""
        if self.paid_on is not None:
            return "已发放"
        if self.notice_from is None:
            return "待公示"
        return "公示中" if self.notice_to is None or self.notice_to >= today else "待发放"


def list_batches(session: Session, programme_id: int | None = None, batch_id: int | None = None) -> list[BatchView]:
    totals = (select(LedgerEntry.batch_id, func.count().label("n"), func.sum(LedgerEntry.amount_fen).label("total"))
              .where(LedgerEntry.batch_id.is_not(None)).group_by(LedgerEntry.batch_id).subquery())
    query = (select(LedgerBatch, Programme.name, totals.c.n, totals.c.total)
             .join(Programme, LedgerBatch.programme_id == Programme.id)
             .outerjoin(totals, totals.c.batch_id == LedgerBatch.id)
             .order_by(LedgerBatch.id.desc()))
    if programme_id is not None:
        query = query.where(LedgerBatch.programme_id == programme_id)
    if batch_id is not None:
        query = query.where(LedgerBatch.id == batch_id)
    return [BatchView(b.id, b.programme_id, name, b.period, b.posted_at, b.posted_by, n or 0, total or 0,
                      b.notice_from, b.notice_to, b.paid_on, b.voucher_no, b.notice_phone, b.notice_taken_down_on)
            for b, name, n, total in session.execute(query)]


def get_batch_view(session: Session, batch_id: int) -> BatchView:
    found = list_batches(session, batch_id=batch_id)
    if not found:
        raise NotFound(translate("Ledger", "The batch no longer exists."))
    return found[0]


@requires(Permission.POST_LEDGER)
def record_notice(session: Session, actor: Actor, batch_id: int, notice_from: dt.date, notice_to: dt.date,
                  phone: str) -> None:
    """The dates the list of recipients was posted publicly (公示): at least five working days; and the
    phone for objections, which the 公示表 prints (教财厅函〔2017〕28号, docs/sources/student-aid-2024.md §6)."""
    batch = get_batch(session, batch_id)
    phone = clean_phone(phone)
    problems = []
    if batch.paid_on is not None:
        problems.append(error("notice", "ledger.notice_paid", translate(
            "Ledger", "The batch has been paid: its notice dates stay as they were.")))
    minimum = notice_working_days(session)
    official = eligibility.official_days(session)
    counted = working_days_between(notice_from, notice_to, official)
    if notice_to < notice_from:
        problems.append(error("notice", "ledger.notice_order", translate(
            "Ledger", "The notice ends before it begins.")))
    elif counted < minimum:
        problems.append(error("notice", "ledger.notice_short", translate(
            "Ledger", "The list must be posted for at least {days} working days (weekends and statutory holidays do "
            "not count); from {start} to {end} there are {n}: it could end on {earliest} at the earliest.").format(
                days=minimum, n=counted, start=notice_from.isoformat(), end=notice_to.isoformat(),
                earliest=nth_working_day(notice_from, minimum, official).isoformat())))
    if not phone:
        problems.append(error("phone", "ledger.notice_phone", translate(
            "Ledger", "Give the phone number for objections (异议电话): the notice prints it.")))
    elif not looks_like_phone(phone):
        problems.append(error("phone", "ledger.notice_phone_form", translate(
            "Ledger", "“{phone}” is not a phone number: write a mobile number or a landline with its area code "
                      "(0812-1234567).").format(phone=phone)))
    if batch.notice_taken_down_on is not None and batch.paid_on is None:
        problems.append(error("notice", "ledger.notice_down", translate(
            "Ledger", "The notice was taken down on {date}: its dates stay as they were.").format(
                date=batch.notice_taken_down_on.isoformat())))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(batch)
    batch.notice_from, batch.notice_to, batch.notice_phone = notice_from, notice_to, phone
    audit.record(session, actor, Action.UPDATE, BATCH, batch.id, batch.programme.name, before=before,
                 after=audit.snapshot(batch))


@requires(Permission.POST_LEDGER)
def record_notice_taken_down(session: Session, actor: Actor, batch_id: int, taken_down_on: dt.date, *,
                             today: dt.date) -> None:
    """The 公示 is over and the list was taken down on a day: after the notice ends, not in the
    future, once."""
    batch = get_batch(session, batch_id)
    problems = []
    if batch.notice_taken_down_on is not None:
        problems.append(error("taken_down_on", "ledger.notice_down_twice", translate(
            "Ledger", "This notice was already taken down on {date}.").format(
                date=batch.notice_taken_down_on.isoformat())))
    elif batch.notice_from is None or batch.notice_to is None:
        problems.append(error("taken_down_on", "ledger.no_notice", translate(
            "Ledger", "Post the list of recipients publicly (公示) first, and record its dates.")))
    elif taken_down_on <= batch.notice_to:
        problems.append(error("taken_down_on", "ledger.notice_down_early", translate(
            "Ledger", "The notice runs until {date}: it can be taken down after that day.").format(
                date=batch.notice_to.isoformat())))
    if taken_down_on > today:
        problems.append(error("taken_down_on", "ledger.notice_down_future", translate(
            "Ledger", "The date is in the future.")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(batch)
    batch.notice_taken_down_on = taken_down_on
    audit.record(session, actor, Action.UPDATE, BATCH, batch.id, batch.programme.name, before=before,
                 after=audit.snapshot(batch))


@requires(Permission.POST_LEDGER)
def record_payment(session: Session, actor: Actor, batch_id: int, paid_on: dt.date, voucher_no: str, *,
                   today: dt.date) -> None:
    """The batch was paid (or the fees waived) on a day, under a voucher number; only after its notice."""
    batch = get_batch(session, batch_id)
    voucher_no = voucher_no.strip()
    problems = []
    if batch.notice_from is None or batch.notice_to is None:
        problems.append(error("paid_on", "ledger.no_notice", translate(
            "Ledger", "Post the list of recipients publicly (公示) first, and record its dates.")))
    elif paid_on <= batch.notice_to:
        problems.append(error("paid_on", "ledger.paid_during_notice", translate(
            "Ledger", "Payment comes after the notice period, which ends on {date}.").format(
                date=batch.notice_to.isoformat())))
    if paid_on > today:
        problems.append(error("paid_on", "ledger.paid_future", translate("Ledger", "The payment date is in the future.")))
    if not voucher_no:
        problems.append(error("voucher_no", "ledger.voucher", translate("Ledger", "Enter the voucher number (凭证号).")))
    if problems:
        raise ValidationFailed(problems)
    before = audit.snapshot(batch)
    batch.paid_on, batch.voucher_no = paid_on, voucher_no
    audit.record(session, actor, Action.UPDATE, BATCH, batch.id, batch.programme.name, before=before,
                 after=audit.snapshot(batch))


def get_batch(session: Session, batch_id: int) -> LedgerBatch:
    batch = session.get(LedgerBatch, batch_id)
    if batch is None:
        raise NotFound(translate("Ledger", "The batch no longer exists."))
    return batch
