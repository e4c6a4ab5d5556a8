"""Disagreements between sources and the confidence of each row, as the explorer and the Sources page show them."""

import datetime as dt

import pytest

from dashboard import tables
from dashboard.data import load_events
from dashboard.disputes import OtherDate, format_other_dates, parse_other_dates

from helpers import DATA_DIR

FIRST, LAST = dt.date(1943, 1, 1), dt.date(1945, 12, 31)


@pytest.fixture(scope="module")
def disputed(refs):
    result = load_events(DATA_DIR / "disputed_events.csv", refs)
    assert result.ok, [p.text("en") for p in result.problems]
    return result.events.set_index("event_id", drop=False)


@pytest.mark.parametrize("text, dates, errors", [
    ("", [], 0),
    ("1944-08-31: AD Drôme", [OtherDate(dt.date(1944, 8, 31), "AD Drôme")], 0),
    ("1944-08-31:AD | 1944-08-30: Ville", [OtherDate(dt.date(1944, 8, 31), "AD"), OtherDate(dt.date(1944, 8, 30), "Ville")], 0),
    ("1944-08-31", [], 1),  # who gives it is required
    ("31/08/1944: AD", [], 1),
    ("1944-02-30: AD", [], 1),
    ("1942-12-31: AD | 1944-08-31: AD", [OtherDate(dt.date(1944, 8, 31), "AD")], 1),
])
def test_parse_other_dates(text, dates, errors):
    parsed, problems = parse_other_dates(text, FIRST, LAST)
    assert parsed == dates
    assert len(problems) == errors
    assert all(p.message_fr != p.message_en for p in problems)


def test_format_round_trips():
    text = "1944-08-31: Archives départementales de la Drôme | 1944-08-30: Ville de Valence"
    assert format_other_dates(parse_other_dates(text, FIRST, LAST)[0]) == text


def test_other_dates_read_in_the_ui_language(disputed):
    text = disputed.loc["liberation-valence", "other_dates"]
    assert tables.other_dates_text(text, "fr") == ("31 août 1944 (Archives départementales de la Drôme) ; "
                                                   "30 août 1944 (Ville de Valence)")
    assert tables.other_dates_text(text, "en").startswith("31 August 1944 (Archives")


def test_confidence_filter_and_counts(disputed):
    assert list(tables.with_confidence(disputed, ["high", "low"])["event_id"]) == ["liberation-valence", "liberation-lyon"]
    assert len(tables.with_confidence(disputed, [])) == len(disputed)
    counts = tables.confidence_counts(disputed, "en")
    assert counts["Rows"].tolist() == [1, 1, 1, 1]
    assert counts["Confidence"].tolist()[-1] == "not assessed"


def test_explorer_shows_confidence_and_other_dates(disputed, refs):
    table = tables.explorer_table(disputed, "fr", {})
    row = table[table["Titre"] == "Libération de Valence"].iloc[0]
    assert row["Fiabilité"].startswith("élevée") and "31 août 1944" in row["Autres dates données"]
