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


def results() -> list[tuple[str, str]]:
    """(mutant, status) for every mutant mutmut generated, tested or not."""
    listing = subprocess.run([MUTMUT, "results", "--all", "true"], check=True, capture_output=True, text=True).stdout
    pairs = (line.strip().rpartition(": ") for line in listing.splitlines() if ": " in line)
    return [(name, status) for name, _, status in pairs]


def main() -> int:
    if "--survivors" in sys.argv[1:]:  # for `make mutate-survivors`: their names, one per line
        print("\n".join(name for name, status in results() if status in ("survived", "no tests")))
        return 0
    subprocess.run([MUTMUT, "export-cicd-stats"], check=True, capture_output=True)
    stats = json.loads(STATS.read_text())
    not_killed = stats["survived"] + stats["no_tests"]
    tested = stats["killed"] + stats["timeout"] + not_killed
    share = 100 * not_killed / tested if tested else 0.0
    listed = results()
    unchecked = sum(1 for _, status in listed if status == "not checked")
    by_module = Counter(name.split(".x_")[0].split(".xǁ")[0] for name, status in listed if status in ("survived", "no tests"))
    for module, count in by_module.most_common():
        print(f"{count:5}  {module}")
    print(f"mutants: {tested} tested, {stats['killed'] + stats['timeout']} killed ({stats['timeout']} by timeout), "
          f"{stats['survived']} survived, {stats['no_tests']} with no test; survivors {share:.1f}% (target <= {TARGET:.0f}%)")
    print("see one: .venv/bin/mutmut show <name>; all: .venv/bin/mutmut results")
    if unchecked:  # a score over part of the mutants is not the score
        print(f"INCOMPLETE: {unchecked} of {len(listed)} mutants not tested yet; `make mutate` resumes the run")
        return 1
    return 0 if share <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
