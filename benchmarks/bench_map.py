"""Server time and bytes per slider step / animation frame of the map, at 500, 10k and 100k rows.

A step and a frame build the same thing (the deck for one date); what differs is how often they
happen. We time building the deck and serialising it to the JSON Streamlit sends, for a run of
consecutive dates, on synthetic tables made by repeating the bundled events with jittered dates
and positions (seeded, so runs are comparable). Compare the ratios printed in one run, not the
absolute times: this machine is noisy.

    python benchmarks/bench_map.py [--sizes 500 10000 100000] [--frames 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

import numpy as np
import pandas as pd

from dashboard.data import load_events, load_reference_tables
from dashboard.filters import View, date_range
from dashboard.map_layers import build_deck, tooltips


BUSY_START = dt.date(1944, 8, 20)


def synthetic_events(events: pd.DataFrame, rows: int, seed: int = 1944) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    picked = events.iloc[rng.integers(0, len(events), rows)].reset_index(drop=True).copy()
    picked["event_id"] = [f"synthetic-{i}" for i in range(rows)]
    shift = pd.to_timedelta(rng.integers(-20, 21, rows), unit="D")
    picked["date"] = picked["date"] + shift
    picked["end_date"] = picked["end_date"] + shift
    picked["lat"] = picked["lat"] + rng.normal(0, 0.05, rows)
    picked["lon"] = picked["lon"] + rng.normal(0, 0.05, rows)
    return picked


def measure(events: pd.DataFrame, refs, frames: int) -> tuple[float, float, int]:
    force_of_actor = refs.force_type_of_actor
    labels = dict(zip(refs.actors["actor"], refs.actors["label_fr"]))
    column = tooltips(events, "fr", labels)  # built once per language by the app, not per frame
    first, last = date_range(events)
    # From 20 August 1944, the busiest stretch: most of the table is already on the map.
    first_day = max(first, min(BUSY_START, last))
    times, sizes = [], []
    for offset in range(frames):
        day = first_day + dt.timedelta(days=offset)
        start = time.perf_counter()
        deck = build_deck(events, refs.departments, View(date=day), force_of_actor, labels,
                          tooltip_column=column)
        payload = deck.to_json()
        times.append(time.perf_counter() - start)
        sizes.append(len(payload.encode("utf-8")))
    return statistics.median(times) * 1000, statistics.mean(times) * 1000, int(statistics.median(sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 10_000, 100_000])
    parser.add_argument("--frames", type=int, default=20)
    args = parser.parse_args()
    refs = load_reference_tables()
    bundled = load_events(refs=refs).events
    print(f"bundled table: {len(bundled)} rows; {args.frames} consecutive dates from {BUSY_START} per size")
    print(f"{'rows':>8} {'median ms/frame':>16} {'mean ms':>9} {'KB/frame':>9} {'time ×500':>10} {'bytes ×500':>11}")
    base = None
    for size in args.sizes:
        median_ms, mean_ms, size_bytes = measure(synthetic_events(bundled, size), refs, args.frames)
        base = base or (median_ms, size_bytes)
        print(f"{size:>8} {median_ms:>16.1f} {mean_ms:>9.1f} {size_bytes / 1024:>9.1f} "
              f"{median_ms / base[0]:>10.1f} {size_bytes / base[1]:>11.1f}")


if __name__ == "__main__":
    main()
