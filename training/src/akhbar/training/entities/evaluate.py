"""Score the shipped model: ``python -m akhbar.training.entities.evaluate`` (``make eval-ner``).

Entity-level exact-span micro and per-label precision/recall/F1 on the ANERcorp CAMeL
test split, on its own tokens. Two numbers: sentence by sentence, and with document-level
consistency over consecutive windows of ``--window`` sentences (the split carries no
article boundaries; a window stands in for an article). They are the body model's of
ANERcorp's conventions (``crf.npz``); ``akhbar_conventions`` holds the same two for the
model enrich labels body text with by default (``crf_news.npz``, the project's conventions).

``--trims`` scores the clitic trimming alone (``trim_scores``) on the labelled news and the
headline dev split.

``--headlines FILE`` scores the project's own set of real headlines and lead sentences
(``tests/data/entities/headlines/``: character spans, one text per line), each text
alone through ``find_entities`` as a ticker line reaches it, per kind of text.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from akhbar.enrich.entities.model import Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.recognizer import (
    body_tagger,
    consistent,
    find_entities_in_fields,
    load_tagger,
    trimmed_start,
    use_model,
)
from akhbar.enrich.entities.tokenize import tokenize

from . import corpora
from .scores import Scores

WINDOW = 16  # tuned on the dev slice of train: 0 -> 69.9, 8 -> 71.1, 16 -> 71.6, 32 -> 71.5


def evaluate(tagger: Tagger, sentences, window: int = 0, stacked: bool = True) -> Scores:
    """Scores of ``tagger`` on gold ``sentences``. ``window`` > 0: each window of sentences
    is one document (second pass across it, then consistency and the listed names, as
    ``find_entities_in_fields`` does); 0: each sentence alone, the model's labels only."""
    scores = Scores()
    step = window or 1
    for i in range(0, len(sentences), step):
        chunk = sentences[i : i + step]
        words = [[normalize(t) for t in toks] for toks, _ in chunk]
        pred = tagger.tag_many(words, stacked=stacked)
        if window:
            pred = consistent(tagger, words, pred)
        for (_, gold), p in zip(chunk, pred, strict=True):
            scores.add(gold, p)
    return scores


CLITIC_LETTERS = "وفبلك"


def trim_scores(cases: list[dict]) -> tuple[int, int]:
    """(names checked, names trimmed wrong): each gold name of ``cases`` (character spans)
    whose first token starts with a clitic letter or loses one, its start found by the
    recognizer's trimming (``recognizer.trimmed_start``) from the gold tokens and label.
    No model labels anything: this scores the trimming alone."""
    tagger = load_tagger()
    checked = wrong = 0
    for case in cases:
        text = case["text"]
        tokens = tokenize(text)
        norm = [normalize(t.text) for t in tokens]
        for entity in case["entities"]:
            a = next((i for i, t in enumerate(tokens) if t.start <= entity["start"] < t.end), None)
            if a is None or (
                tokens[a].start == entity["start"] and tokens[a].text[0] not in CLITIC_LETTERS
            ):
                continue
            b = a + 1
            while b < len(tokens) and tokens[b].end <= entity["end"]:
                b += 1
            start = trimmed_start(tagger, tokens, norm, a, b, entity["label"])
            checked += 1
            wrong += start != entity["start"]
    return checked, wrong


def evaluate_texts(cases: list[dict]) -> dict[str, Scores]:
    """Scores of each text alone, pooled ("all") and per ``kind``: headlines as a title
    field, lead sentences as a body paragraph. "given_alone": every text as a lone text of
    unknown kind (field "text", what ``find_entities`` and ``akhbar entities`` see), where
    the recognizer tells headlines from sentences by their form."""
    out: dict[str, Scores] = {"all": Scores(), "given_alone": Scores()}
    for case in cases:
        gold = [(e["start"], e["end"], e["label"]) for e in case["entities"]]
        # a headline is a title field, a lead sentence a body paragraph, as enrich sees them
        field = "title" if case.get("kind") == "headline" else "body.0"
        found = find_entities_in_fields([(field, case["text"])])
        pred = [(e.start, e.end, e.label) for e in found]
        for key in ("all", case.get("kind", "text")):
            out.setdefault(key, Scores()).add_spans(gold, pred)
        alone = find_entities_in_fields([("text", case["text"])])
        out["given_alone"].add_spans(gold, [(e.start, e.end, e.label) for e in alone])
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument("--split", type=Path, help="CoNLL file to score (default: ANERcorp CAMeL test)")
    ap.add_argument("--window", type=int, default=WINDOW)
    ap.add_argument(
        "--headlines", type=Path, nargs="*", help="score these headline-set files instead"
    )
    ap.add_argument(
        "--model", type=Path, help="a model folder (train --out) instead of the shipped one"
    )
    ap.add_argument(
        "--trims",
        action="store_true",
        help="score the clitic trimming alone on the labelled news and the headline dev split",
    )
    args = ap.parse_args(argv)
    if args.model:
        use_model(args.model)
    if args.trims:
        from . import news_labels

        sets = {
            "labelled_news": news_labels.load_cases(news_labels.LABELS_FILE),
            "headlines_dev": corpora.read_span_set(corpora.HEADLINES / "dev.jsonl"),
        }
        report = {}
        for name, cases in sets.items():
            checked, wrong = trim_scores(cases)
            report[name] = {"checked": checked, "wrong": wrong}
        print(json.dumps(report, indent=1))
        return
    if args.headlines is not None:
        files = args.headlines or sorted(corpora.HEADLINES.glob("*.jsonl"))
        report = {
            f.name: {k: sc.report() for k, sc in evaluate_texts(corpora.read_span_set(f)).items()}
            for f in files
        }
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return
    path = args.split or corpora.data_dir(args.data) / corpora.ANERCORP_TEST
    gold = corpora.read_anercorp(path)
    tagger = load_tagger()
    t0 = time.process_time()
    report = {
        "split": path.name,
        "tokens": sum(len(t) for t, _ in gold),
        "sentence_level": evaluate(tagger, gold).report(),
        f"document_window_{args.window}": evaluate(tagger, gold, args.window).report(),
    }
    # The body model of ANERcorp's conventions above; the one enrich labels body text with
    # by default (the project's conventions, ``crf_news.npz``) scored on the same split:
    news = body_tagger()
    if news is not tagger:
        report["akhbar_conventions"] = {
            "sentence_level": evaluate(news, gold).report(),
            f"document_window_{args.window}": evaluate(news, gold, args.window).report(),
        }
    report["cpu_seconds"] = round(time.process_time() - t0, 2)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
