"""Sources: channel, outlet, audience, time, place and relay, read by the full engine.

Every sentence here is written for the test. Each case names the cue of the attribution
it checks and the source fields expected; fields not named are not checked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from attribution.dates import resolve_date

PUBLISHED = "2025-05-16"  # a Friday

# (text, cue, expected source fields)
CHANNELS = [
    (
        "The mayor said in a statement that the bridge would reopen.",
        "said",
        {"kind": "statement", "outlet": None, "audience": None},
    ),
    (
        "A statement from the ministry said the border would stay closed.",
        "said",
        {"kind": "statement"},
    ),
    (
        "The leaders agreed to meet again, according to a White House readout.",
        "according to",
        {"kind": "statement", "outlet": None},
    ),
    ("Profits doubled, the company said in a press release.", "said", {"kind": "press_release"}),
    (
        "The minister said in an interview with The Associated Press that taxes would fall.",
        "said",
        {"kind": "interview", "outlet": "The Associated Press"},
    ),
    (
        "The minister said in a CNN interview that talks would resume.",
        "said",
        {"kind": "interview", "outlet": "CNN"},
    ),
    (
        "The minister told CNN that talks would resume.",
        "told",
        {"kind": "interview", "outlet": "CNN", "audience": None},
    ),
    (
        "The mayor told the Times that the bridge would reopen.",
        "told",
        {"kind": "interview", "outlet": "the Times"},
    ),
    (
        "The chancellor said in a speech to the party conference that the party was united.",
        "said",
        {"kind": "speech", "audience": "the party conference"},
    ),
    (
        "The president said at a rally in Ohio that the economy was booming.",
        "said",
        {"kind": "speech", "place": "Ohio"},
    ),
    (
        "The spokesman told reporters that the talks had stalled.",
        "told",
        {"kind": "remarks", "audience": "reporters"},
    ),
    (
        "The ambassador told lawmakers that the sanctions were working.",
        "told",
        {"kind": "remarks", "audience": "lawmakers"},
    ),
    (
        "Speaking to reporters, the mayor said the bridge would reopen.",
        "said",
        {"kind": "remarks", "audience": "reporters"},
    ),
    (
        "The governor told a news conference that schools would close.",
        "told",
        {"kind": "press_conference"},
    ),
    (
        "Speaking at a news conference, the mayor said the bridge would reopen.",
        "said",
        {"kind": "press_conference"},
    ),
    ("The talks will continue, the spokeswoman said at a briefing.", "said", {"kind": "briefing"}),
    (
        "The senator said in a post on X that the vote was rigged.",
        "said",
        {"kind": "social_media", "outlet": "X"},
    ),
    (
        "The senator tweeted that the bill was dead.",
        "tweeted",
        {"kind": "social_media", "outlet": "X"},
    ),
    (
        "The singer wrote on Facebook that the tour was cancelled.",
        "wrote",
        {"kind": "social_media", "outlet": "Facebook"},
    ),
    (
        "The singer wrote in a reply on Instagram that the tour was cancelled.",
        "wrote",
        {"kind": "social_media", "outlet": "Instagram"},
    ),
    (
        "The ferry will run on Sunday, the port authority said in a post on X.",
        "said",
        {"kind": "social_media", "outlet": "X"},
    ),
    (
        "The surgeon told CBS's Evening News that the ward was full.",
        "told",
        {"kind": "broadcast", "outlet": "CBS"},
    ),
    (
        "Doctors signed a letter to the governor on Monday warning that the ward would close.",
        "warning",
        {"kind": "letter", "audience": "the governor"},
    ),
    (
        "The pitch was never level, the captain told Sport Radio 7's Final Whistle program.",
        "told",
        {"kind": "broadcast", "outlet": "Sport Radio 7"},
    ),
    (
        "The board knew about the leak, the engineer said from the witness stand.",
        "said",
        {"kind": "testimony"},
    ),
    (
        "The candidate told a rally of several thousand supporters that the race was tied.",
        "told",
        {"kind": "speech", "audience": "supporters"},
    ),
    (
        "The treasurer said at a dinner for donors that the debt was paid.",
        "said",
        {"kind": "remarks", "audience": "donors"},
    ),
    (
        "The coach said in an interview with The Associated Press that he would stay.",
        "said",
        {"kind": "interview", "audience": None},
    ),
    (
        "The minister said on Telegram that the bridge had been hit.",
        "said",
        {"kind": "social_media", "outlet": "Telegram"},
    ),
    (
        "She said in a letter to lawmakers that the budget was short.",
        "said",
        {"kind": "letter", "audience": "lawmakers"},
    ),
    (
        "The senator wrote in The Washington Post that the treaty was flawed.",
        "wrote",
        {"kind": "letter", "outlet": "The Washington Post"},
    ),
    ("The report says the river is polluted.", "says", {"kind": "report"}),
    (
        "The river is polluted, the agency said in a report released Tuesday.",
        "said",
        {"kind": "report"},
    ),
    ("The company said in a regulatory filing that it would cut jobs.", "said", {"kind": "report"}),
    ("The general testified that the troops were ready.", "testified", {"kind": "testimony"}),
    (
        "The general told the committee that the troops were ready.",
        "told",
        {"kind": "testimony", "audience": "the committee"},
    ),
    (  # a judge or lawyer speaking in court gives no testimony, only an audience
        "The couple forged the invoices, a prosecutor told the court on Tuesday.",
        "told",
        {"kind": "unspecified", "audience": "the court"},
    ),
    (
        "The witness told jurors that she had seen the car.",
        "told",
        {"kind": "testimony", "audience": "jurors"},
    ),
    (
        "Prosecutors said in court filings that the defendant had lied.",
        "said",
        {"kind": "court_filing"},
    ),
    (
        "The defendant hid the money abroad, according to court documents.",
        "according to",
        {"kind": "court_filing"},
    ),
    (
        "On a call with reporters, the official said the strikes would continue.",
        "said",
        {"kind": "call", "audience": "reporters"},
    ),
    (
        "Sales had risen, the chief executive told analysts on a conference call.",
        "told",
        {"kind": "call"},
    ),
    ("The company said in an email that the outage had been fixed.", "said", {"kind": "email"}),
    ("The spokesman emailed that the company would appeal.", "emailed", {"kind": "email"}),
    (
        "The senator said on Fox News that the deal was bad.",
        "said",
        {"kind": "broadcast", "outlet": "Fox News"},
    ),
    (
        "The senator told MSNBC's Morning Joe that the deal was bad.",
        "told",
        {"kind": "broadcast", "outlet": "MSNBC"},
    ),
    (
        "The senator said on CBS's Face the Nation that the deal was bad.",
        "said",
        {"kind": "broadcast", "outlet": "CBS"},
    ),
    (
        "Appearing on CNN, the senator said the deal was bad.",
        "said",
        {"kind": "broadcast", "outlet": "CNN"},
    ),
    (
        "The host said on his radio show that the election had been stolen.",
        "said",
        {"kind": "broadcast"},
    ),
    (
        "The chancellor said in Davos that growth would slow.",
        "said",
        {"kind": "unspecified", "place": "Davos"},
    ),
]

TIMES = [
    (
        "The mayor said in a statement on Friday that the bridge would reopen.",
        "said",
        {"kind": "statement", "when": "on Friday", "date": "2025-05-16"},
    ),
    (
        "The bridge will reopen, the mayor said in a statement Monday.",
        "said",
        {"kind": "statement", "when": "Monday", "date": "2025-05-12"},
    ),
    (
        "The mayor said Thursday night that the bridge would reopen.",
        "said",
        {"kind": "unspecified", "when": "Thursday night", "date": "2025-05-15"},
    ),
    (
        "The mayor said yesterday that the bridge would reopen.",
        "said",
        {"when": "yesterday", "date": "2025-05-15"},
    ),
    (
        "The mayor said last week that the bridge would reopen.",
        "said",
        {"when": "last week", "date": None},
    ),
    (
        "The mayor said on May 12 that the bridge would reopen.",
        "said",
        {"when": "on May 12", "date": "2025-05-12"},
    ),
]

VIA = [
    ("The minister told CNN, according to Axios, that talks would resume.", "told",
     {"kind": "interview", "outlet": "CNN", "via": "Axios"}),
    ("The minister told CNN that talks would resume, according to Axios.", "told",
     {"kind": "interview", "outlet": "CNN", "via": "Axios"}),
    ("The minister told CNN that talks would resume, Axios reported.", "told",
     {"kind": "interview", "outlet": "CNN", "via": "Axios"}),
    ("The company is near bankruptcy, Reuters reported, citing two officials.", "reported",
     {"via": "Reuters"}),
    ("The mayor said in a statement that the bridge would reopen.", "said", {"via": None}),
]  # fmt: skip

# Sentences with a cue but no channel outside the content: source null or unspecified.
NO_CHANNEL = [
    "He said he had pressed the leader in a call to end the strikes.",
    "The mayor said the bridge would reopen.",
    "The minister said that the statement had been misquoted.",
    "Asked about the report, the coach said it was unfair.",
    "The senator said after the speech that the vote would be close.",
    "The lawyer said the lawsuit would be dropped.",
    "The ministry denied that it had received a letter from the rebels.",
    "The Washington Post said the documents were authentic.",
    "Officials said the interview had been cancelled.",
    "The company said it would post its results on Friday.",
    "The governor said she had watched the rally on television.",
    "The teacher said the students had tweeted insults at the principal.",
    "Analysts said the hearing would be postponed.",
    "The spokesman said the email was fake.",
    "The general said the troops had testified about the raid.",
    "The mayor warned that the briefing notes were wrong.",
    "Responding to the interview, the coach said he would not resign.",
    "The aide called on Fox News to retract the story.",  # "call on": no broadcast
    "The website noted that the figures were out of date.",  # an outlet speaking, no channel
    "The New York Times wrote that the deal was dead.",  # its article, not a letter
]  # fmt: skip


def _two_attributions_one_source(document: dict) -> None:
    ids = [a["source"] for a in document["attributions"]]
    assert len(ids) == 2 and ids[0] is not None and ids[0] == ids[1], ids


def _source_of(document: dict, cue: str) -> dict | None:
    sources = {s["id"]: s for s in document["sources"]}
    for attribution in document["attributions"]:
        if attribution["cue"] and attribution["cue"]["text"] == cue:
            return sources.get(attribution["source"]) if attribution["source"] else None
    raise AssertionError(f"no attribution with cue {cue!r}: {document['attributions']}")


@pytest.mark.parametrize(("text", "cue", "expected"), CHANNELS + TIMES + VIA)
def test_source_fields(attributor, text: str, cue: str, expected: dict) -> None:
    source = _source_of(attributor.attribute(text, published=PUBLISHED), cue)
    assert source is not None, text
    assert {k: source[k] for k in expected} == expected


def test_every_source_kind_has_a_case() -> None:
    kinds = {expected["kind"] for _, _, expected in CHANNELS}
    assert kinds == {
        "statement", "press_release", "interview", "speech", "remarks", "press_conference",
        "briefing", "social_media", "letter", "report", "testimony", "court_filing", "call",
        "email", "broadcast", "unspecified",
    }  # fmt: skip


@pytest.mark.parametrize("text", NO_CHANNEL)
def test_no_channel(attributor, text: str) -> None:
    document = attributor.attribute(text, published=PUBLISHED)
    assert document["attributions"], text
    sources = {s["id"]: s for s in document["sources"]}
    for attribution in document["attributions"]:
        if attribution["nested_in"]:
            continue  # "the troops had testified about …" has its own channel, not the outer's
        source = sources.get(attribution["source"]) if attribution["source"] else None
        assert source is None or source["kind"] == "unspecified", (text, source)


def test_no_date_without_published(attributor) -> None:
    document = attributor.attribute("The bridge will reopen, the mayor said in a statement Monday.")
    (source,) = document["sources"]
    assert (source["when"], source["date"]) == ("Monday", None)


def test_same_utterance_shares_a_source(attributor) -> None:
    text = (
        "The bridge will reopen, the mayor said in a statement Friday. "
        "The tolls will fall, the mayor added in his statement Friday."
    )
    document = attributor.attribute(text, published=PUBLISHED)
    _two_attributions_one_source(document)
    assert len(document["sources"]) == 1
    assert len(document["sources"][0]["mentions"]) == 2


def test_continuation_quote_shares_the_source(attributor) -> None:
    text = '"The bridge will reopen," the mayor said in a statement. "The tolls will fall."'
    document = attributor.attribute(text, published=PUBLISHED)
    _two_attributions_one_source(document)


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        (
            "The bridge will reopen, the mayor said in a statement Monday. "
            "The tolls will fall, the mayor said in a statement Wednesday.",
            "date",
            ["2025-05-12", "2025-05-14"],
        ),
        (
            "The bridge will reopen, the mayor told reporters.\n"
            "The tolls will fall, the mayor told a crowd of supporters.",
            "audience",
            ["reporters", "a crowd of supporters"],
        ),
        (
            "The bridge will reopen, the mayor said in a statement. "
            "The tolls will fall, the mayor told reporters.",
            "kind",
            ["statement", "remarks"],
        ),
    ],
)
def test_different_occasions_get_different_sources(attributor, text, field, values) -> None:
    document = attributor.attribute(text, published=PUBLISHED)
    ids = [a["source"] for a in document["attributions"]]
    assert len(ids) == 2 and None not in ids and ids[0] != ids[1]
    assert [s[field] for s in document["sources"]] == values


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("Friday", "2025-05-16"),  # the publication day itself
        ("on Saturday", "2025-05-10"),
        ("Monday morning", "2025-05-12"),
        ("today", "2025-05-16"),
        ("yesterday", "2025-05-15"),
        ("May 12", "2025-05-12"),
        ("on June 3", "2024-06-03"),  # after publication: the year before
        ("March 3, 2024", "2024-03-03"),
        ("last week", None),
        ("earlier this month", None),
        ("Feb 30", None),
    ],
)
def testresolve_date(when: str, expected: str | None) -> None:
    assert resolve_date(when, dt.date(2025, 5, 16)) == expected
    assert resolve_date(when, None) is None


def test_definite_reference_joins_the_event_named_before(attributor):
    text = (
        "On a call with reporters, the mayor said the bridge would reopen.\n"
        "The city engineer said on the call that inspections were finished.\n"
        "In a separate statement, the council said it would pay for repairs."
    )
    document = attributor.attribute(text)
    by_start = {a["content"]["text"][:12]: a["source"] for a in document["attributions"]}
    sources = {s["id"]: s for s in document["sources"]}
    assert by_start["the bridge w"] == by_start["that inspect"]
    assert sources[by_start["the bridge w"]]["audience"] == "reporters"
    assert sources[by_start["it would pay"]]["kind"] == "statement"
    assert by_start["it would pay"] != by_start["the bridge w"]


def test_time_before_a_complement_belongs_to_the_cue(attributor):
    spoken = attributor.attribute(
        "The contractor said on Thursday it was ready.", published="2025-05-16"
    )
    (source,) = spoken["sources"]
    assert (source["when"], source["date"]) == ("on Thursday", "2025-05-15")
    reported = attributor.attribute(
        "The contractor said it was ready on Thursday.", published="2025-05-16"
    )
    assert reported["sources"] == []  # the day of the reported event, not of the saying


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chief executive told analysts on a conference call that sales had risen.",
            ("call", "analysts"),
        ),
        (
            "The Interior Ministry's statement that no live rounds were used was disputed.",
            ("statement", None),
        ),
    ],
)
def test_channel_and_audience_from_different_phrases(attributor, text, expected):
    (source,) = attributor.attribute(text)["sources"]
    assert (source["kind"], source["audience"]) == expected


def test_a_second_mention_of_the_event_completes_it(attributor):
    text = (
        "At a briefing on Tuesday, the health director said 14 cases had been confirmed.\n"
        "She told reporters at the briefing the number would rise."
    )
    document = attributor.attribute(text)
    _two_attributions_one_source(document)
    assert document["sources"][0]["audience"] == "reporters"


NEWS_CONFERENCE = (
    "Police arrested a man on Friday, Inspector Ruth Okonjo said at a news conference."
)


@pytest.mark.parametrize(
    "follow_up",
    [
        "The gallery had been searched twice, Okonjo said.",
        '"The gallery had been searched twice," she said.',
        "Okonjo added that the gallery had been searched twice.",
    ],
)
def test_the_speakers_next_plain_words_come_from_the_same_event(attributor, follow_up):
    document = attributor.attribute(f"{NEWS_CONFERENCE}\n{follow_up}")
    _two_attributions_one_source(document)
    assert document["sources"][0]["kind"] == "press_conference"


@pytest.mark.parametrize(
    "text",
    [
        # the scene is a document, not an event: a reporter often adds other words beside it
        "Police arrested a man on Friday, Inspector Ruth Okonjo said in a statement.\n"
        "The gallery had been searched twice, Okonjo said.",
        # another speaker came between
        f"{NEWS_CONFERENCE}\nThe guards were asleep, the museum said.\n"
        "The gallery had been searched twice, Okonjo said.",
        # a time of its own: another occasion
        f"{NEWS_CONFERENCE}\nThe gallery had been searched twice, Okonjo said on Monday.",
        # two paragraphs later: the scene has moved on
        f"{NEWS_CONFERENCE}\nThe museum is closed.\nThe guards are on leave.\n"
        "The gallery had been searched twice, Okonjo said.",
    ],
)
def test_plain_words_do_not_inherit_a_channel_otherwise(attributor, text):
    document = attributor.attribute(text)
    first, *_, last = document["attributions"]
    sources = {s["id"]: s for s in document["sources"]}
    assert first["source"] is not None and last["source"] != first["source"]
    assert last["source"] is None or sources[last["source"]]["kind"] == "unspecified"


def test_a_bare_wrote_after_a_post_is_the_same_post(attributor):
    text = (
        'The fire captain wrote on Facebook that crews had saved "every single home."\n'
        '"Proud of this team," he wrote.'
    )
    document = attributor.attribute(text)
    _two_attributions_one_source(document)
    assert document["sources"][0]["outlet"] == "Facebook"
    alone = attributor.attribute('"Proud of this team," the fire captain wrote.')
    assert [s["kind"] for s in alone["sources"]] == ["letter"]
