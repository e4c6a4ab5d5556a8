"""Helpers shared by the test modules (test modules never import each other). Importable from
any working directory: pytest puts tests/ on the path (pyproject: pythonpath)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

TESTS_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = TESTS_DIR / "data"
APP = str(TESTS_DIR.parent / "app.py")
PAGES = ["pages/map.py", "pages/charts.py", "pages/events.py", "pages/sources.py"]
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
