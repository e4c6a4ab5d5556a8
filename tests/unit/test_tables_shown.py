"""The tables people read: the event explorer's cells in each language, the sources and how many
rows cite each."""

import pytest

from dashboard import i18n, tables


def caen_and_paris(small_events):
    return small_events[small_events["event_id"].isin(["liberation-caen", "insurrection-paris"])]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_explorer_cells_are_in_the_page_language(small_events, lang):
    rows = caen_and_paris(small_events)
    shown = tables.explorer_table(rows, lang, {"FFI": "Forces françaises de l'intérieur"})
    column = {key: i18n.t(key, lang) for key in ("col_type", "col_title", "col_region", "col_actors",
                                                  "col_description", "col_place", "col_department",
                                                  "col_source", "col_confidence", "col_other_dates")}
    assert shown[column["col_type"]].tolist() == [i18n.event_type_label(k, lang) for k in rows["event_type"]]
    assert shown[column["col_title"]].tolist() == rows[f"title_{lang}"].tolist()
    assert shown[column["col_description"]].tolist() == rows[f"description_{lang}"].tolist()
    assert shown[column["col_region"]].tolist() == [i18n.region_label(r, lang) for r in rows["region"]]
    assert shown[column["col_actors"]].tolist() == ["Canadian Army, British Army",
                                                    "Forces françaises de l'intérieur, Insurgés"]
    assert shown[column["col_place"]].tolist() == ["Caen", "Paris"]
    assert shown[column["col_department"]].tolist() == ["14", "75"]
    assert shown[column["col_confidence"]].tolist() == [i18n.confidence_label("", lang)] * 2
    assert shown[column["col_other_dates"]].tolist() == ["", ""]
    assert list(shown.index) == [0, 1]


def test_sources_are_counted_per_citation_most_cited_first(small_events):
    rows = small_events.head(4).assign(source=["Archives B ; Archives A", " Archives A ", "unsourced: to check",
                                               "Archives A ; Archives C"])
    counts = tables.source_counts(rows, "en")
    assert counts.to_dict("list") == {"Source": ["Archives A", "Archives B", "Archives C"], "Rows": [3, 1, 1]}


def test_a_search_finds_words_in_places_descriptions_and_english_titles(small_events):
    rows = small_events.assign(description_en=["Needle here" if i == 2 else "x" for i in range(len(small_events))])
    assert tables.search_events(rows, "  needle ")["event_id"].tolist() == [rows["event_id"].iloc[2]]
    assert tables.search_events(small_events, "Grenoble")["event_id"].tolist() == ["liberation-grenoble"]


def test_a_search_does_not_match_across_two_fields(small_events):
    rows = small_events.head(3).assign(title_fr=["Alpha", "x", "x"], title_en=["beta", "y", "y"], place="p",
                                       actors="a", description_fr="d", description_en="e")
    assert tables.search_events(rows, "alpha")["title_fr"].tolist() == ["Alpha"]
    assert tables.search_events(rows, "xx").empty  # no field holds "xx", whatever joins them


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_confidence_counts_list_every_level_even_unused(small_events, lang):
    rows = small_events.head(3).assign(confidence=["high", "high", ""])
    counts = tables.confidence_counts(rows, lang)
    levels = ["high", "medium", "low", ""]
    assert counts.to_dict("list") == {i18n.t("col_confidence", lang): [i18n.confidence_label(l, lang) for l in levels],
                                      i18n.t("col_rows", lang): [2, 0, 0, 1]}


@pytest.mark.parametrize("lang, headers, dates, descriptions", [
    ("fr", ["Date", "Fin", "Type", "Titre", "Lieu", "Département", "Région", "Acteurs", "Description", "Source",
            "Lien", "Fiabilité", "Autres dates données"], ["19 août 1944", "25 août 1944"], ["Fr 1", "Fr 2"]),
    ("en", ["Date", "End", "Type", "Title", "Place", "Département", "Region", "Actors", "Description", "Source",
            "Link", "Confidence", "Other dates given"], ["19 August 1944", "25 August 1944"], ["En 1", "En 2"]),
])
def test_explorer_headers_dates_and_descriptions_are_in_one_language(small_events, lang, headers, dates, descriptions):
    paris = small_events[small_events["event_id"].isin(["insurrection-paris", "liberation-paris"])]
    paris = paris.assign(description_fr=["Fr 1", "Fr 2"], description_en=["En 1", "En 2"])  # the fixture's are alike
    shown = tables.explorer_table(paris, lang, {})
    assert list(shown.columns) == headers
    assert shown["Date"].tolist() == dates
    assert shown["Description"].tolist() == descriptions
