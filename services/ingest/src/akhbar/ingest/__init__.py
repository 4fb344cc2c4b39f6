"""akhbar ingest: checks what producers push and gives each page a stable content id."""

from akhbar.ingest.accept import accept_page

__all__ = ["accept_page"]
