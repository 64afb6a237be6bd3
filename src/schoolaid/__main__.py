from schoolaid.cli import main

raise SystemExit(main())
