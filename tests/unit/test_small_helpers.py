"""Helpers the page tests use but no unit test checked: search, the unsourced rows, a chapter's
language, the map's fly-to view, the served outlines' simplification."""

import datetime as dt

import pytest

from dashboard import tables
from dashboard.chapters import Chapter
from dashboard.geo import simplify_for_web


@pytest.mark.parametrize("query, expected", [
    ("", None),
    ("   ", None),
    ("tulle", {"massacre-tulle"}),
    ("TULLE", {"massacre-tulle"}),
    ("Caen", {"liberation-caen"}),
    ("[", set()),  # searched as text, not as a regular expression
], ids=["empty", "blank", "lower case", "upper case", "title", "regex character"])
def test_search_is_case_insensitive_plain_text(small_events, query, expected):
    found = tables.search_events(small_events, query)
    assert set(found["event_id"]) == (set(small_events["event_id"]) if expected is None else expected)


def test_search_looks_in_english_titles_and_actors_too(small_events):
    caen = small_events[small_events["event_id"] == "liberation-caen"].iloc[0]
    assert set(tables.search_events(small_events, caen["title_en"])["event_id"]) >= {"liberation-caen"}
    first_actor = caen["actor_list"][0]
    assert "liberation-caen" in set(tables.search_events(small_events, first_actor)["event_id"])


def test_unsourced_rows_are_those_whose_source_says_so(small_events):
    marked = small_events.assign(source=["unsourced: to verify", *small_events["source"][1:]])
    assert tables.unsourced_rows(marked)["event_id"].tolist() == [small_events["event_id"].iloc[0]]
    assert tables.unsourced_rows(small_events).empty


@pytest.mark.parametrize("lang, title, narrative", [("fr", "Titre", "Récit"), ("en", "Title", "Story")])
def test_a_chapter_speaks_the_page_language(lang, title, narrative):
    chapter = Chapter("c", "Titre", "Title", dt.date(1944, 8, 25), 48.8, 2.3, 9.0, (), (), (), (), "Récit", "Story")
    assert (chapter.title(lang), chapter.narrative(lang)) == (title, narrative)


def test_simplified_outlines_are_rounded_deduplicated_and_numbered():
    square = [[0.00011, 0.0], [0.00012, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.00011, 0.0]]
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "75", "nom": "Paris", "extra": 1},
         "geometry": {"type": "Polygon", "coordinates": [square]}},
        {"type": "Feature", "properties": {"code": "2A", "nom": "Corse-du-Sud"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[square], [square]]}},
    ]}
    simple = simplify_for_web(collection, decimals=3)
    assert simple["type"] == "FeatureCollection"
    first, second = simple["features"]
    assert first["properties"] == {"i": 0, "code": "75", "nom": "Paris"}
    assert second["properties"]["i"] == 1
    assert first["geometry"]["type"] == second["geometry"]["type"] == "MultiPolygon"
    assert first["geometry"]["coordinates"] == [[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]]
    assert len(second["geometry"]["coordinates"]) == 2
    assert first["type"] == "Feature"
