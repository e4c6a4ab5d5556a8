import datetime as dt

import pytest

from dashboard.chapters import CHAPTER_COLUMNS, chapter_sources, load_chapters, neighbour, parse_chapters
from dashboard.data import load_events

EVENTS = load_events().events


@pytest.fixture(scope="module")
def bundled(refs):
    return load_chapters(set(EVENTS["event_id"]), set(refs.regions))


def test_bundled_chapters_are_valid_and_tell_the_story_in_order(bundled):
    chapters, problems = bundled
    assert problems == [], [p.text("en") for p in problems]
    assert 14 <= len(chapters) <= 20  # a class hour
    # A teacher follows the tour forwards in time: no chapter steps back.
    dates = [chapter.date for chapter in chapters]
    assert dates == sorted(dates)
    # From Corsica (1943) to the last pocket's surrender (Saint-Nazaire, 11 May 1945).
    assert chapters[0].date.year == 1943 and chapters[-1].date == dt.date(1945, 5, 11)


def test_every_chapter_is_backed_by_sourced_events_whose_dates_it_shows(bundled):
    by_id = EVENTS.set_index("event_id")
    assert bundled[0], "the loop below checks something"
    for chapter in bundled[0]:
        assert chapter.event_ids, chapter.chapter_id
        for event_id in chapter.event_ids:
            assert not by_id.loc[event_id, "source"].startswith("unsourced"), (chapter.chapter_id, event_id)
        # The chapter's date is late enough that its events are on the map.
        assert all(by_id.loc[event_id, "date"].date() <= chapter.date for event_id in chapter.event_ids), chapter.chapter_id


def test_broken_chapters_are_reported_with_line_and_column(refs):
    header = ",".join(CHAPTER_COLUMNS)
    good = "corse,Corse,Corsica,1943-10-04,42.1,9.0,6,,,,,Récit.,Story."
    bad = "bad id!,T,T,1943-02-30,99,9.0,30,martians,,Atlantis,nope,,Story."
    chapters, problems = parse_chapters("\n".join([header, good, bad]), {"x"}, set(refs.regions))
    assert [c.chapter_id for c in chapters] == ["corse"]
    assert {(p.line, p.column) for p in problems} == {
        (3, "chapter_id"), (3, "date"), (3, "lat"), (3, "zoom"), (3, "force_types"), (3, "regions"),
        (3, "event_ids"), (3, "narrative_fr")}


def test_missing_column_is_reported(refs):
    _, problems = parse_chapters("chapter_id,title_fr\n", set(), set(refs.regions))
    assert problems and all(p.line == 1 for p in problems)


def test_neighbours(bundled):
    chapters = bundled[0]
    assert neighbour(chapters, None, 1) == chapters[0]
    assert neighbour(chapters, chapters[0].chapter_id, 1) == chapters[1]
    assert neighbour(chapters, chapters[0].chapter_id, -1) is None
    assert neighbour(chapters, chapters[-1].chapter_id, 1) is None


def test_chapter_sources_split_multiple_citations(bundled):
    corsica = bundled[0][0]
    sources = chapter_sources(corsica, EVENTS)
    assert sources == sorted(set(sources))
    assert all(" ; " not in source for source in sources)
    cited = set(EVENTS[EVENTS["event_id"].isin(corsica.event_ids)]["source"])
    assert all(any(source in citation for citation in cited) for source in sources)
