"""Real headless Chromium against a real `streamlit run` on 127.0.0.1.

Debian's chromium is used (never `playwright install`). Without it these tests skip on a
laptop, but fail when REQUIRE_BROWSER=1, as CI sets: CI must never skip them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers.deployment import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    # Without these two, deck.gl draws nothing on a machine without a GPU.
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if browser_required():
            pytest.fail("Chromium is required (REQUIRE_BROWSER=1) but /usr/bin/chromium is missing")
        pytest.skip("no Chromium on this machine: apt-get install chromium")
    return CHROMIUM


def serve(name: str, env: dict[str, str] | None = None):
    """Run the app on a free port until the generator is closed; yields its URL."""
    port = free_port()
    log = (ROOT / "artifacts").joinpath(f"streamlit-{name}.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def app_url(chromium_path) -> str:
    yield from serve("app")


@pytest.fixture(scope="session")
def hostile_app_url(chromium_path, tmp_path_factory) -> str:
    """The app serving a data folder whose events are tests/data/hostile_events.csv (titles in markup)."""
    from helpers import DATA_DIR, data_folder

    folder = data_folder(tmp_path_factory.mktemp("hostile"), events_csv=DATA_DIR / "hostile_events.csv", chapters_csv=None)
    yield from serve("hostile", {"LIBERATION_DATA_DIR": str(folder)})


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class RecordedPage:
    """A page that records every request it makes, to prove nothing leaves 127.0.0.1."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def outside_requests(self) -> list[str]:
        outside = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if parsed.hostname not in LOCAL_HOSTS:
                outside.append(url)
        return outside

    def open(self, url: str, timeout_ms: int = 60_000) -> None:
        self.page.goto(url)
        self.wait_until_idle(timeout_ms)

    def wait_until_idle(self, timeout_ms: int = 60_000) -> None:
        self.page.wait_for_selector(SCRIPT_DONE, timeout=timeout_ms)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


@pytest.fixture
def recorded_page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    yield RecordedPage(page)
    context.close()


@pytest.fixture
def open_context(browser):
    """New browser contexts at any size, closed after the test."""
    contexts = []

    def make(width: int, height: int, **options) -> RecordedPage:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR", **options)
        contexts.append(context)
        return RecordedPage(context.new_page())

    yield make
    for context in contexts:
        context.close()
