"""One module per command line command (see dashboard/cli/__init__.py)."""
