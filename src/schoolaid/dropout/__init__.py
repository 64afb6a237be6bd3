"""Dropout control: absences, cases, persuasion, urging notices, the three ledgers."""
