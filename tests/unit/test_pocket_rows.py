"""One row of a pockets table, one mistake at a time: the file, line and column, and the exact
French and English sentence a maintainer of a data folder reads (the sentence is the
specification); the limits at their boundaries; a file that cannot be read or has no valid row."""

import csv
import datetime as dt
import io

import pytest

from dashboard.pockets import (
    POCKET_COLUMNS,
    held_on,
    load_pockets,
    parse_pockets,
    pocket_outlines,
    read_communes,
)
from dashboard.schema import FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE

ROW = {
    "pocket_id": "lorient", "name_fr": "Poche de Lorient", "name_en": "Lorient pocket", "department_codes": "56",
    "insee_codes": "56121;56098", "formed": "1944-08-12", "surrendered": "1945-05-10", "other_dates": "",
    "source": "Test", "source_url": "https://example.org/lorient", "confidence": "", "note_fr": "", "note_en": "",
}
PERIOD = f"{FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}"
EMPTY = ("cellule vide : elle est obligatoire.", "empty cell: it is required.")
UNSOURCED = ("source et lien (http…) obligatoires : la date d'une poche doit être sourcée.",
             "source and link (http…) required: a pocket's dates must be sourced.")


@pytest.fixture(scope="module")
def communes():
    return read_communes()


@pytest.fixture(scope="module")
def departments(refs):
    return set(refs.departments["department_code"])


def table(*rows: dict, columns=POCKET_COLUMNS) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return output.getvalue()


def problems_of(result) -> list[tuple]:
    return [(p.file, p.line, p.column, p.message_fr, p.message_en) for p in result.problems]


CASES = {
    "bad-id": ({"pocket_id": "Poche 1"}, [("pocket_id", "identifiant invalide ou déjà utilisé.",
                                           "invalid or repeated id.")]),
    "no-date": ({"formed": ""}, [("formed", f"date «  » invalide (AAAA-MM-JJ, {PERIOD}).",
                                  f"invalid date '' (YYYY-MM-DD, {PERIOD}).")]),
    "day-first-date": ({"surrendered": "10/05/1945"}, [
        ("surrendered", f"date « 10/05/1945 » invalide (AAAA-MM-JJ, {PERIOD}).",
         f"invalid date '10/05/1945' (YYYY-MM-DD, {PERIOD}).")]),
    "surrender-before-formation": ({"surrendered": "1944-08-11"}, [
        ("surrendered", "la reddition précède la formation de la poche.",
         "the surrender is before the pocket formed.")]),
    "unknown-departement": ({"department_codes": "56;99"}, [
        ("department_codes", "département « 99 » inconnu.", "unknown département '99'.")]),
    "no-commune": ({"insee_codes": " ; "}, [
        ("insee_codes", "aucune commune : la poche n'a pas d'étendue.", "no commune: the pocket has no extent.")]),
    "unknown-commune": ({"insee_codes": "56121;99999"}, [
        ("insee_codes", "commune « 99999 » absente de data/communes.csv.",
         "commune '99999' is not in data/communes.csv.")]),
    "commune-outside": ({"insee_codes": "56121;59183"}, [
        ("insee_codes", "la commune 59183 est dans le département 59, hors de la poche.",
         "commune 59183 is in département 59, outside the pocket's départements.")]),
    "other-date": ({"other_dates": "1945-13-01: X"}, [
        ("other_dates", "« 1945-13-01 » n'est pas un jour qui existe.", "'1945-13-01' is not a day that exists.")]),
    "confidence": ({"confidence": "sure"}, [
        ("confidence", "niveau « sure » inconnu ; attendu : high, medium, low (ou vide).",
         "unknown level 'sure'; expected one of: high, medium, low (or empty).")]),
    "no-source": ({"source": ""}, [("source", *UNSOURCED)]),
    "no-link": ({"source_url": "example.org/lorient"}, [("source", *UNSOURCED)]),
    "no-french-name": ({"name_fr": " "}, [("name_fr", *EMPTY)]),
    "no-english-name": ({"name_en": ""}, [("name_en", *EMPTY)]),
}


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_one_mistake_is_named_with_its_file_line_and_column_in_each_language(communes, departments, changes,
                                                                             expected):
    result = parse_pockets(table(ROW, {**ROW, "pocket_id": "dunkerque", **changes}), communes, departments)
    assert problems_of(result) == [("pockets.csv", 3, *problem) for problem in expected]
    assert result.pockets["pocket_id"].tolist() == ["lorient"]  # the other row is kept


def test_the_valid_row_gives_a_pocket_with_its_lists_and_days(communes, departments):
    result = parse_pockets(table(dict(ROW, department_codes="56;29")), communes, departments)
    assert result.problems == []
    [pocket] = result.pockets.to_dict("records")
    assert pocket["department_codes"] == ("56", "29") and pocket["insee_codes"] == ("56121", "56098")
    assert (pocket["formed"].date(), pocket["surrendered"].date()) == (dt.date(1944, 8, 12), dt.date(1945, 5, 10))


def test_an_id_used_twice_is_named_on_its_second_line(communes, departments):
    result = parse_pockets(table(ROW, ROW), communes, departments)
    assert [(p.line, p.column) for p in result.problems] == [(3, "pocket_id")]


@pytest.mark.parametrize("formed, surrendered", [
    (FIRST_ALLOWED_DATE, FIRST_ALLOWED_DATE), (FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE),
    (LAST_ALLOWED_DATE, LAST_ALLOWED_DATE),
])
def test_the_first_and_last_days_of_the_period_are_allowed(communes, departments, formed, surrendered):
    row = dict(ROW, formed=formed.isoformat(), surrendered=surrendered.isoformat())
    assert parse_pockets(table(row), communes, departments).problems == []


@pytest.mark.parametrize("column, day", [
    ("formed", FIRST_ALLOWED_DATE - dt.timedelta(days=1)), ("surrendered", LAST_ALLOWED_DATE + dt.timedelta(days=1)),
])
def test_a_day_outside_the_period_is_refused(communes, departments, column, day):
    result = parse_pockets(table(dict(ROW, **{column: day.isoformat()})), communes, departments)
    assert [(p.line, p.column) for p in result.problems] == [(2, column)]


def test_a_pocket_may_surrender_the_day_it_formed(communes, departments):
    result = parse_pockets(table(dict(ROW, surrendered=ROW["formed"])), communes, departments)
    assert result.problems == [] and len(result.pockets) == 1


def test_a_file_saved_by_excel_with_a_bom_is_read(communes, departments):
    result = parse_pockets("\ufeff" + table(ROW), communes, departments)
    assert result.problems == [] and result.pockets["pocket_id"].tolist() == ["lorient"]


def test_a_missing_column_is_named_on_the_header_line(communes, departments):
    columns = [c for c in POCKET_COLUMNS if c != "source_url"]
    result = parse_pockets(table(ROW, columns=columns), communes, departments)
    assert [(p.file, p.line, p.column) for p in result.problems] == [("pockets.csv", 1, "source_url")]
    assert result.pockets.empty


def test_a_note_on_two_lines_does_not_shift_the_next_rows_line(communes, departments):
    text = table(dict(ROW, note_fr="Première ligne\nseconde ligne"), dict(ROW, pocket_id="dunkerque", name_en=""))
    result = parse_pockets(text, communes, departments)
    assert [(p.line, p.column) for p in result.problems] == [(4, "name_en")]  # lines 2-3 are the first row
    assert result.pockets["note_fr"].tolist() == ["Première ligne\nseconde ligne"]


def test_a_row_with_a_cell_too_many_is_named_not_silently_cut(communes, departments):
    text = table(ROW) + table(dict(ROW, pocket_id="dunkerque")).splitlines()[1] + ",extra\n"
    result = parse_pockets(text, communes, departments)
    assert [(p.line, p.message_en) for p in result.problems] == [(3, f"{len(POCKET_COLUMNS) + 1} cells instead of "
                                                                      f"{len(POCKET_COLUMNS)}.")]


def test_a_file_with_no_valid_row_still_gives_a_table_the_map_can_ask(communes, departments):
    result = parse_pockets(table(dict(ROW, formed="")), communes, departments)
    assert result.problems and result.pockets.empty
    assert held_on(result.pockets, dt.date(1945, 1, 1)).empty
    assert pocket_outlines(result.pockets, communes) == {}


def test_a_missing_file_is_a_message_and_an_empty_table(communes, departments, tmp_path):
    result = load_pockets(communes, departments, tmp_path / "pockets.csv")
    assert problems_of(result) == [("pockets.csv", None, None, "fichier introuvable : pockets.csv.",
                                    "file not found: pockets.csv.")]
    assert held_on(result.pockets, dt.date(1945, 1, 1)).empty


def test_communes_keep_the_leading_zero_of_their_codes(departments, tmp_path):
    """Ain is département 01: read as numbers, its communes would be unknown to every pocket."""
    (tmp_path / "communes.csv").write_text("insee_code,name,department_code,lat,lon\n"
                                           "01053,Bourg-en-Bresse,01,46.2052,5.2255\n", encoding="utf-8")
    ain = read_communes(tmp_path / "communes.csv")
    assert ain[["insee_code", "department_code"]].values.tolist() == [["01053", "01"]]
    result = parse_pockets(table(dict(ROW, department_codes="01", insee_codes="01053")), ain, departments)
    assert result.problems == []
