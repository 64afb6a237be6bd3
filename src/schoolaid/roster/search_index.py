"""The rows of ``student_search_keys`` for students just inserted, written in two statements.

Revision 0021 wrote them with a trigger on every insert; a trigger runs its two statements once a
row, which cost an import of 10,000 students 0.3 s of SQLite's time, three times what the same
statements take once over the whole range. Revision 0022 dropped that trigger: whatever inserts
students calls ``write_search_keys`` in the same transaction (``roster.add_students``, the demo).
A change of name is still followed by the database itself (``student_search_keys_on_rename``).

The keys are exactly the trigger's (revision 0021 has the reasoning): the readings, space-separated
in ``name_pinyin`` and ``name_initials``, and every suffix of the name.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

_INSERT = "INSERT OR IGNORE INTO student_search_keys (kind, key, student_id) "
_READINGS = _INSERT + """SELECT 'p', readings.value, students.id
    FROM students, json_each('["' || replace(replace(replace(trim(students.name_pinyin || ' ' || students.name_initials),
                                                         '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]') AS readings
    WHERE students.id BETWEEN ? AND ? AND readings.value <> ''"""
_SUFFIXES = _INSERT + """SELECT 'n', substr(students.name, suffixes.key + 1), students.id
    FROM students, json_each('[0' || replace(hex(zeroblob(length(students.name) - 1)), '00', ',0') || ']') AS suffixes
    WHERE students.id BETWEEN ? AND ? AND suffixes.key < length(students.name)"""


def write_search_keys(session: Session, first_id: int, last_id: int) -> None:
    """The search keys of the students whose ids are ``first_id`` … ``last_id`` (just inserted)."""
    connection = session.connection()
    connection.exec_driver_sql(_READINGS, (first_id, last_id))
    connection.exec_driver_sql(_SUFFIXES, (first_id, last_id))
