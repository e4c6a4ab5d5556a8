"""A class's own table: French names, what may be left out and is derived, what a French
spreadsheet writes, and each problem's exact sentence with the name the file gives its column."""

import datetime as dt

import pytest

from dashboard.disputes import parse_other_dates
from dashboard.geocode import Commune, Communes
from dashboard.problems import MAX_REPORTED_PROBLEMS
from dashboard.reading import Deadline, read_csv_text
from dashboard.schema import OWN_TABLE_RULES, read_day
from dashboard.data import BUNDLED_RULES, validate_table
from dashboard.upload import read_own_table, report_csv

PARIS = Commune("Paris", "75", 48.8566, 2.3522)
BOURG = Commune("Bourg-en-Bresse", "01", 46.2, 5.22)
HEADER = "date;lieu;département;type;titre"


def own(text: str, refs, communes=...):
    """`communes`: by default Paris and Bourg-en-Bresse, indexed at each call (not at import, so
    that a mutated index is built by the mutated code)."""
    communes = Communes([PARIS, BOURG]) if communes is ... else communes
    return read_own_table(text.encode("utf-8"), "table.csv", refs, communes)


def problems(text: str, refs, communes=...):
    return [(p.line, p.column, p.message_fr, p.message_en) for p in own(text, refs, communes).result.problems]


def event(text: str, refs, communes=...) -> dict:
    loaded = own(text, refs, communes)
    assert loaded.result.ok, [p.text("en") for p in loaded.result.problems]
    return loaded.events.to_dict("records")[0]


def test_a_missing_id_is_the_row_line_and_places_are_derived(refs):
    row = event(f"{HEADER}\n\n25/08/1944;Paris;;libération;Paris libéré\n", refs)
    assert row["event_id"] == "row-3"
    assert (row["department_code"], row["region"], row["lat"], row["lon"]) == ("75", "Île-de-France", 48.8566, 2.3522)


@pytest.mark.parametrize("code, kept", [("1", "01"), ("01", "01"), (" 1 ", "01")])
def test_a_departement_without_its_leading_zero_gets_it_back(refs, code, kept):
    row = event(f"{HEADER}\n25/08/1944;Bourg-en-Bresse;{code};libération;T\n", refs)
    assert (row["department_code"], row["region"]) == (kept, "Auvergne-Rhône-Alpes")


def test_a_region_is_recognised_without_accents_or_case(refs):
    row = event("date;lieu;département;région;type;titre\n25/08/1944;Paris;75;ile de france;libération;T\n", refs)
    assert row["region"] == "Île-de-France"


@pytest.mark.parametrize("lat, lon, point", [("48,9", "2,4", (48.9, 2.4)), ("48.9", "2.4", (48.9, 2.4))])
def test_a_decimal_comma_is_read(refs, lat, lon, point):
    row = event(f"date;lieu;type;titre;lat;lon\n25/08/1944;Paris;autre;T;{lat};{lon}\n", refs)
    assert (row["lat"], row["lon"]) == point


@pytest.mark.parametrize("lat", ["1,234,5", "48,8.5"])
def test_only_one_decimal_comma_and_no_point_is_read_as_a_decimal(refs, lat):
    [(line, column, fr, en)] = problems(f"date;lieu;type;titre;lat;lon\n25/08/1944;Paris;autre;T;{lat};2.4\n", refs)
    assert (line, column) == (2, "lat")
    assert en == f"'{lat}' is not a decimal number (decimal point, e.g. 48.8566)."


def test_one_title_serves_both_languages_and_none_is_a_problem(refs):
    row = event("date;lieu;type;title\n25/08/1944;Paris;autre;Paris freed\n", refs)
    assert row["title_fr"] == row["title_en"] == "Paris freed"
    assert problems("date;lieu;type;title\n25/08/1944;Paris;autre;\n", refs) == [
        (2, "title", "titre vide : chaque événement a besoin d'un titre.", "empty title: every event needs a title.")]
    assert problems(f"{HEADER}\n25/08/1944;Paris;75;autre; \n", refs)[0][1] == "titre"


def test_descriptions_fill_each_other_too(refs):
    row = event("date;lieu;type;titre;description\n25/08/1944;Paris;autre;T;Récit\n", refs)
    assert row["description_fr"] == row["description_en"] == "Récit"


def test_without_commune_points_coordinates_are_asked_for(refs):
    assert problems(f"{HEADER}\n25/08/1944;Paris;75;autre;T\n", refs, communes=None) == [
        (2, "lat", "coordonnées manquantes : indiquez lat et lon.", "missing coordinates: give lat and lon.")]


def test_a_place_not_found_counts_as_a_miss_and_names_the_column(refs):
    loaded = own(f"{HEADER}\n25/08/1944;Nulle-Part;75;autre;T\n", refs)
    [problem] = loaded.result.problems
    assert (problem.line, problem.column) == (2, "lieu")
    assert problem.message_en == "no commune 'Nulle-Part' in département 75: give lat and lon."


def test_an_unknown_departement_is_not_looked_up(refs):
    [problem] = own(f"{HEADER}\n25/08/1944;Paris;99;autre;T\n", refs).result.problems
    assert (problem.column, problem.message_en) == ("département", "unknown département code '99'.")


def test_a_place_with_its_own_point_needs_no_departement(refs):
    row = event("date;lieu;type;titre;lat;lon\n25/08/1944;Paris;autre;Ordonnance;48.9;2.4\n", refs)
    assert (row["department_code"], row["region"], row["lat"]) == ("", "", 48.9)


def test_an_unknown_force_type_lists_the_five(refs):
    text = "date;lieu;département;type;titre;acteurs;type de force\n25/08/1944;Paris;75;autre;T;Voisins;planète\n"
    assert problems(text, refs) == [(2, "type de force", "type de force « planète » inconnu ; attendu : resistance, "
                                     "french_army, allied_army, axis, other.", "unknown force type 'planète'; expected "
                                     "one of: resistance, french_army, allied_army, axis, other.")]


def test_the_first_row_naming_an_actor_gives_its_force_type(refs):
    text = ("date;lieu;département;type;titre;acteurs;type de force\n"
            "25/08/1944;Paris;75;autre;A;Voisins;résistance\n25/08/1944;Paris;75;autre;B;Voisins;axe\n"
            "25/08/1944;Paris;75;autre;C;Voisins;\n")
    loaded = own(text, refs)
    assert loaded.result.extra_actors == {"Voisins": "resistance"}
    assert list(loaded.events["involves_resistance"]) == [True, True, True]
    assert not loaded.events["involves_axis"].any()


def test_an_actor_named_by_its_label_is_the_actor_of_actors_csv(refs):
    row = event(f"{HEADER};acteurs\n25/08/1944;Paris;75;autre;T;forces françaises de l'intérieur (ffi)\n", refs)
    assert row["actor_list"] == ("FFI",) and row["involves_resistance"]


@pytest.mark.parametrize("text, fr, en", [
    ("25/08/44", "date « 25/08/44 » refusée : l'année n'a que deux chiffres (44 : 1944 ou 2044 ?) ; écrivez-la en "
     "entier, ex. 25/08/1944 ou 1944-08-25.", "date '25/08/44' refused: the year has only two digits (44: 1944 or "
     "2044?); write it in full, e.g. 25/08/1944 or 1944-08-25."),
    ("32/08/1944", "date « 32/08/1944 » invalide : format AAAA-MM-JJ ou JJ/MM/AAAA d'un jour qui existe.",
     "invalid date '32/08/1944': YYYY-MM-DD or DD/MM/YYYY format, a day that exists."),
    ("1944-13-01", "date « 1944-13-01 » invalide : format AAAA-MM-JJ ou JJ/MM/AAAA d'un jour qui existe.",
     "invalid date '1944-13-01': YYYY-MM-DD or DD/MM/YYYY format, a day that exists."),
])
def test_a_date_a_teacher_writes_wrongly_is_explained(text, fr, en):
    assert read_day(text) == (None, fr, en)


def test_a_date_with_midnight_from_a_spreadsheet_is_a_day():
    assert read_day("1944-08-25T00:00") == (dt.date(1944, 8, 25), "", "")
    assert read_day("1944-08-25 00:00:00") == (dt.date(1944, 8, 25), "", "")
    assert read_day("1944-08-25 12:00")[0] is None


def test_a_header_only_table_is_said(refs):
    loaded = own(f"\n{HEADER}\n", refs)
    assert [(p.line, p.message_fr, p.message_en) for p in loaded.result.problems] == [
        (2, "le tableau n'a qu'un en-tête : ajoutez une ligne par événement en dessous.",
         "the table has a header only: add one row per event below it.")]
    assert loaded.result.problem_count == 1 and not loaded.usable


def test_an_unreadable_file_keeps_its_problems_and_counts_them(refs):
    loaded = own("", refs)
    assert [p.message_en for p in loaded.result.problems] == ["the file is empty."]
    assert loaded.result.problem_count == 1 and loaded.events.empty


def test_the_report_notes_the_problems_beyond_those_listed_in_french(refs):
    rows = "".join(f"1944-02-30;Paris;75;autre;T{n}\n" for n in range(MAX_REPORTED_PROBLEMS + 3))
    report = report_csv(own(f"{HEADER}\n{rows}", refs).result, "fr").decode("utf-8-sig")
    assert report.rstrip().endswith(f"… et 3 autres problèmes (seuls les {MAX_REPORTED_PROBLEMS} premiers sont listés)")


def test_validation_checks_the_deadline_every_2000_rows(refs):
    text = "date,lieu,type,titre,lat,lon\n" + "1944-08-25,Paris,other,T,48.9,2.4\n" * 2500
    table = read_csv_text(text).table
    result = validate_table(table, refs, OWN_TABLE_RULES, None, Deadline(-1))
    assert len(result.events) == 1999
    assert result.problems[-1].line == 2001 and result.problems[-1].message_en.startswith("reading stopped after")
    assert len(validate_table(table, refs, OWN_TABLE_RULES, None, Deadline(60)).events) == 2500


def test_other_dates_keep_the_entries_in_range_and_say_why_the_others_are_not():
    dates, errors = parse_other_dates("1942-12-31: AD | x | 1944-02-30: AD", dt.date(1943, 1, 1), dt.date(1945, 12, 31))
    assert dates == []
    assert [(e.entry, e.message_fr, e.message_en) for e in errors] == [
        ("1942-12-31: AD", "date 1942-12-31 hors de la période couverte (1943–1945).",
         "date 1942-12-31 outside the period covered (1943–1945)."),
        ("x", "« x » : attendu « AAAA-MM-JJ: qui donne cette date ».", "'x': expected 'YYYY-MM-DD: who gives this date'."),
        ("1944-02-30: AD", "« 1944-02-30 » n'est pas un jour qui existe.", "'1944-02-30' is not a day that exists."),
    ]


def test_the_bundled_rules_keep_the_strict_header(refs):
    table = read_csv_text("date,lieu\n1944-08-25,Paris\n").table
    messages = [(p.column, p.message_en) for p in validate_table(table, refs, BUNDLED_RULES).problems]
    assert ("event_id", "required column missing from the header.") in messages
    assert ("lieu", "unknown column; expected columns: " + ", ".join(
        ("event_id", "date", "end_date", "event_type", "place", "department_code", "region", "lat", "lon", "actors",
         "title_fr", "title_en", "description_fr", "description_en", "source", "source_url", "other_dates",
         "confidence")) + ".") in messages
