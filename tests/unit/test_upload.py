"""A class's own table: the files teachers have, French or English names, places located from
the commune points, every problem with its line or cell, and a report safe to open."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from dashboard.columns import COLUMN_ALIASES, canonical_column, simplify
from dashboard.data import COLUMNS
from dashboard.schema import read_day as parse_date
from dashboard.geocode import COMMUNES_CSV, load_communes, place_key
from dashboard.problems import MAX_REPORTED_PROBLEMS, Problem, column_letter
from dashboard.reading import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, read_table, sniff_delimiter
from dashboard.upload import describe_facts, more_problems, read_own_table, report_csv
from helpers import DATA_DIR
from helpers.spreadsheets import ods_bytes, xlsx_bytes

FRENCH_NAMES = {
    "event_id": "Identifiant", "date": "Date de début", "end_date": "date_fin", "event_type": "Type",
    "place": "Lieu", "department_code": "Département", "region": "Région", "lat": "Latitude",
    "lon": "Longitude", "actors": "Acteurs", "title_fr": "Titre", "title_en": "title",
    "description_fr": "Description", "description_en": "description_en", "source": "Sources",
    "source_url": "Lien",
}


@pytest.fixture(scope="module")
def communes(refs):
    return load_communes(frozenset(refs.departments["department_code"]))


@pytest.fixture(scope="module")
def small_rows():
    with (DATA_DIR / "small_events.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def own(raw: bytes, refs, communes, name="table.csv"):
    return read_own_table(raw, name, refs, communes)


def french_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def french_excel_csv(rows) -> bytes:
    """What French Excel writes for 'CSV (séparateur : point-virgule)': ';', Windows-1252, CRLF,
    day-first dates and decimal commas."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow([FRENCH_NAMES[c] for c in COLUMNS])
    for row in rows:
        cells = dict(row, date=french_date(row["date"]), end_date=french_date(row["end_date"]),
                     lat=row["lat"].replace(".", ","), lon=row["lon"].replace(".", ","))
        writer.writerow([cells[c] for c in COLUMNS])
    return output.getvalue().encode("cp1252")


def spreadsheet_rows(rows) -> list[list]:
    """The same table as a person types it in a spreadsheet: real dates and numbers."""
    table = [[FRENCH_NAMES[c] for c in COLUMNS]]
    for row in rows:
        cells = dict(row, date=dt.date.fromisoformat(row["date"]),
                     end_date=dt.date.fromisoformat(row["end_date"]) if row["end_date"] else None,
                     lat=float(row["lat"]), lon=float(row["lon"]))
        table.append([cells[c] for c in COLUMNS])
    return table


def comparable(events: pd.DataFrame) -> pd.DataFrame:
    return events.drop(columns=["line"]).reset_index(drop=True)


def test_french_excel_csv_xlsx_and_ods_give_the_rows_of_the_utf8_csv(refs, communes, small_rows):
    reference = own((DATA_DIR / "small_events.csv").read_bytes(), refs, communes)
    assert reference.result.ok and len(reference.events) == len(small_rows)
    for raw, name in ((french_excel_csv(small_rows), "excel.csv"),
                      (xlsx_bytes({"Feuille1": spreadsheet_rows(small_rows)}), "table.xlsx"),
                      (ods_bytes({"Feuille1": spreadsheet_rows(small_rows)}), "table.ods")):
        loaded = own(raw, refs, communes, name)
        assert loaded.result.ok, [p.text("en") for p in loaded.result.problems]
        pd.testing.assert_frame_equal(comparable(loaded.events), comparable(reference.events))


def test_what_was_read_is_described(refs, communes, small_rows):
    facts = own(french_excel_csv(small_rows), refs, communes).facts
    assert (facts.kind, facts.encoding, facts.delimiter) == ("csv", "Windows-1252", ";")
    assert "point-virgule" in describe_facts(facts, "fr") and "semicolon" in describe_facts(facts, "en")
    utf8 = own("\ufeffdate,lieu\n".encode("utf-8"), refs, communes).facts
    assert utf8.encoding == "UTF-8 (BOM)" and utf8.delimiter == ","
    sheet = own(xlsx_bytes({"Feuille1": spreadsheet_rows(small_rows), "Vocabulaire": [["x"]]}), refs, communes)
    assert sheet.facts.sheet == "Feuille1" and sheet.facts.other_sheets == ("Vocabulaire",)
    assert any("Vocabulaire" in notice.message_fr for notice in sheet.notices)


@pytest.mark.parametrize("text, expected", [
    ("1944-08-25", dt.date(1944, 8, 25)),
    ("25/08/1944", dt.date(1944, 8, 25)),
    ("5/8/1944", dt.date(1944, 8, 5)),
    ("25.08.1944", dt.date(1944, 8, 25)),
    ("1944-08-25 00:00:00", dt.date(1944, 8, 25)),
    ("25/08/44", None),
    ("30/02/1944", None),
    ("1944-02-30", None),
    ("08/25/1944", None),
    ("août 1944", None),
])
def test_dates_a_teacher_writes(text, expected):
    assert parse_date(text)[0] == expected


def test_a_two_digit_year_is_refused_with_the_reason():
    day, why_fr, why_en = parse_date("25/08/44")
    assert day is None
    assert "1944 or 2044" in why_en and "1944 ou 2044" in why_fr


@pytest.mark.parametrize("column", list(COLUMN_ALIASES))
def test_every_alias_names_its_column(column):
    for name in (column,) + COLUMN_ALIASES[column]:
        assert canonical_column(name) == column, name
        assert canonical_column(name.upper().replace("_", " ")) == column, name


def test_aliases_never_name_two_columns():
    seen = {}
    for column, names in COLUMN_ALIASES.items():
        for name in (column,) + names:
            assert seen.setdefault(simplify(name), column) == column, name


def test_only_date_place_type_and_a_title_are_required(refs, communes):
    loaded = own("date;lieu;département;type;titre\n25/08/1944;Paris;75;libération;Paris libéré\n".encode(), refs, communes)
    assert loaded.result.ok, [p.text("en") for p in loaded.result.problems]
    event = loaded.events.iloc[0]
    assert event["region"] == "Île-de-France"  # derived from the département
    assert event["title_en"] == event["title_fr"] == "Paris libéré"  # one title serves both languages
    assert event["event_type"] == "liberation"
    assert event["event_id"]

    missing = own(b"date,place\n1944-08-25,Paris\n", refs, communes)
    assert {p.column for p in missing.result.problems} == {"event_type", "title_fr"}
    assert missing.events.empty


def commune_points(name: str) -> dict[str, tuple[float, float]]:
    """département -> point of every commune called `name`, read straight from the file."""
    with COMMUNES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["department_code"]: (float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(handle) if row["name"] == name}


def test_places_are_located_from_the_commune_points_and_the_departement_decides(refs, communes):
    valences = commune_points("Valence")
    assert len(valences) > 1
    table = "date;lieu;departement;type;titre\n" + "".join(
        f"1944-08-31;Valence;{code};liberation;Valence {code}\n" for code in valences)
    loaded = own(table.encode(), refs, communes)
    assert loaded.result.ok
    for _, event in loaded.events.iterrows():
        assert (event["lat"], event["lon"]) == valences[event["department_code"]]


def test_a_repeated_name_without_departement_is_reported_with_its_candidates(refs, communes):
    loaded = own(b"date;lieu;type;titre\n1944-08-31;Valence;liberation;V\n", refs, communes)
    [problem] = loaded.result.problems
    assert (problem.line, problem.column) == (2, "lieu")
    for code in commune_points("Valence"):
        assert f"Valence ({code})" in problem.message_en


def test_a_unique_name_needs_no_departement_and_gives_it(refs, communes):
    [(code, point)] = commune_points("Oradour-sur-Glane").items()
    loaded = own("date;lieu;type;titre\n10/06/1944;oradour sur glane;massacre;Oradour\n".encode(), refs, communes)
    event = loaded.events.iloc[0]
    assert (event["department_code"], (event["lat"], event["lon"])) == (code, point)


@pytest.mark.parametrize("written, official", [
    ("Le Havre", "Havre"), ("SAINT-LÔ", "Saint-Lô"), ("St Lo", "Saint-Lô"), ("sainte mere eglise", "Sainte-Mère-Église"),
])
def test_names_match_without_case_accents_hyphens_or_article(written, official):
    assert place_key(written) == place_key(official)


def test_an_unknown_place_gets_close_names(refs, communes):
    loaded = own("date;lieu;département;type;titre\n1944-07-18;Saint-Lox;50;bataille;X\n".encode(), refs, communes)
    [problem] = loaded.result.problems
    assert "Saint-Lô (50)" in problem.message_en and "lat" in problem.message_en


def test_given_coordinates_win_over_the_commune_point(refs, communes):
    loaded = own(b"date,place,department_code,event_type,title,lat,lon\n1944-08-25,Paris,75,other,X,48.9,2.4\n", refs, communes)
    assert (loaded.events.loc[0, "lat"], loaded.events.loc[0, "lon"]) == (48.9, 2.4)


def test_actors_of_the_class_come_with_their_force_type_or_as_other(refs, communes):
    table = ("date;lieu;département;type;titre;acteurs;type de force\n"
             "25/08/1944;Paris;75;libération;A;ffi;\n"
             "25/08/1944;Paris;75;libération;B;Groupe Vengeance;résistance\n"
             "25/08/1944;Paris;75;libération;C;Les voisins;\n"
             "25/08/1944;Paris;75;libération;D;Martiens;planète\n")
    loaded = own(table.encode(), refs, communes)
    assert [(p.line, p.column) for p in loaded.result.problems] == [(5, "type de force")]
    force_of = loaded.refs.force_type_of_actor
    assert force_of["Groupe Vengeance"] == "resistance" and force_of["Les voisins"] == "other"
    assert "Martiens" not in force_of  # its row was refused
    assert list(loaded.events["actor_list"]) == [("FFI",), ("Groupe Vengeance",), ("Les voisins",)]
    assert list(loaded.events["involves_other"]) == [False, False, True]


def test_spreadsheet_problems_name_the_sheet_and_cell(refs, communes):
    rows = [["Mon tableau"], [], ["date", "lieu", "département", "type", "titre"],
            ["25/08/44", "Paris", "75", "libération", "A"],
            [dt.date(1944, 8, 25), "Paris", "75", "parade", "B"]]
    loaded = own(xlsx_bytes({"Feuille1": rows}), refs, communes, "t.xlsx")
    cells = [(p.cell, p.column) for p in loaded.result.problems]
    assert cells == [("Feuille1!A4", "date"), ("Feuille1!D5", "type")]
    assert loaded.result.problems[0].text("fr").startswith("Feuille1!A4, colonne « date » :")


def test_column_letters():
    assert [column_letter(i) for i in (0, 2, 25, 26, 27, 701, 702)] == ["A", "C", "Z", "AA", "AB", "ZZ", "AAA"]


def test_over_200_problems_keep_the_first_200_and_the_count(refs, communes):
    bad_rows = MAX_REPORTED_PROBLEMS + 57
    table = "date;lieu;département;type;titre\n" + "".join(f"1944-02-30;Paris;75;liberation;T{i}\n" for i in range(bad_rows))
    loaded = own(table.encode(), refs, communes)
    assert len(loaded.result.problems) == MAX_REPORTED_PROBLEMS
    assert loaded.result.problem_count == bad_rows
    assert more_problems(loaded.result) == bad_rows - MAX_REPORTED_PROBLEMS
    report = report_csv(loaded.result, "en").decode("utf-8-sig")
    assert f"{bad_rows - MAX_REPORTED_PROBLEMS} more problems" in report
    assert len(list(csv.reader(io.StringIO(report)))) == 1 + MAX_REPORTED_PROBLEMS + 1


def test_the_report_lists_where_column_and_message_in_the_language(refs, communes):
    loaded = own("date;lieu;département;type;titre\n1944-02-30;Paris;75;liberation;T\n".encode(), refs, communes)
    fr = list(csv.reader(io.StringIO(report_csv(loaded.result, "fr").decode("utf-8-sig"))))
    en = list(csv.reader(io.StringIO(report_csv(loaded.result, "en").decode("utf-8-sig"))))
    assert fr[0] == ["emplacement", "colonne", "problème"] and en[0] == ["where", "column", "problem"]
    assert fr[1][:2] == ["Ligne 2", "date"] and "invalide" in fr[1][2]
    assert en[1][:2] == ["Line 2", "date"] and "invalid" in en[1][2]


def test_limits_are_given_in_the_message(refs, communes):
    too_big = own(b"date,place\n" + b"x" * MAX_FILE_BYTES, refs, communes)
    assert f"{MAX_FILE_BYTES // 1024 // 1024} MB" in too_big.result.problems[0].message_en
    too_long = own(b"date,lieu,type,titre\n" + b"1,2,3,4\n" * (MAX_ROWS + 1), refs, communes)
    assert f"{MAX_ROWS:,} rows" in too_long.result.problems[0].message_en
    too_wide = own((",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)) + "\n").encode(), refs, communes)
    assert f"{MAX_COLUMNS} columns" in too_wide.result.problems[0].message_en


@pytest.mark.parametrize("first_line, delimiter", [
    ("date,lieu,type", ","), ("date;lieu;type", ";"), ("date\tlieu\ttype", "\t"),
    ('"Paris, la ville";date;lieu', ";"), ("date", ","),
])
def test_the_separator_is_the_one_of_the_header(first_line, delimiter):
    assert sniff_delimiter(first_line + "\n1,2,3\n") == delimiter


def test_problem_text_without_place():
    assert Problem(None, None, "fr", "en").text("en") == "en"
    assert Problem(3, None, "x", "y", sheet="Feuille1").text("fr") == "Feuille1, ligne 3 : x"


def test_the_content_decides_the_format_not_the_name(refs, communes, small_rows):
    assert read_table(french_excel_csv(small_rows)).facts.kind == "csv"
    assert own(xlsx_bytes({"S": spreadsheet_rows(small_rows)}), refs, communes, "renamed.csv").result.ok


TEMPLATES = DATA_DIR.parent.parent / "data" / "templates"


@pytest.mark.parametrize("name", ["modele-evenements.csv", "modele-evenements.xlsx"])
def test_templates_load_their_example_row(refs, communes, name):
    loaded = own((TEMPLATES / name).read_bytes(), refs, communes, name)
    assert loaded.result.ok and len(loaded.events) == 1


def test_the_example_is_the_bundled_normandy_rows_with_their_sources(refs, communes):
    loaded = own((TEMPLATES / "exemple-normandie-1944.csv").read_bytes(), refs, communes)
    assert loaded.result.ok, [p.text("en") for p in loaded.result.problems]
    bundled = pd.read_csv(DATA_DIR.parent.parent / "data" / "events.csv", dtype=str, keep_default_na=False)
    normandy = bundled[bundled["region"] == "Normandie"].set_index("title_fr")
    assert 20 <= len(loaded.events) == len(normandy) <= 40
    for _, event in loaded.events.iterrows():
        original = normandy.loc[event["title_fr"]]
        assert event["date"].date().isoformat() == original["date"]
        assert (event["event_type"], event["source"], event["source_url"]) == (
            original["event_type"], original["source"], original["source_url"])
        # Placed on the commune point (or its own coordinates): close to the bundled point.
        assert abs(event["lat"] - float(original["lat"])) < 0.2 and abs(event["lon"] - float(original["lon"])) < 0.2
