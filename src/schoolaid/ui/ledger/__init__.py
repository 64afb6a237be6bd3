"""The ledger tab and its dialogs."""
