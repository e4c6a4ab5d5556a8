"""One TablePoints per table, then a selection per filter and language: what each selection sends
is what the filtered table holds, in the language asked, and nothing more."""

import datetime as dt
from collections import Counter

import pytest

from dashboard.data import load_events
from dashboard.filters import View, filtered_events
from dashboard.player.points import decode_points, event_points, pack, select_points, table_points, unpack
from dashboard.story_layers import freed_before_retaken
from helpers import DATA_DIR

D = dt.date
VIEWS = [
    View(date=D(1944, 8, 25)),
    View(date=D(1944, 8, 25), lang="en"),
    View(date=D(1944, 8, 25), lang="en", force_types=("resistance",)),
    View(date=D(1944, 8, 25), event_types=("massacre", "retaken")),
    View(date=D(1944, 8, 25), lang="en", regions=("Bretagne", "Grand Est")),
    View(date=D(1944, 8, 25), regions=("Nowhere",)),
]


@pytest.fixture(scope="module")
def bundled(refs):
    return load_events(refs=refs).events


@pytest.fixture(scope="module")
def table(bundled, refs):
    first = bundled["date"].min().date()
    return table_points(bundled, first, refs.force_type_of_actor, freed_before_retaken(bundled))


def labels_of(refs, lang):
    return dict(zip(refs.actors["actor"], refs.actors["label_en" if lang == "en" else "label_fr"], strict=True))


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.lang}-{v.force_types}-{v.event_types}-{v.regions}")
def test_a_selection_is_the_filtered_table_in_its_language(bundled, table, refs, view):
    first = bundled["date"].min()
    mask = bundled.index.isin(filtered_events(bundled, view).index)
    points = select_points(table, mask, view.lang, labels_of(refs, view.lang))
    expected = filtered_events(bundled, view)
    expected = expected[(expected["department_code"] != "") & expected["lat"].notna()]
    title = "title_en" if view.lang == "en" else "title_fr"
    assert Counter((p["title"], p["place"], p["start"]) for p in decode_points(points)) == Counter(
        (row[title], row["place"], (row["date"] - first).days) for _, row in expected.iterrows()
    )


@pytest.mark.parametrize("view", VIEWS[2:], ids=["force", "types", "regions", "none"])
def test_a_selection_sends_only_the_texts_its_points_use(bundled, table, refs, view):
    mask = bundled.index.isin(filtered_events(bundled, view).index)
    points = select_points(table, mask, view.lang, labels_of(refs, view.lang))
    for field, texts in points["texts"].items():
        used = set(unpack(points[field]).tolist())
        assert used == set(range(len(texts))), field  # a filtered-out event's title is not sent
        assert len(texts) == len(set(texts)), field


def test_the_retaken_places_two_dates_are_worded_in_the_language_asked(refs):
    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    first = events["date"].min().date()
    table = table_points(events, first, refs.force_type_of_actor, freed_before_retaken(events))
    everything = events.index == events.index
    lines = {
        lang: {p["title"]: p["retaken"] for p in decode_points(select_points(table, everything, lang, {}))}
        for lang in ("fr", "en")
    }
    tulle = events.set_index("event_id").loc["retaken-tulle"]
    assert lines["fr"][tulle["title_fr"]].startswith("Date de libération : 8 juin 1944")
    assert lines["en"][tulle["title_en"]].startswith("Freed on 8 June 1944 · retaken on")
    only_others = events["event_id"] != "retaken-tulle"
    assert tulle["title_fr"] not in {p["title"] for p in decode_points(select_points(table, only_others, "fr", {}))}


def test_an_empty_selection_sends_empty_columns(bundled, table):
    points = select_points(table, bundled.index != bundled.index, "fr", {})
    assert points["count"] == 0 and points["start"] == pack([])
    assert decode_points(points) == []


def test_massacres_are_marked_and_nothing_else_is(bundled, table, refs):
    points = decode_points(select_points(table, bundled.index == bundled.index, "fr", labels_of(refs, "fr")))
    placed = bundled[(bundled["department_code"] != "") & bundled["lat"].notna()]
    massacres = Counter(placed.loc[placed["event_type"] == "massacre", "title_fr"])
    assert massacres  # the bundled table has some (Oradour-sur-Glane, Tulle…)
    assert Counter(p["title"] for p in points if p["massacre"]) == massacres


def test_event_points_word_a_retaken_place_with_the_date_it_had_been_freed(refs):
    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    first = events["date"].min().date()
    points = event_points(events, View(date=D(1944, 6, 8)), first, refs.force_type_of_actor, labels_of(refs, "fr"),
                          freed_before_retaken(events))
    tulle = events.set_index("event_id").loc["retaken-tulle"]
    lines = {p["title"]: p["retaken"] for p in decode_points(points)}
    assert lines[tulle["title_fr"]].startswith("Date de libération : 8 juin 1944")
    without = event_points(events, View(date=D(1944, 6, 8)), first, refs.force_type_of_actor, labels_of(refs, "fr"))
    assert {p["retaken"] for p in decode_points(without)} == {""}
