"""A class at once: N students on one server, without a browser.

Each simulated student speaks Streamlit's own websocket protocol (tests/helpers/streamlit_ws.py):
opens the teacher's shared link on the map, goes to the charts, moves the date, narrows a filter,
comes back to the map and opens a story chapter. Between two actions a student pauses 1 to 3 s
(reading; seeded, so runs are comparable) and the class arrives within the first 3 s. A fresh
server (`python -m dashboard.cli`, the installed command's code) is started for each N and warmed
by one visit of every page, so each N starts from a served, cached app.

For N = 1, 10, 30 and 60 it prints: p50 and p95 of the time from sending a request to Streamlit's
"script finished" (as a browser would wait for it), errors (exceptions, failed runs, timeouts,
dropped connections), the server's CPU (seconds, and % of one core over the phase) and its resident
memory per session ((RSS with the N sessions open - RSS after warm-up) / N).

This machine is shared: other jobs take CPU during a run, so compare figures taken in one run.

    python benchmarks/bench_load.py [--sizes 1 10 30 60] [--think 1 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the websocket client lives with the test helpers

from helpers.streamlit_ws import Session, date_micros  # noqa: E402

SHARED_LINK = "date=1944-08-20&lang=fr"
NEW_DATE = dt.date(1944, 9, 3)
SEED = 1944
REQUEST_TIMEOUT = 60


@dataclass
class Phase:
    students: int
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    rss_per_session_mb: float = 0.0


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_server(port: int, log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "dashboard.cli", "--port", str(port), "--address", "127.0.0.1"],
                                  cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError(f"server did not start; see {log}")


class Student:
    """One tab going through the lesson; every request's time and every error are recorded."""

    def __init__(self, url: str, phase: Phase, rng: random.Random, think: tuple[float, float]):
        self.url, self.phase, self.rng, self.think = url, phase, rng, think
        self.finished = False

    async def timed(self, request):
        try:
            run = await request
        except Exception as error:  # a timeout or a dropped connection is an error of the run
            self.phase.errors.append(f"{type(error).__name__}: {error}")
            return None
        self.phase.times.append(run.seconds)
        if not run.ok:
            self.phase.errors.append(f"status {run.status}: {run.exceptions[:1]}")
        return run

    async def pause(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.think))

    async def lesson(self, opened: asyncio.Event, arrival: float) -> Session | None:
        await asyncio.sleep(arrival)
        tab = Session(self.url, timeout=REQUEST_TIMEOUT)
        try:
            await tab.__aenter__()
        except Exception as error:
            self.phase.errors.append(f"connect: {error}")
            self.finished = True
            return None
        run = await self.timed(tab.open("", SHARED_LINK))
        steps = [
            lambda run: tab.switch_page("charts"),
            lambda run: tab.set_widget(run, "widget.date", double_array_value=[date_micros(NEW_DATE)]),
            lambda run: tab.set_widget(run, "widget.force_types", string_array_value=[
                run.widget("widget.force_types")[1].options[0]]),
            lambda run: tab.switch_page(""),
            lambda run: tab.set_widget(run, "widget.chapter_select", string_value=
                                       run.widget("widget.chapter_select")[1].options[3]),
        ]
        for step in steps:
            if run is None:
                break
            await self.pause()
            try:
                request = step(run)
            except (KeyError, IndexError) as error:  # the page did not draw the widget
                self.phase.errors.append(f"missing widget: {error}")
                break
            run = await self.timed(request)
        self.finished = True
        await opened.wait()  # stay connected until every student is done, for the memory reading
        return tab


async def run_phase(url: str, pid: int, students: int, think: tuple[float, float], baseline_rss: float) -> Phase:
    phase = Phase(students)
    rng = random.Random(SEED + students)
    done = asyncio.Event()
    cpu_before, started = cpu_seconds(pid), time.perf_counter()
    class_ = [Student(url, phase, random.Random(rng.random()), think) for _ in range(students)]
    tasks = [asyncio.create_task(student.lesson(done, rng.uniform(0, 3))) for student in class_]
    while not all(student.finished for student in class_):
        await asyncio.sleep(0.2)
    phase.wall_seconds = time.perf_counter() - started
    phase.cpu_seconds = cpu_seconds(pid) - cpu_before
    phase.rss_per_session_mb = (rss_mb(pid) - baseline_rss) / students
    done.set()
    for tab in await asyncio.gather(*tasks):
        if tab is not None:
            await tab.__aexit__(None, None, None)
    return phase


async def warm_up(url: str) -> None:
    async with Session(url, timeout=REQUEST_TIMEOUT) as tab:
        await tab.open("", SHARED_LINK)
        for path in ("charts", "events", "sources", ""):
            await tab.switch_page(path)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30, 60])
    parser.add_argument("--think", type=float, nargs=2, default=[1.0, 3.0], metavar=("MIN", "MAX"))
    options = parser.parse_args()
    log_dir = ROOT / "artifacts"
    log_dir.mkdir(exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores, shared with other jobs)")
    print(f"{'N':>4} {'requests':>8} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>6} "
          f"{'CPU s':>7} {'CPU %':>6} {'MB/session':>10}")
    for students in options.sizes:
        port = free_port()
        server = start_server(port, log_dir / f"bench_load-{students}.log")
        try:
            url = f"http://127.0.0.1:{port}"
            asyncio.run(warm_up(url))
            time.sleep(1)
            baseline = rss_mb(server.pid)
            phase = asyncio.run(run_phase(url, server.pid, students, tuple(options.think), baseline))
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"{students:>4} {len(phase.times):>8} {statistics.median(phase.times) if phase.times else float('nan'):>7.2f} "
              f"{percentile(phase.times, 0.95):>7.2f} {max(phase.times, default=float('nan')):>7.2f} "
              f"{len(phase.errors):>6} {phase.cpu_seconds:>7.1f} {100 * phase.cpu_seconds / phase.wall_seconds:>6.0f} "
              f"{phase.rss_per_session_mb:>10.1f}", flush=True)
        for error in sorted(set(phase.errors))[:5]:
            print(f"       error: {error}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
