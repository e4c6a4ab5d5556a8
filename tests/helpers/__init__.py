"""Helpers shared by the test modules (test modules never import each other). Importable from
any working directory: pytest puts tests/ on the path (pyproject: pythonpath)."""

from __future__ import annotations

import json
from pathlib import Path

from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from dashboard.i18n import column_label, t

TESTS_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = TESTS_DIR / "data"
APP = str(TESTS_DIR.parent / "app.py")
PAGES = ["pages/map.py", "pages/charts.py", "pages/events.py", "pages/sources.py", "pages/upload.py"]
TIMEOUT = 60  # seconds: the first run loads and validates the whole table


def app_with(**params: str) -> AppTest:
    """The app opened from a link with these query parameters, after its first run."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def map_date_heading(at: AppTest) -> str:
    """The map page's heading of the day (the big date banner itself is drawn in the browser)."""
    return at.subheader[0].value


def fresh_app(lang: str = "fr") -> AppTest:
    """The app in `lang`, not yet run."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    return at


def _component_data(at: AppTest, name: str) -> dict:
    found = [c for c in at.get("bidi_component") if c.proto.component_name.endswith(name)]
    assert len(found) == 1, f"one {name} on the page"
    return json.loads(found[0].proto.json)


def player_payload(at: AppTest) -> dict:
    """The data the map page's one player was given."""
    return _component_data(at, "liberation_map_player")


def player_control(at: AppTest) -> dict:
    """What the map page asks of its player apart from the data: jump, focus, present."""
    return _component_data(at, "liberation_map_control")


def shown_titles(payload: dict) -> set[str]:
    """The titles of the points a player payload draws."""
    from dashboard.player.points import decode_points

    return {point["title"] for point in decode_points(payload["points"])}


# Each chart's table on the charts page, recognised by a column only it has.
CHART_COLUMN = {"pace": "cumulative", "regions-share": "share", "regions-events": "events",
                "actors": "liberations", "durations": "days", "disputed": "highest", "pockets": "surrendered"}


# The tab of the charts page that holds each chart (only the open tab is drawn).
CHART_TAB = {"pace": "tab_pace", "regions-share": "tab_regions", "regions-events": "tab_regions", "actors": "tab_actors",
             "durations": "tab_durations", "disputed": "tab_disputes", "pockets": "tab_disputes"}


def open_chart_tab(at: AppTest, name: str, lang: str = "en") -> AppTest:
    """The charts page with the tab of chart `name` opened, as a click on the tab does."""
    at.session_state["charts.tab"] = t(CHART_TAB[name], lang)
    return at.run()


def chart_table(at: AppTest, name: str):
    """A chart's table as shown on the English page (its tab opened), with its columns under
    their internal names."""
    english = {column_label(column, "en"): column for column in ("events", "liberated", "force_type", "liberations", "actor")}
    header = column_label(CHART_COLUMN[name], "en")
    open_chart_tab(at, name)
    shown = next(frame.value for frame in at.dataframe if header in frame.value.columns)
    return shown.rename(columns=english)


REAL_DATA_DIR = TESTS_DIR.parent / "data"
DATA_FILES = ("events.csv", "actors.csv", "departements.csv", "chapters.csv", "pockets.csv", "communes.csv")


def data_folder(folder: Path, **replacements: str | Path | None) -> Path:
    """A copy of the bundled data folder in `folder`, with some files replaced: a file name
    (dots as underscores: events_csv=...) -> a path to copy, a text to write, or None to leave out."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in DATA_FILES:
        replacement = replacements.get(name.replace(".", "_"), REAL_DATA_DIR / name)
        if replacement is None:
            continue
        if isinstance(replacement, Path):
            (folder / name).write_bytes(replacement.read_bytes())
        else:
            (folder / name).write_text(replacement, encoding="utf-8")
    return folder


def rendered_texts(at: AppTest) -> list[str]:
    """Every piece of text the last run rendered: headings, alerts, widget labels and options,
    tab and expander labels, chart and map specs (JSON decoded), table headers and text cells."""
    texts: list[str] = []

    def leaves(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                leaves(item)
        elif isinstance(value, list):
            for item in value:
                leaves(item)
        elif isinstance(value, str):
            texts.append(value)
            if value[:1] in "{[":  # Plotly and pydeck specs are JSON text, with non-ASCII escaped
                try:
                    leaves(json.loads(value))
                except ValueError:
                    pass

    def visit(node: object) -> None:
        if type(node).__name__ == "Dataframe":
            frame = node.value  # type: ignore[attr-defined]
            texts.extend(str(column) for column in frame.columns)
            for column in frame.columns:
                texts.extend(cell for cell in frame[column] if isinstance(cell, str))
        elif getattr(node, "proto", None) is not None:
            message = MessageToDict(node.proto)  # type: ignore[attr-defined]
            # A component's own source code is not UI text; its data (`json`) is, and is kept.
            for code in ("jsContent", "cssContent", "htmlContent"):
                message.pop(code, None)
            leaves(message)
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return texts
