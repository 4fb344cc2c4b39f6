"""Example pages bundled with the parser (the demo pushes these through the pipeline).

``maghress-alaoual-2025-11-24.txt`` is the Maghress aggregator page the project started
from, saved as text: ticker, image-report widget, title, "نشر في الأول يوم 24 - 11 - 2025",
body, read-at-source line.
"""

from __future__ import annotations

from importlib.resources import files

SEED_PAGE = "maghress-alaoual-2025-11-24.txt"


def example_names() -> list[str]:
    """File names of the bundled example pages."""
    return sorted(p.name for p in files(__name__).iterdir() if p.name.endswith((".txt", ".html")))


def read_example(name: str = SEED_PAGE) -> str:
    """Text of a bundled example page (the seed page by default)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
