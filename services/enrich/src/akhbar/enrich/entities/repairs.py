"""Span repairs after consistency: what the annotation conventions say about names the
model labels by their words alone (docs/entities-annotation.md; docs/entities.md, *How it
works*). Each repair edits one sentence's BIO tags from its normalized words, needs no model,
and runs in ``recognizer.find_entities_in_fields`` only, so training and the ANERcorp
scores never see it."""

from __future__ import annotations

from .clitics import indefinite_head, split_article, strip_proclitics
from .spans import bio_spans
from .triggers import (
    FACILITY_NOUNS,
    PLACE_MODIFIERS,
    PLACE_NAME_PREFIXES,
    PLAYER_NOUNS,
    PRESS_NOUNS,
    ROYAL_TITLES,
    STREET_NOUNS,
    WORK_NOUNS,
)
from .world_names import country_keys


def join_place_prefixes(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with each place that is only a place-name prefix ("سيدي", "عين", "كفر",
    "أولاد": never a place alone) run on over the name that follows it: the next name,
    whatever its label ("سيدي" + the person "علال التازي" is the town سيدي علال التازي), or
    the next word ("سيدي" + "قاسم"). ``words`` normalized. A prefix with the article
    ("البحر") may be a place alone and is left as it is."""
    out = tags
    if "B-LOC" not in tags:  # most sentences: no place to look at
        return out
    for a, b, label in bio_spans(tags):
        if label != "LOC" or b - a != 1 or b >= len(words) or not words[b][:1].isalpha():
            continue
        if strip_proclitics(words[a])[1] not in PLACE_NAME_PREFIXES or words[a].startswith("ال"):
            continue
        end = b + 1
        if tags[b].startswith("B-"):
            end = next((e for s, e, _ in bio_spans(tags) if s == b), end)
        out = list(out) if out is tags else out
        out[a:end] = ["B-LOC"] + ["I-LOC"] * (end - a - 1)
    return out


_QUOTES = {"«": "»", '"': '"', "“": "”", "”": "”"}
_CLOSING = frozenset('»"”“')
MAX_QUOTED_WORDS = 8


def tag_quoted_titles(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with a quoted title after the noun that announces it tagged where the model
    left it untagged: a work's, a programme's or a campaign's (``WORK_NOUNS``) as MISC
    ("مسلسل «نقطة ضعف»"), a newspaper's or channel's (``PRESS_NOUNS``) as ORG ("صحيفة
    «الوطن»"). The quotes stay outside the name; a quote that does not close within
    ``MAX_QUOTED_WORDS`` words, or closes on a sentence stop, is no title. ``words``
    normalized."""
    out = tags
    if _QUOTES.keys().isdisjoint(words):  # most sentences quote nothing
        return out
    for i in range(len(words) - 3):
        close = _QUOTES.get(words[i + 1])
        if close is None:
            continue
        head = split_article(strip_proclitics(words[i])[1])[1]
        label = "MISC" if head in WORK_NOUNS else "ORG" if head in PRESS_NOUNS else None
        if label is None:
            continue
        end = next(
            (
                k
                for k in range(i + 2, min(len(words), i + 3 + MAX_QUOTED_WORDS))
                if words[k] in _CLOSING
            ),
            None,
        )
        if end is None or end == i + 2 or any(t != "O" for t in out[i + 2 : end]):
            continue
        if not all(w[:1].isalnum() for w in words[i + 2 : end]):
            continue  # a stop or other mark inside: a quoted sentence, not a title
        out = list(out) if out is tags else out
        out[i + 2 : end] = [f"B-{label}"] + [f"I-{label}"] * (end - i - 3)
    return out


def name_facilities(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with a person named right after a building's head noun retagged as the
    building's name, MISC, with a king's or prince's title before it ("مستشفى
    الأمير محمد بن ناصر" → [الأمير محمد بن ناصر], "مطار [محمد الخامس]"; annotation rule 6:
    the head noun stays outside). ``words`` normalized."""
    out = tags
    if "B-PER" not in tags:
        return out
    for a, b, label in bio_spans(tags):
        if label != "PER" or a == 0:
            continue
        start = a
        if words[a - 1] in ROYAL_TITLES and a >= 2 and out[a - 1] == "O":
            start = a - 1
        if (
            start == 0
            or not indefinite_head(words[start - 1], FACILITY_NOUNS)
            or out[start - 1] != "O"
        ):
            continue
        out = list(out) if out is tags else out
        out[start:b] = ["B-MISC"] + ["I-MISC"] * (b - start - 1)
    return out


def join_street_heads(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with a place right after a street's, square's, bridge's or corniche's head
    noun (``STREET_NOUNS``, without the article) run back over the head:
    the head is part of the name ("كورنيش [جدة]" → [كورنيش جدة]; annotation rule 5).
    ``words`` normalized."""
    out = tags
    if "B-LOC" not in tags:
        return out
    for a, _b, label in bio_spans(tags):
        if label != "LOC" or a == 0 or out[a - 1] != "O":
            continue
        if not indefinite_head(words[a - 1], STREET_NOUNS):
            continue
        # "كوبري بالإسماعيلية" is a bridge in a city (a preposition: ب, ك, or ل + the
        # article); a lone ل may be the name's own letter ("شارع لاظوغلي"). A place that
        # starts with a head noun is headed already ("طريق كورنيش النيل").
        clitics, stem = strip_proclitics(words[a])
        prep = clitics[:-2] if clitics.endswith("ال") else clitics
        if prep[-1:] in ("ب", "ك") or prep.endswith("لل") or stem in STREET_NOUNS:
            continue
        out = list(out) if out is tags else out
        out[a - 1] = "B-LOC"
        out[a] = "I-LOC"
    return out


def join_place_modifiers(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with a place run on over the word after it that names another place with
    it (``PLACE_MODIFIERS``): "[حلب] القديمة" → [حلب القديمة]. ``words`` normalized."""
    out = tags
    if "B-LOC" not in tags:
        return out
    for _a, b, label in bio_spans(tags):
        if label == "LOC" and b < len(words) and out[b] == "O" and words[b] in PLACE_MODIFIERS:
            out = list(out) if out is tags else out
            out[b] = "I-LOC"
    return out


def name_clubs(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` with a town named right after a player's or coach's role retagged as its
    club, ORG ("مدافع [برشلونة]"; clubs are ORG), unless it is a country: a national
    team is written as its country, LOC ("لاعب بوركينا فاسو"). ``words`` normalized."""
    out = tags
    if "B-LOC" not in tags:
        return out
    countries = country_keys()
    for a, b, label in bio_spans(tags):
        if label != "LOC" or a == 0 or out[a - 1] != "O":
            continue
        if not indefinite_head(words[a - 1], PLAYER_NOUNS):
            continue
        rest = " ".join(words[a + 1 : b])
        firsts = {split_article(words[a])[1], split_article(strip_proclitics(words[a])[1])[1]}
        if any(" ".join(filter(None, (f, rest))) in countries for f in firsts):
            continue  # "لاعب بوركينا فاسو": a national team is its country (LOC)
        out = list(out) if out is tags else out
        out[a:b] = ["B-ORG"] + ["I-ORG"] * (b - a - 1)
    return out


def repair_spans(words: list[str], tags: list[str]) -> list[str]:
    """The span repairs of one sentence, after consistency, in order: place-name prefixes,
    the old or new town, street heads, quoted titles, facilities, clubs (each its function's
    doc)."""
    for repair in (
        join_place_prefixes,
        join_place_modifiers,
        join_street_heads,
        tag_quoted_titles,
        name_facilities,
        name_clubs,
    ):
        tags = repair(words, tags)
    return tags
