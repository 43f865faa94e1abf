"""Speed and memory of the engine, as ratios against bare spaCy parsing.

Run: ``.venv/bin/python benchmarks/bench_speed.py [FILE ...] [--repeat N]``. With no
files it uses the seed article. Prints one JSON object: seconds per document for bare
``nlp.pipe`` (the same pipeline without the segmenter and coreferee), for the full
engine, their ratio, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import spacy

from attribution import Attributor
from attribution.models import choose_model

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_fe27aea19974976f.txt"


def _seconds(run, texts: list[str], repeat: int) -> float:
    """Best of ``repeat`` runs, per document: the least disturbed measurement."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - start)
    return best / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[SEED])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-coref", action="store_true")
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in args.files]

    bare = spacy.load(choose_model())
    engine = Attributor(coref=not args.no_coref)
    bare_s = _seconds(lambda docs: list(bare.pipe(docs)), texts, args.repeat)
    engine_s = _seconds(
        lambda docs: list(engine.pipe((str(i), t) for i, t in enumerate(docs))), texts, args.repeat
    )
    print(
        json.dumps(
            {
                "documents": len(texts),
                "characters": sum(map(len, texts)),
                "coreference": engine.engine.coreference,
                "bare_spacy_s_per_doc": round(bare_s, 4),
                "engine_s_per_doc": round(engine_s, 4),
                "ratio_engine_to_bare": round(engine_s / bare_s, 2),
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
