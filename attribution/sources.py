"""Where and when each statement was made: one source per utterance.

The channel, outlet, audience and place come from the words around each cue
(``channels.py``); this stage adds the time, the relaying outlet and the issuer, and
decides which attributions share a source: one utterance named again, a continuation,
a speaker's next plain words at the same event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .attribute import Attribution, Span
from .channels import (
    PLACE_ENTS,
    Source,
    cue_audience,
    outside,
    phrase,
    prep_objects,
    read_channel,
    token_span,
)
from .dates import resolve_date
from .quotes import paragraph_breaks
from .rules import RuleSet

TIME_ENTS = frozenset({"DATE", "TIME"})
# Two mentions of one channel kind by one speaker are one utterance unless these differ:
# "told reporters on Monday" and "told reporters on Friday" were two occasions.
DISTINCT_FIELDS = ("when", "audience", "place")


@dataclass(frozen=True, slots=True)
class LinkedSources:
    sources: tuple[Source, ...]
    of_attribution: tuple[int | None, ...]


def link_sources(
    doc: Doc,
    attributions: Sequence[Attribution],
    speakers_of: Sequence[int | None],
    rules: RuleSet,
    published: dt.date | None,
) -> LinkedSources:
    """One source per utterance; attributions of the same utterance share it."""
    sources: list[Source] = []
    chosen: list[int | None] = []
    cue_tokens = frozenset(a.cue_head for a in attributions if a.cue_head is not None)
    yields = {rule.name: rule.yields_to for rule in rules.channels}
    said = [not _nested(attributions, j) for j in range(len(attributions))]
    for index, attribution in enumerate(attributions):
        if attribution.continues is not None:
            chosen.append(chosen[attribution.continues])
            continue
        found = _read_source(doc, attribution, cue_tokens, rules, published)
        scene = _scene(doc, attributions, said, speakers_of, chosen, index)
        if scene is not None and _carries(sources[scene], found, yields, rules):
            chosen.append(scene)
            continue
        if found is None:
            chosen.append(None)
            continue
        found.speaker = speakers_of[index]
        same = _same_utterance(sources, found)
        if same is None:
            sources.append(found)
            chosen.append(len(sources) - 1)
        else:
            _merge(sources[same], found)
            chosen.append(same)
    return LinkedSources(
        tuple(sources), tuple(_inherit_from_container(attributions, speakers_of, chosen))
    )


def _merge(source: Source, again: Source) -> None:
    """A second mention of an utterance may say more of it: "At a briefing on Tuesday, …"
    then "she told reporters at the briefing" gives the briefing its audience."""
    source.mentions |= again.mentions
    for name in ("outlet", "audience", "when", "date", "place", "via"):
        if getattr(source, name) is None:
            setattr(source, name, getattr(again, name))


def _scene(
    doc: Doc,
    attributions: Sequence[Attribution],
    said: Sequence[bool],
    speakers_of: Sequence[int | None],
    chosen: list[int | None],
    index: int,
) -> int | None:
    """The source of the attribution just before, when the same speaker made it in the
    same or the previous paragraph (and this one is not nested in it, nor a noun cue: "the
    minister's claim that …" names what was said, not a new thing said). ``said`` marks
    the attributions not nested in another's content: words reported inside what was
    said before ("water samples showed …") do not count."""
    last = next((j for j in reversed(range(index)) if said[j]), None)
    if last is None or chosen[last] is None or speakers_of[index] is None:
        return None
    before, current = attributions[last], attributions[index]
    if current.cue_head is not None and doc[current.cue_head].pos_ == "NOUN":
        return None
    if speakers_of[last] != speakers_of[index] or before.content[1] > current.content[0]:
        return None
    if paragraph_breaks(doc.text, before.content[1], current.content[0]) > 1:
        return None
    return chosen[last]


def _nested(attributions: Sequence[Attribution], index: int) -> bool:
    inner = attributions[index]
    if inner.cue is None:
        return False
    return any(
        outer.content[0] <= inner.cue[0] < outer.content[1]
        for j, outer in enumerate(attributions)
        if j != index
    )


def _carries(
    scene: Source, found: Source | None, yields: dict[str, frozenset[str]], rules: RuleSet
) -> bool:
    """Whether a speaker's next words come from the scene just set: a plain "Okonjo said"
    after "said at a news conference" (the event goes on; an article names a new setting
    when there is one), or "he wrote" (a bare guess of a letter) after "wrote on Facebook"."""
    if found is None:
        return scene.kind in rules.words("scene_channels")
    if found.kind == "unspecified":
        bare = not (found.when or found.audience or found.via)
        fits = found.place is None or scene.place in (None, found.place)
        return bare and fits and scene.kind in rules.words("scene_channels")
    return scene.kind in yields.get(found.rule or "", frozenset())


def _inherit_from_container(
    attributions: Sequence[Attribution], speakers_of: Sequence[int | None], chosen: list[int | None]
) -> list[int | None]:
    """A speaker's words nested in their own utterance share its source: "in a speech …,
    calling it a template for an accord he termed the “Abraham Alliance”"."""
    result = list(chosen)
    for index, inner in enumerate(attributions):
        if result[index] is not None or inner.cue is None or speakers_of[index] is None:
            continue
        for outer_index, outer in enumerate(attributions):
            inside = outer.content[0] <= inner.cue[0] < outer.content[1]
            if inside and outer_index != index and speakers_of[outer_index] == speakers_of[index]:
                result[index] = result[outer_index]
                break
    return result


def _same_utterance(sources: list[Source], new: Source) -> int | None:
    """Same issuer, same channel, nothing that tells them apart (time, audience, place):
    "in his statement Friday" again; or a definite reference to the latest event of that
    kind: "said on the call", "at the briefing"."""
    if new.kind == "unspecified":
        return None
    for index in reversed(range(len(sources))):
        old = sources[index]
        if old.kind != new.kind or new.outlet not in (None, old.outlet):
            continue
        if any(_differ(getattr(old, name), getattr(new, name)) for name in DISTINCT_FIELDS):
            continue
        if (new.speaker is not None and old.speaker == new.speaker) or new.refers_back:
            return index
    return None


def _differ(old: str | None, new: str | None) -> bool:
    return old is not None and new is not None and old.lower() != new.lower()


def _read_source(
    doc: Doc,
    attribution: Attribution,
    cue_tokens: frozenset[int],
    rules: RuleSet,
    published: dt.date | None,
) -> Source | None:
    if attribution.cue_head is None:
        return None
    cue = doc[attribution.cue_head]
    anchors = list(_anchors(doc, cue, attribution, cue_tokens - {cue.i}))
    source = read_channel(cue, anchors, attribution, rules) or Source("unspecified")
    when = _when(anchors, attribution, rules)
    if when is not None:
        source.when = doc.text[when[0] : when[1]]
        source.date = resolve_date(source.when, published)
    source.place = source.place or _place(cue, attribution)
    source.audience = source.audience or cue_audience(cue, attribution, rules)
    source.via = _via(cue, attribution, cue_tokens - {cue.i}, rules)
    if source.kind == "unspecified" and not (
        source.when or source.place or source.audience or source.via
    ):
        return None
    return source


def _anchors(
    doc: Doc, cue: Token, attribution: Attribution, other_cues: frozenset[int]
) -> Iterator[Token]:
    """Words whose dependents may name the channel: the cue, its speaker, and for a cue
    buried in a relative or adverbial clause, the verbs above it up to another cue."""
    yield cue
    if attribution.speaker_head is not None:
        yield doc[attribution.speaker_head]
    token = cue
    while token.dep_ not in {"ROOT", "ccomp"} and token.head.i != token.i:
        token = token.head
        if token.i in other_cues:
            return
        if token.pos_ in {"VERB", "AUX"}:
            yield token


def _via(
    cue: Token, attribution: Attribution, other_cues: frozenset[int], rules: RuleSet
) -> str | None:
    """The outlet that relayed the statement: "told CNN, according to Axios", "…, Axios
    reported" around the cue, or the outlet itself in "Reuters reported, citing officials"."""
    if cue.lower_ == "according":
        return None
    speaker = attribution.speaker_head
    if speaker is not None and any(
        c.dep_ == "advcl" and c.lemma_.lower() in {"cite", "quote"} for c in cue.children
    ):
        head = cue.doc[speaker]
        if rules.known_outlet(phrase(head)):
            return phrase(head)
    for token in cue.sent:
        if token.lower_ != "according" or token.i == cue.i:
            continue
        for to in (c for c in token.children if c.lower_ == "to"):
            for obj in (g for g in to.children if g.dep_ == "pobj"):
                if not rules.known_outlet(phrase(obj)):
                    continue
                if _at_content_edge(token, obj, attribution):
                    return phrase(obj)
    for ancestor in cue.ancestors:
        if ancestor.i in other_cues and ancestor.lemma_.lower() in {"report", "say"}:
            for subject in ancestor.children:
                if subject.dep_ == "nsubj" and rules.known_outlet(phrase(subject)):
                    return phrase(subject)
            return None
    return None


def _at_content_edge(first: Token, last: Token, attribution: Attribution) -> bool:
    """A phrase outside the content, or at its very start or end (", according to Axios,")."""
    start, end = first.idx, last.idx + len(last)
    content_start, content_end = attribution.content
    if end <= content_start or start >= content_end:
        return True
    text = first.doc.text
    return not text[content_start:start].strip(" ,") or not text[end:content_end].strip(" ,.")


def _when(anchors: list[Token], attribution: Attribution, rules: RuleSet) -> Span | None:
    """A time expression attached to the cue or to its channel phrase."""
    time_words = rules.words("time_words")
    for anchor in anchors[:2]:
        for token in _time_candidates(anchor):
            if not outside(token, attribution):
                continue
            named = [token, *(c for c in token.children if token.dep_ == "prep")]
            if any(t.ent_type_ in TIME_ENTS or t.lower_ in time_words for t in named):
                return token_span(token.left_edge, token.right_edge)
    return None


def _time_candidates(anchor: Token) -> Iterator[Token]:
    for child in anchor.children:
        if child.dep_ in {"npadvmod", "advmod", "tmod"}:
            yield child
        if child.dep_ == "ccomp":  # "said on Thursday it was …": outside the content, on the cue
            yield from (g for g in child.lefts if g.dep_ in {"prep", "npadvmod"})
        if child.dep_ == "prep":
            for grandchild in child.children:
                if (
                    grandchild.dep_ == "pobj"
                    and grandchild.ent_type_ in TIME_ENTS
                    and child.lower_ == "on"
                ):
                    yield child
                if grandchild.dep_ == "pobj":
                    yield from (g for g in grandchild.children if g.dep_ == "npadvmod")
                    yield from (  # "in a statement on Friday"
                        g
                        for g in grandchild.children
                        if g.dep_ == "prep"
                        and g.lower_ == "on"
                        and any(p.dep_ == "pobj" and p.ent_type_ in TIME_ENTS for p in g.children)
                    )


def _place(cue: Token, attribution: Attribution) -> str | None:
    for obj in prep_objects(cue, {"in", "at"}, attribution):
        if obj.ent_type_ in PLACE_ENTS:
            return phrase(obj)
    return None
