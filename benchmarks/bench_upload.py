"""Time and peak memory of reading and checking a class's table (CSV and XLSX, 10k and 100k
rows), and the memory a session holds once a 100k-row table is shown.

The tables are the bundled events repeated (seeded), written as a class would: French column
names, ';', day-first dates, the columns a class fills (so 100k rows stay under the 20 MB limit),
and half the rows without coordinates, so they are placed from the
commune points. Each measurement runs in a fresh process, so its peak resident memory (which
counts python-calamine's own allocations, unlike tracemalloc) is its own; the baseline is the
same process after imports and the commune index, before the file is read.

    python benchmarks/bench_upload.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADER = ["date", "type", "lieu", "departement", "titre", "acteurs", "source", "lat", "lon"]


def class_rows(rows: int) -> list[list[str]]:
    import numpy as np
    import pandas as pd

    events = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False)
    events = events[events["department_code"] != ""]
    rng = np.random.default_rng(1944)
    table = []
    for number, index in enumerate(rng.integers(0, len(events), rows)):
        event = events.iloc[index]
        day = "/".join(reversed(event["date"].split("-")))
        keep_point = number % 2 == 0
        table.append([day, event["event_type"], event["place"], event["department_code"], event["title_fr"],
                      event["actors"], event["source"][:40],
                      event["lat"] if keep_point else "", event["lon"] if keep_point else ""])
    return table


def csv_file(rows: list[list[str]]) -> bytes:
    output = io.StringIO()
    csv.writer(output, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    return output.getvalue().encode("utf-8-sig")


def xlsx_file(rows: list[list[str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)  # streaming: a 100k-row file in seconds
    sheet = workbook.create_sheet("Feuille1")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(path: str, queue) -> None:
    """In a fresh process: read and check the file; report time, memory and what was loaded."""
    from dashboard.data import load_reference_tables
    from dashboard.geocode import load_communes
    from dashboard.upload import read_own_table

    refs = load_reference_tables()
    communes = load_communes(frozenset(refs.departments["department_code"]))
    raw = Path(path).read_bytes()
    gc.collect()
    baseline = peak_megabytes()
    started = time.perf_counter()
    own = read_own_table(raw, Path(path).name, refs, communes)
    seconds = time.perf_counter() - started
    queue.put((seconds, peak_megabytes() - baseline, len(own.events), own.result.problem_count))


def session_megabytes(rows: list[list[str]]) -> tuple[float, int]:
    """What a session keeps: the checked events, its reference tables and the two tooltip columns."""
    from dashboard.data import load_reference_tables
    from dashboard.geocode import load_communes
    from dashboard.map_layers import tooltips
    from dashboard.upload import read_own_table

    refs = load_reference_tables()
    own = read_own_table(csv_file(rows), "t.csv", refs, load_communes(frozenset(refs.departments["department_code"])))
    labels = dict(zip(own.refs.actors["actor"], own.refs.actors["label_fr"]))
    held = own.events.memory_usage(deep=True).sum() + own.refs.actors.memory_usage(deep=True).sum()
    held += sum(tooltips(own.events, lang, labels).memory_usage(deep=True) for lang in ("fr", "en"))
    return held / 1024 / 1024, len(own.events)


def player_first_load(rows: list[list[str]]) -> tuple[int, float, float, int]:
    """The map player's data for an uploaded table, built as the map page builds it for a session
    that shows its own table (ui/player.py _build: same build_payload, no pockets), then turned
    into JSON twice as Streamlit does for `data=` (the message, and the element's identity).
    Returns bytes, CPU seconds of the build, CPU seconds of the JSON, and the points sent."""
    import json

    from dashboard.data import load_reference_tables
    from dashboard.filters import date_range
    from dashboard.geocode import load_communes
    from dashboard.player.player import build_payload
    from dashboard.upload import read_own_table
    from dashboard.view import View

    refs = load_reference_tables()
    own = read_own_table(csv_file(rows), "t.csv", refs, load_communes(frozenset(refs.departments["department_code"])))
    first, _ = date_range(own.events)
    labels = dict(zip(own.refs.actors["actor"], own.refs.actors["label_fr"]))
    started = time.process_time()
    payload = build_payload(own.events, own.refs.departments, View(date=first, lang="fr"),
                            own.refs.force_type_of_actor, labels)
    built = time.process_time()
    text = json.dumps(payload)
    json.dumps(payload, sort_keys=True)
    return len(text.encode("utf-8")), built - started, time.process_time() - built, payload["points"]["count"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    work = ROOT / "artifacts" / "bench_upload"
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'file':<14}{'rows':>9}{'size MB':>10}{'seconds':>10}{'peak MB':>10}{'loaded':>9}{'problems':>10}")
    largest = None
    for size in args.sizes:
        rows = class_rows(size)
        largest = rows
        for kind, write in (("csv", csv_file), ("xlsx", xlsx_file)):
            path = work / f"class-{size}.{kind}"
            path.write_bytes(write(rows))
            queue = context.Queue()
            process = context.Process(target=measure, args=(str(path), queue))
            process.start()
            seconds, peak, loaded, problems = queue.get()
            process.join()
            print(f"{kind:<14}{size:>9}{path.stat().st_size / 1024 / 1024:>10.1f}{seconds:>10.2f}{peak:>10.0f}"
                  f"{loaded:>9}{problems:>10}")
    held, loaded = session_megabytes(largest)
    print(f"\nheld per session with a {loaded}-row table (events + actors + FR/EN tooltips): {held:.0f} MB")
    sent, build_cpu, json_cpu, points = player_first_load(largest)
    print(f"map player's first load with that table uploaded: {sent / 1024 / 1024:.2f} MB of data for {points} points, "
          f"{build_cpu:.2f} s CPU to build, {json_cpu:.2f} s for Streamlit's two JSON dumps "
          f"(load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
