"""Cached loading of the data folder: the event table, its reference tables, the chapters; and
the table a class uploaded, when this session chose to show it.

The folder is `dashboard.data.DATA_DIR` unless the LIBERATION_DATA_DIR environment variable
names another one (a teacher's own tables, or a broken table in the page tests). An uploaded
table lives in its session's state only (state.OWN_TABLE_KEY): never written to data/, never in
a cache another session reads, forgotten with the session.
"""

from __future__ import annotations

import hashlib
import os
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, resources
from dashboard.chapters import Chapter, load_chapters
from dashboard.filters import date_range
from dashboard.data import LoadResult, Problem, ReferenceTables, load_events, load_reference_tables
from dashboard.geocode import Communes, load_communes
from dashboard.player.player import TableFacts
from dashboard.pockets import PocketsResult, load_pockets, read_communes, read_communes_empty
from dashboard.ui import state
from dashboard.upload import OwnTable, read_own_table

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

    @cached_property
    def dates(self) -> tuple[dt.date, dt.date]:
        """The table's first and last day, read once: every rerun of every page asks."""
        return date_range(self.events)

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


def bundled() -> Bundle:
    """The data folder's table, whatever the session shows."""
    folder = data_dir()
    return _load_bundle(str(folder), _stamps(folder))


def load_bundle() -> Bundle:
    """The table this session shows: the class's own if it chose it, else the bundled one."""
    own = shown_own_table()
    return own.bundle if own is not None else bundled()


# --- A class's own table (issue 11) -----------------------------------------------------------


@dataclass(frozen=True)
class OwnTableState:
    """The session's uploaded table, kept with the SHA-256 of the file's bytes: the uploader hands
    the same file back on every rerun, and it is not read again."""

    digest: str
    own: OwnTable
    bundle: Bundle  # the own table as the rest of the app reads a table
    # The map player's data for the last view drawn (ui/player.py), built for this session only.
    payloads: dict[tuple, dict] = field(default_factory=dict)
    # What the player draws of this table whatever the view (player.table_facts): worked out on
    # the first map drawn, then kept here (one item at most).
    player_facts: list[TableFacts] = field(default_factory=list)


@st.cache_resource(show_spinner=False)
def _communes(department_codes: frozenset[str]) -> Communes:
    # Read and indexed once per server process, shared read-only by every session.
    return load_communes(department_codes)


def read_upload(raw: bytes, name: str) -> OwnTableState:
    """The session's own table from a file's bytes; read once per distinct file. A usable table
    is shown at once (the banner says so and offers the way back)."""
    digest = hashlib.sha256(raw).hexdigest()
    kept = own_table()
    if kept is not None and kept.digest == digest:
        return kept
    refs = bundled().refs
    own = read_own_table(raw, name, refs, _communes(frozenset(refs.departments["department_code"])))
    state.remember(state.OWN_TABLE_KEY, OwnTableState(digest, own, Bundle(own.result, own.refs)))
    state.show_table(state.OWN_TABLE if own.usable else state.BUNDLED_TABLE)
    # Once more from the top, so that the banner, the sidebar's filters and the date range drawn
    # before the file was read follow the new table (the same file is not read again).
    st.rerun()


def own_table() -> OwnTableState | None:
    """The table this session uploaded last, shown or not."""
    return state.remembered(state.OWN_TABLE_KEY)


def shown_own_table() -> OwnTableState | None:
    """The session's own table when it is the one shown (and has valid rows), else None."""
    own = own_table()
    if state.table_shown() == state.OWN_TABLE and own is not None and own.own.usable:
        return own
    return None


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_chapters(
    folder: str, stamps: tuple[float | None, ...], chapters_stamp: float | None
) -> tuple[list[Chapter], list[Problem]]:
    bundle = _load_bundle(folder, stamps)
    return load_chapters(set(bundle.events["event_id"]), set(bundle.refs.regions), Path(folder) / "chapters.csv")


def _chapters_and_problems() -> tuple[list[Chapter], list[Problem]]:
    folder = data_dir()
    return _load_chapters(str(folder), _stamps(folder), _stamp(folder, "chapters.csv"))


def chapters() -> list[Chapter]:
    story = _chapters_and_problems()[0]
    own = shown_own_table()
    if own is not None:  # the chapters that still apply: every event they tell is in the table
        ids = set(own.bundle.events["event_id"])
        return [chapter for chapter in story if set(chapter.event_ids) <= ids]
    return story


def chapter_problems() -> list[Problem]:
    if shown_own_table() is not None:
        return []  # the bundled chapters' problems are not the class's to fix
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
    return load_pockets(
        _load_communes(folder, _stamp(Path(folder), "communes.csv")),
        set(bundle.refs.departments["department_code"]),
        Path(folder) / "pockets.csv",
    )


def pockets() -> PocketsResult:
    """The pockets of the data folder (none, with a message, when the folder has no pockets.csv).
    A class's own table has none: the bundled pockets would change its counts."""
    folder = data_dir()
    found = _load_pockets(str(folder), _stamps(folder), _stamp(folder, "pockets.csv"))
    return PocketsResult(found.pockets.iloc[0:0]) if shown_own_table() is not None else found
