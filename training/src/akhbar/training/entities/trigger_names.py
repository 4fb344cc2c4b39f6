"""Names that unlabelled news writes after a head noun: a gazetteer source from the corpus.

``python -m akhbar.training.entities.trigger_names [--corpus FILE] [--out FILE]``
(``make ner-trigger-names``, training time only).

News names a province by its head noun ("محافظة المنوفية", "بمحافظة كفر الشيخ") and an
organization by its head noun and complement ("مجلس الشورى", "حزب الحرية والعدالة",
"اتحاد الغرف السياحية"); a headline then drops the head ("مظاهرة بالقليوبية", "الشورى
يقر"). ANERcorp's 2007 text holds few of today's provinces, councils and parties, and no
list the project can read offline does: the corpus holds them thousands of times. Read
by rules from word counts, independent of the tagger (so its own errors do not feed back):

- **Places**: the word after an indefinite place head (``PLACE_HEADS``: محافظة, مدينة,
  قرية, إقليم, ولاية; with or without a proclitic, never with the article: "المنطقة
  الشرقية" is an adjective) seen ``MIN_PLACE`` times or more after one, and in at least
  ``MIN_PLACE_SHARE`` of all its occurrences: "المنوفية" follows "محافظة" in one of seven
  (mostly it stands alone: "بالمنوفية"), an adjective or a common noun ("الجديدة",
  "الحدود") almost never. The next word joins when it follows in ``MIN_EXTEND`` of the
  cases ("كفر الشيخ", "شرم الشيخ"), unless it is an -ي adjective (rule 2 of
  ``docs/entities-annotation.md``: "الرمثا الحدودية"); a word nearly always followed by
  one is no place alone ("مدينة الإنتاج الإعلامي"). Words that start many place names
  (``NAME_PREFIXES``: كفر, ميت, نجع ...) are never a place alone; their frequent
  two-word names are.
- **Organizations**: an indefinite organization head (``ORG_HEADS``) and a definite
  complement ("مجلس الشورى"), extended word by word while one continuation follows in
  ``MIN_EXTEND`` of the cases and is definite, a genitive "لل" or "و" + definite ("حزب
  الحرية والعدالة"), kept when seen ``MIN_ORG`` times. A complement mostly followed by
  other definite words starts several names ("منظمة الصحة العالمية"): those are kept,
  and the shorter one too where it often stands alone ("مجلس الأمن" beside "مجلس الأمن
  القومي"). Heads that rule 7 leaves O (ministries, courts, the army) are not heads here;
  complements that make a common noun phrase (``GENERIC``: "مجلس الإدارة", "هيئة الدفاع")
  are dropped; "حركة" (also "traffic") needs two complement words.

Phrases that ANERcorp's train split leaves O more often than it names them are dropped
(``training_o_phrases``): "الغربية" is the western, not the province, in most news, and
the 2007 annotators left some councils O ("مجلس النواب" 10 times, "مجلس الوزراء" 18). The
project's conventions (rule 8) name those councils; the tagger and the list agree with
its training data until the project has labelled data of its own to train on. One-word
places of three letters or fewer without the article are dropped too: "نصر", "تلا" are
common words first.

The list is written to the model folder (``model/trigger_names.tsv``), where ``train``
reads it into the shipped gazetteer and the recognizer tags its names where the model left
them untagged (``recognizer.read_listed``). Only ``egypt-2013`` (Apache-2.0) may feed it;
the list is sorted, so every run writes the same bytes.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akhbar.enrich.entities.clitics import indefinite_head, strip_proclitics
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.triggers import PLACE_NAME_PREFIXES as NAME_PREFIXES

from . import corpora
from .clusters_build import CORPUS_WORD, corpus_path, texts_by_article
from .corpora import MODEL_DIR

OUT = MODEL_DIR / "trigger_names.tsv"

# Normalized head nouns, indefinite (a construct state: the name follows as its genitive).
PLACE_HEADS = frozenset("محافظه مدينه قريه اقليم ولايه".split())
ORG_HEADS = frozenset(
    """حزب حركه جماعه جبهه منظمه هيئه نقابه اتحاد مجلس جمعيه رابطه وكاله مفوضيه معهد
    جامعه نادي نادى ائتلاف تيار بنك مؤسسه صندوق""".split()
)
# Heads that are as often a common noun ("حركة المرور": traffic): a name only with two or
# more complement words ("حركة المقاومة الإسلامية").
WEAK_HEADS = frozenset("حركه".split())
# First complements that make a common noun phrase of an organization head, not a name, or
# that a person's name follows ("جامعة الملك سعود": the prefix is no name).
GENERIC = frozenset(
    """الاداره الامناء الدفاع التحرير المحكمه المدينه النادي الحزب الجماعه الجمعيه
    المجلس الحركه الاعضاء الشعب الدوله العمل المحافظه الكليه المدرسه العموميه
    الطلاب الخبراء العلماء المستشارين الكبار الشباب التدريس المكتب الاتحاد الاغلبيه
    الانتخابات الجامعه النقابه الرئاسه الفحص المرور السير السياحه السيارات القطارات
    الملاحه النقل التجاره الطيران التداول البيع الاسعار الاسواق المياه الشرطه
    الاتصالات الرئيس الكنبه المعارضه الخراب الصداقه الجيش الحكم القضاء الاسره الزكاه
    التاديب القسم العلاقات المحافظين الحوارات الانتخاب التامين التمويل العاملين العلوم
    الامر التحقيق المحلفين الاشراف للاشراف النظافه التنميه المعونه العاصمه المصريين
    القوي المنظمات الدم الثوره التعاون الفضاء التبادل
    الملك الامير الشيخ""".split()
)
# Words that follow a name without being part of it: relatives, times, prepositions.
NOT_NAME_WORDS = frozenset(
    """الذي التي الذين اللذين اللتين اللاتي اليوم الان الاحد الاثنين الثلاثاء الاربعاء
    الخميس الجمعه السبت الماضي المقبل الحالي الجديد السابق التابع التابعه الخاص الخاصه
    المعني المعنيه المختص المختصه امس غدا صباح مساء منذ حيث
    بعد قبل عند خلال حتي ضد الي علي اثناء وسط امام داخل خارج""".split()
)
MIN_PLACE = 20
MIN_PLACE_SHARE = 0.05
MIN_ORG = 20
MIN_EXTEND = 0.6
MAX_WORDS = 5


def _definite(word: str) -> bool:
    """A definite word, a genitive "لل", or "و" and either: "الحرية والعدالة"."""
    if word.startswith("و"):
        word = word[1:]
    return (word.startswith("ال") or word.startswith("لل")) and len(word) > 3


def _joins_name(word: str, adjectives: bool = True) -> bool:
    """Whether ``word`` may continue a name: not a function or time word, a pronoun-suffixed
    noun or a preposition-led word ("كازابلانكا بالساحل"), and, unless ``adjectives``, no
    gentilic or other -ي adjective (rule 2: "الرمثا الحدودية" is a place and an adjective;
    an organization's fixed name keeps its own: "صندوق النقد الدولي")."""
    if len(word) < 3 or word in NOT_NAME_WORDS or word.endswith(("هم", "ها")):
        return False
    if not adjectives and word.endswith(("يه", "ي")):
        return False
    return word.startswith(("ال", "لل", "وال")) or word[0] not in "بلك"


def _bare(word: str) -> str:
    return strip_proclitics(word)[1]


def _count_chunk(articles: list[list[str]]) -> tuple[Counter, Counter, Counter]:
    """(counts of word n-grams after place heads, after organization heads, bare words)."""
    places: Counter = Counter()
    orgs: Counter = Counter()
    bare: Counter = Counter()
    for paragraphs in articles:
        for text in paragraphs:
            words = [normalize(t) for t in CORPUS_WORD.findall(text)]
            n = len(words)
            for i, w in enumerate(words):
                bare[_bare(w)] += 1
                if i + 1 >= n:
                    continue
                if indefinite_head(w, PLACE_HEADS) and not words[i + 1].isdigit():
                    places[(words[i + 1],)] += 1
                    if i + 2 < n:
                        places[(words[i + 1], words[i + 2])] += 1
                elif (head := indefinite_head(w, ORG_HEADS)) and _definite(words[i + 1]):
                    for k in range(2, min(MAX_WORDS, n - i) + 1):
                        orgs[(head, *words[i + 1 : i + k])] += 1
    return places, orgs, bare


def _chunks(path: Path, size: int, limit: int | None):
    batch: list[list[str]] = []
    seen = 0
    for paragraphs in texts_by_article(path):
        batch.append(paragraphs)
        seen += 1
        if len(batch) == size:
            yield batch
            batch = []
        if limit and seen >= limit:
            break
    if batch:
        yield batch


def count(path: Path, jobs: int = 2, limit: int | None = None) -> tuple[Counter, Counter, Counter]:
    places: Counter = Counter()
    orgs: Counter = Counter()
    bare: Counter = Counter()
    with ProcessPoolExecutor(jobs) as pool:
        for p, o, b in pool.map(_count_chunk, _chunks(path, 2000, limit)):
            places.update(p)
            orgs.update(o)
            bare.update(b)
    return places, orgs, bare


def _continuations(grams: Counter) -> dict[tuple[str, ...], Counter]:
    """Each counted n-gram's one-word-longer n-grams, by prefix."""
    by_prefix: dict[tuple[str, ...], Counter] = {}
    for gram, n in grams.items():
        by_prefix.setdefault(gram[:-1], Counter())[gram] = n
    return by_prefix


def _extend(name: tuple[str, ...], grams: Counter, nexts: dict, definite: bool) -> tuple[str, ...]:
    """``name`` grown by the word that follows it in ``MIN_EXTEND`` of its occurrences
    (a definite or "لل" word only, when ``definite``)."""
    while name in nexts:
        longer, m = nexts[name].most_common(1)[0]
        if m < MIN_EXTEND * grams[name] or not _joins_name(longer[-1], adjectives=definite):
            break
        if definite and not _definite(longer[-1]):
            break
        name = longer
    return name


def _joined_share(name: tuple[str, ...], grams: Counter, nexts: dict) -> float:
    """The share of ``name``'s occurrences that go on with a definite word that may join
    a name (an organization's complement): how often it is the start of a longer name."""
    joined = sum(
        m for g, m in nexts.get(name, Counter()).items() if _joins_name(g[-1]) and _definite(g[-1])
    )
    return joined / grams[name]


def o_phrase_key(words) -> tuple[str, ...]:
    """A phrase as the O-phrase test compares it: its first word without clitics or article."""
    words = list(words)
    return (_bare(words[0]), *words[1:])


def training_o_phrases(sentences) -> frozenset[tuple[str, ...]]:
    """Phrases of up to ``MAX_WORDS`` words that labelled ``sentences`` (tokens, BIO tags)
    leave O more often than they tag them as one whole name, and three times or more."""
    o_count: Counter = Counter()
    named: Counter = Counter()
    for tokens, tags in sentences:
        words = [normalize(t) for t in tokens]
        for i in range(len(words)):
            for k in range(1, MAX_WORDS + 1):
                if i + k > len(words):
                    break
                key = o_phrase_key(words[i : i + k])
                span = tags[i : i + k]
                if all(t == "O" for t in span):
                    o_count[key] += 1
                elif span[0].startswith("B-") and (
                    i + k == len(tags) or not tags[i + k].startswith("I-")
                ):
                    if all(t.startswith("I-") for t in span[1:]):
                        named[key] += 1
    return frozenset(k for k, n in o_count.items() if n >= 3 and n > named[k])


def select(
    places: Counter, orgs: Counter, bare: Counter, o_phrases: frozenset = frozenset()
) -> list[tuple[str, str]]:
    """(label, phrase) of the names the rules in the module doc keep, sorted; ``o_phrases``
    (``training_o_phrases``) are left out: the tagger's training data calls them common
    words, and a list that says otherwise costs more than it brings."""
    out: set[tuple[str, str]] = set()
    nexts = _continuations(places)
    for gram, n in places.items():
        if len(gram) != 1 or n < MIN_PLACE or len(gram[0]) < 3:
            continue
        if n < MIN_PLACE_SHARE * bare.get(_bare(gram[0]), n):
            continue
        name = _extend(gram, places, nexts, definite=False)
        if name in nexts:
            longer, m = nexts[name].most_common(1)[0]
            if m >= MIN_EXTEND * places[name] and _joins_name(longer[-1]):
                continue  # nearly always goes on with an adjective: "مدينة الإنتاج الإعلامي"
        if len(name) == 1 and gram[0] in NAME_PREFIXES:
            # the whole names this word starts: each seen often enough on its own
            for longer, m in nexts.get(gram, Counter()).items():
                if m >= MIN_PLACE and _joins_name(longer[-1], adjectives=False):
                    out.add(("LOC", " ".join(longer)))
            continue
        if len(name) == 1 and len(name[0]) <= 3:
            continue  # "نصر", "تلا": a short word without the article is a common word first
        out.add(("LOC", " ".join(name)))
    nexts = _continuations(orgs)
    todo = [g for g, n in orgs.items() if len(g) == 2 and n >= MIN_ORG and g[1] not in GENERIC]
    while todo:
        name = _extend(todo.pop(), orgs, nexts, definite=True)
        joined = _joined_share(name, orgs, nexts)
        if joined >= 0.5:
            # the start of several longer names ("منظمة الصحة" of "منظمة الصحة العالمية"):
            # those, each seen often enough, and itself only when often a name alone
            # ("مجلس الأمن" beside "مجلس الأمن القومي")
            todo += [
                g
                for g, m in nexts[name].items()
                if m >= MIN_ORG and _joins_name(g[-1]) and _definite(g[-1])
            ]
            if joined > 0.7 or (1 - joined) * orgs[name] < MIN_ORG:
                continue
        if name[0] in WEAK_HEADS and len(name) < 3:
            continue
        out.add(("ORG", " ".join(name)))
    return sorted((lab, p) for lab, p in out if o_phrase_key(p.split()) not in o_phrases)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", help="corpus file (default ../shared/data/corpus/egypt-2013.jsonl.gz)"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, help="read the first N articles only")
    args = ap.parse_args(argv)
    t0 = time.time()
    places, orgs, bare = count(corpus_path(args.corpus), args.jobs, args.limit)
    names = select(
        places,
        orgs,
        bare,
        training_o_phrases(corpora.read_anercorp(corpora.data_dir() / corpora.ANERCORP_TRAIN)),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{lab}\t{p}\n" for lab, p in names), encoding="utf-8")
    per = Counter(lab for lab, _ in names)
    print(
        f"{len(names)} names {dict(sorted(per.items()))} in {time.time() - t0:.0f}s -> {args.out}"
    )


if __name__ == "__main__":
    main()
