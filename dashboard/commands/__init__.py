"""One module per command line command (see dashboard/cli.py)."""
