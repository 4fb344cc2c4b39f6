"""The listed places, organizations and countries of the wider Arab world (world_names)."""

from akhbar.enrich.entities import find_entities, find_entities_in_fields
from akhbar.enrich.entities.gazetteer import phrase_key
from akhbar.enrich.entities.news import news_names
from akhbar.enrich.entities.world_names import _phrases, country_names, world_names


def _found(text: str, field: str = "title") -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in find_entities_in_fields([(field, text)])}


class TestLists:
    def test_countries_come_from_cldr_without_its_disambiguations(self):
        """Every plain CLDR country name is listed; "الكونغو - كينشاسا"-style
        disambiguations, groupings (الاتحاد الأوروبي) and the ambiguous مالي are not."""
        names = country_names()
        assert {"زيمبابوي", "ليسوتو", "المغرب", "جنوب أفريقيا"} <= set(names)
        assert not any("-" in n or "(" in n for n in names)
        assert "مالي" not in names
        assert "الاتحاد الأوروبي" not in names and "الأمم المتحدة" not in names

    def test_rows_are_labelled_places_and_organizations(self):
        rows = world_names()
        assert ("LOC", "حائل") in rows and ("LOC", "زيمبابوي") in rows
        assert ("ORG", "مجلس الحكومة") in rows and ("ORG", "الإخوان") in rows
        assert {label for label, _ in rows} == {"LOC", "ORG", "O"}
        assert ("O", "إصابتان") in rows

    def test_no_phrase_is_listed_twice_or_under_two_labels(self):
        """One definition of each name: within and across the lists, after normalization,
        and none repeats a name of lists/news_names.tsv."""
        files = ("places_ar.tsv", "organizations_ar.tsv", "non_names_ar.tsv")
        keys = [phrase_key(p) for f in files for p in _phrases(f)]
        assert len(keys) == len(set(keys))
        news = {phrase_key(p) for _, p in news_names()}
        assert not set(keys) & news

    def test_ambiguous_words_written_off_in_the_header_stay_off(self):
        """The header's common words (المدينة "the city", صور "pictures", الخبر "the news")
        are not listed."""
        listed = {phrase_key(p) for _, p in world_names()}
        for word in ("المدينة", "صور", "الخبر", "العين", "القاعدة", "الجزيرة", "فتح"):
            assert phrase_key(word) not in listed, word


class TestRecognizer:
    def test_issue_headline_finds_the_council(self):
        """The issue's headline: "أخنوش يترأس بالرباط مجلس الحكومة" names a person, a
        place and the council (rule 8)."""
        found = _found("أخنوش يترأس بالرباط مجلس الحكومة")
        assert ("ORG", "مجلس الحكومة") in found
        assert ("PER", "أخنوش") in found

    def test_listed_place_in_a_headline_is_tagged_with_its_proclitic_outside(self):
        found = _found("أمطار غزيرة على حائل وجازان")
        labels = {text for label, text in found if label == "LOC"}
        assert "حائل" in labels
        assert any(t.endswith("جازان") for t in labels)

    def test_country_the_model_misses_is_tagged(self):
        assert ("LOC", "زيمبابوي") in _found("الصليب الأحمر يرسل مساعدات إلى زيمبابوي")

    def test_listed_organization_in_body_text(self):
        found = {(e.label, e.text) for e in find_entities("وقالت جماعة الحوثي في بيان إن الهجوم فشل.")}
        assert any(label == "ORG" and "الحوثي" in text for label, text in found)

    def test_case_count_is_no_person(self):
        """The issue's "إصابتان بفيروس" as a person: a name taking in a listed non-name
        is dropped, and the place beside it stays."""
        found = _found("تسجيل إصابتان بفيروس كورونا في طنجة")
        assert not any("إصابتان" in text for _, text in found)
        assert ("LOC", "طنجة") in found
