"""Load and check the rule files in ``rules/`` once, at start-up.

Rules are data: word lists (lexicons), dependency patterns for cues and channel
expressions for sources. Everything is checked before the first document is read, and
every problem in every file is reported together, so a bad edit to ``rules/`` stops
the program with one message that names the file, the rule and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from spacy.lang.en import English
from spacy.matcher import DependencyMatcher, Matcher

from .errors import AttributionError, message


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A named word list; ``classes`` maps a lemma to its cue class when entries carry one."""

    name: str
    words: frozenset[str]
    classes: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named dependency pattern that finds a cue, its speaker and its content."""

    name: str
    kind: str  # "dependency" (DependencyMatcher) or "token" (Matcher)
    confidence: float
    description: str
    pattern: tuple[Mapping[str, Any], ...]  # spaCy matcher format, lexicons expanded
    nodes: tuple[str, ...]  # token patterns: the node name of each element
    content: str  # strategy name, see attribute.py
    examples: tuple[Mapping[str, Any], ...]
    speaker: str | None = None  # where a pattern without a speaker node finds one


@dataclass(frozen=True, slots=True)
class ChannelRule:
    """A named expression that says through which channel something was said."""

    name: str
    channel: str
    description: str
    noun: str | None
    verb: str | None
    modifier: frozenset[str]
    object: str | None
    preposition: str | None
    outlet: str | None
    examples: tuple[str, ...]
    words: frozenset[str] = frozenset()  # lowercase names the object must be one of
    yields_to: frozenset[str] = frozenset()  # a bare guess: the speaker's previous source wins
    not_for_outlets: bool = False  # "the Times wrote" is no letter
    not_for_speakers: str | None = None  # a lexicon: "a prosecutor told jurors" is no testimony


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything in ``rules/``, checked; passed to the pipeline, never global."""

    lexicons: Mapping[str, Lexicon]
    patterns: tuple[PatternRule, ...]
    channels: tuple[ChannelRule, ...]
    adjustments: Mapping[str, float]

    def words(self, name: str) -> frozenset[str]:
        return self.lexicons[name].words

    def cue_class(self, lexicon: str, lemma: str) -> str | None:
        return self.lexicons[lexicon].classes.get(lemma)

    def known_outlet(self, text: str) -> bool:
        """Whether ``text`` ("CNN", "the Times") is in the outlets list, whatever its case."""
        known = {o.lower() for o in self.words("outlets")}
        lowered = text.lower()
        return lowered in known or lowered.removeprefix("the ") in known

    def adjust(self, confidence: float, *names: str) -> float:
        """Apply named adjustments, clamped to [0, 1] and rounded for stable output."""
        value = confidence + sum(self.adjustments[name] for name in names)
        return round(min(1.0, max(0.0, value)), 2)


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that refuses duplicate keys instead of keeping the last one (libyaml's
    parser when PyYAML has it: the first-name lists are long)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def default_rules_dir() -> Traversable:
    return files("attribution._rules")


def load_rules(directory: Traversable | None = None) -> RuleSet:
    """Read every ``*.yaml`` in ``directory`` and return a checked RuleSet.

    Raises AttributionError("rule-file-invalid") listing every problem found.
    """
    directory = directory or default_rules_dir()
    problems: list[str] = []
    raw: dict[str, dict] = {}
    for entry in sorted(directory.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = _read_yaml(entry, problems)
            if data is not None:
                raw[f"rules/{entry.name}"] = data
    schema = _rules_schema()
    validators = _validators(schema)
    for label, data in raw.items():
        shape = _shape_of(data)
        if shape is None:
            problems.append(f"{label}: top level needs one of: lexicon, rules, channels")
            continue
        for error in validators[shape].iter_errors(data):
            problems.append(f"{label}: {_locate(data, list(error.absolute_path))}: {error.message}")
    if problems:
        _fail(problems)
    lexicons = _lexicons(raw, problems)
    patterns, adjustments = _patterns(raw, lexicons, problems)
    channels = _channels(raw, lexicons, problems)
    _check_scene_channels(lexicons, schema, problems)
    _check_unique_names(raw, problems)
    if problems:
        _fail(problems)
    return RuleSet(
        lexicons=MappingProxyType(lexicons),
        patterns=tuple(patterns),
        channels=tuple(channels),
        adjustments=MappingProxyType(adjustments),
    )


def _fail(problems: list[str]) -> None:
    raise AttributionError(
        "rule-file-invalid", count=len(problems), problems="\n".join(f"  {p}" for p in problems)
    )


def _read_yaml(entry: Traversable, problems: list[str]) -> dict | None:
    try:
        data = yaml.load(entry.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        problems.append(f"rules/{entry.name}: {' '.join(str(err).split())}")
        return None
    if not isinstance(data, dict):
        problems.append(f"rules/{entry.name}: expected a mapping at the top level")
        return None
    return data


def _rules_schema() -> dict[str, Any]:
    return json.loads(
        (files("attribution._schemas") / "rules.schema.json").read_text(encoding="utf-8")
    )


def _validators(schema: dict[str, Any]) -> dict[str, Draft202012Validator]:
    return {
        shape: Draft202012Validator({**schema, "$ref": f"#/$defs/{shape}File"})
        for shape in ("lexicon", "pattern", "channel")
    }


def _shape_of(data: dict) -> str | None:
    if "lexicon" in data:
        return "lexicon"
    if "rules" in data:
        return "pattern"
    if "channels" in data:
        return "channel"
    return None


def _locate(data: dict, path: list[Any]) -> str:
    """A field path that starts at the rule's name when there is one: ``told.trigger``."""
    if len(path) >= 2 and path[0] in ("rules", "channels") and isinstance(path[1], int):
        item = data[path[0]][path[1]] if path[1] < len(data[path[0]]) else None
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            return ".".join([item["name"], *_json_parts(path[2:])]).replace(".[", "[")
    return ".".join(_json_parts(path)).replace(".[", "[") or "(top level)"


def _json_parts(path: list[Any]) -> list[str]:
    return [f"[{p}]" if isinstance(p, int) else str(p) for p in path]


def _lexicons(raw: dict[str, dict], problems: list[str]) -> dict[str, Lexicon]:
    lexicons: dict[str, Lexicon] = {}
    for label, data in raw.items():
        if "lexicon" not in data:
            continue
        name = data["lexicon"]
        if f"rules/{name}.yaml" != label:
            problems.append(f"{label}: lexicon: '{name}' must match the file name")
        words: list[str] = []
        classes: dict[str, str] = {}
        for item in data["entries"]:
            if isinstance(item, dict):
                words.append(item["lemma"])
                classes[item["lemma"]] = item["class"]
            else:
                words.append(item)
        if len(set(words)) != len(words):
            dupes = sorted({w for w in words if words.count(w) > 1})
            problems.append(f"{label}: entries: duplicates: {', '.join(dupes)}")
        lexicons[name] = Lexicon(name, frozenset(words), MappingProxyType(classes))
    return lexicons


def _expand(value: Any, lexicons: Mapping[str, Lexicon], where: str, problems: list[str]) -> Any:
    """Replace ``"@name"`` strings in a pattern by the sorted words of that lexicon, and
    ``"@name:class,class"`` by its words of those classes (``"@speech_verbs:belief"``), so
    a rule can leave out verbs of belief without a second list of them."""
    if isinstance(value, str) and value.startswith("@"):
        name, _, classes = value[1:].partition(":")
        lexicon = lexicons.get(name)
        if lexicon is None:
            file, rule = where.split(": ", 1)
            problems.append(message("unknown-lexicon", file=file, rule=rule, lexicon=name))
            return []
        if classes:
            wanted = set(classes.split(","))
            return sorted(w for w in lexicon.words if lexicon.classes.get(w) in wanted)
        return sorted(lexicon.words)
    if isinstance(value, dict):
        return {k: _expand(v, lexicons, where, problems) for k, v in value.items()}
    if isinstance(value, list):  # "@name" in a list adds its words to the list
        expanded: list[Any] = []
        for item in value:
            words = _expand(item, lexicons, where, problems)
            is_lexicon = isinstance(item, str) and item.startswith("@")
            if is_lexicon:
                expanded.extend(words)
            else:
                expanded.append(words)
        return expanded
    return value


def _patterns(
    raw: dict[str, dict], lexicons: Mapping[str, Lexicon], problems: list[str]
) -> tuple[list[PatternRule], dict[str, float]]:
    rules: list[PatternRule] = []
    adjustments: dict[str, float] = {}
    vocab = English().vocab
    matchers = {
        "dependency": DependencyMatcher(vocab, validate=True),
        "token": Matcher(vocab, validate=True),
    }
    for label, data in raw.items():
        if "rules" not in data:
            continue
        adjustments.update(data.get("adjustments", {}))
        for item in data["rules"]:
            where = f"{label}: {item['name']}"
            pattern = _expand(item["pattern"], lexicons, f"{where}.pattern", problems)
            nodes = tuple(item.get("nodes", ()))
            if (item["kind"] == "token") != bool(nodes) or (nodes and len(nodes) != len(pattern)):
                problems.append(f"{where}.nodes: token patterns name each element; others none")
            try:
                matchers[item["kind"]].add(item["name"], [pattern])
            except (ValueError, KeyError) as err:
                problems.append(f"{where}.pattern: {' '.join(str(err).split())}")
            rules.append(
                PatternRule(
                    name=item["name"],
                    kind=item["kind"],
                    confidence=float(item["confidence"]),
                    description=item["description"],
                    pattern=tuple(pattern),
                    nodes=nodes,
                    content=item["content"],
                    examples=tuple(item.get("examples", ())),
                    speaker=item.get("speaker"),
                )
            )
    return rules, adjustments


def _channels(
    raw: dict[str, dict], lexicons: Mapping[str, Lexicon], problems: list[str]
) -> list[ChannelRule]:
    rules: list[ChannelRule] = []
    for label, data in raw.items():
        for item in data.get("channels", ()):
            trigger = item["trigger"]
            obj = trigger.get("object")
            if obj and obj not in {"outlet", "programme"} and obj.lstrip("@") not in lexicons:
                problems.append(f"{label}: {item['name']}.trigger.object: '{obj}' is not defined")
            if not (trigger.get("noun") or trigger.get("verb") or trigger.get("preposition")):
                problems.append(f"{label}: {item['name']}.trigger: needs noun, verb or preposition")
            rules.append(
                ChannelRule(
                    name=item["name"],
                    channel=item["channel"],
                    description=item["description"],
                    noun=trigger.get("noun"),
                    verb=trigger.get("verb"),
                    modifier=frozenset(trigger.get("modifier", ())),
                    object=obj,
                    preposition=trigger.get("preposition"),
                    outlet=item.get("outlet"),
                    examples=tuple(item.get("examples", ())),
                    words=frozenset(w.lower() for w in trigger.get("words", ())),
                    yields_to=frozenset(item.get("yields_to", ())),
                    not_for_outlets=item.get("not_for_outlets", False),
                    not_for_speakers=item.get("not_for_speakers"),
                )
            )
    return rules


def _check_scene_channels(
    lexicons: Mapping[str, Lexicon], schema: dict[str, Any], problems: list[str]
) -> None:
    """The scene lexicon names source kinds; a typo there would silently carry nothing."""
    scene = lexicons.get("scene_channels")
    kinds = set(schema["$defs"]["sourceKind"]["enum"])
    for word in sorted(scene.words - kinds if scene else ()):
        problems.append(f"rules/scene_channels.yaml: entries: '{word}' is not a source kind")


def _rule_names(raw: dict[str, dict]) -> Iterator[tuple[str, str]]:
    for label, data in raw.items():
        for item in [*data.get("rules", ()), *data.get("channels", ())]:
            yield label, item["name"]


def _check_unique_names(raw: dict[str, dict], problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for label, name in _rule_names(raw):
        if name in seen:
            problems.append(f"{label}: {name}: name already used in {seen[name]}")
        seen.setdefault(name, label)
