"""Compare a mypy run with the committed baseline (.ci/mypy-baseline.txt), which may only shrink.

Entries are ``path: [code] message`` without line numbers (they move with every edit), one per
error, sorted. A new error fails; so does an entry that no longer occurs (delete it: run with
--update). Usage: python .ci/mypy_baseline.py [--update]   (runs mypy itself)
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".ci" / "mypy-baseline.txt"
LINE = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def current() -> Counter[str]:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-pretty", "--no-error-summary", "--show-error-codes"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not proc.stdout.strip()):
        sys.exit(f"mypy failed to run:\n{proc.stdout}{proc.stderr}")
    out: Counter[str] = Counter()
    for line in proc.stdout.splitlines():
        m = LINE.match(line)
        if m:
            out[f"{m['path']}: [{m['code']}] {m['message']}"] += 1
    return out


def main() -> int:
    now = current()
    if "--update" in sys.argv:
        known = Counter(BASELINE.read_text(encoding="utf-8").splitlines()) if BASELINE.exists() else Counter()
        grown = now - known
        if grown and "--allow-growth" not in sys.argv:
            print("refusing to add errors to the baseline (fix them instead):", *sorted(grown), sep="\n  ")
            return 1
        BASELINE.write_text("".join(f"{e}\n" for e in sorted(now.elements())), encoding="utf-8")
        print(f"baseline: {sum(now.values())} errors")
        return 0
    base = Counter(BASELINE.read_text(encoding="utf-8").splitlines())
    new, gone = now - base, base - now
    for e in sorted(new.elements()):
        print(f"new mypy error: {e}")
    for e in sorted(gone.elements()):
        print(f"fixed, remove from .ci/mypy-baseline.txt: {e}")
    if new or gone:
        print("(python .ci/mypy_baseline.py --update rewrites the baseline once only removals remain)")
        return 1
    print(f"mypy: {sum(now.values())} errors, all in the baseline (strict mode; it may only shrink)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
