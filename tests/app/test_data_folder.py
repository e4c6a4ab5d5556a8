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
    assert at.title  # the other rows are still shown


def test_a_table_without_valid_rows_stops_with_a_message(use_folder):
    use_folder(events_csv=DATA_DIR / "broken" / "missing_column.csv")
    at = fresh_app("en").run()
    assert not at.exception
    assert [w.value.replace("\\", "") for w in at.warning] == [
        "The event table has 1 problem(s); the rows concerned are left out:\n\n"
        "- Line 1, column 'source_url': required column missing from the header."]
    assert len(at.error) == 1 and not at.title
