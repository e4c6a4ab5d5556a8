"""The one Streamlit workaround of the shell (dashboard/ui/legacy.py), and why it stays.

With a pages/ folder next to app.py, Streamlit 1.67 sends a process's first request through its
legacy multipage runner; a first request for /events then runs pages/events.py alone, without
app.py's navigation (translated page names, page config). The workaround leaves that mode.
"""

from helpers import APP, TIMEOUT
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from dashboard.ui import shell


def open_events_page_first() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    return at.switch_page("pages/events.py").run()


def test_a_first_request_for_a_page_goes_through_the_navigation():
    at = open_events_page_first()
    assert not at.exception
    assert at.title[0].value == "Events"
    assert PagesManager.uses_pages_directory is False  # app.py's st.navigation ran


def test_streamlit_still_needs_the_workaround(monkeypatch):
    """Fails the day Streamlit stops running pages alone: the workaround can then go."""
    monkeypatch.setattr(shell, "leave_legacy_multipage_mode", lambda: None)
    at = open_events_page_first()
    assert not at.exception
    assert PagesManager.uses_pages_directory is True  # still in the legacy runner
