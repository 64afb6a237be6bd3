"""Signing in, accounts and the audit trail dialogs."""
