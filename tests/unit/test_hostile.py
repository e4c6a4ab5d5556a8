"""Every hostile file gives its expected outcome: no exception, a clear message or its rows
loaded with their text kept as text, within the time limit, and a report with no formula.

The files and their expectations are written by tests/data/hostile/make_hostile.py."""

import csv
import io
import time
import unicodedata
from pathlib import Path

import pytest

from dashboard.geocode import load_communes
from dashboard.reading import Deadline
from dashboard.text import FORMULA_STARTS, csv_bytes as download_csv
from dashboard.upload import read_own_table, report_csv
from dashboard import tables

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
# Generous: each parse stops itself at this limit; the test only checks that it does.
PARSE_SECONDS = 20.0

with (HOSTILE / "expected.csv").open(encoding="utf-8", newline="") as handle:
    CASES = list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def communes(refs):
    return load_communes(frozenset(refs.departments["department_code"]))


def test_the_corpus_is_large_and_complete():
    assert len(CASES) >= 200
    assert sorted(p.name for p in (HOSTILE / "files").iterdir()) == sorted(case["file"] for case in CASES)


def cells_of(csv_bytes: bytes) -> list[str]:
    text = csv_bytes.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def case_id(case: dict[str, str]) -> str:
    """The file name in ASCII: pytest escapes "é" in an id, and escapes that escape again when one
    process runs the tests twice (mutmut does), and then cannot find the test it is asked for."""
    return unicodedata.normalize("NFKD", case["file"]).encode("ascii", "ignore").decode()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_file(case, refs, communes):
    raw = (HOSTILE / "files" / case["file"]).read_bytes()
    started = time.monotonic()
    own = read_own_table(raw, case["file"], refs, communes, Deadline(PARSE_SECONDS))
    assert time.monotonic() - started < PARSE_SECONDS + 5

    result = own.result
    messages = [p.message_en for p in result.problems] + [n.message_en for n in own.notices]
    assert len(result.events) == int(case["rows"]), messages
    if case["problem"]:
        assert any(case["problem"] in message for message in messages), messages
    if not len(result.events):
        assert result.problems, "a file that loads nothing must say why"
    for problem in result.problems:
        assert problem.message_fr and problem.message_en and problem.text("fr") and problem.text("en")
    if case["payload"]:
        first_row = result.events.sort_values("line").iloc[0]
        assert first_row[case["column"]] == case["payload"].strip()

    # No download built from this file can hold a formula: the report, and the explorer's table.
    for lang in ("fr", "en"):
        report = report_csv(result, lang)
        explorer = download_csv(tables.explorer_table(result.events, lang, {}))
        for cell in cells_of(report) + cells_of(explorer):
            assert not cell.startswith(FORMULA_STARTS), cell
