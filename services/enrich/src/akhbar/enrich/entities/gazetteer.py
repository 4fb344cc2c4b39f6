"""Lists of known names (places, organizations, people, events) matched on token sequences.

Entries and text are compared in normalized form. The first word of a match may carry
proclitics ("بمراكش", "والأمم المتحدة", "للأنتربول"), so it is tried with each plausible
proclitic chain removed and with or without the article. A match gives every token it
covers a tag such as ``LOC:B`` / ``LOC:I`` that the model weighs as a feature; a word that
occurs inside known names of a label gets a ``part`` class (``PER:first``, ``ORG:in``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .clusters import Clusters
from .normalize import normalize
from .vectors import Vectors

_CLITIC_CHAINS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


_CANDIDATES: dict[str, list[str]] = {}


def candidates(word: str) -> list[str]:
    """Spellings a normalized first word of a name may have once its proclitics are removed."""
    out = _CANDIDATES.get(word)
    if out is None:
        if len(_CANDIDATES) > 500_000:
            _CANDIDATES.clear()
        out = _CANDIDATES[word] = _candidates(word)
    return out


def _candidates(word: str) -> list[str]:
    out = [word]
    for chain in _CLITIC_CHAINS:
        if word.startswith(chain) and len(word) - len(chain) >= 2:
            out.append(word[len(chain) :])
    if word.startswith("لل") and len(word) > 4:  # ل + ال: the article's alef is not written
        out.append("ال" + word[2:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 3:
            out.append(w[2:])
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(normalize(phrase).split())


class Gazetteer:
    """Known names by label, for longest-match tagging of token sequences."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        vocab: dict[str, str] | None = None,
        words: dict[str, tuple[str, ...]] | None = None,
        clusters: Clusters | None = None,
        vectors: Vectors | None = None,
    ) -> None:
        # vocab: normalized word -> how the training data used it ("c" common word, "m" mixed,
        # "n" mostly inside names); a word outside it is rare or new, often a foreign name.
        self.vocab: dict[str, str] = dict(vocab or {})
        # words: normalized word -> tags compiled from word lists (``wordlists``): frequency
        # bucket, first/last name, verb form.
        self.words: dict[str, tuple[str, ...]] = words or {}
        # clusters: word clusters learned from unlabelled news (``clusters``), or None.
        self.clusters = clusters
        # vectors: dense word vectors from the same news (``vectors``; option), or None.
        self.vectors = vectors
        self.entries: dict[tuple[str, ...], set[str]] = {}
        for label, phrase in entries:
            key = phrase_key(phrase)
            if not key:
                continue
            self.entries.setdefault(key, set()).add(label)
            # Names are written with and without the article: المغرب / مغرب, الأنتربول / أنتربول.
            if key[0].startswith("ال") and len(key[0]) > 3:
                self.entries.setdefault((key[0][2:],) + key[1:], set()).add(label)
        self.prefixes: set[tuple[str, ...]] = set()
        self.parts: dict[str, set[str]] = {}
        for key, labels in self.entries.items():
            for i in range(1, len(key) + 1):
                self.prefixes.add(key[:i])
            if len(key) > 1:
                for i, word in enumerate(key):
                    for label in labels:
                        self.parts.setdefault(word, set()).add(
                            f"{label}:{'first' if i == 0 else 'in'}"
                        )
        # first words of known names, as plain strings: the per-word test allocates no tuple
        self._firsts: frozenset[str] = frozenset(k[0] for k in self.prefixes if len(k) == 1)
        # word -> its spellings that can start a known name (almost always none)
        self._starts: dict[str, list[str]] = {}

    def _starts_of(self, word: str) -> list[str]:
        out = self._starts.get(word)
        if out is None:
            if len(self._starts) > 500_000:
                self._starts.clear()
            firsts = self._firsts
            out = self._starts[word] = [c for c in candidates(word) if c in firsts]
        return out

    def __len__(self) -> int:
        return len(self.entries)

    def labels_of(self, words: Iterable[str]) -> set[str]:
        """Labels of the phrase spelled by normalized ``words``, empty when unknown."""
        words = list(words)
        for first in candidates(words[0]) if words else []:
            labels = self.entries.get((first, *words[1:]))
            if labels:
                return labels
        return set()

    def parts_of(self, word: str) -> frozenset[str]:
        """Classes of known multi-word names the normalized ``word`` appears in."""
        found: set[str] = set()
        for cand in candidates(word):
            found |= self.parts.get(cand, set())
        return frozenset(found)

    def match(self, words: list[str]) -> list[tuple[str, ...]]:
        """Per normalized token, the gazetteer tags of the longest known names covering it."""
        tags: list[tuple[str, ...]] = [()] * len(words)
        i, n = 0, len(words)
        starts = self._starts
        while i < n:
            firsts = starts.get(words[i])
            if firsts is None:
                firsts = self._starts_of(words[i])
            if not firsts:  # the usual case: no known name starts here
                i += 1
                continue
            best_end, best_labels = i, None
            for first in firsts:
                key: tuple[str, ...] = (first,)
                j = i + 1
                while key in self.prefixes:
                    labels = self.entries.get(key)
                    if labels and j > best_end:
                        best_end, best_labels = j, labels
                    if j >= n:
                        break
                    key = key + (words[j],)
                    j += 1
            if best_labels is None:
                i += 1
                continue
            ordered = sorted(best_labels)
            tags[i] = tuple(f"{lab}:B" for lab in ordered)
            for k in range(i + 1, best_end):
                tags[k] = tuple(f"{lab}:I" for lab in ordered)
            i = best_end
        return tags

    def save(self, path: Path) -> None:
        lines = sorted(
            f"{lab}\t{' '.join(key)}" for key, labs in self.entries.items() for lab in labs
        )
        lines += sorted(f"#{cls}\t{word}" for word, cls in self.vocab.items())
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    @classmethod
    def load(
        cls,
        path: Path,
        words: dict[str, tuple[str, ...]] | None = None,
        clusters: Clusters | None = None,
        vectors: Vectors | None = None,
    ) -> Gazetteer:
        return cls.load_text(path.read_text(encoding="utf-8"), words, clusters, vectors)

    @classmethod
    def load_text(
        cls,
        text: str,
        words: dict[str, tuple[str, ...]] | None = None,
        clusters: Clusters | None = None,
        vectors: Vectors | None = None,
    ) -> Gazetteer:
        entries, vocab = [], {}
        for line in text.splitlines():
            if line:
                label, phrase = line.split("\t", 1)
                if label.startswith("#"):
                    vocab[phrase] = label[1:]
                else:
                    entries.append((label, phrase))
        return cls(entries, vocab, words, clusters, vectors)
