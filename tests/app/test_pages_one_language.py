"""One language at a time: no page shows a piece of the other language's UI dictionary."""

import json
import re

import pytest
from helpers import CHART_TAB, PAGES, fresh_app, rendered_texts

from dashboard import i18n
from dashboard.data import load_events

MIN_LENGTH = 5  # shorter fragments ("Fin", "End") say little and match by chance


def dictionary(lang: str) -> dict[object, str]:
    """The UI's words in `lang`: its strings, and the labels of categories and table columns of
    more than one word. A single word ("Libération", "Poche") is also a proper noun that the data
    quotes in either language (Liberation Route Europe, la Poche de Colmar); région names too."""
    words: dict[object, str] = dict(i18n.STRINGS[lang])
    for table in (i18n.EVENT_TYPE_LABELS, i18n.FORCE_TYPE_LABELS, i18n.COLUMN_LABELS):
        words.update({(id(table), key): labels[lang] for key, labels in table.items()
                      if " " in labels["fr"] and " " in labels["en"]})
    return words


def telltales(lang: str) -> set[str]:
    """The fragments of the other language's words (split at their {placeholders}) that
    `lang` never uses itself: any of them on a `lang` page is a leak."""
    other = next(code for code in i18n.LANGUAGES if code != lang)
    own, theirs = dictionary(lang), dictionary(other)
    own_text = "\n".join(own.values())
    fragments = set()
    for key, text in theirs.items():
        if text == own[key]:
            continue
        for fragment in re.split(r"\{[^}]*\}", text):
            fragment = fragment.strip(" :;,.()«»'")
            if len(fragment) >= MIN_LENGTH and fragment not in own_text:
                fragments.add(fragment)
    return fragments


def leaks(texts: list[str], lang: str) -> set[str]:
    patterns = {fragment: re.compile(rf"(?<!\w){re.escape(fragment)}(?!\w)") for fragment in telltales(lang)}
    return {fragment for fragment, pattern in patterns.items() for text in texts if pattern.search(text)}


def citations() -> set[str]:
    """The bundled table's sources and links: a work is cited under its own title, in its own language."""
    events = load_events().events
    sources = events["source"]
    return {*sources, *events["source_url"], *(part.strip() for cell in sources for part in cell.split(" ; "))}


def test_the_telltales_of_a_language_include_its_page_names():
    assert "Graphiques" in telltales("en")
    assert "Charts" in telltales("fr")
    assert "Date" not in telltales("en"), "a word both languages use is no evidence"


def test_the_telltales_include_category_and_column_labels():
    assert {"Massacre, représailles", "Force engagée"} <= telltales("en")
    assert {"Massacre, reprisal", "Force involved"} <= telltales("fr")


def test_a_leak_is_found_inside_longer_text():
    assert leaks(["Voir : Download these events (CSV) ici"], "fr") == {"Download these events (CSV"}
    assert not leaks(["Mapping"], "fr"), "a fragment inside a longer word is not a leak"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_a_page_shows_only_its_language(page, lang):
    at = fresh_app(lang).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    cited = citations()
    texts = [text for text in rendered_texts(at) if text not in cited]
    assert i18n.t("filters", lang) in texts, "the sidebar is among the texts looked at"
    assert not leaks(texts, lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_date_axis_of_the_charts_page_names_months_in_the_page_language(lang):
    at = fresh_app(lang).run()
    at.switch_page("pages/charts.py").run()
    specs = []
    for tab in sorted(set(CHART_TAB.values())):  # only the open tab is drawn
        at.session_state["charts.tab"] = i18n.t(tab, lang)
        specs += [json.loads(chart.proto.spec) for chart in at.run().get("plotly_chart")]
    axes = [axis for spec in specs for name, axis in spec["layout"].items()
            if name.startswith("xaxis") and axis.get("type") == "date"]
    assert len(axes) >= 2, "the pace and the durations charts have date axes"
    months = set(i18n.SHORT_MONTHS[lang])
    for axis in axes:
        assert axis["ticktext"] and all(label.split("<br>")[0].split(" ")[-1] in months for label in axis["ticktext"])
