"""Words that announce a name: titles before people, heads of organization names, place nouns.

Each list is matched through the proclitic-stripping of ``gazetteer.candidates``, so
"الرئيس", "والرئيس" and "رئيس" are one trigger. The model sees the class of a trigger at
and around each token and learns from the training data how far to trust it; the lists
carry the knowledge to names and titles the corpora never show.
"""

from __future__ import annotations

from .gazetteer import candidates
from .normalize import normalize

# Titles and roles written right before a person's name.
PERSON_TITLES = """
ملك ملكه امير اميره رئيس رئيسه وزير وزيره مدير مديره سيد سيده شيخ شيخه دكتور دكتوره استاذ
استاذه مستشار مستشاره نائب نائبه قاضي جنرال عقيد لواء عميد زعيم متحدث ناطق مدرب لاعب
لاعبه امين كاتب كاتبه شاعر شاعره فنان فنانه صحفي صحفيه امام بابا سفير سفيره حاج والي عامل
مفتي قائد مبعوث مندوب محافظ نقيب مهاجم حارس مدافع نجم نجمه مخرج مخرجه روائي باحث باحثه
الحاج المدعو السلطان ولي عهد ملكة الرئيسه المفوض مقرر خبير عضو وكيل ممثل ممثله
""".split()

# Verbs that follow or precede the person who speaks.
SPEECH_VERBS = """
قال قالت اكد اكدت اضاف اضافت اوضح اوضحت صرح صرحت اعلن اعلنت اشار اشارت ذكر ذكرت تابع
تابعت شدد شددت دعا دعت اعتبر اعتبرت
""".split()

# First words of organization names.
ORG_HEADS = """
وزاره حزب جامعه منظمه وكاله اتحاد مكتب شركه مجلس بنك مؤسسه هيئه جمعيه نادي فريق منتخب
مجموعه لجنه جبهه حركه مديريه محكمه اكاديميه معهد مركز صندوق امم برلمان نقابه كونفدراليه
فيدراليه جامعه تنسيقيه رابطه مصلحه اداره قوات جيش شرطه امن مرصد مجمع صحيفه جريده قناه
اذاعه تلفزيون مصرف مجلس سلطه دائره كليه مدرسه مستشفى ائتلاف تحالف تجمع منتدى كتله بورصه
""".split()

# Nouns that put a place name after them.
PLACE_NOUNS = """
مدينه ولايه جهه اقليم عماله جماعه قريه منطقه دوله عاصمه جزيره نهر جبل بحر محافظه بلده
مقاطعه حي شارع ساحه ميناء مطار واد وادي بلاد جمهوريه مملكه اماره شمال جنوب شرق غرب وسط
""".split()

# First words of many place names ("كفر الشيخ", "ميت غمر", "نجع حمادي", "سيدي قاسم"):
# never a place alone (normalized).
PLACE_NAME_PREFIXES = frozenset(
    """كفر ميت اولاد نجع عزبه منشاه منيه صفط بني ابو ام بئر عين دير تل سيدي العاشر رام بور
    شرم راس برج كوم شبين السادس البحر الوادي""".split()
)

# Nouns that put the title of a work, a programme or a campaign after them, in quotes
# ("مسلسل «نقطة ضعف»"): the quoted title is MISC (docs/entities-annotation.md, rule 20).
WORK_NOUNS = frozenset(
    """مسلسل فيلم برنامج كتاب روايه اغنيه مسرحيه البوم ديوان قصيده حمله مبادره شعار وسم
    هاشتاج""".split()
)
# Nouns of the press that put their title after them, in quotes ("صحيفة «الوطن»"): ORG.
PRESS_NOUNS = frozenset("صحيفه جريده مجله قناه موقع اذاعه وكاله".split())

# Streets, squares, bridges, roads and corniches: their head noun is part of the place's
# name (docs/entities-annotation.md, rule 5: "ميدان التحرير", "كورنيش جدة").
# Roads (طريق، محور) are left out: the news names them by where they go ("طريق بنها").
STREET_NOUNS = frozenset("ميدان شارع كوبري جسر كورنيش ساحه نفق".split())

# Players' and coaches' roles: a town named right after one is its club ("مدافع برشلونة").
PLAYER_NOUNS = frozenset("لاعب لاعبه لاعبو لاعبي مدافع مهاجم حارس مدرب هداف".split())

# Words after a place that make another place of it: the old or the new town ("حلب
# القديمة", "مصر الجديدة"; annotation rule 4). Feminine only, as a town is: "الجديد" after a
# place modifies something else; a bare direction after it is mostly "east of" ("رفح شرق").
PLACE_MODIFIERS = frozenset("القديمه الجديده".split())

# Buildings and facilities: a person's name after them names the building, MISC
# (docs/entities-annotation.md, rule 6: "مستشفى [الملك فيصل]", "مطار [محمد الخامس]").
FACILITY_NOUNS = frozenset(
    """مستشفي مسجد جامع مطار استاد ستاد ملعب قصر فندق قاعه مدرسه كنيسه متنزه متنزهات حديقه
    منتزه""".split()
)
# Titles of kings and princes, part of a building's name after its head noun ("مستشفى
# الأمير محمد بن ناصر"); a sheikh's is not ("بقاعة الشيخ [صالح كامل]" in the labelled news).
ROYAL_TITLES = frozenset("الملك الامير السلطان".split())

# Heads of event, competition and prize names.
MISC_HEADS = """
كاس بطوله دوري مهرجان جائزه مؤتمر مونديال اولمبياد ألعاب العاب معرض قمه حرب اتفاقيه معاهده
""".split()


def _key(word: str) -> str:
    word = normalize(word)
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


TRIGGERS: dict[str, str] = {}
for _cls, _words in (
    ("TPER", PERSON_TITLES),
    ("TSAY", SPEECH_VERBS),
    ("TORG", ORG_HEADS),
    ("TLOC", PLACE_NOUNS),
    ("TMISC", MISC_HEADS),
):
    for _w in _words:
        TRIGGERS.setdefault(_key(_w), _cls)


def trigger_class(word: str) -> str | None:
    """The trigger class of a normalized word, clitics and article allowed, or None."""
    for cand in candidates(word):
        cls = TRIGGERS.get(cand)
        if cls:
            return cls
    return None
