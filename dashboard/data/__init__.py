"""The analytic data as published, read-only snapshots (``snapshot``)."""
