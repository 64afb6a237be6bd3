"""Enrollment status (学籍状态) and the changes between statuses that a school may record."""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate


class EnrollmentStatus(str, enum.Enum):
    ENROLLED = "在读"
    SUSPENDED = "休学"
    DROPPED_OUT = "辍学"
    TRANSFERRED_OUT = "转出"
    GRADUATED = "毕业"
    NOT_ENROLLED = "未入学"

    def label(self) -> str:
        return {
            EnrollmentStatus.ENROLLED: translate("Vocabulary", "Enrolled"),
            EnrollmentStatus.SUSPENDED: translate("Vocabulary", "Suspended"),
            EnrollmentStatus.DROPPED_OUT: translate("Vocabulary", "Dropped out"),
            EnrollmentStatus.TRANSFERRED_OUT: translate("Vocabulary", "Transferred out"),
            EnrollmentStatus.GRADUATED: translate("Vocabulary", "Graduated"),
            EnrollmentStatus.NOT_ENROLLED: translate("Vocabulary", "Not enrolled"),
        }[self]


S = EnrollmentStatus

# Which status changes make sense. A student who left can come back (转回, 复学, 返校); a
# graduate cannot become "enrolled" again at the same record: a new stage is a grade change.
ALLOWED_CHANGES: dict[EnrollmentStatus, frozenset[EnrollmentStatus]] = {
    S.ENROLLED: frozenset({S.SUSPENDED, S.DROPPED_OUT, S.TRANSFERRED_OUT, S.GRADUATED}),
    S.SUSPENDED: frozenset({S.ENROLLED, S.DROPPED_OUT, S.TRANSFERRED_OUT}),
    S.DROPPED_OUT: frozenset({S.ENROLLED, S.TRANSFERRED_OUT}),
    S.TRANSFERRED_OUT: frozenset({S.ENROLLED}),
    S.GRADUATED: frozenset(),
    S.NOT_ENROLLED: frozenset({S.ENROLLED}),
}

# Statuses the school-age enrollment figure (义务教育适龄儿童入学率) does not count as in school: a 休学
# pupil is away from class, approved or not, and a 转出 one is not known to be at the receiving school.
NOT_IN_SCHOOL = frozenset({S.NOT_ENROLLED, S.DROPPED_OUT, S.SUSPENDED, S.TRANSFERRED_OUT})

# Statuses whose change date is the student's leaving date.
LEAVING_STATUSES = frozenset({S.TRANSFERRED_OUT, S.GRADUATED, S.DROPPED_OUT})


def allowed_changes(current: EnrollmentStatus | str) -> list[EnrollmentStatus]:
    current = EnrollmentStatus(current)
    return [s for s in EnrollmentStatus if s in ALLOWED_CHANGES[current]]


def change_needs_reason(new: EnrollmentStatus) -> bool:
    """Every change away from 在读 must say why; a return to class may leave it empty."""
    return new is not EnrollmentStatus.ENROLLED
