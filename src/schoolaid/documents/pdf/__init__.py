"""Printed documents (reportlab): one page set-up, one set of faces, one line breaker for every
printout — the urging notice, the summaries, the registers and sign-off sheets."""
