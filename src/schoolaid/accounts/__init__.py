"""Accounts, roles and permissions, and the tamper-evident audit trail."""
