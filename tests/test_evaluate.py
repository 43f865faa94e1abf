"""Tests of attribution.evaluate on small invented gold files (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.errors import AttributionError
from attribution.evaluate import (
    cue_is_saying,
    exact_match,
    format_report,
    lemma_candidates,
    load_saying_lemmas,
    names_match,
    read_gold,
    report_to_dict,
    score,
)

SAYING = frozenset({"say", "tell", "add", "according to"})

# Invented article. Content spans: Q1 direct, Q2 indirect, Q3 mixed.
TEXT_A = (
    'Mayor Lina Okafor said, "The bridge will open in May." '
    "She told reporters that the budget was balanced. "
    'Council member Tom Reyes believes the plan is "far too costly" for the town. '
    "Subscribe for more local news."
)


def span(text: str, piece: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def gold_quote(text, qid, content, speaker, cue, qtype, **extra) -> dict:
    c = span(text, content)
    c["fragments"] = [dict(c)]
    q = {
        "id": qid,
        "content": c,
        "speaker": span(text, speaker) if speaker else None,
        "cue": span(text, cue) if cue else None,
        "type": qtype,
        "has_source": speaker is not None,
    }
    q.update(extra)
    return q


def article_a(**extra_per_quote) -> dict:
    return {
        "id": "art-a",
        "split": "dev",
        "text": TEXT_A,
        "ignore_spans": [
            dict(span(TEXT_A, "Subscribe for more local news."), label="Discard"),
        ],
        "quotes": [
            gold_quote(
                TEXT_A,
                "E1",
                '"The bridge will open in May."',
                "Mayor Lina Okafor",
                "said",
                "direct",
                **extra_per_quote.get("E1", {}),
            ),
            gold_quote(
                TEXT_A,
                "E2",
                "that the budget was balanced",
                "She",
                "told",
                "indirect",
                **extra_per_quote.get("E2", {}),
            ),
            gold_quote(
                TEXT_A,
                "E3",
                'the plan is "far too costly" for the town',
                "Council member Tom Reyes",
                "believes",
                "mixed",
                **extra_per_quote.get("E3", {}),
            ),
        ],
    }


def write_gold(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def pred_att(
    text,
    aid,
    kind,
    content,
    cue=None,
    mention=None,
    speaker=None,
    source=None,
    lemma=None,
    occurrence=0,
):
    cue_span = span(text, cue) if cue else None
    if cue_span is not None and lemma is not None:
        cue_span["lemma"] = lemma
    return {
        "id": aid,
        "kind": kind,
        "content": span(text, content, occurrence),
        "quotes": [],
        "cue": cue_span,
        "speaker": speaker,
        "speaker_mention": span(text, mention) if mention else None,
        "source": source,
        "nested_in": None,
        "confidence": 0.9,
        "rule": "test",
    }


def doc(aid: str, attributions, speakers=(), sources=()) -> dict:
    return {
        "schema_version": "1.0",
        "document": {"id": aid},
        "speakers": list(speakers),
        "sources": list(sources),
        "attributions": list(attributions),
        "warnings": [],
    }


def perfect_doc_a() -> dict:
    t = TEXT_A
    speakers = [
        {"id": "s1", "name": "Lina Okafor", "kind": "person"},
        {"id": "s2", "name": "Tom Reyes", "kind": "person"},
    ]
    sources = [{"id": "r1", "kind": "interview", "outlet": "Radio Nine", "audience": "reporters"}]
    return doc(
        "art-a",
        [
            pred_att(
                t,
                "a1",
                "direct",
                '"The bridge will open in May."',
                "said",
                "Mayor Lina Okafor",
                "s1",
                None,
                "say",
            ),
            pred_att(
                t,
                "a2",
                "indirect",
                "that the budget was balanced",
                "told",
                "She",
                "s1",
                "r1",
                "tell",
            ),
            pred_att(
                t,
                "a3",
                "mixed",
                'the plan is "far too costly" for the town',
                "believes",
                "Council member Tom Reyes",
                "s2",
                None,
                "believe",
            ),
        ],
        speakers,
        sources,
    )


ALL_EXTRAS = {
    "E1": {
        "speaker_canonical": "Lina Okafor",
        "speaker_kind": "person",
        "source_kind": "unspecified",
        "outlet": None,
        "audience": None,
    },
    "E2": {
        "speaker_canonical": "Lina Okafor",
        "source_kind": "interview",
        "outlet": "Radio Nine",
        "audience": "reporters",
    },
    "E3": {
        "speaker_canonical": "Tom Reyes",
        "source_kind": "unspecified",
        "outlet": None,
        "audience": None,
    },
}


# ----------------------------------------------------------------------------- read_gold


def test_read_gold_parses_fields(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a(**ALL_EXTRAS)]))
    assert len(gold) == 1
    art = gold[0]
    assert art.id == "art-a" and art.split == "dev"
    assert len(art.quotes) == 3 and len(art.ignore_spans) == 1
    q = art.quotes[1]
    assert q.type == "indirect" and q.speaker.text == "She" and q.cue.text == "told"
    assert q.speaker_canonical == "Lina Okafor" and q.outlet == "Radio Nine"
    assert art.quotes[0].speaker_kind == "person" and q.speaker_kind is None
    assert "audience" in q.present
    assert art.quotes[0].content.fragments == (
        (art.quotes[0].content.start, art.quotes[0].content.end),
    )


def test_read_gold_split_and_limit(tmp_path):
    b = article_a()
    b["id"], b["split"] = "art-b", "train"
    c = article_a()
    c["id"] = "art-c"
    path = write_gold(tmp_path, [article_a(), b, c])
    assert [a.id for a in read_gold(path, split="dev")] == ["art-a", "art-c"]
    assert [a.id for a in read_gold(path, split="train")] == ["art-b"]
    assert [a.id for a in read_gold(path, split="dev", limit=1)] == ["art-a"]
    assert len(read_gold(path)) == 3


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda r: "{not json", "not valid JSON"),
        (lambda r: r.update(quotes="nope") or r, "quotes must be a list"),
        (lambda r: r["quotes"][0].update(type="reported") or r, "type must be one of"),
        (lambda r: r["quotes"][0]["content"].update(end=9999) or r, "outside the text"),
        (lambda r: r["quotes"][0]["cue"].update(text="says") or r, "does not equal"),
        (lambda r: r["quotes"][0].update(source_kind="fax") or r, "not a source kind"),
        (lambda r: r["quotes"][0].update(speaker_kind="crowd") or r, "not a speaker kind"),
    ],
)
def test_bad_gold_line_raises_gold_invalid(tmp_path, mutate, fragment):
    good = json.dumps(article_a())
    bad = mutate(article_a())
    bad_line = bad if isinstance(bad, str) else json.dumps(bad)
    path = tmp_path / "gold.jsonl"
    path.write_text(good + "\n\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(AttributionError) as info:
        read_gold(path)
    assert info.value.code == "gold-invalid"
    assert info.value.fields["line"] == 3
    assert fragment in info.value.fields["reason"]


def test_duplicate_article_id_is_invalid(tmp_path):
    path = write_gold(tmp_path, [article_a(), article_a()])
    with pytest.raises(AttributionError) as info:
        read_gold(path)
    assert info.value.code == "gold-invalid" and info.value.fields["line"] == 2


# ----------------------------------------------------------------------------- score


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a(**ALL_EXTRAS)]))
    report = score(gold, {"art-a": perfect_doc_a()}, SAYING)
    d = report_to_dict(report)
    for name in ("all", "saying"):
        s = d["subsets"][name]
        for rule in ("content_exact", "content_overlap"):
            assert (s[rule]["precision"], s[rule]["recall"], s[rule]["f1"]) == (1.0, 1.0, 1.0)
        for key in ("speaker_mention", "cue", "kind", "speaker_canonical"):
            assert s[key]["accuracy"] == 1.0
        for t, row in s["by_type"].items():
            if row["n_gold"]:
                assert row["recall"] == 1.0 and row["precision"] == 1.0, t
        for key in ("kind", "outlet", "audience"):
            assert s["source"][key]["accuracy"] == 1.0
        assert s["source"]["invented_channel"]["rate"] in (0.0, None)
    assert d["subsets"]["all"]["n_gold"] == 3
    assert d["subsets"]["saying"]["n_gold"] == 2  # "believes" is not a verb of saying
    assert d["subsets"]["all"]["speaker_mention_pronoun"] == {
        "accuracy": 1.0,
        "correct": 1,
        "n": 1,
        "excluded": 0,
    }
    assert d["subsets"]["all"]["source"]["invented_channel"] == {"rate": 0.0, "count": 0, "n": 2}


def test_empty_prediction_recall_zero_precision_null(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a()]))
    for predicted in ({}, {"art-a": doc("art-a", [])}):
        report = score(gold, predicted, SAYING)
        p = report.all.content_overlap
        assert (p.tp, p.fp, p.fn) == (0, 0, 3)
        assert p.recall == 0.0 and p.precision is None and p.f1 == 0.0
        assert report.all.speaker_mention.accuracy is None
        assert report.all.by_type[0].recall == 0.0 and report.all.by_type[0].precision is None
    assert score(gold, {}, SAYING).articles.missing == 1
    failed = score(gold, {"art-a": {"id": "art-a", "error": {"code": "x"}}}, SAYING)
    assert failed.articles.failed == 1 and failed.all.content_exact.fn == 3


def test_no_canonical_or_source_sections_without_gold_fields(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a()]))
    report = score(gold, {"art-a": perfect_doc_a()}, SAYING)
    assert report.all.speaker_canonical is None and report.all.source is None
    d = report_to_dict(report)["subsets"]["all"]
    assert "speaker_canonical" not in d and "source" not in d


def test_partial_prediction_hand_computed(tmp_path):
    t = TEXT_A
    gold = read_gold(write_gold(tmp_path, [article_a(**ALL_EXTRAS)]))
    predicted = doc(
        "art-a",
        [
            # exact match of E1 (the trailing quote mark is left out: still exact),
            # right mention, right canonical name, no source (= unspecified: correct)
            pred_att(
                t,
                "a1",
                "direct",
                '"The bridge will open in May.',
                "said",
                "Lina Okafor",
                "s1",
                None,
            ),
            # overlaps E2 (5 of its 5 tokens, plus "reporters" -> Dice 10/11), not exact;
            # wrong mention, kind wrong, source kind statement (gold interview)
            pred_att(
                t,
                "a2",
                "direct",
                "reporters that the budget was balanced",
                "told",
                "reporters",
                "s3",
                "r1",
            ),
            # spurious: the first sentence's speaker is not a claim
            pred_att(t, "a3", "indirect", "Mayor Lina Okafor", "said", None, None, None),
        ],
        speakers=[
            {"id": "s1", "name": "Lina Okafor", "kind": "person"},
            {"id": "s3", "name": "Peter Okafor", "kind": "person"},
        ],
        sources=[{"id": "r1", "kind": "statement", "outlet": None, "audience": "Reporters"}],
    )
    report = score(gold, {"art-a": predicted}, SAYING)
    a = report.all
    ex, ov = a.content_exact, a.content_overlap
    assert (ex.tp, ex.fp, ex.fn) == (1, 2, 2)
    assert (ex.precision, ex.recall, ex.f1) == (0.3333, 0.3333, 0.3333)
    assert (ov.tp, ov.fp, ov.fn) == (2, 1, 1)
    assert (ov.precision, ov.recall, ov.f1) == (0.6667, 0.6667, 0.6667)
    assert (a.speaker_mention.correct, a.speaker_mention.n) == (1, 2)
    assert a.speaker_mention.accuracy == 0.5
    assert (a.speaker_mention_pronoun.correct, a.speaker_mention_pronoun.n) == (0, 1)
    assert (a.cue.correct, a.cue.n, a.cue.accuracy) == (2, 2, 1.0)
    assert (a.kind.correct, a.kind.n) == (1, 2)
    direct, indirect, mixed = a.by_type
    assert (direct.gold_matched, direct.n_gold, direct.recall) == (1, 1, 1.0)
    assert (direct.predicted_matched, direct.n_predicted, direct.precision) == (2, 2, 1.0)
    assert (indirect.recall, indirect.precision) == (1.0, 0.0)
    assert (mixed.recall, mixed.precision) == (0.0, None)
    assert a.type_confusion == (("direct", "direct", 1), ("indirect", "direct", 1))
    assert (a.speaker_canonical.correct, a.speaker_canonical.n) == (1, 2)  # Peter != Lina
    assert (a.source.kind.correct, a.source.kind.n) == (1, 2)
    assert (a.source.outlet.correct, a.source.audience.correct) == (1, 2)  # case ignored
    assert (a.source.missed_channel.count, a.source.missed_channel.n) == (0, 1)
    # saying subset: gold E1, E2; predictions a1, a2, a3 (all cue "said"/"told")
    s = report.saying
    assert (s.n_gold, s.n_predicted) == (2, 3)
    assert (s.content_overlap.tp, s.content_overlap.fp, s.content_overlap.fn) == (2, 1, 0)
    text = format_report(report)
    assert "content overlap P" in text and "0.6667 (2/3)" in text
    assert "canonical speaker acc" in text and "channel invented" in text


# ----------------------------------------------------------------------------- rules


TEXT_B = (
    "Officials say the new tunnel, which cost a great deal, will be finished soon. "
    "The report: rates are falling. "
    '"We are ready," the coach said. "Nobody doubts it."'
)


def test_overlap_rule_edges(tmp_path):
    t = TEXT_B
    record = {
        "id": "b",
        "text": t,
        "quotes": [gold_quote(t, "E1", "will be finished soon", "Officials", "say", "indirect")],
    }
    gold = read_gold(write_gold(tmp_path, [record]))

    def overlap(*contents):
        atts = [pred_att(t, f"a{i}", "indirect", c) for i, c in enumerate(contents)]
        return score(gold, {"b": doc("b", atts)}, SAYING).all.content_overlap

    # gold has 4 tokens; Dice = 2|A∩B| / (|A| + |B|)
    assert overlap("finished soon").tp == 1  # 4/6 = 0.667
    assert overlap("soon").tp == 0  # 2/5 = 0.4
    assert overlap("be finished soon. The").tp == 1  # 6/8 = 0.75
    assert overlap("will be finished soon. The report").tp == 1  # 8/10 = 0.8
    assert overlap("soon. The report: rates").tp == 0  # 1 shared of 4 + 4: 2/8 = 0.25
    assert overlap("finished soon. The report").tp == 1  # exactly 0.5 (4/8) matches
    # one-to-one: two overlapping predictions, one match, the better one wins
    ov = overlap("finished soon", "will be finished soon")
    assert (ov.tp, ov.fp, ov.fn) == (1, 1, 0)
    report = score(
        gold,
        {
            "b": doc(
                "b",
                [
                    pred_att(t, "a0", "indirect", "finished soon"),
                    pred_att(t, "a1", "indirect", "will be finished soon."),
                ],
            )
        },
        SAYING,
    )
    assert report.all.content_exact.tp == 1  # the trailing period is trimmed


def test_exact_rule_trims_whitespace_punctuation_and_quote_marks():
    text = ' "Hello there," she said.'
    full = (1, len('"Hello there,"') + 1)
    inner = (2, 2 + len("Hello there"))
    assert exact_match(text, full, inner)
    assert exact_match(text, (0, full[1]), inner)  # leading space
    assert not exact_match(text, inner, (2, 7))  # "Hello" alone
    assert exact_match(text, (24, 25), (24, 25))  # punctuation-only spans: raw bounds
    assert not exact_match(text, (24, 25), (23, 25))


def test_fragments_and_tokenless_cues(tmp_path):
    t = TEXT_B
    first = span(t, '"We are ready,"')
    second = span(t, '"Nobody doubts it."')
    quote = {
        "id": "E1",
        "content": {
            "start": first["start"],
            "end": second["end"],
            "text": t[first["start"] : second["end"]],
            "fragments": [first, second],
        },
        "speaker": span(t, "the coach"),
        "cue": span(t, "said"),
        "type": "direct",
    }
    colon = {
        "id": "E2",
        "content": span(t, "rates are falling."),
        "speaker": span(t, "The report"),
        "cue": span(t, ":"),
        "type": "indirect",
    }
    gold = read_gold(write_gold(tmp_path, [{"id": "b", "text": t, "quotes": [quote, colon]}]))
    # fragments: 6 tokens; the prediction covers only the second fragment (3 tokens):
    # 6/9 = 0.667 -> match; the gap "the coach said" is not part of the gold content.
    atts = [
        pred_att(t, "a1", "direct", '"Nobody doubts it."', "said", "the coach"),
        pred_att(t, "a2", "indirect", "rates are falling", ":", "The report"),
    ]
    report = score(gold, {"b": doc("b", atts)}, SAYING)
    assert report.all.content_overlap.tp == 2
    assert report.all.content_exact.tp == 1  # exact uses the outer bounds
    assert report.all.cue.correct == 2  # ":" has no \w token: matched by characters


def test_ignore_spans_drop_predictions(tmp_path):
    t = TEXT_A
    gold = read_gold(write_gold(tmp_path, [article_a()]))
    predicted = perfect_doc_a()
    predicted["attributions"].append(pred_att(t, "a9", "indirect", "more local news.", None, None))
    report = score(gold, {"art-a": predicted}, SAYING)
    assert report.predicted_dropped_ignored == 1
    assert report.all.n_predicted == 3
    assert report.all.content_overlap.fp == 0 and report.all.content_overlap.precision == 1.0
    assert report_to_dict(report)["predicted_dropped_ignored"] == 1


def test_saying_subset_filtering(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a()]))
    atts = perfect_doc_a()["attributions"]
    # prediction for E3 claims a saying lemma: it enters the saying subset as a false positive
    atts[2]["cue"]["lemma"] = "say"
    report = score(gold, {"art-a": doc("art-a", atts)}, SAYING)
    s = report.saying
    assert (s.n_gold, s.n_predicted) == (2, 3)
    assert (s.content_overlap.tp, s.content_overlap.fp) == (2, 1)
    # with an empty lexicon the subset is empty
    empty = score(gold, {"art-a": perfect_doc_a()}, frozenset())
    assert (empty.saying.n_gold, empty.saying.n_predicted) == (0, 0)
    assert empty.saying.content_overlap.precision is None


def test_cue_lemmatisation():
    assert {"say"} <= lemma_candidates("said") and "say" in lemma_candidates("saying")
    assert "tell" in lemma_candidates("told") and "write" in lemma_candidates("wrote")
    assert "admit" in lemma_candidates("admitted") and "note" in lemma_candidates("noted")
    assert "reply" in lemma_candidates("replied") and "argue" in lemma_candidates("arguing")
    assert cue_is_saying("has said", SAYING)
    assert cue_is_saying("According to", SAYING)
    assert not cue_is_saying("believes", SAYING)
    assert not cue_is_saying(":", SAYING)
    assert cue_is_saying("quipped", SAYING, lemma="say")


def test_load_saying_lemmas_excludes_belief_and_intent(tmp_path):
    path = tmp_path / "speech_verbs.yaml"
    path.write_text(
        "version: 1\nlexicon: speech_verbs\ndescription: test\nentries:\n"
        "  - {lemma: say, class: neutral}\n  - {lemma: Claim, class: assertive}\n"
        "  - {lemma: believe, class: belief}\n  - {lemma: plan, class: intent}\n",
        encoding="utf-8",
    )
    assert load_saying_lemmas(path) == frozenset({"say", "claim"})
    path.write_text("entries: 3\n", encoding="utf-8")
    with pytest.raises(AttributionError) as info:
        load_saying_lemmas(path)
    assert info.value.code == "rule-file-invalid"


@pytest.mark.parametrize(
    "gold, predicted, expected",
    [
        ("Lina Okafor", "lina  okafor", True),
        ("Lina Okafor", "Okafor", True),
        ("Okafor", "Lina Okafor", True),
        ("Lina Okafor", "Mayor Lina Okafor", True),  # "lina" appears in the longer name
        ("Lina Okafor", "L. Okafor", True),
        ("Dr. Lina Okafor", "Lina Okafor Jr.", True),
        ("Lina Okafor", "Peter Okafor", False),
        ("Lina Okafor", "Lina Mensah", False),
        ("Lina Okafor", None, False),
        ("The Harbor Times", "Harbor Times", True),
        # a possessive ending is no part of the name
        ("Pryce campaign", "Tomas Pryce's campaign", True),
        ("the Pryce campaign", "Pryce’s campaign", True),
        ("Jones office", "Jones' office", True),
        ("Pryce campaign", "Pryce's office", False),
        ("Mark Ross", "Ross's campaign", False),
        # canonically equivalent spellings: composed and decomposed accents
        ("Jos\u00e9 Ruiz", "Jose\u0301 Ruiz", True),
    ],
)
def test_canonical_name_rule(gold, predicted, expected):
    assert names_match(gold, predicted) is expected


@pytest.mark.parametrize(
    "gold, predicted, kind, expected",
    [
        ("a senior official in the ministry", "A senior official", "anonymous", True),
        ("several parents", "Several parents at the school gates", "group", True),
        ("the protesters", "Protesters", "group", True),
        ("senior officials", "officials", "anonymous", False),
        ("the party's delegates", "Delegates", "group", False),
        ("two people familiar with the talks", "three people", "anonymous", False),
        # leading quantifiers are left out, as leading articles are
        ("veteran strategists", "Some veteran strategists", "group", True),
        ("readers", "A number of readers", "group", True),
        ("analysts", "many analysts at two banks", "group", True),
        ("two analysts", "many analysts", "group", False),
        ("harbour board aide", "one harbour board aide", "anonymous", True),
        ("vulnerable senators", "Most of the vulnerable senators", "group", True),
        ("harbour board members", "Other harbour board members", "group", True),
        ("vulnerable senators", "Most senators", "group", False),
        ("harbour protesters", "Hundreds of harbour protesters", "group", True),
        ("source close to the mayor", "Another source close to the mayor", "anonymous", True),
        ("harbour protesters", "four harbour protesters", "group", False),
        ("Okafor's advisers", "Mrs. Okafor's advisers", "anonymous", True),
        # a name inside a description, by the surname rule
        ("Lina Okafor's advisers", "Mrs. Okafor's advisers", "anonymous", True),
        ("a source close to Lina Okafor", "A source close to Okafor", "anonymous", True),
        ("Lina Okafor's advisers", "Peter Okafor's advisers", "anonymous", False),
        ("a source close to Lina Okafor", "A source close to Ivo Hart", "anonymous", False),
        # an owner only one side names
        ("critics", "Okafor's critics", "group", True),
        ("Okafor\u2019s critics in the party", "critics", "group", True),
        ("Okafor's critics", "Hart's critics", "group", False),
        ("critics", "Okafor's supporters", "group", False),
        # so are shares of the group
        ("Ohio primary voters", "About four in 10 Ohio primary voters", "group", True),
        ("nurses", "47 percent of nurses", "group", True),
        ("members", "Nearly two-thirds of the members", "group", True),
        ("voters in Ohio", "voters", "group", True),
        ("half a dozen senators", "senators", "group", False),
        ("voters in Ohio", "Ohio voters", "group", False),
        # people speaking together, in either order, each by the surname rule
        ("Lina Okafor and Ivo Hart", "Hart and Okafor", "group", True),
        ("Lina Okafor, Ivo Hart and Ana Ruiz", "Ana Ruiz, Lina Okafor, and Ivo Hart", None, True),
        ("Lina Okafor and Ivo Hart", "Okafor and Ruiz", "group", False),
        ("Lina Okafor and Ivo Hart", "Peter Okafor and Ivo Hart", "group", False),
        ("Lina Okafor and Ivo Hart", "Lina Okafor", "group", False),
        ("parents and teachers", "Parents", "group", False),
        # A person's name is never cut: the first-name rule still applies.
        ("Lina Okafor", "Lina", "person", False),
        ("Lina Okafor", "Lina", None, False),
    ],
)
def test_descriptions_match_when_one_begins_the_other(gold, predicted, kind, expected):
    assert names_match(gold, predicted, kind) is expected


def test_report_dict_is_deterministic_json(tmp_path):
    gold = read_gold(write_gold(tmp_path, [article_a(**ALL_EXTRAS)]))
    r1 = report_to_dict(score(gold, {"art-a": perfect_doc_a()}, SAYING))
    r2 = report_to_dict(score(gold, {"art-a": perfect_doc_a()}, SAYING))
    assert json.dumps(r1) == json.dumps(r2)
    assert list(r1) == [
        "articles",
        "saying_lemmas",
        "predicted_dropped_ignored",
        "predicted_invalid",
        "subsets",
    ]
    assert list(r1["subsets"]["all"])[:3] == ["n_gold", "n_predicted", "content_exact"]


def test_continuation_is_joined_to_the_quote_it_continues(tmp_path):
    """Gold has one discontinuous content; the engine emits quote + continuation."""
    text = "“We are ready,” said Ana Ruiz. “The ferries run Monday.” The harbour was quiet."
    first, second = (0, 15), (31, 56)
    gold_line = {
        "id": "g1",
        "text": text,
        "quotes": [
            {
                "id": "q1",
                "content": {
                    "start": 0,
                    "end": 56,
                    "text": text[0:56],
                    "fragments": [
                        {"start": a, "end": b, "text": text[a:b]} for a, b in (first, second)
                    ],
                },
                "speaker": {"start": 21, "end": 29, "text": "Ana Ruiz"},
                "cue": {"start": 16, "end": 20, "text": "said"},
                "type": "direct",
                "has_source": True,
            }
        ],
    }
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(gold_line), encoding="utf-8")

    def attribution(span, rule, cue):
        return {
            "content": {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]},
            "kind": "direct",
            "cue": cue,
            "speaker": "s1",
            "speaker_mention": {"start": 21, "end": 29, "text": "Ana Ruiz"},
            "source": None,
            "rule": rule,
        }

    cue = {"start": 16, "end": 20, "text": "said", "lemma": "say"}
    predicted = {
        "g1": {
            "speakers": [{"id": "s1", "name": "Ana Ruiz"}],
            "sources": [],
            "attributions": [
                attribution(first, "speech-verb-after-content", cue),
                attribution(second, "continuation-quote", None),
            ],
        }
    }
    report = report_to_dict(score(read_gold(gold_file), predicted, frozenset({"say"})))
    overlap = report["subsets"]["all"]["content_overlap"]
    assert (overlap["precision"], overlap["recall"]) == (1.0, 1.0)


def test_continuation_skips_an_indirect_report_between(tmp_path):
    """“A,” she said, adding that X. “B.”: B continues the quotation A, not the report X."""
    text = "“We are ready,” said Ana Ruiz, adding that fares would fall. “The ferries run Monday.”"
    first, added, second = (0, 15), (43, 59), (61, 86)
    assert text[added[0] : added[1]] == "fares would fall"

    def span(a, b):
        return {"start": a, "end": b, "text": text[a:b]}

    def gold_quote(qid, ranges, kind, cue):
        return {
            "id": qid,
            "content": {
                **span(ranges[0][0], ranges[-1][1]),
                "fragments": [span(*r) for r in ranges],
            },
            "speaker": span(21, 29),
            "cue": span(*cue),
            "type": kind,
        }

    gold_line = {
        "id": "g1",
        "text": text,
        "quotes": [
            gold_quote("q1", [first, second], "direct", (16, 20)),
            gold_quote("q2", [added], "indirect", (31, 37)),
        ],
    }
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(gold_line), encoding="utf-8")

    def attribution(ranges, kind, rule, cue):
        return {
            "content": span(*ranges),
            "kind": kind,
            "cue": cue,
            "speaker": "s1",
            "speaker_mention": span(21, 29),
            "source": None,
            "rule": rule,
        }

    predicted = {
        "g1": {
            "speakers": [{"id": "s1", "name": "Ana Ruiz"}],
            "sources": [],
            "attributions": [
                attribution(
                    first, "direct", "speech-verb-after-content", {**span(16, 20), "lemma": "say"}
                ),
                attribution(
                    added, "indirect", "participle-speech-verb", {**span(31, 37), "lemma": "add"}
                ),
                attribution(second, "direct", "continuation-quote", None),
            ],
        }
    }
    report = report_to_dict(score(read_gold(gold_file), predicted, frozenset({"say", "add"})))
    exact = report["subsets"]["all"]["content_exact"]
    assert (exact["precision"], exact["recall"]) == (1.0, 1.0)
