"""Who held each département on a given day: freed, retaken, or freed but for a pocket.

A département's state follows the rows of its préfecture: a `liberation` row frees it (on its
`end_date` when the liberation took several days), a later `retaken` row puts it back under German
control (Tulle, 9 June 1944), a later `liberation` frees it again. Pockets (see pockets.py) held by
German garrisons after the département was freed make it "partly occupied" until they surrender.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

# A département liberated within this many days is drawn as "freshly liberated".
FRESH_DAYS = 7

STATE_OCCUPIED = "occupied"
STATE_LIBERATED = "liberated"
STATE_FRESH = "fresh"
STATE_RETAKEN = "retaken"  # freed, then taken back: not "occupied as if nothing had happened"
STATE_PARTIAL = "partial"  # freed, but a pocket inside it is still held
DEPARTMENT_STATES = (STATE_OCCUPIED, STATE_RETAKEN, STATE_PARTIAL, STATE_FRESH, STATE_LIBERATED)
FREE_STATES = (STATE_FRESH, STATE_LIBERATED, STATE_PARTIAL)  # the préfecture is free

CHANGE_FREED = "freed"
CHANGE_RETAKEN = "retaken"


def prefecture_rows(events: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """The rows that say who held a département: a liberation or a recapture at its préfecture,
    the only rows prefecture_changes reads (taking them once spares a class's 100,000 rows)."""
    prefecture_of = dict(zip(departments["department_code"], departments["prefecture"], strict=True))
    at_prefecture = events["place"] == events["department_code"].map(prefecture_of)
    return events[at_prefecture & events["event_type"].isin(["liberation", "retaken"])]


def prefecture_changes(events: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """Every change of hands of each département's préfecture, in order:
    department_code, day, change (freed / retaken), event_id."""
    rows = prefecture_rows(events, departments)
    kinds = rows["event_type"].map({"liberation": CHANGE_FREED, "retaken": CHANGE_RETAKEN})
    changes = pd.DataFrame(
        {
            "department_code": rows["department_code"],
            # A liberation counts on its last day (the last Germans gone); a recapture on its first.
            "day": rows["end_date"].where(kinds == CHANGE_FREED).fillna(rows["date"]),
            "change": kinds,
            "event_id": rows["event_id"],
        }
    )
    changes["day"] = pd.to_datetime(changes["day"])  # stays a date column when empty
    return changes.sort_values(["department_code", "day", "change"], kind="stable").reset_index(drop=True)


def collapse(changes: pd.DataFrame) -> pd.DataFrame:
    """Drop changes that change nothing (a second liberation row while already free: a teacher's
    table may hold two rows for one préfecture, and the earliest wins)."""
    kept = changes["change"] != changes.groupby("department_code")["change"].shift()
    first = ~changes["department_code"].duplicated()
    # A département's story starts occupied: a leading `retaken` row changes nothing either.
    return changes[kept & ~(first & (changes["change"] == CHANGE_RETAKEN))].reset_index(drop=True)


def final_liberations(changes: pd.DataFrame) -> pd.DataFrame:
    """Per département, the liberation after which it stayed free (none if it was retaken last)."""
    changes = collapse(changes)
    last = changes.drop_duplicates("department_code", keep="last")
    return last[last["change"] == CHANGE_FREED].rename(columns={"day": "liberated_on"})


def states_at(
    departments: pd.DataFrame,
    changes: pd.DataFrame,
    day: dt.date,
    departments_with_pockets: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Every département with its state at `day` (see DEPARTMENT_STATES) and the day of its last change.

    A département without a préfecture liberation row stays occupied: the table says nothing
    about it, and the map must not claim it was freed.
    """
    today = pd.Timestamp(day)
    changes = collapse(changes)
    latest = changes[changes["day"] <= today].drop_duplicates("department_code", keep="last")
    states = departments[["department_code", "department_name", "region", "prefecture"]].merge(
        latest[["department_code", "day", "change"]], on="department_code", how="left"
    )
    states["day"] = pd.to_datetime(states["day"])
    freed = states["change"] == CHANGE_FREED
    fresh = freed & (states["day"] > today - pd.Timedelta(days=FRESH_DAYS))
    states["state"] = STATE_OCCUPIED
    states.loc[states["change"] == CHANGE_RETAKEN, "state"] = STATE_RETAKEN
    states.loc[freed, "state"] = STATE_LIBERATED
    states.loc[fresh, "state"] = STATE_FRESH
    states.loc[freed & states["department_code"].isin(departments_with_pockets), "state"] = STATE_PARTIAL
    return states.rename(columns={"day": "changed_on"}).drop(columns="change")


def free_count(states: pd.DataFrame) -> int:
    """Départements whose préfecture is free (a pocket may still be held inside)."""
    return int(states["state"].isin(FREE_STATES).sum())


def entirely_free_count(states: pd.DataFrame) -> int:
    """Départements free with no pocket held inside them."""
    return int(states["state"].isin((STATE_FRESH, STATE_LIBERATED)).sum())


def periods(changes: pd.DataFrame) -> pd.DataFrame:
    """Each département's spans of one state, for a map that animates on its own: department_code,
    state (freed / retaken), start (its first day), end (the day the next change happens, NaT while
    it lasts). A département is occupied outside these spans."""
    changes = collapse(changes)
    following = changes.groupby("department_code")["day"].shift(-1)
    return pd.DataFrame(
        {
            "department_code": changes["department_code"],
            "state": changes["change"],
            "start": changes["day"],
            "end": following,
            "event_id": changes["event_id"],
        }
    ).reset_index(drop=True)
