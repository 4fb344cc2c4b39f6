"""Sample real news sentences for the corpus date evaluation set (issue #15).

Streams the two gzip JSONL corpora in ../shared/data/corpus, splits article bodies into
sentences, and draws with a fixed seed:
- sentences that hold any date trigger (a broad regex, below), from both corpora, roughly in
  proportion to their size but at least ``--min-saudi`` from saudi-2015;
- negatives: sentences with no trigger at all, most of them holding digits or number-like
  words (amounts, counts, ordinals) so that they test what an extractor must refuse.

It writes the unannotated sample split two thirds / one third into dev and test files; the
annotator adds ``expected`` by hand. The trigger regex is deliberately broader than what a
date extractor should accept: it only decides which pool a sentence falls into.

Plain Python, standard library only; the same seed and corpus give the same sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import tempfile
from pathlib import Path

CORPORA = ("egypt-2013", "saudi-2015")
A = "[اأإآ]"  # alef with or without hamza, as news text spells it loosely
Y = "[يى]"
H = "[هة]"
WB = r"(?<![\u0621-\u064A])"  # no Arabic letter before (clitics are listed explicitly)
WE = r"(?![\u0621-\u064A])"
CLITIC = "(?:[وفبلك]|لل|ول|وب|فب|وال|بال|لل|فال|كال|ال)?"

MONTHS = [
    # Egypt / Gulf
    f"ين{A}ير",
    "فبر[اي]ير",
    "مارس",
    f"{A}بريل",
    "مايو",
    "يوني[وه]",
    "يولي[وه]",
    f"{A}غسطس",
    "سبتمبر",
    f"{A}كتوبر",
    "نوفمبر",
    "ديسمبر",
    # Levant / Iraq
    "كانون",
    "شباط",
    f"{A}ذار",
    "نيسان",
    f"{A}يار",
    "حزيران",
    "تموز",
    "آب",
    f"{A}يلول",
    "تشرين",
    # Morocco, Algeria, Tunisia, Mauritania
    "ماي",
    "يوليوز",
    "غشت",
    "شتنبر",
    "نونبر",
    "دجنبر",
    "جانفي",
    "فيفري",
    f"{A}فريل",
    "جوان",
    "جويلي[ةه]",
    f"{A}وت",
    # Hijri
    "محرم",
    "صفر",
    "ربيع",
    "جماد[ىي]",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    f"ذ[وي] ال?قعد{H}",
    f"ذ[وي] ال?حج{H}",
]
WEEKDAYS = ["سبت", f"{A}حد", f"{A}ثنين", "ثلاثاء", f"{A}ربعاء", "خميس", "جمع[ةه]"]
DAY_WORDS = ["اليوم", "لليوم", f"{A}مس", "غد[اًا]?", "البارح[ةه]", "الليل[ةه]"]
PERIODS = [
    f"{A}سبوع",
    "شهر",
    "عام",
    "سن[ةه]",
    f"{A}يام",
    f"{A}سابيع",
    f"{A}شهر",
    "شهور",
    f"{A}عوام",
    "سنوات",
    "سنين",
    "عقد",
]
# Egyptian text often writes final yaa as alef maqsura ("الماضى", "الحالى")
DIRECTIONS = [
    f"ماض{Y}",
    "منصرم",
    "فائت",
    "فارط",
    "قادم",
    "مقبل",
    f"جار{Y}",
    f"حال{Y}",
    f"{A}خير",
    "سابق",
    f"تال{Y}",
    f"منقض{Y}",
]
UNITS = [
    f"{A}سبوع",
    f"{A}سبوعين",
    f"{A}سابيع",
    "يوم",
    "يومين",
    f"{A}يام",
    "شهر",
    "شهرين",
    f"{A}شهر",
    "شهور",
    "سن[ةه]",
    "سنتين",
    "سنوات",
    "سنين",
    "عام",
    "عامين",
    f"{A}عوام",
    "ساع[ةه]",
    "ساعتين",
    "ساعات",
    "دقيق[ةه]",
    "دقائق",
    "عقد",
    "عقدين",
    "عقود",
]
PARTS = [
    "الساع[ةه]",
    "صباح[اًا]?",
    "مساء[ًا]?",
    "ظهر[اًا]?",
    "عصر[اًا]?",
    "فجر[اًا]?",
    "ليل[اًا]",
    "الزوال",
    "منتصف الليل",
]


def _words(words: list[str], suffix: str = "") -> str:
    return "|".join(f"(?:{w}){suffix}" for w in words)


D = r"[0-9٠-٩۰-۹]"
TRIGGER = re.compile(
    "|".join(
        [
            # any month name, Gregorian (every regional set) or Hijri
            rf"{WB}{CLITIC}(?:{_words(MONTHS)}){WE}",
            # weekday names, with the article or after يوم
            # (with the article: a bare "أحد" is "one", "جمعة" a given name)
            rf"{WB}(?:[وفبك]?ال|[وف]?لل)(?:{_words(WEEKDAYS)}){WE}",
            rf"{WB}{CLITIC}يوم\s+(?:{_words(WEEKDAYS)}){WE}",
            # today, yesterday, tomorrow, last night
            rf"{WB}{CLITIC}(?:{_words(DAY_WORDS)}){WE}",
            # a period word with a direction word ("العام الماضي", "الأيام المقبلة")
            rf"{WB}{CLITIC}(?:{_words(PERIODS)})\s+(?:\S+\s+)?ال(?:{_words(DIRECTIONS)})[ةه]?{WE}",
            rf"{WB}(?:هذا|هذه)\s+ال(?:{_words(PERIODS)}){WE}",
            rf"{WB}(?:عام|شهر|سنت|أسبوع)نا{WE}",
            # before/since/after/within + a count + a unit ("منذ ثلاثة أيام", "بعد أسبوعين")
            rf"{WB}[وف]?(?:قبل|منذ|مذ|بعد|خلال|طوال|لمدة|مدة)\s+(?:\S+\s+){{0,2}}"
            rf"(?:{_words(UNITS)}){WE}",
            # clock and parts of the day
            rf"{WB}{CLITIC}(?:{_words(PARTS)}){WE}",
            # a year-like four-digit number (Gregorian 1900-2099, Hijri 1400-1450)
            rf"(?<!{D})(?:19|20){D}{D}(?!{D})",
            rf"(?<!{D})(?:14[0-4]{D}|1450)(?!{D})",
            # numeric dates and clock times with any separator
            rf"(?<!{D}){D}{{1,4}}\s*[/\-.]\s*{D}{{1,2}}\s*[/\-.]\s*{D}{{1,4}}",
            rf"(?<!{D}){D}{{1,2}}:{D}{{2}}(?!{D})",
        ]
    )
)

# What makes a negative worth having: digits, or number and ordinal words an extractor could
# take for a day, a month or a year.
LOOKALIKE = re.compile(
    rf"{D}|{WB}{CLITIC}(?:{A}لف|{A}لاف|مليون|ملايين|مليار|ثلاث|{A}ربع|خمس|ست|سبع|ثمان|تسع|عشر|"
    rf"عشرين|ثلاثين|{A}ول|{A}ولى|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|العام|"
    rf"المرة|المركز|الدور[ةه]|الجول[ةه]|رقم|بالمئ[ةه]|المائة|المئة)[ةه]?{WE}"
)

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sentences(body: list[str]):
    """Sentences of an article: paragraphs split after . ! ? ؟ (not inside 2.5 or 27.11)."""
    for paragraph in body:
        for piece in SENTENCE_END.split(paragraph):
            piece = " ".join(piece.split())
            if piece:
                yield piece


def articles(corpus_dir: Path, corpus: str):
    with gzip.open(corpus_dir / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def pools(corpus_dir: Path, corpus: str, rate: float, rng: random.Random):
    """Candidate sentences of a random share of the articles, one per article and pool."""
    trigger, lookalike, plain = [], [], []
    for article in articles(corpus_dir, corpus):
        if rng.random() >= rate:
            continue
        ref = article["fetched"][:10]
        found = {"t": [], "l": [], "p": []}
        for text in sentences(article.get("body") or []):
            if not 6 <= len(text.split()) <= 60:
                continue
            key = "t" if TRIGGER.search(text) else "l" if LOOKALIKE.search(text) else "p"
            found[key].append(text)
        for key, pool in (("t", trigger), ("l", lookalike), ("p", plain)):
            if found[key]:
                text = rng.choice(found[key])
                pool.append(
                    {"text": text, "ref": ref, "outlet": article["outlet"], "corpus": corpus}
                )
    return trigger, lookalike, plain


def draw(pool: list[dict], n: int, seen: set[str], rng: random.Random) -> list[dict]:
    """n cases from a pool, skipping texts already drawn (syndicated copies repeat)."""
    rng.shuffle(pool)
    out = []
    for case in pool:
        if len(out) == n:
            break
        if case["text"] not in seen:
            seen.add(case["text"])
            out.append(case)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=Path("../shared/data/corpus"))
    # unannotated corpus text stays out of the repository: the annotated cases are committed
    parser.add_argument(
        "--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "akhbar-dates-sample"
    )
    parser.add_argument("--seed", type=int, default=20261204)
    # egypt-2013 holds about three quarters of the words; saudi-2015 gets at least 150
    parser.add_argument(
        "--trigger", type=int, nargs=2, default=(470, 170), metavar=("EGYPT", "SAUDI")
    )
    parser.add_argument("--lookalike", type=int, nargs=2, default=(90, 30))
    parser.add_argument("--plain", type=int, nargs=2, default=(30, 10))
    # share of articles read: enough candidates for the draw, a fraction of the reading time
    parser.add_argument("--rates", type=float, nargs=2, default=(0.02, 0.04))
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seen: set[str] = set()
    cases = []
    for i, corpus in enumerate(CORPORA):
        trigger, lookalike, plain = pools(args.corpus_dir, corpus, args.rates[i], rng)
        for pool, counts, tag in (
            (trigger, args.trigger, "trigger"),
            (lookalike, args.lookalike, "lookalike"),
            (plain, args.plain, "plain"),
        ):
            drawn = draw(pool, counts[i], seen, rng)
            if len(drawn) < counts[i]:
                raise SystemExit(f"{corpus}: only {len(drawn)} {tag} sentences, raise --rates")
            for case in drawn:
                case["pool"] = tag
            cases += drawn
    rng.shuffle(cases)
    n_dev = round(len(cases) * 2 / 3)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, part, first in (("dev", cases[:n_dev], 1), ("test", cases[n_dev:], 10001)):
        with (args.out_dir / f"corpus_{name}.sample.jsonl").open("w", encoding="utf-8") as out:
            for i, case in enumerate(part, first):
                row = {
                    "id": i,
                    "text": case["text"],
                    "ref": case["ref"],
                    "src": f"corpus:{case['corpus']}:{case['outlet']}",
                    "pool": case["pool"],
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(part))


if __name__ == "__main__":
    main()
