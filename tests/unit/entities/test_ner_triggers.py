"""Trigger words: titles before people, heads of organizations, place nouns."""

from akhbar.enrich.entities.features import word_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.triggers import trigger_class


def cls(word):
    return trigger_class(normalize(word))


class TestTriggers:
    def test_titles_announce_people_whatever_is_attached(self):
        """الملك, والرئيس and الوزير are person titles with or without clitics."""
        assert cls("الملك") == cls("والرئيس") == cls("الوزير") == "TPER"

    def test_organization_heads(self):
        """وزارة, حزب, جامعة, منظمة, وكالة, الاتحاد, المكتب head organization names."""
        for w in ("وزارة", "حزب", "جامعة", "منظمة", "وكالة", "الاتحاد", "المكتب"):
            assert cls(w) == "TORG", w

    def test_place_nouns_and_ordinary_words(self):
        """مدينة announces a place; an ordinary word triggers nothing."""
        assert cls("بمدينة") == "TLOC"
        assert cls("الطقس") is None

    def test_model_sees_the_trigger_around_a_token(self):
        """The trigger class is an attribute of the word and of its neighbours."""
        attrs = word_attributes(normalize("الرئيس"), Gazetteer([]))
        assert "0t=TPER" in attrs[2]
        assert "-1t=TPER" in attrs[1] and "1t=TPER" in attrs[3]
