import datetime as dt

import pytest

from dashboard import i18n
from dashboard.data import EVENT_TYPES, FORCE_TYPES, load_reference_tables


def test_every_string_exists_in_both_languages():
    assert set(i18n.STRINGS["fr"]) == set(i18n.STRINGS["en"])
    for key in i18n.STRINGS["fr"]:
        assert i18n.STRINGS["fr"][key].strip() and i18n.STRINGS["en"][key].strip(), key


@pytest.mark.parametrize("labels, vocabulary", [
    (i18n.EVENT_TYPE_LABELS, EVENT_TYPES),
    (i18n.FORCE_TYPE_LABELS, FORCE_TYPES),
    (i18n.REGION_LABELS, load_reference_tables().regions),
], ids=["event types", "force types", "regions"])  # ASCII ids: see test_hostile.case_id
def test_every_category_has_both_labels(labels, vocabulary):
    assert set(labels) == set(vocabulary)
    for label in labels.values():
        assert set(label) == set(i18n.LANGUAGES) and all(label.values())


@pytest.mark.parametrize("day, lang, expected", [
    (dt.date(1944, 8, 25), "fr", "25 août 1944"),
    (dt.date(1944, 8, 25), "en", "25 August 1944"),
    (dt.date(1944, 9, 1), "fr", "1er septembre 1944"),
    (dt.date(1944, 9, 1), "en", "1 September 1944"),
    (dt.date(1945, 2, 9), "fr", "9 février 1945"),
])
def test_dates_are_written_the_way_each_language_writes_them(day, lang, expected):
    assert i18n.format_date(day, lang) == expected


@pytest.mark.parametrize("locale, expected", [
    ("fr-FR", "fr"), ("en-GB", "en"), ("en_US", "en"), ("de-DE", "fr"), (None, "fr"), ("", "fr"),
])
def test_locale_defaults_to_french(locale, expected):
    assert i18n.normalize_language(locale) == expected


def test_date_range_wording():
    assert i18n.format_date_range(dt.date(1944, 8, 19), dt.date(1944, 8, 25), "fr") == "du 19 août 1944 au 25 août 1944"
    assert i18n.format_date_range(dt.date(1944, 8, 19), None, "en") == "19 August 1944"
