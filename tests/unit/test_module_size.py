"""Each module of the package can be read at once: none is over 300 lines."""

import os
from pathlib import Path

import pytest

import dashboard

MAX_LINES = 300
PACKAGE = Path(dashboard.__file__).parent
# mutmut runs the suite on its own copy of the package, every function written out once per
# mutant: that copy is many times longer than the code we ship, which the normal run measures.
UNDER_MUTMUT = "MUTANT_UNDER_TEST" in os.environ


@pytest.mark.skipif(UNDER_MUTMUT, reason="mutmut's mutated copy of the package is not the shipped code")
def test_no_module_is_over_300_lines():
    lengths = {str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    assert len(lengths) > 10, "the package's modules were found"
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
