"""The roster tab and its dialogs."""
