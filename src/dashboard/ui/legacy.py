"""The one Streamlit workaround of the page shell, kept alone with its test
(tests/app/test_legacy_runner.py)."""

from __future__ import annotations

import streamlit as st


def leave_legacy_multipage_mode() -> None:
    """Make sure this run went through app.py's st.navigation.

    With a pages/ folder next to app.py, Streamlit 1.67 runs a process's first request (and
    every AppTest run) through its legacy multipage runner, which executes the page file alone,
    without app.py, and keeps doing so until st.navigation is called. Switching the flag off and
    rerunning sends this same URL through app.py, whose navigation knows the page by its file name.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
