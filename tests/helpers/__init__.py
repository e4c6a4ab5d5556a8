"""Helpers shared by the test modules (test modules never import each other). Importable from
any working directory: pytest puts tests/ on the path (pyproject: pythonpath)."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

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


def fresh_app(lang: str = "fr") -> AppTest:
    """The app in `lang`, not yet run."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    return at


def deck_points(at: AppTest) -> set[str]:
    """The ids of the events the map page's deck draws."""
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(layer for layer in spec["layers"] if layer["id"] == "events")
    return {point["event_id"] for point in layer["data"]}


# Each chart's table on the charts page, recognised by a column only it has.
CHART_COLUMN = {"pace": "cumulative", "regions-share": "share", "regions-events": "events",
                "actors": "liberations", "durations": "days", "disputed": "highest", "pockets": "surrendered"}


def chart_table(at: AppTest, name: str):
    return next(frame.value for frame in at.dataframe if CHART_COLUMN[name] in frame.value.columns)


REAL_DATA_DIR = TESTS_DIR.parent / "data"
DATA_FILES = ("events.csv", "actors.csv", "departements.csv", "chapters.csv")


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
