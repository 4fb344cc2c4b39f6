"""One canonical name per entity within an article, so downstream counts are right.

Mentions are grouped when they spell the same name once normalized and without the
article ("الأنتربول", "أنتربول", "الإنتربول"); a one-word person mention joins the
full name whose last word it is ("حموشي" -> "عبد اللطيف حموشي"), a one-word organization
the head-noun form it ends ("الأنتربول" -> "منظمة الأنتربول"), when only one such exists. The canonical name of a
group is its longest surface form, the most frequent one among equally long forms.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from akhbar.shared.arabic import name_key

from .triggers import trigger_class


def canonical_names(mentions: list[tuple[str, str]]) -> list[str]:
    """Canonical name of each (surface, label) mention, in order."""
    keys = [name_key(s) for s, _ in mentions]
    group_of: dict[tuple[str, ...], tuple[str, ...]] = {k: k for k in keys}
    full: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for k, (_, label) in zip(keys, mentions, strict=True):
        if label == "PER" and len(k) > 1:
            full[(label, k[-1])].add(k)
        elif label == "ORG" and len(k) == 2 and trigger_class(k[0]) == "TORG":
            full[(label, k[-1])].add(k)
    for k, (_, label) in zip(keys, mentions, strict=True):
        if len(k) == 1 and len(full.get((label, k[0]), ())) == 1:
            group_of[k] = next(iter(full[(label, k[0])]))
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for k, (surface, _) in zip(keys, mentions, strict=True):
        forms[group_of[k]][surface] += 1
    best = {g: max(c, key=lambda s: (len(s), c[s])) for g, c in forms.items()}
    return [best[group_of[k]] for k in keys]
