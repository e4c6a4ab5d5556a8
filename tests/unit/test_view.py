"""The view changes only through these pure functions; each is checked here."""

import datetime as dt

import pytest

from dashboard.chapters import Chapter
from dashboard.urlstate import Notice
from dashboard.view import (OPENING_DATE, View, apply_chapter, default_view, opening_date, to_query, view_from_query,
                            with_date, with_filters, with_language, within, without_chapter)

D = dt.date
FIRST, LAST = D(1943, 9, 9), D(1945, 5, 8)
REGIONS = ("Bretagne", "Corse", "Île-de-France")
PARIS = Chapter("paris", "Paris", "Paris", D(1944, 8, 25), 48.85, 2.35, 9.0, ("resistance", "french_army"),
                ("insurrection",), ("Île-de-France",), ("liberation-paris",), "récit", "story")
CORSICA = Chapter("corse", "Corse", "Corsica", D(1943, 10, 4), 42.1, 9.0, 7.0, (), (), ("Corse",), (), "r", "s")
CHAPTERS = (CORSICA, PARIS)
BUSY = View(D(1944, 9, 1), "en", ("axis",), ("battle",), ("Bretagne",), "corse", "present")


def from_link(default_lang="fr", **params):
    return view_from_query(params, FIRST, LAST, REGIONS, CHAPTERS, default_lang)


@pytest.mark.parametrize("first, last, expected", [
    (FIRST, LAST, OPENING_DATE),
    (D(1944, 7, 1), LAST, D(1944, 7, 1)),  # a table starting after D-Day opens on its first day
    (FIRST, D(1944, 6, 5), FIRST),
    (OPENING_DATE, OPENING_DATE, OPENING_DATE),
    (D(1944, 6, 1), OPENING_DATE, OPENING_DATE),  # a table ending on D-Day still opens on it
])
def test_opening_date(first, last, expected):
    assert opening_date(first, last) == expected


def test_default_view_is_unfiltered_at_the_opening_date():
    assert default_view(FIRST, LAST, "en-GB") == View(OPENING_DATE, "en", (), (), (), None, "explore")


def test_with_date_changes_only_the_date():
    assert with_date(BUSY, D(1944, 6, 6)) == View(D(1944, 6, 6), "en", ("axis",), ("battle",), ("Bretagne",), "corse",
                                                 "present")


@pytest.mark.parametrize("day, expected", [(D(1940, 1, 1), FIRST), (D(1950, 1, 1), LAST), (D(1944, 9, 1), D(1944, 9, 1))])
def test_within_clamps_the_date(day, expected):
    assert within(with_date(BUSY, day), FIRST, LAST) == with_date(BUSY, expected)


def test_with_filters_replaces_only_the_filters_given():
    changed = with_filters(BUSY, force_types=["resistance"])
    assert changed == View(BUSY.date, "en", ("resistance",), ("battle",), ("Bretagne",), "corse", "present")
    assert with_filters(BUSY, event_types=[], regions=["Corse"]) == View(
        BUSY.date, "en", ("axis",), (), ("Corse",), "corse", "present")


def test_with_filters_keeps_the_vocabulary_order_and_drops_unknown_values():
    changed = with_filters(BUSY, force_types=["axis", "martians", "resistance", "axis"],
                           event_types=["massacre", "landing"], regions=["Corse", "Bretagne", "Corse"])
    assert changed.force_types == ("resistance", "axis")
    assert changed.event_types == ("landing", "massacre")
    assert changed.regions == ("Corse", "Bretagne")


@pytest.mark.parametrize("lang, expected", [("fr", "fr"), ("en-US", "en"), ("de", "fr")])
def test_with_language(lang, expected):
    assert with_language(BUSY, lang) == View(BUSY.date, expected, ("axis",), ("battle",), ("Bretagne",), "corse",
                                             "present")


def test_apply_chapter_sets_date_filters_and_chapter_and_keeps_language_and_mode():
    assert apply_chapter(BUSY, PARIS) == View(D(1944, 8, 25), "en", ("resistance", "french_army"), ("insurrection",),
                                              ("Île-de-France",), "paris", "present")


def test_without_chapter_keeps_what_the_chapter_set():
    assert without_chapter(apply_chapter(BUSY, PARIS)) == View(
        D(1944, 8, 25), "en", ("resistance", "french_army"), ("insurrection",), ("Île-de-France",), None, "present")


def test_view_from_an_empty_link_is_the_default_in_the_browser_language():
    assert from_link("en") == (View(OPENING_DATE, "en"), [])


def test_view_from_a_full_link():
    view, notices = from_link(date="1944-08-20", lang="en", force="axis,resistance", type="battle", region="Corse",
                              mode="present")
    assert notices == []
    assert view == View(D(1944, 8, 20), "en", ("resistance", "axis"), ("battle",), ("Corse",), None, "present")


def test_a_chapter_link_sets_the_chapter_and_its_own_date_and_filters_win():
    assert from_link(chapter="paris")[0] == apply_chapter(View(OPENING_DATE, "fr"), PARIS)
    view, _ = from_link(chapter="paris", date="1944-08-20", force="axis")
    assert (view.chapter, view.date, view.force_types, view.regions) == (
        "paris", D(1944, 8, 20), ("axis",), ("Île-de-France",))


def test_bad_values_keep_their_defaults_with_notices():
    view, notices = from_link("en", date="1944-02-30", lang="xx", chapter="atlantis", mode="kiosk")
    assert view == View(OPENING_DATE, "en")
    assert notices == [Notice("date", "1944-02-30"), Notice("lang", "xx"), Notice("chapter", "atlantis"),
                       Notice("mode", "kiosk")]


@pytest.mark.parametrize("view", [BUSY, View(D(1944, 8, 25)), apply_chapter(View(OPENING_DATE, "en"), PARIS)])
def test_to_query_then_view_from_query_gives_the_view_back(view):
    assert from_link("fr", **to_query(view)) == (view, [])


def test_to_query_leaves_defaults_out():
    assert to_query(View(D(1944, 8, 25), "fr")) == {"date": "1944-08-25", "lang": "fr"}
    assert to_query(BUSY) == {"date": "1944-09-01", "lang": "en", "force": "axis", "type": "battle",
                              "region": "Bretagne", "chapter": "corse", "mode": "present"}
