"""Board records the app writes (audit log, sign-in attempts, ...): a transactional store that
several processes can write at once, through SQLAlchemy Core (``records.db``)."""
