"""The bundled table keeps the standard a historian would sign: every row linked, every level of
confidence earned, no URL cited for an unrelated place by accident."""

import csv
import pytest

from dashboard.data import DATA_DIR, load_events

SHARED_SOURCES = DATA_DIR / "shared_sources.csv"
REFERENCE_TEXT = "Texte de référence du projet"


@pytest.fixture(scope="module")
def events(refs):
    return load_events(refs=refs).events


def citations(source: str) -> list[str]:
    return [part for part in source.split(" ; ") if part.strip()]


def test_every_row_has_a_link_and_a_confidence_level(events):
    assert (events["source_url"].str.match(r"https?://")).all(), list(events[events["source_url"] == ""]["event_id"])
    assert events["confidence"].isin(["high", "medium", "low"]).all()


def test_high_confidence_rows_cite_two_sources_or_the_reference_text(events):
    high = events[events["confidence"] == "high"]
    weak = [row.event_id for row in high.itertuples()
            if len(citations(row.source)) < 2 and REFERENCE_TEXT not in row.source]
    assert weak == []


def test_unsourced_rows_are_never_high_or_medium(events):
    unsourced = events[events["source"].str.lower().str.startswith("unsourced")]
    assert (unsourced["confidence"] == "low").all()


def urls_shared_by_different_places(events) -> set[str]:
    places = events.groupby("source_url")["place"].nunique()
    return set(places[places > 1].index)


def test_a_url_shared_by_different_places_is_a_page_that_covers_them_all(events):
    with SHARED_SOURCES.open(encoding="utf-8") as file:
        allowed = {row["source_url"] for row in csv.DictReader(file) if row["reason"].strip()}
    shared = urls_shared_by_different_places(events)
    assert shared - allowed == set(), "cite a page about each place, or add the URL with a reason to shared_sources.csv"
    assert allowed - shared == set(), "a URL no longer shared: remove it from shared_sources.csv"


def test_an_accidental_repeat_is_caught(events):
    copy = events.copy()
    copy.loc[copy.index[0], "source_url"] = copy.iloc[-1]["source_url"]  # Corsica's row citing a May 1945 page
    assert copy.iloc[-1]["source_url"] in urls_shared_by_different_places(copy)


def test_other_dates_name_who_gives_them(events):
    disputed = events[events["other_dates"] != ""]
    assert len(disputed) >= 30  # the audit found about forty disagreements; each must stay visible
    for text in disputed["other_dates"]:
        for entry in text.split(" | "):
            assert len(entry) > len("1944-08-31: ") and entry[10:12] == ": ", entry


def test_reference_text_is_credited_to_the_site_that_publishes_it(events):
    assert not events["source"].str.contains("Musée de la Résistance en ligne, « Insurrections en régions »").any()
    seed_rows = events[events["source"].str.contains(REFERENCE_TEXT)]
    assert seed_rows["source"].str.contains("MRJ-MOI").all()
