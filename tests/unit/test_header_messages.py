"""The header of a table, said once: a missing column with the names accepted for it, columns
left aside, and two names for one column, each with its exact sentence and line."""

from dashboard.reading import TextTable
from dashboard.schema import BUNDLED_RULES, COLUMNS, OWN_TABLE_RULES
from dashboard.table_header import Header


def header(names, rules=OWN_TABLE_RULES, line=1, sheet=None) -> Header:
    return Header(TextTable(tuple(names), [], line, sheet), rules)


def said(problems):
    return [(p.line, p.column, p.message_fr, p.message_en) for p in problems]


def test_missing_columns_give_the_names_accepted():
    found = header(["lieu"], line=3)
    assert said(found.problems) == [
        (3, "date", "colonne obligatoire absente de l'en-tête (noms acceptés : date, date_debut, date de debut, debut).",
         "required column missing from the header (accepted names: date, date_debut, date de debut, debut)."),
        (3, "event_type", "colonne obligatoire absente de l'en-tête (noms acceptés : event_type, type, type_evenement, "
         "type d'evenement).", "required column missing from the header (accepted names: event_type, type, "
         "type_evenement, type d'evenement)."),
        (3, "title_fr", "colonne obligatoire absente de l'en-tête (noms acceptés : titre, title_fr, title, title_en).",
         "required column missing from the header (accepted names: titre, title_fr, title, title_en)."),
    ]


def test_the_bundled_table_says_a_missing_column_without_aliases():
    names = [c for c in COLUMNS if c != "source"]
    assert said(header(names, BUNDLED_RULES).problems) == [
        (1, "source", "colonne obligatoire absente de l'en-tête.", "required column missing from the header.")]


def test_unknown_columns_of_a_class_table_are_left_aside_with_a_notice():
    found = header(["date", "lieu", "type", "titre", " ", "notes", "élève"], sheet="Feuille1")
    assert found.problems == []
    assert said(found.notices) == [(1, None, "colonnes ignorées (noms non reconnus) : notes, élève.",
                                    "columns left aside (names not recognised): notes, élève.")]
    assert found.notices[0].sheet == "Feuille1"


def test_a_long_list_of_unknown_columns_is_cut_after_twenty():
    extra = [f"x{n}" for n in range(21)]
    [notice] = header(["date", "lieu", "type", "titre", *extra]).notices
    assert notice.message_en == f"columns left aside (names not recognised): {', '.join(extra[:20])} …."
    [notice] = header(["date", "lieu", "type", "titre", *extra[:20]]).notices
    assert notice.message_en == f"columns left aside (names not recognised): {', '.join(extra[:20])}."


def test_two_names_for_one_column_are_named_together():
    found = header(["date", "lieu", "ville", "type", "titre", "Lieu"])
    assert said(found.problems) == [
        (1, "lieu", "colonnes « lieu », « ville », « Lieu » : elles désignent la même colonne (place) ; gardez-en une.",
         "columns 'lieu, ville, Lieu' all name the same column (place); keep one.")]


def test_the_same_name_twice_is_a_column_appearing_twice():
    assert said(header(["date", "lieu", "type", "titre", "lieu"]).problems) == [
        (1, "lieu", "colonne présente deux fois.", "column appears twice.")]
    assert said(header([*COLUMNS, "date"], BUNDLED_RULES).problems) == [
        (1, "date", "colonne présente deux fois.", "column appears twice.")]


def test_a_column_is_found_with_its_name_and_cell():
    found = header(["Date de début", "Lieu", "Type", "Titre"], line=4, sheet="Feuille1")
    assert found.where(7, "place") == ("Lieu", "Feuille1!B7")
    assert found.where(7, "lat") == ("lat", None)
    assert header(["date", "lieu"]).where(7, "place") == ("lieu", None)
