"""The small word helpers: a locale to a language, labels with their fallbacks, dates in words,
text made safe to show or download."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.dates import month_ticks
from dashboard.labels import column_label, event_type_label, force_type_label, region_label
from dashboard.languages import normalize_language
from dashboard.text import csv_bytes, escape_html, escape_markdown, plotly_text

D = dt.date


@pytest.mark.parametrize("locale, expected", [(" EN-gb ", "en"), ("EN", "en"), ("Fr_CA", "fr"), ("english", "fr")])
def test_a_locale_is_read_whatever_its_case_spaces_and_separator(locale, expected):
    assert normalize_language(locale) == expected


@pytest.mark.parametrize("label, key, english, french", [
    (column_label, "liberated", "Liberated", "Libérés"),
    (event_type_label, "retaken", "Retaken by German forces", "Reprise par les forces allemandes"),
    (force_type_label, "allied_army", "Allied armies", "Armées alliées"),
    (region_label, "Bretagne", "Brittany", "Bretagne"),
])
def test_labels_follow_the_locale_and_an_unknown_key_shows_as_itself(label, key, english, french):
    assert label(key, "en-GB") == english
    assert label(key, "fr") == french
    assert label(key, "de") == french  # any other language: the French page
    assert label("not-a-key", "en") == "not-a-key"


@pytest.mark.parametrize("level, key", [("high", "confidence_high"), ("medium", "confidence_medium"),
                                        ("low", "confidence_low"), ("", "confidence_unassessed"),
                                        ("sure", "confidence_unassessed")])
def test_confidence_labels(level, key):
    assert i18n.confidence_label(level, "en") == i18n.STRINGS["en"][key]
    assert i18n.confidence_label(level, "fr") == i18n.STRINGS["fr"][key]


def test_a_string_is_filled_in_and_its_language_normalized():
    assert i18n.t("with_pocket", "en-US", n=3) == i18n.STRINGS["en"]["with_pocket"].replace("{n}", "3")
    assert i18n.t("total", "xx") == i18n.STRINGS["fr"]["total"]


@pytest.mark.parametrize("start, end, lang, expected", [
    (D(1944, 8, 25), D(1944, 8, 25), "fr", "25 août 1944"),
    (D(1944, 8, 19), D(1944, 8, 25), "en-GB", "19 August 1944 – 25 August 1944"),
    (D(1944, 8, 31), D(1944, 9, 1), "fr", "du 31 août 1944 au 1er septembre 1944"),
])
def test_date_ranges(start, end, lang, expected):
    assert i18n.format_date_range(start, end, lang) == expected


def test_dates_in_words_take_a_locale():
    assert i18n.format_date(D(1944, 12, 1), "en-US") == "1 December 1944"


def test_two_months_starts_give_the_first_and_fifteenth_three_give_months():
    two, _ = month_ticks(D(1944, 7, 1), D(1944, 8, 31), "en")
    assert two == [D(1944, 7, 1), D(1944, 7, 15), D(1944, 8, 1), D(1944, 8, 15)]
    three, labels = month_ticks(D(1944, 7, 1), D(1944, 9, 1), "en")
    assert three == [D(1944, 7, 1), D(1944, 8, 1), D(1944, 9, 1)] and labels == ["Jul<br>1944", "Aug", "Sep"]


def test_eight_month_starts_keep_every_month_nine_keep_every_other():
    eight, _ = month_ticks(D(1944, 6, 1), D(1945, 1, 1), "fr")
    assert len(eight) == 8
    nine, _ = month_ticks(D(1944, 6, 1), D(1945, 2, 1), "fr")
    assert nine == [D(1944, 6, 1), D(1944, 8, 1), D(1944, 10, 1), D(1944, 12, 1), D(1945, 2, 1)]


def test_a_tick_on_december_the_fifteenth_leads_into_january():
    ticks, labels = month_ticks(D(1944, 12, 10), D(1945, 1, 2), "fr")
    assert ticks == [D(1944, 12, 15), D(1945, 1, 1)]
    assert labels == ["15 déc.<br>1944", "1er janv.<br>1945"]


def test_missing_text_is_blank_once_escaped():
    assert escape_html(None) == escape_markdown(None) == plotly_text(None) == ""
    assert plotly_text(3) == "3" and escape_html(3) == "3" and escape_markdown(3) == "3"


@pytest.mark.parametrize("text", ["a\\b", "`code`", "*em*", "_em_", "{x}", "[l]", "(p)", "<t>", "# h", "+ i", "- i",
                                  "1. i", "!i", "a|b", "~s~", "a:b", "$x$", "=x"])
def test_every_markdown_character_is_escaped(text):
    escaped = escape_markdown(text)
    assert escaped.replace("\\", "") == text.replace("\\", "")
    for character in {c for c in text if not c.isalnum() and c != " "}:
        assert "\\" + character in escaped, character


def test_a_csv_download_starts_with_a_byte_order_mark_and_keeps_accents():
    data = csv_bytes(pd.DataFrame({"=titre": ["Libération"], "n": [1]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["'=titre,n", "Libération,1"]
