"""French date and time expressions: ``find_dates_fr(text, ref)``.

Same contract as the Arabic ``find_dates``: mentions in text order, never overlapping,
``text[start:end] == mention.text``, values and kinds in the same forms (``date``
YYYY-MM-DD, ``range`` start/end inclusive, ``month`` YYYY-MM, ``year`` YYYY, ``relative``
in the form of what it resolves to, ``weekday``, ``time`` HH:MM), resolved against the
publication date with the Arabic extractor's helpers (``resolve.py``), so a French "jeudi
dernier" and an Arabic "الخميس الماضي" are the same day.

Each rule is one regex over the text (case-insensitive); candidates are settled longest
first like the Arabic ones. Month and weekday names come from ``akhbar.shared.months``.
Conventions (also those of the annotated set, tests/data/dates/french.jsonl): an article
or preposition before a date ("le", "du", "en") stays out of the span, a weekday and a
direction word ("dernier", "prochain") are in it; durations count from the publication
date only ("il y a deux jours"), never from another event ("deux jours après le vote").
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates.resolve import (
    CURRENT,
    DAY,
    FUTURE,
    MONTH,
    NEAREST,
    PAST,
    WEEK,
    YEAR,
    add_units,
    pick_day,
    pick_month_year,
    safe_date,
    week_span,
    weekday_date,
)
from akhbar.shared.months import FRENCH_MONTH_NAMES, FRENCH_WEEKDAYS
from akhbar.shared.schemas import DateMention

Found = tuple[int, int, str, str]  # start, end, kind, value


def _alternation(words) -> str:
    # Longest first so "septembre" is not read as "sept"; an abbreviation may take a dot.
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _fold(word: str) -> str:
    return word.lower().replace("é", "e").replace("û", "u").replace("è", "e").rstrip(".")


_MONTHS = {_fold(n): m for m, names in FRENCH_MONTH_NAMES.items() for n in names}
_WEEKDAYS = {w: i for i, w in enumerate(FRENCH_WEEKDAYS)}

_ABBREVIATIONS = [n for names in FRENCH_MONTH_NAMES.values() for n in names if len(n) < len(names[0])]
_WORDS = [n for names in FRENCH_MONTH_NAMES.values() for n in names if n not in _ABBREVIATIONS]
# An abbreviation ("nov.", "déc.") may take its dot; a full name ending a sentence may not.
MONTH_RE = f"(?:(?:{_alternation(_WORDS)})(?!\\w)|(?:{_alternation(_ABBREVIATIONS)})\\.?)"
WEEKDAY = f"(?:{_alternation(FRENCH_WEEKDAYS)})"

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100,
}  # fmt: skip
COUNT = f"(?:\\d{{1,3}}|{_alternation(_NUMBER_WORDS)})"

_PAST_WORDS = ("dernier", "dernière", "derniere", "passé", "passée", "passe", "passee")
_FUTURE_WORDS = ("prochain", "prochaine", "à venir", "a venir", "suivant", "suivante")
_CURRENT_WORDS = ("en cours", "courant")
DIRECTION = f"(?:{_alternation(_PAST_WORDS + _FUTURE_WORDS)})"

_B = r"(?<![\w-])"  # a word starts here
_E = r"(?![\w])"  # and ends here

DAY_RE = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:er|ᵉʳ|e)?"
DAY_OR_FIRST = rf"(?:{DAY_RE}|(?P<first>premier))"
YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"

# "jeudi 27 novembre 2025", "le 4 décembre prochain", "1er janvier", "27 nov. 2025"
_FULL_DATE = re.compile(
    rf"{_B}(?:(?P<wd>{WEEKDAY})\s+)?{DAY_OR_FIRST}\s+(?P<month>{MONTH_RE})"
    rf"(?:\s*,?\s+{YEAR_RE}{_E}|\s+(?P<mod>{DIRECTION}){_E})?",
    re.I,
)
# "du 3 au 5 juin 2025", "entre le 24 et le 27 novembre", "les 4 et 5 décembre"
_DAY_RANGE = re.compile(
    rf"{_B}(?:(?P<intro>du|entre\s+le|entre|les)\s+)(?:{WEEKDAY}\s+)?(?P<d1>[12]\d|3[01]|0?[1-9])"
    rf"(?:er)?(?:\s+(?P<m1>{MONTH_RE}))?(?:\s+(?P<y1>(?:19|20)\d\d))?"
    rf"\s+(?:au|et\s+le|et|-|–)\s+(?:{WEEKDAY}\s+)?(?P<d2>[12]\d|3[01]|0?[1-9])(?:er)?"
    rf"\s+(?P<m2>{MONTH_RE})(?:\s+(?P<y2>(?:19|20)\d\d))?{_E}",
    re.I,
)
# "27/11/2025", "27-11-2025", "27.11.2025", "2025-11-27"
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\d/.-]?\d)"
)
# "mi-janvier", "début mars", "fin décembre 2025", "novembre dernier", "en mai", "mars 2024"
_MONTH = re.compile(
    rf"{_B}(?:(?P<part>mi-|mi\s|début\s+|debut\s+|fin\s+|courant\s+|en\s+|depuis\s+|"
    rf"dès\s+|jusqu'en\s+|jusqu’en\s+|mois\s+de\s+|mois\s+d['’])\s*)?(?P<month>{MONTH_RE})"
    rf"(?:\s+{YEAR_RE}{_E}|\s+(?P<mod>{DIRECTION}){_E})?(?!\w)",
    re.I,
)
# "en 2025", "depuis 2011", "l'année 2024", "fin 2025", "d'ici 2030", "horizon 2030"
_YEAR = re.compile(
    rf"{_B}(?:en|depuis|dès|l['’]année|l['’]an|année|fin|début|d['’]ici|à\s+l['’]horizon|"
    rf"horizon|jusqu['’]en|avant|après|printemps|été|automne|hiver|à\s+partir\s+de|"
    rf"loi\s+de\s+finances|budget|exercice|saison|vision|plan|courant)\s+"
    rf"(?P<year>(?:1[89]|20)\d\d)(?![\d,.]\d)",
    re.I,
)
_RELATIVE_DAY = re.compile(
    r"(?<![\w-])(?:(?P<a>avant-hier|avant\s+hier|après-demain|apres-demain|après\s+demain|"
    r"aujourd['’]hui|hier|demain)(?:\s+(?:matin|soir|après-midi|midi))?"
    r"|(?P<b>ce\s+matin|ce\s+soir|cet\s+après-midi|cette\s+nuit))(?!\w)",
    re.I,
)
_RELATIVE_DAY_OFFSET = {
    "avant-hier": -2, "avant hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0,
    "demain": 1, "après-demain": 2, "apres-demain": 2, "après demain": 2,
}  # fmt: skip
# "jeudi dernier", "mardi prochain", "ce jeudi", bare "jeudi"
_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<this>ce)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<mod>{DIRECTION}))?{_E}", re.I
)
# "la semaine dernière", "le mois prochain", "l'an dernier", "cette année", "ce mois-ci"
_PERIOD = re.compile(
    rf"{_B}(?:(?:la|le|l['’])\s*(?P<unit>semaine|mois|année|annee|an)\s+(?P<mod>{DIRECTION}|"
    rf"en\s+cours|courante?){_E}|(?P<this>cette|ce|cet)\s+(?P<unit2>semaine|mois|année|an)"
    rf"(?:-ci)?{_E})",
    re.I,
)
# "le week-end dernier", "ce week-end", "le week-end prochain": Saturday and Sunday
_WEEKEND = re.compile(
    rf"{_B}(?:(?:le|ce)\s+)?week-?end(?:\s+(?P<mod>{DIRECTION}))?{_E}", re.I
)
# "il y a deux jours", "dans trois semaines", "depuis cinq ans"
_DURATION = re.compile(
    rf"{_B}(?P<prep>il\s+y\s+a|dans|depuis|voici)\s+(?P<count>{COUNT})\s+"
    rf"(?P<unit>jours?|semaines?|mois|ans?|années?|annees?){_E}",
    re.I,
)
# "14h30", "14 h 30", "9h", "10:30", "à 9 heures"
_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])\s?(?:h|H|:)\s?(?P<m>[0-5]\d)?(?![\d])"
    r"|(?<![\w])(?:à|a|vers)\s+(?P<h2>[01]?\d|2[0-3])\s+heures?(?:\s+(?P<m2>[0-5]\d))?(?!\w)"
    r"|(?<![\w-])(?P<noon>minuit|midi)(?![\w-])",
    re.I,
)

_UNITS = {
    "jour": DAY, "jours": DAY, "semaine": WEEK, "semaines": WEEK, "mois": MONTH, "an": YEAR,
    "ans": YEAR, "annee": YEAR, "annees": YEAR, "année": YEAR, "années": YEAR,
}  # fmt: skip

# Verbs in the future or about to happen: a bare weekday or a yearless day looks ahead.
_AHEAD = re.compile(
    r"\b(?:\w+(?:era|eront|ira|iront|ra|ront)|sera|seront|aura|auront|va|vont|doit|doivent|"
    r"devrait|devraient|prévu|prévue|prévus|prévues|attendu|attendue|attendus|attendues|"
    r"annoncée|annoncées|à\s+partir\s+de|aura\s+lieu|se\s+tiendra)\b",
    re.I,
)


def _direction(mod: str | None) -> int | None:
    if mod is None:
        return None
    mod = " ".join(mod.lower().split())
    if mod in _PAST_WORDS:
        return PAST
    if mod in _FUTURE_WORDS:
        return FUTURE
    if mod in _CURRENT_WORDS or mod.startswith("courant") or mod == "en cours":
        return CURRENT
    return None


def _sentence_direction(text: str, start: int, end: int) -> int:
    """FUTURE when the clause around the mention speaks of what is to come, else NEAREST."""
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    right = min(i for i in (text.find(".", end), text.find(";", end), len(text)) if i >= 0)
    return FUTURE if _AHEAD.search(text[left:start] + " " + text[end:right]) else NEAREST


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _month_of(name: str | None) -> int | None:
    return _MONTHS.get(_fold(name)) if name else None


def _full_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    day = 1 if m.group("first") else int(m.group("day"))
    month = _month_of(m.group("month"))
    if month is None:
        return None
    if m.group("year"):
        date = safe_date(int(m.group("year")), month, day)
    else:
        direction = _direction(m.group("mod"))
        wd = m.group("wd")
        if direction is None and wd is not None:
            # "jeudi 27 novembre": the year whose 27 November is a Thursday, nearest first.
            weekday = _WEEKDAYS[wd.lower()]
            fits = [
                d
                for y in (ref.year, ref.year - 1, ref.year + 1)
                if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday
            ]
            if fits:
                return m.start(), m.end(), "date", fits[0].isoformat()
        if direction is None:
            direction = _sentence_direction(text, m.start(), m.end())
        date = pick_day(month, day, ref, direction)
    return (m.start(), m.end(), "date", date.isoformat()) if date else None


def _day_range(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    m2 = _month_of(m.group("m2"))
    m1 = _month_of(m.group("m1")) or m2
    if m1 is None or m2 is None:
        return None
    y2 = int(m.group("y2")) if m.group("y2") else None
    y1 = int(m.group("y1")) if m.group("y1") else None
    if y2 is None:
        end = pick_day(m2, int(m.group("d2")), ref, _sentence_direction(text, m.start(), m.end()))
        if end is None:
            return None
        y2 = end.year
    if y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    first, last = safe_date(y1, m1, int(m.group("d1"))), safe_date(y2, m2, int(m.group("d2")))
    if first is None or last is None or last < first:
        return None
    start = m.start("d1") if m.group("intro").lower() == "les" else m.start()
    if m.group("intro").lower() != "les":
        start = m.start() + len(m.group("intro").split()[0]) + 1  # "du" / "entre" stay out
    return start, m.end(), "range", f"{first.isoformat()}/{last.isoformat()}"


def _numeric(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("y") is not None:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    date = safe_date(y, mo, d) if 1 <= mo <= 12 else None
    return (m.start(), m.end(), "date", date.isoformat()) if date else None


def _month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = _month_of(m.group("month"))
    part = (m.group("part") or "").strip().lower()
    if month is None:
        return None
    if not part and not m.group("year") and not m.group("mod"):
        return None  # a bare "mars" or "mai" is as often a planet or a name as a month
    if part in ("depuis", "dès", "en", "jusqu'en", "jusqu’en") and m.group("month")[-1] == ".":
        return None
    if m.group("year"):
        year = int(m.group("year"))
    else:
        direction = _direction(m.group("mod"))
        if direction is None:
            direction = _sentence_direction(text, m.start(), m.end())
        year = pick_month_year(month, ref, direction)
    start = m.start()
    if part in ("en", "depuis", "dès", "jusqu'en", "jusqu’en", "mois de", "mois d'", "mois d’"):
        start = m.start("month")  # the preposition is not part of the date
    return start, m.end(), "month", f"{year:04d}-{month:02d}"


def _year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    word = text[m.start() : m.start("year")].strip().lower()
    start = m.start("year") if word in ("en", "depuis", "dès", "avant", "après") else m.start()
    return start, m.end(), "year", m.group("year")


def _relative_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("b"):
        return m.start(), m.end(), "relative", ref.isoformat()
    word = " ".join(m.group("a").lower().split())
    offset = _RELATIVE_DAY_OFFSET.get(word)
    if offset is None:
        return None
    return m.start(), m.end(), "relative", (ref + dt.timedelta(days=offset)).isoformat()


def _weekday(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    weekday = _WEEKDAYS[m.group("wd").lower()]
    direction = _direction(m.group("mod"))
    if direction is not None:
        return m.start(), m.end(), "relative", weekday_date(weekday, ref, direction).isoformat()
    if m.group("this"):
        day = weekday_date(weekday, ref, NEAREST)
        return m.start(), m.end(), "relative", day.isoformat()
    if weekday == ref.weekday():
        day = ref
    elif _sentence_direction(text, m.start(), m.end()) == FUTURE:
        day = weekday_date(weekday, ref, FUTURE)
    else:
        day = weekday_date(weekday, ref, PAST)
    return m.start(), m.end(), "weekday", day.isoformat()


def _period(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    unit = (m.group("unit") or m.group("unit2")).lower()
    if m.group("this"):
        step = 0
    else:
        direction = _direction(m.group("mod"))
        if direction is None and (m.group("mod") or "").lower().startswith("courant"):
            direction = CURRENT
        step = {PAST: -1, FUTURE: 1, CURRENT: 0, None: 0}[direction]
    if unit == "semaine":
        monday, sunday = week_span(ref + dt.timedelta(days=7 * step))
        value = f"{monday.isoformat()}/{sunday.isoformat()}"
    elif unit == "mois":
        day = add_units(ref, MONTH, step)
        if day is None:
            return None
        value = f"{day.year:04d}-{day.month:02d}"
    else:
        value = f"{ref.year + step:04d}"
    return m.start(), m.end(), "relative", value


def _weekend(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    direction = _direction(m.group("mod"))
    if direction is None and not m.group().lower().startswith("ce"):
        return None  # "un week-end", "le week-end" with no direction: no particular one
    saturday = weekday_date(5, ref, CURRENT)  # the Saturday of ref's Monday-Sunday week
    if direction == PAST and saturday >= ref:
        saturday -= dt.timedelta(days=7)
    elif direction == FUTURE and saturday <= ref:
        saturday += dt.timedelta(days=7)
    sunday = saturday + dt.timedelta(days=1)
    return m.start(), m.end(), "relative", f"{saturday.isoformat()}/{sunday.isoformat()}"


def _duration(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    count = _count(m.group("count"))
    unit = _UNITS.get(m.group("unit").lower())
    if count is None or unit is None:
        return None
    prep = " ".join(m.group("prep").lower().split())
    sign = 1 if prep == "dans" else -1
    day = add_units(ref, unit, sign * count)
    if day is None:
        return None
    if unit in (DAY, WEEK):
        value = day.isoformat()
    elif unit == MONTH:
        value = f"{day.year:04d}-{day.month:02d}"
    else:
        value = f"{day.year:04d}"
    return m.start(), m.end(), "relative", value


def _time(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("noon"):
        return m.start(), m.end(), "time", "00:00" if m.group("noon").lower() == "minuit" else "12:00"
    hour = m.group("h") if m.group("h") is not None else m.group("h2")
    minute = m.group("m") if m.group("h") is not None else m.group("m2")
    if m.group("h") is not None and ":" in m.group() and minute is None:
        return None  # "article 15 :" is no time
    start = m.start() if m.group("h") is not None else m.start("h2")
    return start, m.end(), "time", f"{int(hour):02d}:{int(minute or 0):02d}"


# Rank breaks ties between candidates of equal length: the more specific rule first.
_RULES = (
    (_DAY_RANGE, _day_range),
    (_FULL_DATE, _full_date),
    (_NUMERIC, _numeric),
    (_DURATION, _duration),
    (_PERIOD, _period),
    (_WEEKEND, _weekend),
    (_RELATIVE_DAY, _relative_day),
    (_WEEKDAY, _weekday),
    (_MONTH, _month),
    (_YEAR, _year),
    (_TIME, _time),
)


def find_dates_fr(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """Every French date/time expression in ``text``, resolved against ``ref`` (None: today)."""
    if ref is None:
        ref = dt.date.today()
    elif isinstance(ref, dt.datetime):
        ref = ref.date()
    candidates: list[tuple[int, Found]] = []
    for rank, (pattern, build) in enumerate(_RULES):
        for m in pattern.finditer(text):
            found = build(m, text, ref)
            if found is not None and found[0] < found[1]:
                candidates.append((rank, found))
    kept: list[Found] = []
    for _, found in sorted(candidates, key=lambda c: (c[1][0] - c[1][1], c[0], c[1][0])):
        if all(found[1] <= k[0] or found[0] >= k[1] for k in kept):
            kept.append(found)
    return [
        DateMention(text=text[s:e], start=s, end=e, kind=kind, value=value)
        for s, e, kind, value in sorted(kept)
    ]
