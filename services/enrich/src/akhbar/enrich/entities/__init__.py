"""Arabic named-entity recognition (PER, ORG, LOC, MISC) that runs offline.

    from akhbar.enrich.entities import find_entities, find_entities_in_fields

A CRF trained on ANERcorp, AQMAR and the Wojood sample (``train.py``) ships in
``model/`` with the gazetteer it was trained with; it is loaded once per process.
"""

from .recognizer import find_entities, find_entities_in_fields

__all__ = ["find_entities", "find_entities_in_fields"]
