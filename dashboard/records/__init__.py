"""Board records the app writes (actions, meetings, self-assessments, named comparison groups,
and on top of these sign-in attempts and the audit log): a transactional store several
processes can write at once, apart from the read-only analytic DuckDB snapshots.

``db`` holds the engine and the shared ``metadata``; each module here defines its tables on it.
"""
