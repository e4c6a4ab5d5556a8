"""Cached loading of the data folder: the event table, its reference tables, the chapters.

The folder is `dashboard.data.DATA_DIR` unless the LIBERATION_DATA_DIR environment variable
names another one (a teacher's own tables, or a broken table in the page tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, resources
from dashboard.chapters import Chapter, load_chapters
from dashboard.data import LoadResult, Problem, ReferenceTables, load_events, load_reference_tables
from dashboard.pockets import PocketsResult, load_pockets, read_communes, read_communes_empty

DATA_DIR_ENV = resources.DATA_DIR_VARIABLE  # set by `liberation-atlas --data-dir`


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or data.DATA_DIR)


@dataclass(frozen=True)
class Bundle:
    """The data folder, loaded and validated once per server process (and per file change)."""

    result: LoadResult
    refs: ReferenceTables

    @property
    def events(self) -> pd.DataFrame:
        return self.result.events

    @property
    def force_of_actor(self) -> dict[str, str]:
        return self.refs.force_type_of_actor

    def actor_labels(self, lang: str) -> dict[str, str]:
        column = "label_en" if lang == "en" else "label_fr"
        return dict(zip(self.refs.actors["actor"], self.refs.actors[column], strict=True))


def _stamp(folder: Path, name: str) -> float | None:
    # Cache keys include the files' modification times, so an edited table is picked up without a
    # restart. A missing file has no time: the loader then says which file is missing.
    try:
        return (folder / name).stat().st_mtime
    except OSError:
        return None


def _stamps(folder: Path) -> tuple[float | None, ...]:
    return tuple(_stamp(folder, name) for name in ("events.csv", "actors.csv", "departements.csv"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_bundle(folder: str, stamps: tuple[float | None, ...]) -> Bundle:
    # cache_resource, not cache_data: the frames are shared read-only, not copied on every
    # rerun (pages never mutate them).
    refs = load_reference_tables(Path(folder))
    return Bundle(load_events(Path(folder) / "events.csv", refs), refs)


def load_bundle() -> Bundle:
    folder = data_dir()
    return _load_bundle(str(folder), _stamps(folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_chapters(folder: str, stamps: tuple[float | None, ...], chapters_stamp: float | None) -> tuple[list[Chapter], list[Problem]]:
    bundle = _load_bundle(folder, stamps)
    return load_chapters(set(bundle.events["event_id"]), set(bundle.refs.regions), Path(folder) / "chapters.csv")


def _chapters_and_problems() -> tuple[list[Chapter], list[Problem]]:
    folder = data_dir()
    return _load_chapters(str(folder), _stamps(folder), _stamp(folder, "chapters.csv"))


def chapters() -> list[Chapter]:
    return _chapters_and_problems()[0]


def chapter_problems() -> list[Problem]:
    return _chapters_and_problems()[1]


def chapter_by_id(chapter_id: str | None) -> Chapter | None:
    return next((chapter for chapter in chapters() if chapter.chapter_id == chapter_id), None)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_communes(folder: str, communes_stamp: float | None) -> pd.DataFrame:
    # A data folder of one's own may have no communes: then the pockets file's own message says
    # which commune is unknown, instead of a traceback about communes.csv.
    communes_csv = Path(folder) / "communes.csv"
    return read_communes(communes_csv) if communes_csv.is_file() else read_communes_empty()


def communes() -> pd.DataFrame:
    """The commune points of the data folder (the pockets' outlines are drawn around them), read once."""
    folder = data_dir()
    return _load_communes(str(folder), _stamp(folder, "communes.csv"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_pockets(folder: str, stamps: tuple[float | None, ...], pockets_stamp: float | None) -> PocketsResult:
    bundle = _load_bundle(folder, stamps)
    return load_pockets(_load_communes(folder, _stamp(Path(folder), "communes.csv")),
                        set(bundle.refs.departments["department_code"]), Path(folder) / "pockets.csv")


def pockets() -> PocketsResult:
    """The pockets of the data folder (none, with a message, when the folder has no pockets.csv)."""
    folder = data_dir()
    return _load_pockets(str(folder), _stamps(folder), _stamp(folder, "pockets.csv"))
