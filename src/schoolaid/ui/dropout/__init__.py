"""The dropout-control tab and its dialogs."""
