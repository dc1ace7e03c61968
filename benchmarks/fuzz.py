"""The large fuzz run: hostile org files through the real command line; exit 3 must not occur.

    python benchmarks/fuzz.py                 # 10,000 files, seed 0
    python benchmarks/fuzz.py -n 50000 --seed 7

Each generated file (tests/fuzzgen.py: explicit tags, numeric extremes, non-string keys,
Unicode normalisation, invisible characters, YAML 1.1 words) is run through ``csdesign
render`` and ``csdesign lint --format json`` in-process, the way tests/corpus runs the CLI.
It prints the number of files, the exit codes seen and the time, and fails (exit 1) on the
first exit 3 or traceback, printing the file. CI runs the same property seeded and bounded
(tests/test_fuzz.py, 150 files); docs/limits.md records the last large run.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--cases", type=int, default=10_000, help="files to generate (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (default 0)")
    args = parser.parse_args()

    from hypothesis import HealthCheck, given, seed, settings

    from tests.fuzzgen import hostile_org
    from tests.test_fuzz import check_hostile

    seen: collections.Counter[tuple[int, int]] = collections.Counter()
    count = 0

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)

        @seed(args.seed)
        @settings(max_examples=args.cases, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(hostile_org())
        def one(text: str) -> None:
            nonlocal count
            count += 1
            render, lint = check_hostile(text, directory)
            seen[(render, lint)] += 1

        start = time.perf_counter()
        try:
            one()
        except AssertionError as exc:
            print(f"FAILED after {count:,} files: {exc}", file=sys.stderr)
            return 1
        elapsed = time.perf_counter() - start
    print(f"{count:,} hostile files (seed {args.seed}) in {elapsed:.0f} s; no exit 3, no traceback")
    print("exit codes (render, lint): " + ", ".join(f"{k}: {v:,}" for k, v in sorted(seen.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
