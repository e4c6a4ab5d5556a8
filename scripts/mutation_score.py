"""Print the score of the last `mutmut run` and its survivors per module (used by `make mutate`).

Survivors are the mutants no unit test noticed; "no tests" ones are lines no unit test runs.
The target is at most 10% survivors among the mutants tested (killed, timed out or survived).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

MUTMUT = Path(sys.executable).with_name("mutmut")
STATS = Path("mutants/mutmut-cicd-stats.json")
TARGET = 10.0  # per cent of surviving mutants allowed


def main() -> int:
    subprocess.run([MUTMUT, "export-cicd-stats"], check=True, capture_output=True)
    stats = json.loads(STATS.read_text())
    not_killed = stats["survived"] + stats["no_tests"]
    tested = stats["killed"] + stats["timeout"] + not_killed
    share = 100 * not_killed / tested if tested else 0.0
    listing = subprocess.run([MUTMUT, "results"], check=True, capture_output=True, text=True).stdout
    by_module = Counter(line.strip().split(".x_")[0] for line in listing.splitlines() if ": " in line)
    for module, count in by_module.most_common():
        print(f"{count:5}  {module}")
    print(f"mutants: {tested} tested, {stats['killed'] + stats['timeout']} killed, {stats['survived']} survived, "
          f"{stats['no_tests']} with no test; survivors {share:.1f}% (target <= {TARGET:.0f}%)")
    print("see one: .venv/bin/mutmut show <name>; all: .venv/bin/mutmut results")
    return 0 if share <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
