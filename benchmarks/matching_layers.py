"""What each matching layer adds: precision and recall on tests/data/matching-pairs.tsv.

    python benchmarks/matching_layers.py

Variants (each changes one layer of analysis/matching.py and keeps the others):
  exact strings      the names as written (what csdesign compared before the vocabulary)
  normalised words   normalisation + words, no vocabulary (same words in any order = same)
  shipped            everything: normalisation, segmentation, lemmas, vocabulary, fuzzy
  no fuzzy           the fuzzy fallback off
  jieba-rs           Chinese segmented by rjieba (jieba-rs) instead of the vocabulary's
                     longest match (skipped when rjieba is not installed)
  simplemma          English lemmas from simplemma instead of the built-in rules
                     (skipped when simplemma is not installed)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from csdesign.analysis import matching  # noqa: E402
from csdesign.knowledge.vocabulary import builtin  # noqa: E402
from tests.analysis.test_matching import load_pairs  # noqa: E402


def score(rows, same) -> tuple[float, float, int, int]:
    tp = fp = fn = 0
    for kind, a, b, gold, _ in rows:
        pred = same(kind, a, b)
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    return tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn), fp, fn


def matchers(words_cls=None, fuzzy: bool = True):
    saved = matching.Words
    if words_cls is not None:
        matching.Words = words_cls
    try:
        duty = matching.Matcher(builtin(), matching.DUTY_KINDS)
        kpi = matching.Matcher(builtin(), matching.KPI_KINDS)
    finally:
        matching.Words = saved
    if not fuzzy:
        for m in (duty, kpi):
            m._fuzzy_lookup = lambda name, norm: None  # type: ignore[method-assign]

    def same(kind: str, a: str, b: str) -> bool:
        m = kpi if kind == "kpi" else duty
        return m.key(a) == m.key(b)

    return same


def main() -> int:
    rows = load_pairs()
    variants: list[tuple[str, object]] = [
        ("exact strings", lambda kind, a, b: a == b),
        ("normalised words", _words_only()),
        ("shipped", matchers()),
        ("no fuzzy", matchers(fuzzy=False)),
    ]
    try:
        import rjieba

        class Jieba(matching.Words):
            def segment(self, run: str) -> list[str]:
                return [w for w in rjieba.cut(run) if w.strip()]

        variants.append(("jieba-rs segmentation", matchers(Jieba)))
    except ImportError:
        print("(rjieba not installed: jieba-rs variant skipped)")
    try:
        import simplemma

        class Simplemma(matching.Words):
            def lemma(self, word: str) -> str:
                d = self.vocab.derivations
                w = simplemma.lemmatize(word, lang="en")
                return matching._efold(d.get(w, w))

        variants.append(("simplemma lemmas", matchers(Simplemma)))
    except ImportError:
        print("(simplemma not installed: simplemma variant skipped)")
    print(f"{len(rows)} pairs ({sum(1 for r in rows if r[3])} same, {sum(1 for r in rows if not r[3])} different)")
    print(f"{'variant':<24} {'precision':>9} {'recall':>7} {'FP':>4} {'FN':>4} {'ms':>6}")
    for name, same in variants:
        start = time.perf_counter()
        p, r, fp, fn = score(rows, same)
        ms = (time.perf_counter() - start) * 1000
        print(f"{name:<24} {p:>9.3f} {r:>7.3f} {fp:>4} {fn:>4} {ms:>6.0f}")
    return 0


def _words_only():
    m = matching.Matcher(builtin(), ())  # no concepts of any kind: words only

    def same(kind: str, a: str, b: str) -> bool:
        return m.key(a) == m.key(b)

    return same


if __name__ == "__main__":
    raise SystemExit(main())
