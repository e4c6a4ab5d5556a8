"""The thin layer that imports Streamlit, one module per idea. Nothing else in the package
imports it; pages use the names below.

- state: the session keys and the one stored view
- loading: the data folder, loaded and cached; the table a class uploaded in this session
- url: the view <-> the address bar, and the share box
- shell: what every page starts with (sidebar, which table is shown, problems, projection style)
- story: the story chapters
- widgets: a chart with its table, data text shown literally
- player: the map player (dashboard.player) on the page, and the dates it sends back
- shared: each chart of a view (table, figure, twin, CSV), built once for every session
- legacy: the workaround for Streamlit's legacy multipage runner
"""

from dashboard.ui.loading import Bundle, load_bundle, own_table, pockets, read_upload, shown_own_table
from dashboard.ui.player import map_player
from dashboard.ui.shell import (
    current_language,
    date_slider,
    finish_page,
    page_setup,
    present_mode,
    require_events,
    show_problems,
)
from dashboard.ui.story import chapter_controls, chapter_story, current_chapter
from dashboard.ui.url import current_view, publish_view, read_url_once, share_link
from dashboard.ui.widgets import chart_with_table, plain

__all__ = [
    "Bundle",
    "chapter_controls",
    "chapter_story",
    "chart_with_table",
    "current_chapter",
    "current_language",
    "current_view",
    "date_slider",
    "finish_page",
    "load_bundle",
    "map_player",
    "own_table",
    "page_setup",
    "plain",
    "pockets",
    "present_mode",
    "publish_view",
    "read_upload",
    "read_url_once",
    "require_events",
    "share_link",
    "show_problems",
    "shown_own_table",
]
