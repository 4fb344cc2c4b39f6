"""Document-level consistency: a name tagged once is the same name wherever it recurs.

Articles name a person in full once ("عبد اللطيف حموشي") and by surname afterwards
("حموشي"); a sentence-level model misses many of those later mentions. After tagging,
every name found in the document (and the surname of every multi-word person) is looked
up again over the document's untagged tokens and tagged with the label it had.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container

from .gazetteer import Gazetteer
from .spans import bio_spans
from .triggers import trigger_class

_MIN_LETTERS = 3  # one- and two-letter words are too ambiguous to propagate


def document_names(
    words: list[list[str]],
    tags: list[list[str]],
    common: Container[str] = (),
    mixed: Container[str] = (),
) -> list[tuple[str, str]]:
    """(label, phrase) of every name tagged in the document, plus short forms.

    Short forms: the surname of a full person name ("حموشي"), and the one-word name after
    an organization's head noun ("منظمة الأنتربول" -> "الأنتربول") unless that word is a
    ``common`` word ("وزارة الخارجية" does not make "الخارجية" a name) or a ``mixed`` one,
    inside names only some of the time: mostly adjectives ("التحالف الدولي" does not make
    "الدولي" a name).
    A phrase tagged with different labels keeps only its most frequent one.
    """
    votes: Counter = Counter()
    for sent, stags in zip(words, tags, strict=True):
        for start, end, label in bio_spans(stags):
            phrase = sent[start:end]
            if sum(len(w) for w in phrase) < _MIN_LETTERS:
                continue
            votes[(label, " ".join(phrase))] += 2
            last = phrase[-1]
            if (
                label == "PER"
                and end - start > 1
                and len(last) >= _MIN_LETTERS
                and not trigger_class(last)
            ):
                votes[("PER", last)] += 1
            if (
                label == "ORG"
                and end - start == 2
                and trigger_class(phrase[0]) == "TORG"
                and len(last) > _MIN_LETTERS
                and last not in common
                and last not in mixed
                and not trigger_class(last)
            ):
                votes[("ORG", last)] += 1
    best: dict[str, tuple[int, str]] = {}
    for (label, phrase), n in votes.items():
        if n > best.get(phrase, (0, ""))[0]:
            best[phrase] = (n, label)
    return [(label, phrase) for phrase, (_, label) in best.items()]


def propagate(
    words: list[list[str]],
    tags: list[list[str]],
    common: Container[str] = (),
    listed: Gazetteer | None = None,
    mixed: Container[str] = (),
) -> list[list[str]]:
    """Tags with each document name also tagged where it recurs on untagged tokens, then
    each ``listed`` name (``recognizer.listed_names``: names known for sure, and non-names)
    wherever it stands untagged: a headline ticker gives the model one short line and no
    article. A name that takes in a listed non-name (label "O": كورونا) is no name.
    ``common`` and ``mixed``: see ``document_names``."""
    names = document_names(words, tags, common, mixed)
    if names:
        # A one-word name never spreads onto a common word: "محمد علي" makes علي a surname,
        # and the preposition على is spelled the same once normalized (5-fold CV, document
        # level: +0.42 F1, precision +1.1, every fold up; docs/entities.md).
        gaz = Gazetteer(names)
        tags = [
            _fill(sent, stags, gaz.match(sent), common)
            for sent, stags in zip(words, tags, strict=True)
        ]
    if listed is None:
        return tags
    out = []
    for sent, stags in zip(words, tags, strict=True):
        matched = listed.match(sent)  # once per sentence: both steps below read it
        if not any(matched):  # the usual case
            out.append(stags)
            continue
        # A listed one-word name that is also a common word ("كاف" for الكاف, "وجده" for
        # وجدة once ة is normalized) is left to the model.
        stags = _fill(sent, stags, matched, common)
        stags = _prefer_listed(sent, stags, matched, common)
        out.append(_drop_non_names(stags, matched))
    return out


def _match_spans(matched: list[tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each unambiguous gazetteer match (one label; "O" included)."""
    spans = []
    i = 0
    while i < len(matched):
        if len(matched[i]) != 1 or not matched[i][0].endswith(":B"):
            i += 1
            continue
        label = matched[i][0][:-2]
        j = i + 1
        while j < len(matched) and matched[j] == (f"{label}:I",):
            j += 1
        spans.append((i, j, label))
        i = j
    return spans


def _prefer_listed(
    sent: list[str],
    stags: list[str],
    matched: list[tuple[str, ...]],
    common: Container[str] = (),
) -> list[str]:
    """``stags`` with a listed name tagged whole where the model cut it: a listed person
    that extends the model's person ("نادية فتاح" inside the listed "نادية فتاح العلوي"),
    or a listed name over two or more of the model's names ("باريس" + "سان جيرمان" inside
    the club "باريس سان جيرمان"), or an organization of the model that starts with or
    before a listed one and stops inside it ("حزب التجمع الوطني" + the listed "التجمع
    الوطني للأحرار" → "حزب التجمع الوطني للأحرار"). Otherwise only where no name of the
    model crosses the listed name's edge. A listed name is not let relabel the model's one
    name, nor add a head noun to it (مكة → مكة المكرمة, حماس → حركة حماس): on ANERcorp's train split the model's
    choice there follows the annotation conventions, the list's does not (docs/entities.md).
    """
    spans = None
    for start, end, label in _match_spans(matched):
        if label == "O" or (end - start == 1 and sent[start] in common):
            continue
        if spans is None:
            spans = list(bio_spans(stags))
        inside = [(a, b, lab) for a, b, lab in spans if a < end and start < b]
        if label == "ORG" and len(inside) == 1 and inside[0][2] == label:
            a, b, _ = inside[0]
            if a <= start < b < end:  # the model's name runs into the listed one, stops short:
                stags = list(stags)  # it keeps its start (a head noun), the list its end
                stags[a:end] = [f"B-{label}"] + [f"I-{label}"] * (end - a - 1)
                spans = None
                continue
        if not inside or any(a < start or b > end for a, b, _ in inside):
            continue  # untagged (``_fill`` saw to it), or a model name crosses the edge
        if len(inside) == 1:
            a, b, lab = inside[0]
            if lab != label or label != "PER" or (a, b) == (start, end):
                continue
        stags = list(stags)
        stags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        spans = None
    return stags


def _drop_non_names(stags: list[str], matched: list[tuple[str, ...]]) -> list[str]:
    """``stags`` without the names that take in a listed non-name (label O)."""
    for start, end, _ in bio_spans(stags):
        if any(tag.startswith("O:") for k in range(start, end) for tag in matched[k]):
            stags[start:end] = ["O"] * (end - start)
    return stags


def _fill(
    sent: list[str],
    stags: list[str],
    matched: list[tuple[str, ...]],
    common: Container[str] = (),
) -> list[str]:
    """A copy of ``stags`` with every unambiguous gazetteer match over untagged tokens
    tagged, except listed non-names and one-word matches of ``common`` words."""
    stags = list(stags)
    for i, j, label in _match_spans(matched):
        if (
            label != "O"
            and all(t == "O" for t in stags[i:j])
            and not (j - i == 1 and sent[i] in common)
        ):
            stags[i] = f"B-{label}"
            for k in range(i + 1, j):
                stags[k] = f"I-{label}"
    return stags
