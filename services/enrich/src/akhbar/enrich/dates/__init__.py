"""Arabic date and time expressions: ``find_dates(text, ref)`` and nothing else to set up.

Plain Python, no Redis: the enrich service and the ``akhbar dates`` CLI call it per field.
"""

from akhbar.enrich.dates.extract import find_dates

__all__ = ["find_dates"]
