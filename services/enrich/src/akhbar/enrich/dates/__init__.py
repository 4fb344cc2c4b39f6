"""Arabic date and time expressions: ``find_dates(text, ref)`` and nothing else to set up.

``find_dates_in_headline`` reads a headline against its own printed date when it has one.

Plain Python, no Redis: the enrich service and the ``akhbar dates`` CLI call it per field.
"""

from akhbar.enrich.dates.extract import find_dates
from akhbar.enrich.dates.headlines import find_dates_in_headline

__all__ = ["find_dates", "find_dates_in_headline"]
