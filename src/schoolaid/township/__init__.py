"""The township's places (villages, schools), its settings, and evidence files kept with records."""
