"""The escalation after an urging notice's deadline passes with the child not back (the case still
open): four numbered documents, in this order, each printed from the case on the notice's page
with its own proof of service (送达回证), each after the previous one was served and its period ran:

1. the school's written report to the education bureau (未成年人保护法 art. 28), once the notice was
   served and its deadline passed;
2. the township's order to correct within a period (责令限期改正决定书, 义务教育法 art. 58), once the
   report was served;
3. the demand to perform (履行催告书, 行政强制法 arts. 35 and 54), once the order was served and its
   period passed;
4. the application to the court for enforcement (强制执行申请书, 行政强制法 arts. 53 and 54), ten days
   (setting) after the demand was served and once the order could no longer be challenged in court
   (行政诉讼法 art. 46: six months, setting).

``chain`` says where a case stands and which step is due, from when; ``issue_step`` issues the next
document (refusing one out of order or early, saying why); ``record_service`` fills its receipt;
``print_step`` prints it (issuing it today if it is due and not yet issued). Printed text is
Chinese: it is the documents' own, not tr()."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.validation import error
from schoolaid.documents.dates import chinese_date
from schoolaid.dropout import legal_basis, notices, receipts
from schoolaid.dropout.absences import get_record
from schoolaid.dropout.legal_basis import DOCUMENT_ARTICLES, grounds, short
from schoolaid.dropout.receipts import Service
from schoolaid.dropout.rules import notice_prefix, setting
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.storage.models import CaseDocument, DropoutCase, School, Student, UrgingNotice
from schoolaid.township import township

if TYPE_CHECKING:
    from schoolaid.dropout import document_pdf, notice_pdf

DOCUMENT = "case_document"
KINDS = ("report", "penalty", "demand", "enforcement")
TITLES = {
    "report": "关于辍学学生劝返无效情况的书面报告",
    "penalty": "责令限期改正决定书",
    "demand": "履行催告书",
    "enforcement": "强制执行申请书",
}
NUMBER_MARKS = {"report": "报", "penalty": "责", "demand": "催", "enforcement": "执"}
BUREAU_SETTING = "dropout.bureau_name"  # the education bureau the school reports to
COURT_SETTING = "dropout.court_name"  # the court the township applies to


def step_label(kind: str) -> str:
    return {
        "notice": translate("Dropout", "urging notice"),
        "report": translate("Dropout", "written report to the education bureau"),
        "penalty": translate("Dropout", "order to correct"),
        "demand": translate("Dropout", "demand to perform"),
        "enforcement": translate("Dropout", "application to the court for enforcement"),
    }[kind]


def bureau_name(session: Session) -> str:
    return township.get_setting(session, BUREAU_SETTING, "区教育局") or "区教育局"


def court_name(session: Session) -> str:
    return township.get_setting(session, COURT_SETTING, "区人民法院") or "区人民法院"


NAME_LIMIT = 40  # characters: the longest names of a county's bureau or court fit one printed line


@requires(Permission.EDIT_SETTINGS)
def set_addressees(session: Session, actor: Actor, bureau: str, court: str) -> None:
    """The county education bureau the school reports to and the court the township applies to, as the
    documents name them (e.g. 仁和区教育和体育局, 攀枝花市仁和区人民法院); recorded when changed."""
    problems = []
    for field, key, value in (("bureau", BUREAU_SETTING, bureau), ("court", COURT_SETTING, court)):
        value = value.strip()
        if not value or len(value) > NAME_LIMIT:
            problems.append(error(field, "escalation.addressee", translate(
                "Dropout", "Write the full name as the documents address it, at most {n} characters.").format(
                    n=NAME_LIMIT)))
        elif value != township.get_setting(session, key, ""):
            township.set_setting(session, actor, key, value)
    if problems:
        raise ValidationFailed(problems)


@dataclass(frozen=True)
class Step:
    """A document of the chain (the notice first) as issued and served, or still to come."""

    kind: str
    title: str
    id: int | None = None
    document_number: str = ""
    issued_on: dt.date | None = None
    deadline: dt.date | None = None
    served_on: dt.date | None = None
    receipt_number: str = ""
    manner: str = ""

    @property
    def issued(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class Chain:
    """Where a case stands: the steps, the last one issued (``stage``), the next one and the day it
    is due from (None: not yet, ``waiting`` says for what)."""

    case_id: int
    steps: tuple[Step, ...]
    stage: str  # "" (no notice yet), "notice", or the last kind issued
    next_kind: str | None
    next_due: dt.date | None
    waiting: str

    def due(self, today: dt.date) -> bool:
        return self.next_kind is not None and self.next_due is not None and self.next_due <= today

    def step(self, kind: str) -> Step:
        return next(s for s in self.steps if s.kind == kind)

    def as_json(self) -> dict[str, object]:
        return {"case": self.case_id, "stage": self.stage, "next": self.next_kind,
                "next_due": self.next_due.isoformat() if self.next_due else None, "waiting": self.waiting,
                "steps": [{"kind": s.kind, "number": s.document_number,
                           "issued": s.issued_on.isoformat() if s.issued_on else None,
                           "deadline": s.deadline.isoformat() if s.deadline else None,
                           "served": s.served_on.isoformat() if s.served_on else None,
                           "receipt": s.receipt_number, "manner": s.manner} for s in self.steps]}


def _documents(session: Session, case_id: int) -> dict[str, CaseDocument]:
    rows = session.scalars(select(CaseDocument).where(CaseDocument.case_id == case_id).order_by(CaseDocument.id))
    return {row.kind: row for row in rows}


def _latest_notice(session: Session, case_id: int) -> UrgingNotice | None:
    return session.scalar(select(UrgingNotice).where(UrgingNotice.case_id == case_id)
                          .order_by(UrgingNotice.id.desc()).limit(1))


def chain(session: Session, case_id: int) -> Chain:
    """Where the case stands in the escalation and what is due next, from which day."""
    case = get_record(session, DropoutCase, case_id)
    notice = _latest_notice(session, case_id)
    documents = _documents(session, case_id)
    steps = []
    if notice is not None:
        receipt = receipts.receipt_of(session, receipts.NOTICE_KIND, notice.id)
        steps.append(Step("notice", notices.TITLE, notice.id, notice.document_number, notice.issued_on,
                          notice.deadline, notice.served_on, receipt.receipt_number if receipt else "",
                          receipt.manner if receipt else ""))
    else:
        steps.append(Step("notice", notices.TITLE))
    for kind in KINDS:
        document = documents.get(kind)
        if document is None:
            steps.append(Step(kind, TITLES[kind]))
            continue
        receipt = receipts.receipt_of(session, kind, document.id)
        steps.append(Step(kind, TITLES[kind], document.id, document.document_number, document.issued_on,
                          document.deadline, receipt.served_on if receipt else None,
                          receipt.receipt_number if receipt else "", receipt.manner if receipt else ""))
    issued = [s for s in steps if s.issued]
    stage = issued[-1].kind if issued else ""
    if notice is None:
        return Chain(case_id, tuple(steps), stage, None, None, translate("Dropout", "No urging notice is issued."))
    if not CaseStatus(case.status).is_open:
        return Chain(case_id, tuple(steps), stage, None, None, translate("Dropout", "The case is closed."))
    position = len(issued)  # steps are issued in order: the next is the first not issued
    if position == len(steps):
        return Chain(case_id, tuple(steps), stage, None, None,
                     translate("Dropout", "Every step is issued: the court decides."))
    before, next_kind = steps[position - 1], steps[position].kind
    if before.served_on is None:
        return Chain(case_id, tuple(steps), stage, next_kind, None, translate(
            "Dropout", "Waiting for the proof of service of the {step} ({number}).").format(
                step=step_label(before.kind), number=before.document_number))
    return Chain(case_id, tuple(steps), stage, next_kind, _due_from(session, steps, next_kind), "")


def _due_from(session: Session, steps: list[Step], kind: str) -> dt.date:
    """The first day the step may be issued, the previous one served (checked by the caller)."""
    by_kind = {s.kind: s for s in steps}
    if kind == "report":  # the notice's deadline passed
        notice = by_kind["notice"]
        assert notice.deadline is not None and notice.served_on is not None
        return max(notice.deadline + dt.timedelta(days=1), notice.served_on)
    if kind == "penalty":  # the report was served
        served = by_kind["report"].served_on
        assert served is not None
        return served
    if kind == "demand":  # the order's period passed
        order = by_kind["penalty"]
        assert order.deadline is not None and order.served_on is not None
        return max(order.deadline + dt.timedelta(days=1), order.served_on)
    # The application: ten days after the demand was served (行政强制法 art. 54), and once the
    # order can no longer be challenged in court (行政诉讼法 art. 46; 行政强制法 art. 53).
    demand_served, order_served = by_kind["demand"].served_on, by_kind["penalty"].served_on
    assert demand_served is not None and order_served is not None
    return max(demand_served + dt.timedelta(days=setting(session, "dropout.demand_wait_days")),
               _months_after(order_served, setting(session, "dropout.challenge_months")) + dt.timedelta(days=1))


def _months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    first = school_calendar.add_months(day.replace(day=1), months)
    last = school_calendar.add_months(first, 1) - dt.timedelta(days=1)
    return first.replace(day=min(day.day, last.day))


# --- The documents' text ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    student: Student
    school: School
    case: DropoutCase
    notice: UrgingNotice
    notice_text: notice_pdf.NoticeText
    township: str


def _facts(session: Session, case: DropoutCase) -> _Facts:
    notice = _latest_notice(session, case.id)
    assert notice is not None
    student = session.get(Student, case.student_id)
    school = session.get(School, case.school_id)
    assert student is not None and school is not None
    from schoolaid.dropout import notice_pdf  # the PDF writers (reportlab) only when a document is made

    text = notice_pdf.notice_texts(session, [notice.id])[0]
    return _Facts(student, school, case, notice, text, f"{township.township_name(session)}人民政府")


def _served(step: Step) -> str:
    return chinese_date(step.served_on) if step.served_on else "（未送达）"


def _compose(session: Session, kind: str, case: DropoutCase, steps: dict[str, Step], issued_on: dt.date,
             deadline: dt.date | None) -> dict[str, object]:
    facts = _facts(session, case)
    student, school, notice = facts.student, facts.school, steps["notice"]
    grade = grade_name_zh(case.stage_at, case.grade_at)
    guardian = facts.notice.guardian
    who = f"{student.name}（{student.sex}）"
    notice_sentence = (f"{facts.township}于{chinese_date(notice.issued_on)}向其监护人{guardian}发出《{notices.TITLE}》"  # type: ignore[arg-type]
                       f"（{notice.document_number}），于{_served(notice)}送达，责令其于{chinese_date(notice.deadline)}"  # type: ignore[arg-type]
                       f"前送子女返校复学；期限届满，该生仍未返校。")
    account = facts.notice_text.account()
    paragraphs: list[str]
    closing: list[str] = []
    if kind == "report":
        addressee, issuer = bureau_name(session), school.name
        paragraphs = [
            f"我校{grade}学生{who}，监护人{guardian}，自{chinese_date(case.absence_began)}起未到校上学。{account}",
            notice_sentence,
            grounds(DOCUMENT_ARTICLES["report"]),
            "该生经劝返无效，现依法书面报告，请予依法处理。",
        ]
    elif kind == "penalty":
        assert deadline is not None
        addressee, issuer = guardian, facts.township
        paragraphs = [
            f"你的子女{who}系{school.name}{grade}学生，自{chinese_date(case.absence_began)}起未到校上学。{account}"
            + notice_sentence.replace(f"向其监护人{guardian}", "向你").replace("责令其", "责令你"),
            grounds(DOCUMENT_ARTICLES["penalty"]),
            f"现决定：责令你于{chinese_date(deadline)}前送{student.name}到{school.name}报到复学，并保证其按时到校接受"
            "并完成义务教育。",
            f"如不服本决定，可以依法申请行政复议，或者依照{short('all46')}的规定，自知道本决定之日起六个月内依法向"
            "人民法院提起行政诉讼。逾期不履行的，本机关将依法催告履行，并申请人民法院强制执行。",
        ]
    elif kind == "demand":
        order = steps["penalty"]
        addressee, issuer = guardian, facts.township
        days = setting(session, "dropout.demand_wait_days")
        paragraphs = [
            f"本机关于{chinese_date(order.issued_on)}作出《{TITLES['penalty']}》（{order.document_number}），"  # type: ignore[arg-type]
            f"于{_served(order)}送达你，责令你于{chinese_date(order.deadline)}前送{student.name}到{school.name}"  # type: ignore[arg-type]
            "报到复学。期限届满，你仍未履行。",
            grounds(DOCUMENT_ARTICLES["demand"]),
            f"现催告你自收到本催告书之日起{days}日内履行上述义务：送{student.name}到{school.name}报到复学。",
            "你有权进行陈述和申辩；有陈述、申辩意见的，可以在上述期限内向本机关提出。逾期仍不履行的，本机关将依法"
            "申请人民法院强制执行。",
        ]
    else:
        order, demand, report = steps["penalty"], steps["demand"], steps["report"]
        addressee, issuer = court_name(session), facts.township
        paragraphs = [
            f"申请人：{facts.township}。被申请人：{guardian}，系{school.name}{grade}学生{who}的监护人。",
            f"申请事项：请求依法强制执行本机关《{TITLES['penalty']}》（{order.document_number}），由被申请人送"
            f"{student.name}到{school.name}接受义务教育。",
            f"事实与理由：{student.name}自{chinese_date(case.absence_began)}起未到校上学。{account}{notice_sentence}"
            f"{school.name}已于{chinese_date(report.issued_on)}向{bureau_name(session)}书面报告（{report.document_number}）。"  # type: ignore[arg-type]
            f"本机关于{chinese_date(order.issued_on)}作出《{TITLES['penalty']}》（{order.document_number}），"  # type: ignore[arg-type]
            f"于{_served(order)}送达，限其于{chinese_date(order.deadline)}前改正；被申请人逾期未改正，在法定期限内"  # type: ignore[arg-type]
            f"未申请行政复议，也未提起行政诉讼。本机关于{chinese_date(demand.issued_on)}作出《{TITLES['demand']}》"  # type: ignore[arg-type]
            f"（{demand.document_number}），于{_served(demand)}送达，催告书送达"
            f"{setting(session, 'dropout.demand_wait_days')}日后被申请人仍未履行。",
            grounds(DOCUMENT_ARTICLES["enforcement"]) + "特此申请。",
        ]
        closing = ["此致", addressee]
    return {"title": TITLES[kind], "addressee": f"{addressee}：", "paragraphs": paragraphs, "issuer": issuer,
            "closing": closing, "recipient": addressee}


def _number(session: Session, kind: str, case: DropoutCase, year: int) -> tuple[int, str]:
    number = (session.scalar(select(func.max(CaseDocument.number)).where(CaseDocument.kind == kind,
                                                                         CaseDocument.year == year)) or 0) + 1
    if kind == "report":  # the school's document
        school = session.get(School, case.school_id)
        prefix = f"{(school.name if school else '')[:2]}校"
    else:
        prefix = notice_prefix(session)
    return number, f"{prefix}{NUMBER_MARKS[kind]}〔{year}〕{number}号"


# --- Services ----------------------------------------------------------------------------------------------------


@requires(Permission.ISSUE_NOTICE)
def issue_step(session: Session, actor: Actor, case_id: int, kind: str, issued_on: dt.date, *,
               today: dt.date) -> int:
    """Issue the next document of the chain on a day: refused when it is not the next step, when the
    previous one is not served or its period has not run, or on a day in the future."""
    if kind not in KINDS:
        raise ValidationFailed([error("step", "escalation.kind", translate(
            "Dropout", "Choose a step: report, penalty, demand or enforcement."))])
    case = get_record(session, DropoutCase, case_id)
    where = chain(session, case_id)
    problems = []
    if where.next_kind is None:
        problems.append(error("step", "escalation.none", translate("Dropout", "No step is due: {why}").format(
            why=where.waiting)))
    elif kind != where.next_kind:
        problems.append(error("step", "escalation.order", translate(
            "Dropout", "The steps come in order: the next one is the {step}.").format(step=step_label(where.next_kind))))
    elif where.next_due is None:
        problems.append(error("step", "escalation.waiting", where.waiting))
    elif issued_on < where.next_due:
        problems.append(error("issued_on", "escalation.early", translate(
            "Dropout", "The {step} may be issued from {date}.").format(step=step_label(kind),
                                                                     date=where.next_due.isoformat())))
    if issued_on > today:
        problems.append(error("issued_on", "escalation.future", translate("Dropout", "The date is in the future.")))
    if problems:
        raise ValidationFailed(problems)
    steps = {s.kind: s for s in where.steps}
    deadline = issued_on + dt.timedelta(days=setting(session, "dropout.correction_days")) if kind == "penalty" else (
        issued_on + dt.timedelta(days=setting(session, "dropout.demand_wait_days")) if kind == "demand" else None)
    text = _compose(session, kind, case, steps, issued_on, deadline)
    number, document_number = _number(session, kind, case, issued_on.year)
    document = CaseDocument(case_id=case_id, kind=kind, year=issued_on.year, number=number,
                            document_number=document_number, recipient=str(text["recipient"]), issued_on=issued_on,
                            deadline=deadline, issued_by=actor.name,
                            issued_text=json.dumps(text, ensure_ascii=False))
    session.add(document)
    session.flush()
    audit.record(session, actor, Action.CREATE, DOCUMENT, document.id, document_number,
                 after=audit.snapshot(document))
    receipts.open_receipt(session, actor, kind, document.id, document.recipient, issued_on)
    return document.id


@requires(Permission.MANAGE_CASES)
def record_service(session: Session, actor: Actor, case_id: int, kind: str, service: Service, *,
                   today: dt.date) -> None:
    """Fill the proof of service of the case's notice or document of that kind."""
    if kind == receipts.NOTICE_KIND:
        from schoolaid.dropout import notices

        notice = _latest_notice(session, case_id)
        if notice is None:
            raise NotAllowed(translate("Dropout", "No urging notice is issued."))
        notices.record_receipt(session, actor, notice.id, service.served_on or today, service.served_to, service.note,
                               today=today, manner=service.manner, served_by=service.served_by, place=service.place,
                               witnesses=service.witnesses, refused_reason=service.refused_reason)
        return
    document = _documents(session, case_id).get(kind)
    if document is None:
        raise NotAllowed(translate("Dropout", "The {step} is not issued.").format(step=step_label(kind))
                         if kind in KINDS else translate("Dropout", "Choose a step: report, penalty, demand or "
                                                                    "enforcement."))
    receipts.check_service(service, document.issued_on, today)
    receipt = receipts.open_receipt(session, actor, kind, document.id, document.recipient, document.issued_on)
    receipts.fill(session, actor, receipt, service)


def document_page(session: Session, document: CaseDocument) -> document_pdf.Page:
    from schoolaid.dropout import document_pdf

    text = json.loads(document.issued_text)
    return document_pdf.Page(
        str(text["title"]), document.document_number, str(text["addressee"]), tuple(text["paragraphs"]),
        str(text["issuer"]), document.issued_on, f"{text['title']}（{document.document_number}）",
        receipts.receipt_text(session, document.kind, document.id, f"{text['title']}（{document.document_number}）",
                              document.recipient), tuple(text.get("closing", ())))


@dataclass(frozen=True)
class Printed:
    id: int
    kind: str
    document_number: str
    issued_now: bool


@requires(Permission.EXPORT)
def print_step(session: Session, actor: Actor, case_id: int, kind: str, path: Path, today: dt.date,
               progress: Progress = NO_PROGRESS) -> Printed:
    """The case's document of that kind as a PDF: as issued, or issued today if it is the step due
    (in the same transaction: if the PDF cannot be written, nothing is issued)."""
    get_record(session, DropoutCase, case_id)
    issued_now = False
    document = _documents(session, case_id).get(kind)
    if document is None:
        issue_step(session, actor, case_id, kind, today, today=today)
        issued_now = True
        document = _documents(session, case_id)[kind]
    from schoolaid.dropout import document_pdf

    document_pdf.write(path, [document_page(session, document)], str(json.loads(document.issued_text)["title"]),
                       progress)
    return Printed(document.id, kind, document.document_number, issued_now)


def articles_of(kind: str) -> list[str]:
    """The articles a document cites, as 《…》第…条 (for the case panel and the tests)."""
    return [short(key) for key in (legal_basis.NOTICE_ARTICLES if kind == "notice" else DOCUMENT_ARTICLES[kind])]
