"""Language ID: script first, a model for Latin text; the article's languages."""

from __future__ import annotations

from akhbar.shared.language import detect, main_script, with_languages
from akhbar.shared.schemas import Article


def test_arabic_script_is_arabic_without_any_model():
    assert detect("قال رئيس الحكومة عزيز أخنوش إن الحكومة ماضية في الإصلاح") == "ar"


def test_tifinagh_is_standard_moroccan_amazigh():
    assert detect("ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵎⵓⵙⵜ") == "zgh"


def test_latin_text_goes_to_the_model_french_english_spanish():
    assert detect("Le chef du gouvernement a présidé jeudi le conseil de gouvernement.") == "fr"
    assert detect("The prime minister chaired the government council on Thursday.") == "en"
    assert detect("El jefe del Gobierno presidió el jueves el consejo de ministros.") == "es"


def test_no_letters_no_language():
    assert detect("12:30 - 27/11/2025") is None
    assert detect("") is None


def test_arabic_sentence_quoting_a_latin_title_stays_arabic():
    assert main_script("عرض فيلم «Sin City» في الرباط") == "arabic"


def test_french_lead_in_an_arabic_page_is_marked_on_its_field_only():
    article = Article(
        id="x",
        title="الحكومة تصادق على مشروع قانون المالية",
        body=["Le conseil de gouvernement a adopté jeudi le projet de loi.", "وقال الوزير إن المشروع يتضمن إجراءات جديدة لدعم القدرة الشرائية للمواطنين"],
    )
    tagged = with_languages(article)
    assert tagged.language == "ar"
    assert tagged.languages == {"body.0": "fr"}
    assert tagged.language_of("body.0") == "fr"
    assert tagged.language_of("body.1") == "ar"
