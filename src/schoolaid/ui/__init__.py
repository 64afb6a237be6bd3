"""The Qt face of SchoolAid. Widgets call core services through ``AppContext``; they hold no rules."""
