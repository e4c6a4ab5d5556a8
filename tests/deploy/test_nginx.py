"""deploy/liberation-atlas.nginx.conf in front of two installed replicas, all on 127.0.0.1.

nginx runs as an ordinary process from a temporary prefix, with the site file of deploy/ (only its
ports and log path changed): see tests/helpers/nginx.py.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from pathlib import Path

import pytest
from helpers.deployment import Server, free_port
from helpers.nginx import NGINX, first_visit, start_nginx, stop_nginx
from helpers.streamlit_ws import Session

pytestmark = [pytest.mark.install, pytest.mark.nginx]

SHARED_LINK = "date=1944-08-25&lang=en"
MAX_SESSIONS = 40  # keys are random: two replicas both seen long before this (odds 2^-39 otherwise)


@pytest.fixture
def nginx(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: apt-get install nginx (.ci/run installs it)")

    def start(replicas: list[int]) -> tuple[str, Path]:
        port = free_port()
        return f"http://127.0.0.1:{port}", start_nginx(tmp_path, port, replicas)

    yield start
    stop_nginx(tmp_path)


def fetch(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def replicas_of(log: Path, cookie: str) -> list[str]:
    """The replica that answered each logged request carrying this cookie (the last one tried)."""
    key = cookie.split("=", 1)[1]
    seen = []
    for line in log.read_text().splitlines():
        if f"key={key} " in line:
            seen.append(re.search(r"replica=(.*?) key=", line).group(1).split(", ")[-1])
    return seen


LESSON_REQUESTS = 3  # a websocket, a CSV download, a second websocket


async def lesson(url: str, cookie: str, query: str = SHARED_LINK) -> tuple[list[str], str, int]:
    """Open a link, go to the charts, download one, reconnect: what the map said, the view's link,
    the download's HTTP status."""
    async with Session(url, cookie=cookie) as tab:
        run = await tab.open("", query)
        assert run.ok, run.exceptions
        shown = run.texts
        charts = await tab.switch_page("charts")
        assert charts.ok, charts.exceptions
        link = tab.query
        # A chart's CSV download of the last run: held in the memory of the replica that drew it,
        # while the session is open.
        status = await asyncio.to_thread(fetch, url + charts.media_urls[0], cookie)
    async with Session(url, cookie=cookie) as again:  # a reconnection, e.g. after a Wi-Fi blip
        assert (await again.open("charts", link)).ok
    return shown, link, status


def wait_for_log(log: Path, cookie: str, count: int) -> list[str]:
    deadline = time.monotonic() + 10  # a websocket's line is written when it closes
    while len(seen := replicas_of(log, cookie)) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return seen


def test_two_replicas_behind_nginx(installed, nginx):
    replicas = [Server(installed, log_name="replica-a"), Server(installed, log_name="replica-b")]
    try:
        url, log = nginx([replica.port for replica in replicas])
        addresses = {f"127.0.0.1:{replica.port}": replica for replica in replicas}

        # Both replicas take sessions, and each session stays on its replica: its page, its
        # websocket, its reconnection and its media file all reach the same one.
        sessions: dict[str, str] = {}  # cookie -> replica
        while set(sessions.values()) != set(addresses) and len(sessions) < MAX_SESSIONS:
            cookie = first_visit(url)
            shown, link, media_status = asyncio.run(lesson(url, cookie))
            assert any("25 August 1944" in text for text in shown)  # the day's events under the player
            assert media_status == 200
            seen = wait_for_log(log, cookie, 1 + LESSON_REQUESTS)  # the page, then the lesson
            assert len(seen) == 1 + LESSON_REQUESTS and len(set(seen)) == 1, seen
            sessions[cookie] = seen[0]
        assert set(sessions.values()) == set(addresses), f"one replica took all {len(sessions)} sessions"

        # One replica stops: its sessions' next visits and every new session go to the other, and
        # a link shared from a session of the stopped replica shows the same view there.
        stopped_cookie, stopped = next((c, r) for c, r in sessions.items() if r == next(iter(addresses)))
        shown_before, link, _ = asyncio.run(lesson(url, stopped_cookie))
        addresses[stopped].stop()
        survivor = next(address for address in addresses if address != stopped)
        logged = len(wait_for_log(log, stopped_cookie, 1 + 2 * LESSON_REQUESTS))
        shown_after, link_after, media_status = asyncio.run(lesson(url, stopped_cookie, link))
        assert media_status == 200
        assert shown_after == shown_before and link_after == link
        assert wait_for_log(log, stopped_cookie, logged + LESSON_REQUESTS)[logged:] == [survivor] * LESSON_REQUESTS
        for _ in range(4):
            cookie = first_visit(url)
            asyncio.run(lesson(url, cookie))
            assert set(wait_for_log(log, cookie, 1 + LESSON_REQUESTS)) == {survivor}
    finally:
        for replica in replicas:
            replica.stop()
