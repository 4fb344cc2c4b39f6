"""Text that pages carry around an article but that is not part of it.

Matched on whole paragraphs (folded, see ``textnorm.fold``), so a story that merely
mentions sharing is kept: a paragraph goes only when it *is* one of these widgets.
"""

from __future__ import annotations

import re

from akhbar.parse.textnorm import fold

_WIDGET_PHRASES = (
    # Aggregator image-report widget and read-at-source link.
    "شكرا على الابلاغ",
    "سيتم حجب هذه الصوره تلقائيا",
    "انقر هنا لقراءه الخبر من مصدره",
    # Share, follow, read-more and comment prompts.
    "اقرا ايضا",
    "اقرا المزيد",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "شارك هذا",
    "شارك الخبر",
    "تابعونا",
    "تابعوا",
    "اضف تعليق",
    "اضف تعليقك",
    "التعليقات",
    "جميع الحقوق محفوظه",
    "لمتابعه اخر الاخبار",
    "share this",
    "read more",
    "related articles",
    # French: read-more, share/follow, account and bookmark prompts.
    "lire aussi",
    "à lire aussi",
    "lire la suite",
    "voir aussi",
    "partager",
    "suivez-nous",
    "abonnez-vous",
    "déjà abonné",
    "identifiez-vous",
    "connectez-vous",
    "vous possédez déjà un compte",
    "ajouter à vos sélections",
    "ajouter aux favoris",
    "tous droits réservés",
)
_WIDGET = re.compile("|".join(re.escape(fold(p)) for p in _WIDGET_PHRASES))
# A widget paragraph is short and opens with its phrase; a story quoting one is neither.
_WIDGET_MAX_CHARS = 160
_WIDGET_OPENING_CHARS = 40


# Labels that are furniture only when they are the whole paragraph: "Publicité" alone marks an
# ad slot, while "La publicité en ligne a progressé ..." is a sentence.
_LABELS = frozenset(
    fold(label)
    for label in (
        "إعلان",
        "اعلان",
        "مساحة إعلانية",
        "publicité",
        "advertisement",
        "sponsored",
        "sponsorisé",
        "commentaires",
        "comments",
    )
)
_LABEL_PUNCTUATION = " :.-–—»«>|•"


def is_widget_text(paragraph: str) -> bool:
    """True when a short paragraph is one of the known non-article widgets."""
    if len(paragraph) > _WIDGET_MAX_CHARS:
        return False
    folded = fold(paragraph)
    if folded.strip(_LABEL_PUNCTUATION) in _LABELS:
        return True
    return bool(_WIDGET.search(folded[:_WIDGET_OPENING_CHARS]))


# Opening words of the comment-policy notice that follows a story; nothing after it is story.
_END_OF_STORY = re.compile(
    "|".join(
        re.escape(fold(p))
        for p in (
            "ترحب شبكة",
            "الآراء الواردة أدناه",
            "الآراء الواردة في التعليقات",
            "التعليقات المنشورة لا تعبر",
            "أضف تعليقك",
            # A paywall's notice: what follows is for subscribers, not on the page.
            "Il vous reste",
            "La suite est réservée",
            "Cet article est réservé aux abonnés",
        )
    )
)
_CREDIT_MAX_CHARS = 80


def ends_story(paragraph: str) -> bool:
    """True for the comment-policy paragraph that closes the story part of a page."""
    return bool(_END_OF_STORY.match(fold(paragraph[: _WIDGET_OPENING_CHARS * 2])))


def is_credit(paragraph: str) -> bool:
    """Photo credits ("© REUTERS / ...") and bare URLs: page furniture, not sentences."""
    text = paragraph.strip()
    if text.startswith(("http://", "https://", "www.")) and " " not in text:
        return True
    return len(text) <= _CREDIT_MAX_CHARS and text.startswith(("©", "(c)", "Copyright"))
