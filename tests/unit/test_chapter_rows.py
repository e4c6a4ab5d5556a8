"""A teacher's chapters.csv, row by row: what is kept, trimmed, refused, and where each problem is."""

import datetime as dt
from dataclasses import replace

import pytest

from dashboard.data import LAT_RANGE
from dashboard.chapters import (CHAPTER_COLUMNS, CHAPTERS_FILE, ZOOM_RANGE, chapter_sources, load_chapters,
                                neighbour, parse_chapters)

HEADER = ",".join(CHAPTER_COLUMNS)
REGIONS = {"Corse", "Bretagne"}
EVENTS = {"liberation-ajaccio", "liberation-bastia"}


def row(**cells):
    values = {"chapter_id": "corse", "title_fr": "Corse", "title_en": "Corsica", "date": "1943-10-04", "lat": "42.1",
              "lon": "9.0", "zoom": "6", "force_types": "", "event_types": "", "regions": "", "event_ids": "",
              "narrative_fr": "Récit.", "narrative_en": "Story."}
    values.update(cells)
    return ",".join(values[column] for column in CHAPTER_COLUMNS)


def parse(*rows):
    return parse_chapters("\n".join([HEADER, *rows]), EVENTS, REGIONS)


def test_a_full_row_is_read_with_its_lists_trimmed():
    (chapter,), problems = parse(row(chapter_id=" corse ", title_fr=" Corse ", force_types=" resistance ; french_army ;",
                                     event_types="liberation", regions="Corse", event_ids="liberation-ajaccio ;"
                                     "liberation-bastia", narrative_en=" Story. "))
    assert problems == []
    assert (chapter.chapter_id, chapter.title_fr, chapter.title_en) == ("corse", "Corse", "Corsica")
    assert (chapter.date, chapter.lat, chapter.lon, chapter.zoom) == (dt.date(1943, 10, 4), 42.1, 9.0, 6.0)
    assert chapter.force_types == ("resistance", "french_army")
    assert chapter.event_types == ("liberation",) and chapter.regions == ("Corse",)
    assert chapter.event_ids == ("liberation-ajaccio", "liberation-bastia")
    assert (chapter.narrative_fr, chapter.narrative_en) == ("Récit.", "Story.")


def test_a_byte_order_mark_does_not_hide_the_first_column():
    chapters, problems = parse_chapters("\ufeff" + HEADER + "\n" + row(), EVENTS, REGIONS)
    assert problems == [] and [c.chapter_id for c in chapters] == ["corse"]


def test_a_repeated_id_keeps_the_first_chapter_and_names_the_line():
    chapters, problems = parse(row(), row(title_en="Again"))
    assert [c.title_en for c in chapters] == ["Corsica"]
    assert [(p.line, p.column, p.file) for p in problems] == [(3, "chapter_id", CHAPTERS_FILE)]
    assert "corse" in problems[0].message_en and "corse" in problems[0].message_fr


@pytest.mark.parametrize("cells", [row() + ",extra", ",".join(row().split(",")[:5])], ids=["one cell too many",
                                                                                          "cells missing"])
def test_a_row_of_the_wrong_width_is_one_problem_and_the_next_rows_are_read(cells):
    chapters, problems = parse(cells, row(chapter_id="bretagne"))
    assert [c.chapter_id for c in chapters] == ["bretagne"]
    assert [(p.line, p.column) for p in problems] == [(2, None)]
    assert problems[0].message_en == "wrong number of cells."


@pytest.mark.parametrize("zoom, accepted", [(str(ZOOM_RANGE[0]), True), (str(ZOOM_RANGE[1]), True),
                                            (str(ZOOM_RANGE[0] - 0.1), False), (str(ZOOM_RANGE[1] + 0.1), False),
                                            ("near", False)])
def test_the_zoom_range_includes_its_ends(zoom, accepted):
    chapters, problems = parse(row(zoom=zoom))
    assert bool(chapters) is accepted
    assert [p.column for p in problems] == ([] if accepted else ["zoom"])
    if not accepted:
        assert f"{ZOOM_RANGE[0]} and {ZOOM_RANGE[1]}" in problems[0].message_en


def test_each_problem_names_what_it_refused():
    _, problems = parse(row(chapter_id="bad id", date="4 oct 1943", regions="Atlantis", title_en=" "))
    messages = {p.column: p.message_en for p in problems}
    assert messages == {"chapter_id": "invalid id 'bad id'.", "date": "invalid date '4 oct 1943' (YYYY-MM-DD).",
                        "regions": "unknown 'Atlantis'.", "title_en": "empty cell: it is required."}
    assert all(p.line == 2 and p.message_fr for p in problems)


def test_a_missing_file_is_one_problem_naming_the_chapters_table(tmp_path):
    chapters, problems = load_chapters(EVENTS, REGIONS, tmp_path / "chapitres-de-la-classe.csv")
    assert chapters == [] and len(problems) == 1 and problems[0].file == CHAPTERS_FILE


def test_a_chapters_file_is_read_from_its_path(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "\n" + row() + "\n", encoding="utf-8")
    chapters, problems = load_chapters(EVENTS, REGIONS, path)
    assert problems == [] and [c.chapter_id for c in chapters] == ["corse"]


def test_stepping_backwards_from_no_chapter_starts_at_the_last():
    (first, second), _ = parse(row(), row(chapter_id="bretagne"))
    assert neighbour([first, second], None, -1) == second
    assert neighbour([first, second], "bretagne", -1) == first
    assert neighbour([], None, 1) is None
    (first, second, third), _ = parse(row(), row(chapter_id="bretagne"), row(chapter_id="paris"))
    assert neighbour([first, second, third], None, -1) == third
    assert neighbour([first, second, third], "unknown", 1) == first


def test_a_chapters_sources_are_its_events_citations_each_once(small_events):
    rows = small_events.head(3).assign(source=["B ; A", "A", "C"])
    (chapter,), _ = parse(row(event_ids=""))
    chosen = replace(chapter, event_ids=tuple(rows["event_id"].iloc[:2]))
    assert chapter_sources(chosen, rows) == ["A", "B"]


def test_every_problem_is_told_in_both_languages_with_its_place():
    header_only = parse_chapters("chapter_id,title_fr\n", EVENTS, REGIONS)[1]
    assert [(p.line, p.column, p.message_fr, p.message_en, p.file) for p in header_only][0] == (
        1, "title_en", "colonne obligatoire absente.", "required column missing.", CHAPTERS_FILE)
    assert {p.column for p in header_only} == set(CHAPTER_COLUMNS) - {"chapter_id", "title_fr"}
    _, problems = parse(row() + ",extra", row(), row(), row(chapter_id="x!", date="1943-13-01", lat="91",
                                                         event_types="picnic", narrative_fr=""))
    assert [(p.line, p.column, p.message_fr, p.message_en, p.file) for p in problems] == [
        (2, None, "nombre de cellules incorrect.", "wrong number of cells.", CHAPTERS_FILE),
        (4, "chapter_id", "identifiant « corse » en double.", "duplicate id 'corse'.", CHAPTERS_FILE),
        (5, "chapter_id", "identifiant « x! » invalide.", "invalid id 'x!'.", CHAPTERS_FILE),
        (5, "date", "date « 1943-13-01 » invalide (AAAA-MM-JJ).", "invalid date '1943-13-01' (YYYY-MM-DD).",
         CHAPTERS_FILE),
        (5, "lat", f"« 91 » : nombre attendu entre {LAT_RANGE[0]} et {LAT_RANGE[1]}.",
         f"'91': expected a number between {LAT_RANGE[0]} and {LAT_RANGE[1]}.", CHAPTERS_FILE),
        (5, "event_types", "« picnic » inconnu.", "unknown 'picnic'.", CHAPTERS_FILE),
        (5, "narrative_fr", "cellule vide : elle est obligatoire.", "empty cell: it is required.", CHAPTERS_FILE),
    ]
