"""Where the store lives when nobody says: the shared settings' ``store_url()``.

That is ``DATABASE_URL`` (or ``AKHBAR_DATABASE_URL``) when set, else the SQLite file
``<data_dir>/akhbar.db`` (``var/akhbar.db``), whose folder the engine creates.
"""

from __future__ import annotations


def default_database_url() -> str:
    # Read afresh on each call, not cached: a process (or test) may change the environment.
    from akhbar.shared.settings import Settings

    return Settings().store_url()
