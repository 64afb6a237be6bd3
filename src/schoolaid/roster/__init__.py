"""The student roster: students, households, ID numbers, enrollment status, import and export."""
