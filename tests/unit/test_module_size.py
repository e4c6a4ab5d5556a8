"""Each module of the package can be read at once: none is over 300 lines."""

from pathlib import Path

import dashboard

MAX_LINES = 300
PACKAGE = Path(dashboard.__file__).parent


def test_no_module_is_over_300_lines():
    lengths = {str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    assert len(lengths) > 10, "the package's modules were found"
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
