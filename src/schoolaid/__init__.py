"""SchoolAid (校助): records for a township central school's education poverty-alleviation work.

The package root and everything outside ``schoolaid.ui`` is the core: it never imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "SchoolAid"
