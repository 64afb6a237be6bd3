"""The pairing tab and its dialogs."""
