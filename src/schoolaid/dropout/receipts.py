"""Proofs of service (送达回证) of the urging notice and of every document of the escalation, in one
table: a receipt gets its own number when its document is issued (printed on the tear-off part) and
is filled in when the document is served — the day, to whom, by whom, where, the manner (直接送达,
留置送达, 委托送达) and, when the recipient refused and it was left at the home (留置送达), the
witnesses and the reason given for refusing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.dropout.rules import notice_prefix
from schoolaid.dropout.vocabulary import Manner
from schoolaid.storage.models import ServiceReceipt

RECEIPT = "service_receipt"
NOTICE_KIND = "notice"  # the urging notice; the escalation's kinds are dropout.escalation.KINDS


@dataclass(frozen=True)
class Service:
    """How a document was served, as the receipt records it."""

    served_on: dt.date | None
    served_to: str
    manner: str = Manner.DIRECT.value
    served_by: str = ""
    place: str = ""
    witnesses: str = ""  # 留置送达: the witnesses' names, separated by 、
    refused_reason: str = ""  # 留置送达: why the recipient refused
    note: str = ""


def check_service(service: Service, issued_on: dt.date, today: dt.date) -> None:
    problems = []
    if service.served_on is None or service.served_on < issued_on or service.served_on > today:
        problems.append(error("served_on", "notice.served", translate(
            "Dropout", "The receipt date must fall between the notice and today.")))
    if not service.served_to.strip():
        problems.append(error("served_to", "notice.served_to", translate("Dropout", "Enter who signed for it.")))
    if service.manner not in {m.value for m in Manner}:
        problems.append(error("manner", "receipt.manner", translate(
            "Dropout", "Choose how it was served: in person, left at the home, or through another body.")))
    if service.manner == Manner.LEFT.value:
        if not service.witnesses.strip():
            problems.append(error("witnesses", "receipt.witnesses", translate(
                "Dropout", "Left at the home: name the witnesses.")))
        if not service.refused_reason.strip():
            problems.append(error("refused_reason", "receipt.refused", translate(
                "Dropout", "Left at the home: write why the recipient refused.")))
    if problems:
        raise ValidationFailed(problems)


def receipt_prefix(session: Session) -> str:
    """送达回证 numbers: the notices' prefix followed by 送, e.g. 平府教送〔2026〕3号."""
    return f"{notice_prefix(session)}送"


def open_receipt(session: Session, actor: Actor, kind: str, document_id: int, recipient: str, issued_on: dt.date) -> ServiceReceipt:
    """The document's receipt, numbered in the year of the document; made if it has none yet (a
    notice issued before receipts had numbers gets one the first time it is served)."""
    found = receipt_of(session, kind, document_id)
    if found is not None:
        return found
    year = issued_on.year
    number = (session.scalar(select(func.max(ServiceReceipt.number)).where(ServiceReceipt.year == year)) or 0) + 1
    receipt = ServiceReceipt(document_kind=kind, document_id=document_id, year=year, number=number,
                             receipt_number=f"{receipt_prefix(session)}〔{year}〕{number}号", recipient=recipient,
                             manner="", served_to="", served_by="", place="", witnesses="", refused_reason="", note="")
    session.add(receipt)
    session.flush()
    audit.record(session, actor, Action.CREATE, RECEIPT, receipt.id, receipt.receipt_number,
                 after=audit.snapshot(receipt))
    return receipt


def receipt_of(session: Session, kind: str, document_id: int) -> ServiceReceipt | None:
    return session.scalar(select(ServiceReceipt).where(ServiceReceipt.document_kind == kind,
                                                       ServiceReceipt.document_id == document_id))


def fill(session: Session, actor: Actor, receipt: ServiceReceipt, service: Service) -> None:
    """Write the service on the receipt (checked by the caller with ``check_service``)."""
    before = audit.snapshot(receipt)
    left = service.manner == Manner.LEFT.value
    receipt.served_on, receipt.served_to, receipt.manner = service.served_on, service.served_to.strip(), service.manner
    receipt.served_by, receipt.place, receipt.note = service.served_by.strip(), service.place.strip(), service.note.strip()
    receipt.witnesses = service.witnesses.strip() if left else ""
    receipt.refused_reason = service.refused_reason.strip() if left else ""
    audit.record(session, actor, Action.UPDATE, RECEIPT, receipt.id, receipt.receipt_number, before=before,
                 after=audit.snapshot(receipt))


@dataclass(frozen=True)
class ReceiptText:
    """What the printed receipt shows: blank lines where the service is still to be written by hand."""

    receipt_number: str
    document: str  # the document's name and number
    recipient: str
    manner: str = ""
    served_on: dt.date | None = None
    served_to: str = ""
    served_by: str = ""
    place: str = ""
    witnesses: str = ""
    refused_reason: str = ""

    def all_text(self) -> str:
        return "".join([self.receipt_number, self.document, self.recipient, self.manner, self.served_to,
                        self.served_by, self.place, self.witnesses, self.refused_reason])


def receipts_of(session: Session, kind: str, document_ids: Sequence[int]) -> dict[int, ServiceReceipt]:
    """The receipts of many documents of a kind, by document (in one query a few hundred at a time)."""
    found: dict[int, ServiceReceipt] = {}
    for start in range(0, len(document_ids), 500):
        for receipt in session.scalars(select(ServiceReceipt).where(
                ServiceReceipt.document_kind == kind, ServiceReceipt.document_id.in_(document_ids[start:start + 500]))
                .order_by(ServiceReceipt.id)):
            found.setdefault(receipt.document_id, receipt)  # the first, as ``receipt_of`` finds it
    return found


def receipt_text(session: Session, kind: str, document_id: int, document: str, recipient: str,
                 receipts: Mapping[int, ServiceReceipt] | None = None) -> ReceiptText:
    """``receipts``: those of the kind found beforehand (``receipts_of``), if so."""
    receipt = receipt_of(session, kind, document_id) if receipts is None else receipts.get(document_id)
    if receipt is None:
        return ReceiptText("", document, recipient)
    return ReceiptText(receipt.receipt_number, document, receipt.recipient, receipt.manner, receipt.served_on,
                       receipt.served_to, receipt.served_by, receipt.place, receipt.witnesses, receipt.refused_reason)


@dataclass(frozen=True)
class ReceiptView:
    id: int
    kind: str
    document_id: int
    receipt_number: str
    recipient: str
    manner: str
    served_on: dt.date | None
    served_to: str
    served_by: str
    witnesses: str
    refused_reason: str


def view(receipt: ServiceReceipt) -> ReceiptView:
    return ReceiptView(receipt.id, receipt.document_kind, receipt.document_id, receipt.receipt_number,
                       receipt.recipient, receipt.manner, receipt.served_on, receipt.served_to, receipt.served_by,
                       receipt.witnesses, receipt.refused_reason)
