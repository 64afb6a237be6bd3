"""The rules of dropout control, kept as township settings: the suspected and dropout thresholds,
the attempts before an urging notice and its deadline, the days a transfer out may stay unconfirmed
(``roster.transfers``), the holidays the school-day count skips, and the prefix of the notice numbers
(the dialog also keeps the day school ages are reckoned on, ``roster.enrollment_approvals``).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common import school_calendar
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Holidays
from schoolaid.common.validation import error
from schoolaid.dropout import rates
from schoolaid.roster import disabilities, enrollment_approvals, transfers
from schoolaid.township import township

SETTINGS = {  # key: (default, lowest, highest)
    "dropout.suspect_school_days": (5, 1, 30),
    "dropout.dropout_days": (30, 7, 120),  # some provinces use four weeks (28)
    "dropout.attempts_before_notice": (2, 1, 10),
    "dropout.notice_deadline_days": (15, 3, 60),
    # A notice needs the village committee's and the township's part in the failed attempts (1 = yes):
    # 义务教育法 art. 13 — the township organises and urges enrollment, the village committee assists.
    "dropout.notice_needs_village": (1, 0, 1),
    "dropout.notice_needs_township": (1, 0, 1),
    # The escalation after the notice (dropout.escalation): the period the order to correct sets
    # (义务教育法 art. 58 says 责令限期改正 and leaves the period to the township), the days after a
    # demand is served before the application to the court (行政强制法 art. 54: ten days), and the
    # months the order must stand unchallenged before it is enforced (行政诉讼法 art. 46: six months
    # to sue; 行政强制法 art. 53: the application follows the end of that period).
    "dropout.correction_days": (15, 3, 60),
    "dropout.demand_wait_days": (10, 10, 30),
    "dropout.challenge_months": (6, 2, 6),
    transfers.CONFIRM_DAYS_SETTING: transfers.CONFIRM_DAYS_LIMITS,  # a transfer out unconfirmed this long: suspected
    "dropout.follow_up_months": (3, 1, 12),  # a child back at school is followed this long (case_plans)
    disabilities.VISIT_DAYS_SETTING: disabilities.VISIT_DAYS_LIMITS,  # 送教上门 with no visit this long: today's work
    disabilities.PENDING_DAYS_SETTING: disabilities.PENDING_DAYS_LIMITS,  # 待安置 this long: today's work
}


def setting(session: Session, key: str) -> int:
    default, low, high = SETTINGS[key]
    value = township.get_setting(session, key, str(default))
    return int(value) if value.isdigit() and low <= int(value) <= high else default


@requires(Permission.EDIT_SETTINGS)
def set_setting(session: Session, actor: Actor, key: str, value: int) -> None:
    _default, low, high = SETTINGS[key]
    if not low <= value <= high:
        raise ValidationFailed([error(key, "dropout.setting", translate(
            "Dropout", "The value must be between {low} and {high}.").format(low=low, high=high))])
    township.set_setting(session, actor, key, str(value))


@requires(Permission.EDIT_SETTINGS)
def save_rules(session: Session, actor: Actor, values: Mapping[str, int], prefix: str,
               holidays_text: str | None = None, age_reference_text: str | None = None,
               targets: Mapping[str, float] | None = None, addressees: tuple[str, str] | None = None) -> None:
    """The rules dialog's changes, together: all saved or none. ``targets`` are the indicators'
    (fractions, ``rates.TARGETS``' keys); one equal to the one in force is left as it is. ``addressees``:
    the names of the bureau and the court, as ``escalation.set_addressees`` takes them."""
    for key, value in values.items():
        if value != setting(session, key):
            set_setting(session, actor, key, value)
    if prefix.strip() != notice_prefix(session):
        set_notice_prefix(session, actor, prefix)
    if holidays_text is not None and holidays_text.strip() != holidays_setting(session):
        set_holidays(session, actor, holidays_text)
    if (age_reference_text is not None
            and age_reference_text.strip() != enrollment_approvals.age_reference_setting(session)):
        enrollment_approvals.set_age_reference_day(session, actor, age_reference_text)
    for key, goal in (targets or {}).items():
        if key not in rates.TARGETS or abs(goal - rates.target(session, key)) > 1e-9:
            rates.set_target(session, actor, key, goal)
    if addressees is not None:  # (the education bureau, the court) the escalation's documents address
        from schoolaid.dropout import escalation  # it reads these rules itself

        escalation.set_addressees(session, actor, *addressees)


# Kept as the setting dropout.holidays; the school calendar reads them and counts school days.


def holidays_setting(session: Session) -> str:
    return (township.get_setting(session, "dropout.holidays", school_calendar.DEFAULT_HOLIDAYS_TEXT)
            or school_calendar.DEFAULT_HOLIDAYS_TEXT)


def holidays(session: Session) -> Holidays:
    try:
        return school_calendar.parse_holidays(holidays_setting(session))
    except ValidationFailed:
        return school_calendar.DEFAULT_HOLIDAYS


@requires(Permission.EDIT_SETTINGS)
def set_holidays(session: Session, actor: Actor, text: str) -> None:
    township.set_setting(session, actor, "dropout.holidays",
                         school_calendar.format_holidays(school_calendar.parse_holidays(text)))


def notice_prefix(session: Session) -> str:
    """The start of the notice number, e.g. 平府教 for the 平地镇 government's education notices."""
    default = f"{township.township_name(session)[:1] or '乡'}府教"
    return township.get_setting(session, "dropout.notice_prefix", default) or default


@requires(Permission.EDIT_SETTINGS)
def set_notice_prefix(session: Session, actor: Actor, prefix: str) -> None:
    prefix = prefix.strip()
    if not prefix or len(prefix) > 12 or any(c in prefix for c in "〔〕[]号"):
        raise ValidationFailed([error("prefix", "notice.prefix", translate(
            "Dropout", "Write the issuing body's short name for document numbers, e.g. 平府教 (at most 12 characters, "
            "without brackets or 号)."))])
    township.set_setting(session, actor, "dropout.notice_prefix", prefix)
