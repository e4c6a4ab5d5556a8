"""Pages on another data folder (LIBERATION_DATA_DIR): a broken table gives messages, not a traceback."""

import pytest
from helpers import DATA_DIR, PAGES, data_folder, fresh_app

from dashboard.ui.loading import DATA_DIR_ENV


@pytest.fixture
def use_folder(monkeypatch, tmp_path):
    def use(**replacements):
        monkeypatch.setenv(DATA_DIR_ENV, str(data_folder(tmp_path / "data", **replacements)))

    return use


def test_the_pages_read_the_folder_they_are_given(use_folder):
    use_folder(events_csv=DATA_DIR / "small_events.csv")
    at = fresh_app("en").run()
    at.switch_page("pages/events.py").run()
    assert not at.exception
    small = (DATA_DIR / "small_events.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(at.dataframe[0].value) == len(small) - 1  # every row of the small table, nothing else


@pytest.mark.parametrize("page", PAGES)
def test_a_bad_row_is_reported_with_its_line_and_column(use_folder, page):
    broken = (DATA_DIR / "small_events.csv").read_text(encoding="utf-8").splitlines()
    broken[2] = broken[2].replace("1944-", "1944-13-", 1)  # the second event gets an impossible date
    use_folder(events_csv="\n".join(broken) + "\n")
    at = fresh_app("fr").run()
    at.switch_page(page).run()
    assert not at.exception
    assert any("Ligne 3" in w.value and "date" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.title or at.get("bidi_component")  # the other rows are still shown (the map's date is in its player)


def test_a_table_without_valid_rows_stops_with_a_message(use_folder):
    use_folder(events_csv=DATA_DIR / "broken" / "missing_column.csv")
    at = fresh_app("en").run()
    assert not at.exception
    assert [w.value.replace("\\", "") for w in at.warning] == [
        "The event table has 1 problem(s); the rows concerned are left out:\n\n"
        "- Line 1, column 'source_url': required column missing from the header."]
    assert len(at.error) == 1 and not at.title


@pytest.mark.parametrize("page", PAGES)
def test_an_unknown_force_type_in_actors_is_a_message_not_a_crash(use_folder, page):
    """Regression: an actor of force type 'navy' crashed the map with a KeyError."""
    use_folder(actors_csv=DATA_DIR / "broken_refs" / "actors_unknown_force.csv")
    at = fresh_app("en").run()
    at.switch_page(page).run()
    assert not at.exception
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert any("actors.csv, line 18, column 'force_type': unknown force type 'navy'" in w for w in warnings), warnings
    assert at.title or at.get("bidi_component")  # the map page draws its date in the player


@pytest.mark.parametrize("missing", ["events.csv", "actors.csv", "departements.csv", "chapters.csv"])
def test_a_missing_file_is_a_message_not_a_traceback(use_folder, missing):
    """Regression: a missing events.csv raised from stat() before the loader's message could show."""
    use_folder(**{missing.replace(".", "_"): None})
    at = fresh_app("fr").run()
    assert not at.exception
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert any(f"fichier introuvable : {missing}" in w for w in warnings), warnings


def test_a_crowded_day_lists_its_first_events_and_says_how_many_more(use_folder):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((DATA_DIR / "small_events.csv").read_text(encoding="utf-8"))))
    paris = next(row for row in rows if row["event_id"] == "liberation-paris")
    crowd = [{**paris, "event_id": f"crowd-{i}", "title_en": f"Crowd {i}", "title_fr": f"Foule {i}"} for i in range(60)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + crowd)
    use_folder(events_csv=out.getvalue())
    at = fresh_app("en")
    at.query_params["date"] = paris["date"]
    at.run()
    assert not at.exception
    day = paris["date"]
    under_way = sum(1 for row in rows + crowd if row["date"] <= day <= (row["end_date"] or row["date"]))
    listed = [m.value for m in at.markdown if m.value.startswith("**")]  # one per event listed
    hidden = under_way - len(listed)
    assert 0 < len(listed) < under_way
    assert any(f"and {hidden} more" in c.value for c in at.caption), [c.value for c in at.caption]


def test_a_broken_pockets_file_is_said_on_the_page(use_folder):
    # Its valid pockets are still drawn; the bad rows are named, not silently left off the map.
    use_folder(pockets_csv=DATA_DIR / "broken" / "pockets.csv")
    at = fresh_app("en").run()
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("pockets" in notice and "line 2" in notice and "99999" in notice for notice in notices), notices
