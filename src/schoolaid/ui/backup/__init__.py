"""The File menu's backups."""
