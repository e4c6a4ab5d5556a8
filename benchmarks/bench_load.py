"""A class at once: N students on one server (or two replicas behind nginx), without a browser.

Each simulated student speaks Streamlit's own websocket protocol (tests/helpers/streamlit_ws.py),
as a browser tab does, and goes through one lesson:

    open   the teacher's shared link (the map, 20 August 1944, in French)
    charts go to the charts page
    date   move the date slider to 3 September 1944
    filter narrow the force filter to one force type
    map    come back to the map
    chapter open a story chapter

The class model (defaults; both are options):
- arrival: every student opens the link within the first `--arrival` seconds (3 s), uniformly;
- think time: between two actions a student pauses `--think` 1 to 3 s, uniformly.
All students follow the teacher's lesson, so they ask for the same views (the shared caches help).
This is a burst, harsher than a real class: pupils scanning a QR code or typing a link arrive over
tens of seconds, and someone reading a map or a chart acts every 10 to 30 s. At N=30 the default
model sends about 10 requests per second, where a class working at reading pace sends 1 to 3:
the table's "req/s" column says what each run actually sent. Pauses and arrivals are seeded, so
runs are comparable; `--arrival 30 --think 5 20` is closer to a class at reading pace.

A fresh server (`python -m dashboard.cli`, the installed command's code) is started for each N and
warmed by one visit of every page, so each N starts from a served, cached app. With `--replicas 2`
two servers are started behind deploy/liberation-atlas.nginx.conf (Debian's nginx, run from a
temporary folder; tests/helpers/nginx.py), each student first fetches the page to get its sticky
cookie, and the CPU and memory columns add up both servers.

For each N it prints: p50 and p95 of the time from sending a request to Streamlit's "script
finished" (what a browser waits for), errors (exceptions, failed runs, timeouts, dropped
connections), the servers' CPU (seconds, and % of one core over the phase), resident memory per
session ((RSS with the N sessions open - RSS after warm-up) / N), the 1-minute load average of
the machine after the phase, and this script's own CPU (the simulated class runs on the same
cores as the servers). `--steps` adds p50/p95 per step of the lesson.

This machine is shared: other jobs take CPU during a run, so compare figures taken in one run.

    python benchmarks/bench_load.py [--sizes 1 10 30 60] [--replicas 2] [--steps]
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
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the websocket client lives with the test helpers

from helpers.nginx import first_visit, start_nginx, stop_nginx  # noqa: E402
from helpers.streamlit_ws import Session, date_micros  # noqa: E402

SHARED_LINK = "date=1944-08-20&lang=fr"
NEW_DATE = dt.date(1944, 9, 3)
SEED = 1944
REQUEST_TIMEOUT = 60
STEPS = ("open", "charts", "date", "filter", "map", "chapter")


@dataclass
class Phase:
    students: int
    times: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    client_cpu_seconds: float = 0.0  # this script's own CPU: it shares the machine with the servers
    wall_seconds: float = 0.0
    rss_per_session_mb: float = 0.0


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def rss_mb(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        total += next(int(line.split()[1]) for line in lines if line.startswith("VmRSS:")) / 1024
    return total


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

    def __init__(self, url: str, phase: Phase, rng: random.Random, think: tuple[float, float], sticky: bool):
        self.url, self.phase, self.rng, self.think, self.sticky = url, phase, rng, think, sticky
        self.finished = False

    async def timed(self, step: str, request):
        try:
            run = await request
        except Exception as error:  # a timeout or a dropped connection is an error of the run
            self.phase.errors.append(f"{step}: {type(error).__name__}: {error}")
            return None
        self.phase.times.append(run.seconds)
        self.phase.by_step[step].append(run.seconds)
        if not run.ok:
            self.phase.errors.append(f"{step}: status {run.status}: {run.exceptions[:1]}")
        return run

    async def pause(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.think))

    async def lesson(self, opened: asyncio.Event, arrival: float) -> Session | None:
        await asyncio.sleep(arrival)
        try:
            # Behind nginx a browser first fetches the page, which gives it its replica's cookie.
            cookie = await asyncio.to_thread(first_visit, self.url) if self.sticky else None
            tab = Session(self.url, cookie=cookie, timeout=REQUEST_TIMEOUT)
            await tab.__aenter__()
        except Exception as error:
            self.phase.errors.append(f"connect: {error}")
            self.finished = True
            return None
        run = await self.timed("open", tab.open("", SHARED_LINK))
        actions = [
            lambda run: tab.switch_page("charts"),
            lambda run: tab.set_widget(run, "widget.date", double_array_value=[date_micros(NEW_DATE)]),
            lambda run: tab.set_widget(run, "widget.force_types", string_array_value=[
                run.widget("widget.force_types")[1].options[0]]),
            lambda run: tab.switch_page(""),
            lambda run: tab.set_widget(run, "widget.chapter_select", string_value=
                                       run.widget("widget.chapter_select")[1].options[3]),
        ]
        for step, action in zip(STEPS[1:], actions, strict=True):
            if run is None:
                break
            await self.pause()
            try:
                request = action(run)
            except (KeyError, IndexError) as error:  # the page did not draw the widget
                self.phase.errors.append(f"{step}: missing widget: {error}")
                break
            run = await self.timed(step, request)
        self.finished = True
        await opened.wait()  # stay connected until every student is done, for the memory reading
        return tab


async def run_phase(url: str, pids: list[int], students: int, options: argparse.Namespace,
                    baseline_rss: float) -> Phase:
    phase = Phase(students)
    rng = random.Random(SEED + students)
    done = asyncio.Event()
    cpu_before, client_before, started = cpu_seconds(pids), time.process_time(), time.perf_counter()
    sticky = options.replicas > 1
    class_ = [Student(url, phase, random.Random(rng.random()), tuple(options.think), sticky) for _ in range(students)]
    tasks = [asyncio.create_task(student.lesson(done, rng.uniform(0, options.arrival))) for student in class_]
    while not all(student.finished for student in class_):
        await asyncio.sleep(0.2)
    phase.wall_seconds = time.perf_counter() - started
    phase.cpu_seconds = cpu_seconds(pids) - cpu_before
    phase.client_cpu_seconds = time.process_time() - client_before
    phase.rss_per_session_mb = (rss_mb(pids) - baseline_rss) / students
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


def measure(students: int, options: argparse.Namespace, log_dir: Path) -> Phase:
    """One phase on fresh servers: start, warm up, let the class in, stop."""
    ports = [free_port() for _ in range(options.replicas)]
    servers: list[subprocess.Popen] = []
    nginx_dir = Path(tempfile.mkdtemp(prefix="bench-nginx-")) if options.replicas > 1 else None
    try:
        for index, port in enumerate(ports):
            servers.append(start_server(port, log_dir / f"bench_load-{students}-{index}.log"))
            asyncio.run(warm_up(f"http://127.0.0.1:{port}"))
        url = f"http://127.0.0.1:{ports[0]}"
        if nginx_dir is not None:
            front = free_port()
            start_nginx(nginx_dir, front, ports)
            url = f"http://127.0.0.1:{front}"
        time.sleep(1)
        pids = [server.pid for server in servers]
        return asyncio.run(run_phase(url, pids, students, options, rss_mb(pids)))
    finally:
        if nginx_dir is not None:
            stop_nginx(nginx_dir)
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30, 60], metavar="N",
                        help="class sizes to measure, one fresh server each (default: 1 10 30 60)")
    parser.add_argument("--think", type=float, nargs=2, default=[1.0, 3.0], metavar=("MIN", "MAX"),
                        help="a student's pause between two actions, seconds (default: 1 3)")
    parser.add_argument("--arrival", type=float, default=3.0, metavar="SECONDS",
                        help="the class opens the link within this many seconds (default: 3)")
    parser.add_argument("--replicas", type=int, choices=(1, 2), default=1,
                        help="1: one server; 2: two servers behind deploy/'s nginx config (default: 1)")
    parser.add_argument("--steps", action="store_true", help="also print p50/p95 per step of the lesson")
    options = parser.parse_args()
    log_dir = ROOT / "artifacts"
    log_dir.mkdir(exist_ok=True)
    where = "one server" if options.replicas == 1 else "nginx in front of 2 replicas"
    print(f"{where}; arrival within {options.arrival:g} s, think {options.think[0]:g}-{options.think[1]:g} s; "
          f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'N':>4} {'requests':>8} {'req/s':>6} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>6} "
          f"{'CPU s':>7} {'CPU %':>6} {'MB/session':>10} {'load':>5} {'client CPU s':>12}")
    for students in options.sizes:
        phase = measure(students, options, log_dir)
        print(f"{students:>4} {len(phase.times):>8} {len(phase.times) / phase.wall_seconds:>6.1f} "
              f"{statistics.median(phase.times) if phase.times else float('nan'):>7.2f} "
              f"{percentile(phase.times, 0.95):>7.2f} {max(phase.times, default=float('nan')):>7.2f} "
              f"{len(phase.errors):>6} {phase.cpu_seconds:>7.1f} {100 * phase.cpu_seconds / phase.wall_seconds:>6.0f} "
              f"{phase.rss_per_session_mb:>10.1f} {os.getloadavg()[0]:>5.2f} {phase.client_cpu_seconds:>12.1f}", flush=True)
        if options.steps:
            print("       " + "  ".join(f"{step} {statistics.median(phase.by_step[step]):.2f}/"
                                        f"{percentile(phase.by_step[step], 0.95):.2f}"
                                        for step in STEPS if phase.by_step[step]) + "  (p50/p95 s)")
        for error in sorted(set(phase.errors))[:5]:
            print(f"       error: {error}")


if __name__ == "__main__":
    main()
