"""Word clusters learned from unlabelled news: file format and the attributes they give."""

import gzip

from akhbar.enrich.entities.clusters import STEM, Clusters
from akhbar.enrich.entities.features import word_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.training.entities.scores import Scores

IDS = {"بالرباط": [3, 17, 200], "الرباط": [3, 17, 201], STEM + "رباط": [5, 40, 900]}


def attrs(word: str, clusters: Clusters | None) -> list[list[str]]:
    return word_attributes(word, Gazetteer([], None, None, clusters))


class TestClusterFile:
    def test_round_trip_is_byte_stable(self):
        """Saving twice gives the same bytes whatever the insertion order, and loads back."""
        one = Clusters.from_ids((64, 256, 1024), IDS)
        two = Clusters.from_ids((64, 256, 1024), dict(reversed(list(IDS.items()))))
        assert one.save_bytes() == two.save_bytes()
        back = Clusters.load_bytes(one.save_bytes())
        assert back.of("الرباط") == ("64:3", "256:17", "1024:201")
        assert len(back) == 3

    def test_file_is_headed_by_its_granularities(self):
        """The first line names the cluster counts, so ids of different builds never mix."""
        text = gzip.decompress(Clusters.from_ids((8, 32), {"a": [1, 2]}).save_bytes()).decode()
        assert text.splitlines()[0] == "#k\t8 32"

    def test_unknown_word_has_no_ids(self):
        assert Clusters.from_ids((64,), IDS).of("مراكش") == ()


class TestClusterAttributes:
    def test_word_and_stem_ids_at_every_granularity_for_the_word_itself(self):
        """ "والرباط" is unknown as written, but its stem رباط is: stem ids at offset 0."""
        clusters = Clusters.from_ids((64, 256, 1024), IDS)
        own = set(attrs("بالرباط", clusters)[2])
        assert {"0k=64:3", "0k=256:17", "0k=1024:200"} <= own
        assert {"0ks=64:5", "0ks=256:40", "0ks=1024:900"} <= own
        stem_only = set(attrs("والرباط", clusters)[2])
        assert "0ks=1024:900" in stem_only and not any(a.startswith("0k=") for a in stem_only)

    def test_neighbours_see_coarser_ids_only(self):
        """Words at ±1 see the two coarse word ids and the middle stem id; at ±2 the coarsest."""
        clusters = Clusters.from_ids((64, 256, 1024), IDS)
        before2, before1, _, after1, after2 = attrs("بالرباط", clusters)  # offsets -2..2
        assert {"-1k=64:3", "-1k=256:17", "-1ks=256:40"} <= set(before1)
        assert {"1k=64:3", "1k=256:17", "1ks=256:40"} <= set(after1)
        assert not any("1024:" in a for a in before1 + after1)
        assert [a for a in before2 if "k" in a.split("=")[0]] == ["-2ks=64:5"]
        assert [a for a in after2 if "k" in a.split("=")[0]] == ["2ks=64:5"]

    def test_word_the_corpus_never_showed_is_marked(self):
        """A new word (a new name, a typo) gets the "none" attribute, not silence."""
        assert "0k=none" in attrs("زيليناسكي", Clusters.from_ids((64,), IDS))[2]

    def test_no_attribute_is_repeated(self):
        """Each attribute appears once per offset (CRFsuite would count a repeat twice)."""
        for row in attrs("بالرباط", Clusters.from_ids((64, 256, 1024), IDS)):
            assert len(row) == len(set(row))

    def test_no_clusters_no_attributes(self):
        """A model trained without clusters sees none of their attributes."""
        flat = [
            a.split("=")[0].lstrip("-0123456789") for row in attrs("بالرباط", None) for a in row
        ]
        assert not {"k", "ks"} & set(flat)


class TestSpanScores:
    def test_character_spans_score_exact_span_and_label(self):
        """A span counts only with the same offsets and label; others are misses and extras."""
        sc = Scores()
        sc.add_spans([(0, 5, "PER"), (10, 15, "LOC")], [(0, 5, "PER"), (10, 14, "LOC")])
        assert sc.micro()[0] == 50.0 and sc.micro()[1] == 50.0
        assert sc.tp["PER"] == 1 and sc.tp["LOC"] == 0
