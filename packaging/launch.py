"""The frozen program's entry point: the same as the `schoolaid` command (the window with no arguments)."""

import sys

from schoolaid.cli.main import main

sys.exit(main())
