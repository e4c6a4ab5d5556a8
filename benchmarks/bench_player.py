"""The map player in the browser vs the old server-side fragment player, in one run.

For each table size (the bundled 192 rows, and synthetic tables of repeated rows with shifted
dates), both apps are served on 127.0.0.1 and driven by headless Chromium on the same table and
the same dates (from 20 August 1944, the busiest stretch):

- first load: websocket bytes received and server CPU from opening the page to the first drawn map
  (the table itself is already loaded and validated by the server: that is per process, not per visit);
- 10 s of play at 4 days/s: websocket bytes and server CPU per frame, JS time per frame (CDP
  ScriptDuration / frames), and redraws per second against an empty requestAnimationFrame loop in
  the same page. For the new player, the server CPU of 10 s with the page open and nothing playing
  is measured too (Streamlit's own background work: what play adds is the difference), and the
  redraws are counted three ways, since deck.gl draws in its own animation loop and only when a
  prop changed (a day lasts 15 frames at 4 days/s, so "redraws per rAF" alone says nothing):
  the player's rAF callbacks against the empty loop (does it keep up with the display?), deck
  renders per frame whose layers changed (is every change drawn?), and, with the points only (the
  two event layers), then the points and the story's layers (pockets, disputed dates), and deck's
  `_animate` on (a redraw forced every frame), renders against the empty loop (can software GL
  redraw the points at display rate?), beside a deck with no layer at all, and the points again
  drawn as instanced circles (deck.gl's ScatterplotLayer, in a page whose GPU is made to cap point
  sprites, so the player falls back to it). The WebGL renderer the player found is printed.

The old player is the code of the commit before the player (git archive into a temporary folder;
`--old-commit`), run with PYTHONPATH pointing at it. Compare figures of one run: this machine is
shared and noisy.

    python benchmarks/bench_player.py [--sizes 192 10000 100000] [--play-seconds 10]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
OLD_COMMIT = "892262f"  # main before the browser player: the fragment animation
START_DATE = "1944-08-20"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PLAYER = "document.querySelector('[data-role=player]')?.liberationPlayer"


def synthetic_table(rows: int, path: Path, seed: int = 1944) -> None:
    """The bundled rows repeated with new ids and dates shifted by up to 20 days (positions kept,
    so every row still passes validation)."""
    source = list(csv.DictReader(io.StringIO((ROOT / "data" / "events.csv").read_text(encoding="utf-8"))))
    rng = random.Random(seed)
    out = []
    for i in range(rows):
        row = dict(source[rng.randrange(len(source))])
        shift = dt.timedelta(days=rng.randint(-20, 20))
        row["event_id"] = f"synthetic-{i}"
        row["date"] = (dt.date.fromisoformat(row["date"]) + shift).isoformat()
        if row["end_date"]:
            row["end_date"] = (dt.date.fromisoformat(row["end_date"]) + shift).isoformat()
        out.append(row)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(source[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def data_folder(table: Path, into: Path) -> Path:
    """A data folder for the app (LIBERATION_DATA_DIR): the bundled files, with `table` as its
    events.csv."""
    into.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "data").iterdir():
        if path.name != "events.csv":
            (into / path.name).symlink_to(path)
    (into / "events.csv").symlink_to(table)
    return into


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


class Server:
    def __init__(self, app_dir: Path, env: dict[str, str], log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1", "--server.port",
             str(self.port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=app_dir, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"server did not start, see {log}")

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@dataclass
class Result:
    load_bytes: int = 0
    load_cpu: float = 0.0
    frames: int = 0
    play_bytes: int = 0
    play_cpu: float = 0.0
    js_ms: float = 0.0
    player_js_ms: float | None = None
    redraws_per_s: float = 0.0
    empty_raf_per_s: float = 0.0
    points_redraws_per_s: float | None = None
    story_redraws_per_s: float | None = None
    renderer: str | None = None  # the WebGL renderer the player found
    points_empty_raf_per_s: float | None = None
    bare_redraws_per_s: float | None = None
    idle_cpu: float | None = None
    idle_bytes: int = 0
    ticks: int = 0  # the player's rAF callbacks during the first play
    changed: int = 0  # frames that changed a layer
    renders: int = 0  # deck renders during the first play
    points: int | None = None  # the points the new player was given
    sprites: list[bool] | None = None  # whether the event layers drew sprites, in the instanced page
    instanced_redraws_per_s: float | None = None  # points _animate drawn as instances
    instanced_empty_raf_per_s: float = 1.0


class Socket:
    """Counts the bytes the page receives on Streamlit's websocket."""

    def __init__(self, page):
        self.received = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self.count))

    def count(self, payload) -> None:
        self.received += len(payload)


def script_seconds(cdp) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["ScriptDuration"]


# A GPU whose point sprites are at most 1 px wide: the player's event layers fall back to instancing.
CAPPED_POINT_SPRITES = """
const getParameter = WebGL2RenderingContext.prototype.getParameter;
WebGL2RenderingContext.prototype.getParameter = function (name) {
  return name === this.ALIASED_POINT_SIZE_RANGE ? new Float32Array([1, 1]) : getParameter.call(this, name);
};
"""

EMPTY_RAF = """seconds => new Promise(resolve => {
    let n = 0; const end = performance.now() + seconds * 1000;
    const tick = now => { n += 1; if (now < end) requestAnimationFrame(tick); else resolve(n / seconds); };
    requestAnimationFrame(tick);
})"""


def open_page(browser, url: str, ready: str, timeout_ms: int):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    page = context.new_page()
    sockets = Socket(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return context, page, sockets, cdp


def warm(browser, url: str, ready: str) -> None:
    """One visit in English, so the table is loaded and validated before the measured (French) visit."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(url.replace("lang=fr", "lang=en"))
    page.wait_for_function(ready, timeout=600_000)
    context.close()


def first_load(browser, server: Server, url: str, ready: str):
    """Open `url` once to warm the server, then again measuring the server CPU and the websocket
    bytes until `ready`; returns the result so far and the open page."""
    warm(browser, url, ready)
    result = Result()
    context, page, sockets, cdp = open_page(browser, url, ready, 600_000)
    cpu = server.cpu()
    page.goto(url)
    page.wait_for_function(ready, timeout=600_000)
    result.load_cpu, result.load_bytes = server.cpu() - cpu, sockets.received
    return result, context, page, sockets, cdp


def measure_new(browser, server: Server, play_seconds: float) -> Result:
    url = f"{server.url}/?date={START_DATE}&lang=fr"
    ready = f"() => {{ const p = {PLAYER}; return Boolean(p && p.deck && p.stats.renders > 0); }}"
    result, context, page, sockets, cdp = first_load(browser, server, url, ready)
    result.points = page.evaluate(f"() => {PLAYER}.points.count")
    result.renderer = page.evaluate(f"() => {PLAYER}.webgl.renderer")  # what player.js webglOptions read
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    page.wait_for_timeout(1000)
    result.empty_raf_per_s = page.evaluate(EMPTY_RAF, 3)
    cpu_before, bytes_before = server.cpu(), sockets.received
    page.wait_for_timeout(play_seconds * 1000)  # the page open, nothing playing
    result.idle_cpu, result.idle_bytes = server.cpu() - cpu_before, sockets.received - bytes_before

    def play(keep: str | None = None, animate: bool = False) -> tuple[int, int, float, float, float, float]:
        if keep is not None:  # a JS filter on the layers kept
            page.evaluate(f"() => {{ const p = {PLAYER}; p.layers = p.layers.filter({keep}); p.draw(true); }}")
        if animate:  # deck.gl redraws every animation frame, whatever changed
            page.evaluate(f"() => {PLAYER}.deck.setProps({{ _animate: true }})")

        # Back to the same start date, at 4 days a second, as the old player's default.
        page.evaluate(f"""() => {{ const p = {PLAYER}; p.pause(false);
            p.t = Math.round((Date.parse('{START_DATE}T00:00:00Z') - Date.parse(p.payload.first + 'T00:00:00Z')) / 86400000);
            p.speed = '4'; p.el.speed.value = '4'; p.draw(true); }}""")
        page.wait_for_timeout(1500)  # let the last redraw finish
        before = page.evaluate(f"() => ({{...{PLAYER}.stats}})")
        bytes_before, cpu_before, js_before = sockets.received, server.cpu(), script_seconds(cdp)
        page.evaluate(f"() => {PLAYER}.play()")
        page.wait_for_timeout(play_seconds * 1000)
        after = page.evaluate(f"() => ({{...{PLAYER}.stats}})")
        js = script_seconds(cdp) - js_before
        bytes_played, cpu_played = sockets.received - bytes_before, server.cpu() - cpu_before
        page.evaluate(f"() => {PLAYER}.pause(false)")  # no commit: nothing to send while measuring
        frames = after["frames"] - before["frames"]
        renders = after["renders"] - before["renders"]
        if keep is None:  # the whole map, as a visitor sees it
            result.ticks = after["rafCallbacks"] - before["rafCallbacks"]
            result.changed = after["changedFrames"] - before["changedFrames"]
        own = (after["frameMs"] - before["frameMs"]) / max(1, frames)
        return frames, bytes_played, cpu_played, js, renders / play_seconds, own

    result.frames, result.play_bytes, result.play_cpu, js, result.redraws_per_s, result.player_js_ms = play()
    result.renders = round(result.redraws_per_s * play_seconds)
    result.js_ms = js * 1000 / max(1, result.frames)
    result.points_empty_raf_per_s = page.evaluate(EMPTY_RAF, 3)
    # The points: the two event layers (what the spike drew). Then with the story's layers
    # too (the pockets' polygons and the disputed dates' "?"), the rest of the map but the départements.
    _, _, _, _, result.points_redraws_per_s, _ = play("l => l.id.startsWith('events')", animate=True)
    _, _, _, _, result.story_redraws_per_s, _ = play("l => !l.id.startsWith('departements')", animate=True)
    # The same canvas with no layer at all: what software GL allows this page, whatever is drawn.
    _, _, _, _, result.bare_redraws_per_s, _ = play("l => false", animate=True)
    context.close()
    # The points again as instanced circles (deck.gl's ScatterplotLayer, which PointSpriteLayer
    # falls back to where the GPU caps point sprites; that GPU is faked here), in a new page:
    # `play` reads `page`, `sockets` and `cdp` from this function when it runs.
    context, page, sockets, cdp = open_page(browser, url, ready, 600_000)
    page.add_init_script(CAPPED_POINT_SPRITES)
    page.goto(url)
    page.wait_for_function(ready, timeout=600_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    result.sprites = page.evaluate(
        f"() => {PLAYER}.deck.props.layers.filter(l => l.id.startsWith('events')).map(l => l.state.sprites)"
    )
    page.wait_for_timeout(1000)
    # Before `_animate` is on: afterwards deck.gl's redraws slow the empty loop down too.
    result.instanced_empty_raf_per_s = page.evaluate(EMPTY_RAF, 3)
    _, _, _, _, result.instanced_redraws_per_s, _ = play("l => l.id.startsWith('events')", animate=True)
    context.close()
    return result


def measure_old(browser, server: Server, play_seconds: float) -> Result:
    url = f"{server.url}/?date={START_DATE}&lang=fr"
    ready = "() => Boolean(document.querySelector('canvas')) && Boolean(document.querySelector(\"[data-testid='stApp'][data-test-script-state='notRunning']\"))"
    result, context, page, sockets, cdp = first_load(browser, server, url, ready)
    page.wait_for_timeout(1000)
    result.empty_raf_per_s = page.evaluate(EMPTY_RAF, 3)
    # Count the banner's changes: one per fragment frame.
    page.evaluate("""() => { window.__frames = 0; const h1 = document.querySelector('h1');
        new MutationObserver(() => { window.__frames += 1; }).observe(h1.parentElement.parentElement, {subtree: true, characterData: true, childList: true}); }""")
    bytes_before, cpu_before, js_before = sockets.received, server.cpu(), script_seconds(cdp)
    page.get_by_role("button", name="Lecture").click(timeout=300_000)  # a 100k-row page is slow to answer
    page.wait_for_timeout(play_seconds * 1000)
    frames = page.evaluate("() => window.__frames")
    js = script_seconds(cdp) - js_before
    result.play_bytes, result.play_cpu = sockets.received - bytes_before, server.cpu() - cpu_before
    result.frames = frames
    result.js_ms = js * 1000 / max(1, frames)
    result.redraws_per_s = frames / play_seconds
    context.close()
    return result


def old_code(commit: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[192, 10_000, 100_000])
    parser.add_argument("--play-seconds", type=float, default=10)
    parser.add_argument("--old-commit", default=OLD_COMMIT)
    parser.add_argument("--new-only", action="store_true", help="skip the old fragment player")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from dashboard.player import vendor

    vendor.vendor()
    work = Path(tempfile.mkdtemp(prefix="bench-player-"))
    old_dir = old_code(args.old_commit, work / "old")
    rows: list[tuple[int, str, Result]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for size in args.sizes:
                table = ROOT / "data" / "events.csv"
                if size != 192:
                    table = work / f"events-{size}.csv"
                    synthetic_table(size, table)
                # The old code has no way to point at another table: it gets a copy of its data/.
                shutil.copy(table, old_dir / "data" / "events.csv")
                players = [
                    ("fragment (old)", old_dir, {"PYTHONPATH": str(old_dir / "src")}, measure_old),
                    ("browser player", ROOT, {"LIBERATION_DATA_DIR": str(data_folder(table, work / f"data-{size}"))},
                     measure_new),
                ]
                for name, app_dir, env, measure in players[1:] if args.new_only else players:
                    server = Server(app_dir, env, work / f"{name.split()[0]}-{size}.log")
                    try:
                        result = measure(browser, server, args.play_seconds)
                        if result.points is not None and result.points < 0.8 * size:
                            raise RuntimeError(f"the player got {result.points} points: not the {size}-row table")
                        rows.append((size, name, result))
                    except Exception as error:  # one failed measurement must not lose the others
                        print(f"{name} at {size} rows failed: {str(error).splitlines()[0]}", file=sys.stderr, flush=True)
                    finally:
                        server.stop()
                    print(f"measured {name} at {size} rows", file=sys.stderr, flush=True)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.play_seconds:.0f} s of play at 4 days/s from {START_DATE}; headless Chromium, software GL, 1440x900; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    header = (f"{'rows':>7} {'player':<15} {'load KB':>8} {'load CPU s':>10} {'frames':>6} {'WS B/frame':>10} "
              f"{'srv CPU ms/frame':>16} {'idle srv CPU ms':>15} {'page JS ms/frame':>16} {'player JS ms':>12} "
              f"{'redraws/s':>9} {'empty rAF/s':>11} {'ratio':>6} {'ticks/empty':>11} {'drawn/changed':>13} "
              f"{'points _animate':>15} {'+story _animate':>15} {'no-layer _animate':>17} {'points instanced':>16}")
    print(header)
    for size, name, r in rows:
        frames = max(1, r.frames)
        new = r.points_redraws_per_s is not None
        idle = f"{r.idle_cpu * 1000 / frames:>15.1f}" if r.idle_cpu is not None else f"{'-':>15}"
        ticks = (f"{r.ticks / (args.play_seconds * r.empty_raf_per_s):>11.2f} {r.renders / max(1, r.changed):>13.2f} "
                 if new else f"{'-':>11} {'-':>13} ")
        points = (f"{r.points_redraws_per_s / r.points_empty_raf_per_s:>15.2f} "
                  f"{r.story_redraws_per_s / r.points_empty_raf_per_s:>15.2f} "
                  f"{r.bare_redraws_per_s / r.points_empty_raf_per_s:>17.2f} "
                  f"{r.instanced_redraws_per_s / r.instanced_empty_raf_per_s:>16.2f}"
                  if new else f"{'-':>15} {'-':>15} {'-':>17} {'-':>16}")
        print(f"{size:>7} {name:<15} {r.load_bytes / 1024:>8.0f} {r.load_cpu:>10.2f} {r.frames:>6} "
              f"{r.play_bytes / frames:>10.0f} {r.play_cpu * 1000 / frames:>16.1f} {idle} {r.js_ms:>16.2f} "
              f"{(f'{r.player_js_ms:.3f}' if r.player_js_ms is not None else '-'):>12} "
              f"{r.redraws_per_s:>9.1f} {r.empty_raf_per_s:>11.1f} {r.redraws_per_s / max(r.empty_raf_per_s, 1e-9):>6.2f} "
              f"{ticks}{points}")
    for size, _name, r in rows:
        if r.renderer:
            print(f"{size} rows: WebGL renderer {r.renderer!r}; sprites in the instanced page: {r.sprites}")


if __name__ == "__main__":
    main()
