"""The map player on the page: its data (cached, shared by sessions with the same view) and the
one way its dates come back, through `with_date` like every other date change."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import player
from dashboard.player.player import Jump, TableFacts, build_payload, control, table_facts, table_payload
from dashboard.ui import state
from dashboard.ui.loading import (
    Bundle,
    OwnTableState,
    _load_bundle,
    _stamp,
    _stamps,
    communes,
    data_dir,
    pockets,
    shown_own_table,
)
from dashboard.view import PRESENT, View, with_date

Focus = tuple[float, float, float]  # latitude, longitude, zoom


def _facts(bundle: Bundle, with_pockets: bool) -> TableFacts:
    return table_facts(
        bundle.events,
        bundle.refs.departments,
        bundle.force_of_actor,
        pockets=pockets().pockets if with_pockets else None,
        communes=communes() if with_pockets else None,
    )


def _build(bundle: Bundle, facts: TableFacts, view: View, table_part: dict) -> dict:
    # The view's filters and language only: the date comes with the jump, so that moving it
    # changes nothing here.
    return build_payload(
        bundle.events,
        bundle.refs.departments,
        view,
        bundle.force_of_actor,
        bundle.actor_labels(view.lang),
        facts=facts,
        table_part=table_part,
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _shared_facts(folder: str, stamps: tuple[float | None, ...], pocket_stamps: tuple) -> TableFacts:
    # Worked out once per table, whatever the language and the filters (the points, who held the
    # départements, the pockets): a new language or filter then costs a selection and some words.
    return _facts(_load_bundle(folder, stamps), with_pockets=True)


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared_table_part(folder: str, stamps: tuple[float | None, ...], pocket_stamps: tuple, lang: str) -> dict:
    # The same for every filter; kept as one object so that every payload in this language
    # shares it.
    return table_payload(_shared_facts(folder, stamps, pocket_stamps), lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def _payload(
    folder: str,
    stamps: tuple[float | None, ...],
    pocket_stamps: tuple,
    lang: str,
    force_types: tuple[str, ...],
    event_types: tuple[str, ...],
    regions: tuple[str, ...],
) -> dict:
    # Shared read-only by every session with the same view (never mutated: map_player copies the
    # top level). The same dict from one rerun to the next keeps the message identical, so
    # Streamlit does not send the table again.
    facts = _shared_facts(folder, stamps, pocket_stamps)
    view = View(date=facts.first, lang=lang, force_types=force_types, event_types=event_types, regions=regions)
    table_part = _shared_table_part(folder, stamps, pocket_stamps, lang)
    return _build(_load_bundle(folder, stamps), facts, view, table_part)


def _own_payload(own: OwnTableState, view: View) -> dict:
    """The player's data for a class's own table: kept in the session's state, never in the
    shared cache above; only the last view's, so a session holds one payload at most."""
    key = (view.lang, view.force_types, view.event_types, view.regions)
    if key not in own.payloads:
        own.payloads.clear()
        if not own.player_facts:
            # A class's own table has no pockets: the bundled ones would change its counts.
            own.player_facts.append(_facts(own.bundle, with_pockets=False))
        facts = own.player_facts[0]
        own.payloads[key] = _build(own.bundle, facts, view, table_payload(facts, view.lang))
    return own.payloads[key]


def _jump(day: dt.date) -> Jump:
    """Where Python asks the player to be. A new `seq` only when the view's date is not the one
    the player last reported (a chapter, a link, another page moved it): the player's own dates
    never come back to it as jumps, and the payload stays the same while it plays."""
    jump = state.remembered(state.PLAYER_JUMP_KEY)
    if jump is None or state.remembered(state.PLAYER_AT_KEY) != day:
        jump = Jump(day, jump.seq + 1 if jump else 0)
        state.remember(state.PLAYER_JUMP_KEY, jump)
        state.remember(state.PLAYER_AT_KEY, day)
    return jump


def _date_from_player(day: dt.date) -> None:
    state.update_view(lambda view: with_date(view, day))
    state.remember(state.PLAYER_AT_KEY, day)


def map_player(bundle: Bundle, view: View, focus: Focus | None = None) -> None:
    """The map with its timeline, playing in the browser; `focus` flies the map to a chapter's area."""
    own = shown_own_table()
    if own is not None:
        base = _own_payload(own, view)
    else:
        folder = data_dir()
        pocket_stamps = (_stamp(folder, "pockets.csv"), _stamp(folder, "communes.csv"))
        base = _payload(
            str(folder), _stamps(folder), pocket_stamps, view.lang, view.force_types, view.event_types, view.regions
        )
    player.render(base, control(_jump(view.date), focus, view.mode == PRESENT), on_date=_date_from_player)
