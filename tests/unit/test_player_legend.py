"""The player's words and legend colours: what player.js reads by name, in the page's language."""

from __future__ import annotations

import pytest

from dashboard import i18n
from dashboard.filters import STATE_OCCUPIED
from dashboard.map_layers import FORCE_COLORS_HEX, MAP_STATES, MASSACRE_RING_HEX, STATE_COLORS_HEX
from dashboard.player.legend import DEFAULT_SPEED, SPEED_EVENT, SPEEDS, labels, legend
from dashboard.player.points import POINT_FORCES


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_word_is_in_the_language_asked(lang):
    words = labels(lang)
    assert words["play"] == i18n.t("play", lang) and words["keyboard_help"] == i18n.t("keyboard_help", lang)
    assert words["steps"]["next_event"] == i18n.t("step_next_event", lang)
    assert list(words["steps"]) == [
        "start", "previous_event", "minus_week", "minus_day", "plus_day", "plus_week", "next_event", "end",
    ]
    assert words["months"] == list(i18n.MONTHS[lang]) and len(words["months"]) == 12
    assert words["states"] == [i18n.t(f"state_{state}", lang) for state in MAP_STATES]
    assert words["forces"] == [i18n.force_type_label(force, lang) for force in POINT_FORCES]


def test_french_and_english_words_differ():
    french, english = labels("fr"), labels("en")
    for key in ("play", "speed_event", "departments_freed"):
        assert french[key] != english[key], key
    assert french["steps"]["plus_week"] != english["steps"]["plus_week"]
    assert french["months"][7] == "août" and english["months"][7] == "August"
    assert french["states"] != english["states"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_speeds_read_as_days_per_second_with_a_half_and_one_event_date_per_step(lang):
    speeds = labels(lang)["speeds"]
    assert list(speeds) == list(SPEEDS) and DEFAULT_SPEED in speeds
    assert speeds[SPEED_EVENT] == i18n.t("speed_event", lang)
    assert speeds["0.5"] == i18n.t("speed_days", lang, n="½")  # not "0.5", not "0½"
    assert speeds["16"] == i18n.t("speed_days", lang, n="16")
    assert len(set(speeds.values())) == len(SPEEDS)


def test_the_legend_has_the_colours_the_map_draws():
    colours = legend()
    assert colours["forces"] == [FORCE_COLORS_HEX[force] for force in POINT_FORCES]
    assert colours["states"] == [STATE_COLORS_HEX[state] for state in MAP_STATES]
    assert colours["massacre"] == MASSACRE_RING_HEX
    assert colours["pocket_fill"] == STATE_COLORS_HEX[STATE_OCCUPIED]
    assert colours["pocket_outline"] == "#191919"  # POCKET_OUTLINE_RGBA, as a CSS colour for the legend
    assert colours["disputed_ring"] == "#000000" and colours["disputed_glyph"] == "?"
