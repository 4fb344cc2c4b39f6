"""Hypothesis strategies for news pages written on the fly: prose paragraphs in Arabic or
French, full dates in the forms outlets print, and HTML or plain-text page layouts.

The vocabularies hold content words only (no glue words, no widget or byline words), so a
generated sentence is prose by construction and a test can ask the parser to keep it.
"""

from __future__ import annotations

from html import escape

from hypothesis import strategies as st

AR_WORDS = (
    "الحكومة أعلنت خطة جديدة لدعم المزارعين المتضررين الجفاف وزير الفلاحة أكد المشروع يشمل "
    "القرى الجبلية الشمالية الميزانية المخصصة تبلغ مليار درهم البرلمان صادق القانون الإطار "
    "الإصلاح الضريبي المجلس الوزاري الاتفاقيات الدولية المناصب العليا الدستور رئيس الحكومة "
    "المحافظ تفقد أعمال تطوير الطريق الدائري الشركة المنفذة نسب الإنجاز المواطنين الزحام"
).split()
FR_WORDS = (
    "gouvernement annonce nouveau plan soutien agriculteurs touchés sécheresse ministre "
    "affirme projet concerne villages montagne budget prévu atteint milliard dirhams "
    "parlement adopté réforme fiscale conseil accords internationaux postes constitution "
    "port conteneurs record trafic direction hausse terminaux routes maritimes investissements"
).split()
AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "نونبر", "دجنبر", "شباط", "آب")
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "novembre")
AR_WEEKDAYS = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def full_dates(draw, language: str) -> str:
    """A full date as printed: weekday and month name, or numeric with one separator."""
    day = draw(st.integers(1, 28))
    year = draw(st.integers(1995, 2030))
    month = draw(st.integers(1, 12))
    form = draw(st.sampled_from(("named", "weekday", "numeric")))
    if form == "numeric":
        sep = draw(st.sampled_from(("/", " - ", ".")))
        text = f"{day}{sep}{month}{sep}{year}"
        if language == "ar" and draw(st.booleans()):
            text = text.translate(_EASTERN)
        return text
    months = AR_MONTHS if language == "ar" else FR_MONTHS
    name = draw(st.sampled_from(months))
    text = f"{day} {name} {year}"
    if form == "weekday":
        weekdays = AR_WEEKDAYS if language == "ar" else FR_WEEKDAYS
        text = f"{draw(st.sampled_from(weekdays))} {text}"
    return text


@st.composite
def sentences(draw, language: str, min_words: int = 6, max_words: int = 30) -> str:
    """One sentence of content words (at least ``min_words``: a lede, not a caption)."""
    vocabulary = AR_WORDS if language == "ar" else FR_WORDS
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=min_words, max_size=max_words))
    text = " ".join(words)
    if language == "fr":
        text = text[0].upper() + text[1:]
    return text + "."


@st.composite
def dated_sentences(draw, language: str) -> str:
    """A sentence with a full date at a random word position ("... يوم الخميس 27 نونبر 2025 ..."),
    with at least four other words: short, but a sentence and not a dateline."""
    words = draw(sentences(language, min_words=4)).split(" ")
    at = draw(st.integers(0, len(words)))
    lead = ("يوم" if language == "ar" else "le") if 0 < at else ""
    date = f"{lead} {draw(full_dates(language))}".strip()
    return " ".join([*words[:at], date, *words[at:]])


def datelines(language: str):
    """A dateline as outlets print one above the story."""
    if language == "ar":
        return full_dates("ar").map(lambda d: f"{d} - 10:05")
    return full_dates("fr").map(lambda d: f"Publié le {d} à 10h05")


@st.composite
def stories(draw, language: str):
    """(paragraphs, index of the dated one): 2-6 paragraphs, one of them holding a full
    date, placed first (the lede), in the middle, or last."""
    count = draw(st.integers(2, 6))
    paragraphs = [draw(sentences(language)) for _ in range(count)]
    where = draw(st.sampled_from(("lede", "middle", "last")))
    index = {"lede": 0, "middle": count // 2, "last": count - 1}[where]
    paragraphs[index] = draw(dated_sentences(language))
    return paragraphs, index


_CONTAINERS = (
    ("<article>", "</article>"),
    ('<div class="entry-content">', "</div>"),
    ('<div id="story">', "</div>"),
    ("<div>", "</div>"),
)


@st.composite
def html_pages(draw, language: str, paragraphs: list[str], title: str):
    """An HTML page around the paragraphs: menu, headline, optional dateline, story, footer."""
    direction = "rtl" if language == "ar" else "ltr"
    dateline = draw(st.one_of(st.none(), datelines(language)))
    opening, closing = draw(st.sampled_from(_CONTAINERS))
    separated = draw(st.booleans())  # <p> paragraphs, or text split by <br><br>
    if separated:
        story = "<br><br>\n".join(escape(p) for p in paragraphs)
    else:
        story = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    meta = f'<div class="meta">{escape(dateline)}</div>' if dateline else ""
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>"
        '<nav class="menu"><a href="/">1</a> <a href="/a">2</a> <a href="/b">3</a></nav>'
        f"<h1>{escape(title)}</h1>{meta}{opening}{story}{closing}"
        "<footer>contact</footer></body></html>"
    )


@st.composite
def text_pages(draw, language: str, paragraphs: list[str], title: str):
    """A plain-text page: title line, optional dateline line, one paragraph per line."""
    dateline = draw(st.one_of(st.none(), datelines(language)))
    lines = [title, *([dateline] if dateline else []), *paragraphs]
    gap = draw(st.sampled_from(("\n", "\n\n")))
    return gap.join(lines) + "\n"


# Class names a story's wrapper may carry on real sites, furniture words included: a page
# whose story sits in "tab-pane" or "sidebar-layout" must still give its prose.
_CLASSES = (
    "",
    "content",
    "tab-pane",
    "sidebar-layout",
    "share-wrap",
    "comments-area",
    "related",
    "widget",
    "nav-open",
    "caption-box",
    "footer-text",
)
_WRAPPERS = ("div", "section", "td", "li", "span", "article")


@st.composite
def messy_html_pages(draw, language: str):
    """(page, paragraphs): prose in arbitrary wrappers (tables, list items, furniture-looking
    classes, <br>-separated text), between link menus and short labels."""
    paragraphs = draw(st.lists(sentences(language, min_words=12), min_size=1, max_size=4))
    if draw(st.booleans()):
        story = "<br><br>".join(escape(p) for p in paragraphs)
    else:
        story = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(st.sampled_from(_WRAPPERS))
        label = draw(st.sampled_from(_CLASSES))
        attribute = f' class="{label}"' if label else ""
        if tag == "td":
            story = f"<table><tr><td{attribute}>{story}</td></tr></table>"
        elif tag == "li":
            story = f"<ul><li{attribute}>{story}</li></ul>"
        else:
            story = f"<{tag}{attribute}>{story}</{tag}>"
    menu = "".join(f'<a href="/{i}">{i}</a> ' for i in range(draw(st.integers(0, 12))))
    noise = draw(st.lists(st.sampled_from(("1", "الرئيسية", "Accueil", "|")), max_size=5))
    return (
        '<html><head><meta charset="utf-8"></head><body>'
        f'<div class="{draw(st.sampled_from(_CLASSES))}">{menu}</div>{story}'
        + "".join(f"<div>{escape(n)}</div>" for n in noise)
        + "</body></html>"
    ), paragraphs
