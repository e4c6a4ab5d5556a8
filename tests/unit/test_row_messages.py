"""One row of the bundled event table, one mistake at a time: the line, the column and the exact
French and English sentence a teacher reads (the sentence is the specification), and the values
a valid row gives, each limit at its boundary."""

import csv
import io

import pandas as pd
import pytest

from dashboard.data import COLUMNS, FORCE_TYPES, MAX_CELL_LENGTH, parse_events

ROW = {
    "event_id": "liberation-test", "date": "1944-08-25", "end_date": "", "event_type": "liberation",
    "place": "Paris", "department_code": "75", "region": "Île-de-France", "lat": "48.8566", "lon": "2.3522",
    "actors": "FFI", "title_fr": "Libération", "title_en": "Liberation", "description_fr": "",
    "description_en": "", "source": "Test", "source_url": "",
}
TYPES = "liberation, landing, insurrection, battle, massacre, retaken, surrender, other"


def table(*rows: dict, columns=COLUMNS) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return output.getvalue()


def problems_of(refs, **changes) -> list[tuple]:
    result = parse_events(table(dict(ROW, **changes)), refs)
    return [(p.line, p.column, p.message_fr, p.message_en) for p in result.problems]


CASES = {
    "id": ({"event_id": "Paris 1"}, [("event_id", "identifiant « Paris 1 » invalide : minuscules, chiffres et tirets "
                                      "(ex. liberation-paris).", "invalid id 'Paris 1': lowercase letters, digits and "
                                      "hyphens (e.g. liberation-paris).")]),
    "no-date": ({"date": ""}, [("date", "date manquante (format AAAA-MM-JJ ou JJ/MM/AAAA).",
                                "missing date (format YYYY-MM-DD or DD/MM/YYYY).")]),
    "day-first-date": ({"date": "25/08/1944"}, [("date", "date « 25/08/1944 » invalide : format AAAA-MM-JJ d'un jour "
                                                 "qui existe.", "invalid date '25/08/1944': YYYY-MM-DD format, a day "
                                                 "that exists.")]),
    "before-period": ({"date": "1942-12-31"}, [("date", "date 1942-12-31 hors de la période couverte (1943–1945).",
                                               "date 1942-12-31 outside the period covered (1943–1945).")]),
    "after-period": ({"date": "1946-01-01"}, [("date", "date 1946-01-01 hors de la période couverte (1943–1945).",
                                              "date 1946-01-01 outside the period covered (1943–1945).")]),
    "end-after-period": ({"end_date": "1946-01-01"}, [("end_date", "date 1946-01-01 hors de la période couverte "
                                                       "(1943–1945).", "date 1946-01-01 outside the period covered "
                                                       "(1943–1945).")]),
    "end-before-start": ({"end_date": "1944-08-24"}, [("end_date", "la date de fin 1944-08-24 est antérieure à la "
                                                       "date 1944-08-25.", "end date 1944-08-24 is before date "
                                                       "1944-08-25.")]),
    "type": ({"event_type": "parade"}, [("event_type", f"type « parade » inconnu ; attendu : {TYPES}.",
                                         f"unknown type 'parade'; expected one of: {TYPES}.")]),
    "french-type": ({"event_type": "libération"}, [("event_type", f"type « libération » inconnu ; attendu : {TYPES}.",
                                                    f"unknown type 'libération'; expected one of: {TYPES}.")]),
    "no-place": ({"place": " "}, [("place", "cellule vide : elle est obligatoire.", "empty cell: it is required.")]),
    "no-source": ({"source": ""}, [("source", "cellule vide : elle est obligatoire.", "empty cell: it is required.")]),
    "no-english-title": ({"title_en": ""}, [("title_en", "cellule vide : elle est obligatoire.",
                                             "empty cell: it is required.")]),
    "department-without-zero": ({"department_code": "7", "region": "Auvergne-Rhône-Alpes"}, [(
        "department_code", "code de département « 7 » inconnu. Vouliez-vous dire « 07 » ? (les tableurs effacent le "
        "zéro initial)", "unknown département code '7'. Did you mean '07'? (spreadsheets drop the leading zero)")]),
    "unknown-department": ({"department_code": "99"}, [("department_code", "code de département « 99 » inconnu.",
                                                        "unknown département code '99'.")]),
    "unknown-department-and-region": ({"department_code": "99", "region": "Atlantide"}, [
        ("department_code", "code de département « 99 » inconnu.", "unknown département code '99'."),
        ("region", "région « Atlantide » inconnue (une des 13 régions métropolitaines, noms de 2016).",
         "unknown région 'Atlantide' (one of the 13 metropolitan régions, 2016 names).")]),
    "unknown-region": ({"region": "Atlantide"}, [("region", "région « Atlantide » inconnue (une des 13 régions "
                                                  "métropolitaines, noms de 2016).", "unknown région 'Atlantide' (one "
                                                  "of the 13 metropolitan régions, 2016 names).")]),
    "code-without-region": ({"region": ""}, [("region", "région manquante : le département 75 est en région "
                                              "« Île-de-France ».", "missing région: département 75 is in région "
                                              "'Île-de-France'.")]),
    "wrong-region": ({"region": "Normandie"}, [("region", "le département 75 est en région « Île-de-France », pas "
                                                "« Normandie ».", "département 75 is in région 'Île-de-France', not "
                                                "'Normandie'.")]),
    "decimal-comma": ({"lat": "48,8566"}, [("lat", "« 48,8566 » n'est pas un nombre décimal (point décimal, ex. "
                                            "48.8566).", "'48,8566' is not a decimal number (decimal point, e.g. "
                                            "48.8566).")]),
    "no-longitude": ({"lon": ""}, [("lon", "«  » n'est pas un nombre décimal (point décimal, ex. 48.8566).",
                                    "'' is not a decimal number (decimal point, e.g. 48.8566).")]),
    "north-of-france": ({"lat": "51.21"}, [("lat", "51.21 est hors de la France métropolitaine (41.3 à 51.2).",
                                            "51.21 is outside metropolitan France (41.3 to 51.2).")]),
    "east-of-france": ({"lon": "9.71"}, [("lon", "9.71 est hors de la France métropolitaine (-5.3 à 9.7).",
                                          "9.71 is outside metropolitan France (-5.3 to 9.7).")]),
    "no-actor": ({"actors": ""}, [("actors", "aucun acteur : indiquez au moins un nom de data/actors.csv (seul un fait "
                                   "de type « other » peut n'en avoir aucun).", "no actor: give at least one name from "
                                   "data/actors.csv (only an 'other' fact may have none).")]),
    "unknown-actor": ({"actors": "FFI;Martians"}, [("actors", "acteur « Martians » absent de data/actors.csv.",
                                                    "actor 'Martians' is not in data/actors.csv.")]),
    "link": ({"source_url": "javascript:alert(1)"}, [("source_url", "lien invalide : il doit commencer par http:// "
                                                      "ou https://.", "invalid link: it must start with http:// or "
                                                      "https://.")]),
    "long-cell": ({"title_fr": "x" * (MAX_CELL_LENGTH + 1), "date": "nope"}, [(
        "title_fr", f"cellule trop longue ({MAX_CELL_LENGTH + 1} caractères, maximum {MAX_CELL_LENGTH}).",
        f"cell too long ({MAX_CELL_LENGTH + 1} characters, at most {MAX_CELL_LENGTH}).")]),  # and nothing else
}


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_one_mistake_one_message_on_its_line_and_column(refs, changes, expected):
    assert problems_of(refs, **changes) == [(2, column, fr, en) for column, fr, en in expected]


@pytest.mark.parametrize("changes", [
    {"date": "1943-01-01"}, {"date": "1945-12-31", "end_date": "1945-12-31"}, {"end_date": "1944-08-25"},
    {"lat": "41.3", "lon": "-5.3"}, {"lat": "51.2", "lon": "9.7"}, {"title_fr": "x" * MAX_CELL_LENGTH},
    {"department_code": "", "region": ""}, {"department_code": "", "region": "Normandie"},
    {"actors": "", "event_type": "other"}, {"source_url": "https://example.org/a?b=1"}, {"event_id": "a-1-b"},
], ids=["first-day", "last-day", "same-end", "south-west-corner", "north-east-corner", "longest-cell",
        "nationwide", "region-only", "civil-fact", "link", "id"])
def test_values_at_their_limit_are_accepted(refs, changes):
    assert problems_of(refs, **changes) == []


def test_a_valid_row_gives_typed_values(refs):
    row = dict(ROW, end_date="1944-08-27", actors=" FFI ; Waffen-SS ", source_url="http://a.fr", title_fr=" Paris ")
    [event] = parse_events(table(row), refs).events.to_dict("records")
    assert (event["date"], event["end_date"]) == (pd.Timestamp("1944-08-25"), pd.Timestamp("1944-08-27"))
    assert (event["lat"], event["lon"]) == (48.8566, 2.3522)
    assert event["actor_list"] == ("FFI", "Waffen-SS")
    assert {force: event[f"involves_{force}"] for force in FORCE_TYPES} == {
        "resistance": True, "french_army": False, "allied_army": False, "axis": True, "other": False}
    assert (event["title_fr"], event["source_url"], event["line"]) == ("Paris", "http://a.fr", 2)
    assert pd.isna(parse_events(table(ROW), refs).events.loc[0, "end_date"])


def test_a_civil_fact_with_no_actor_counts_under_other(refs):
    [event] = parse_events(table(dict(ROW, actors="", event_type="other")), refs).events.to_dict("records")
    assert event["actor_list"] == () and event["involves_other"] and not event["involves_resistance"]


def test_rows_are_sorted_by_date_then_id(refs):
    rows = [dict(ROW, event_id="b", date="1944-08-26"), dict(ROW, event_id="c", date="1944-08-25"),
            dict(ROW, event_id="a", date="1944-08-26")]
    events = parse_events(table(*rows), refs).events
    assert list(events["event_id"]) == ["c", "a", "b"]
    assert list(events["line"]) == [3, 4, 2]
    assert list(events.index) == [0, 1, 2]


def test_a_repeated_id_names_its_first_line_and_the_rest_is_checked(refs):
    rows = [ROW, dict(ROW, date="1944-08-26"), dict(ROW, event_id="other-id"), dict(ROW, date="bad")]
    result = parse_events(table(*rows), refs)
    assert [(p.line, p.column, p.message_fr, p.message_en) for p in result.problems] == [
        (3, "event_id", "identifiant « liberation-test » déjà utilisé ligne 2.", "id 'liberation-test' already used on "
         "line 2."),
        (5, "event_id", "identifiant « liberation-test » déjà utilisé ligne 2.", "id 'liberation-test' already used on "
         "line 2."),
    ]
    assert list(result.events["event_id"]) == ["liberation-test", "other-id"]
    assert (result.total_rows, result.problem_count) == (4, 2)


def test_a_row_with_a_cell_too_many_is_named_with_the_likely_cause(refs):
    text = table(ROW) + ",".join(ROW.values()) + ",extra\n"
    [problem] = parse_events(text, refs).problems
    assert (problem.line, problem.column) == (3, None)
    assert problem.message_fr == f"{len(COLUMNS) + 1} cellules au lieu de {len(COLUMNS)} (un séparateur en trop ou un guillemet manquant ?)."
    assert problem.message_en == f"{len(COLUMNS) + 1} cells instead of {len(COLUMNS)} (an extra separator or a missing quote?)."


def test_the_optional_columns_are_checked_when_present(refs):
    columns = COLUMNS + ("other_dates", "confidence")
    row = dict(ROW, other_dates="1944-08-24:  Archives |  | 1944-08-26: Ville", confidence="sure")
    result = parse_events(table(row, columns=columns), refs)
    assert [(p.column, p.message_fr, p.message_en) for p in result.problems] == [
        ("confidence", "niveau « sure » inconnu ; attendu : high, medium, low (ou vide).",
         "unknown level 'sure'; expected one of: high, medium, low (or empty).")]
    row["confidence"] = "low"
    [event] = parse_events(table(row, columns=columns), refs).events.to_dict("records")
    assert (event["other_dates"], event["confidence"]) == ("1944-08-24: Archives | 1944-08-26: Ville", "low")


def test_an_empty_table_or_a_bad_header_gives_an_empty_typed_frame(refs):
    for text in ("", table(columns=COLUMNS[:-1]), table(dict(ROW, date="bad"))):
        events = parse_events(text, refs).events
        assert events.empty
        assert events["date"].dtype == "datetime64[ns]" and events["lat"].dtype == float
        assert {f"involves_{force}" for force in FORCE_TYPES} <= set(events.columns)


def test_bytes_are_read_as_utf8_with_or_without_bom(refs):
    for raw in (table(ROW).encode(), b"\xef\xbb\xbf" + table(ROW).encode()):
        assert list(parse_events(raw, refs).events["event_id"]) == ["liberation-test"]
    assert list(parse_events("\ufeff" + table(ROW), refs).events["event_id"]) == ["liberation-test"]
