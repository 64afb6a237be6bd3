from schoolaid.cli.main import main

raise SystemExit(main())
