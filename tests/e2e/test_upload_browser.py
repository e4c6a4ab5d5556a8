"""Uploading through the real file input in Chromium: a valid table is shown, hostile ones are
told apart, and nothing from the files' markup becomes an element, opens a dialog or calls out."""

import csv
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile" / "files"
EXAMPLE = ROOT / "data" / "templates" / "exemple-normandie-1944.csv"
# Elements the hostile files' markup would create if it were rendered as HTML.
INJECTED = ["script:has-text('alert')", "img[src='x']", "img[src*='evil.example']", "svg[onload]", "iframe",
            "b[onmouseover]", "details[ontoggle]", "a[href^='javascript']", "style:has-text('display:none')"]


def upload(recorded_page, path: Path) -> None:
    page = recorded_page.page
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    # Reading, checking and the rerun that switches the table take a few seconds on a slow machine.
    page.wait_for_timeout(1500)
    recorded_page.wait_until_idle(60_000)


def go_to(recorded_page, title: str) -> None:
    """Through the app's own navigation: loading an address would start a new session, which
    (rightly) has no uploaded table."""
    recorded_page.page.locator("[data-testid='stSidebarNavLink']").filter(has_text=title).first.click()
    recorded_page.page.wait_for_timeout(1000)
    recorded_page.wait_until_idle(60_000)


def assert_nothing_injected(page) -> None:
    for selector in INJECTED:
        assert page.locator(selector).count() == 0, selector
    assert page.locator("[data-testid='stException']").count() == 0


def test_upload_valid_and_hostile_files(app_url, recorded_page):
    page = recorded_page.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    recorded_page.open(f"{app_url}/upload")

    upload(recorded_page, EXAMPLE)
    assert page.get_by_text("exemple-normandie-1944.csv", exact=False).count() >= 1  # the banner
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        rows = sum(1 for _ in csv.DictReader(handle, delimiter=";"))  # every row of the example is valid
    assert page.get_by_text(f"{rows} événement(s) valide(s)", exact=False).count() == 1

    upload(recorded_page, HOSTILE / "all-markup-everywhere.csv")
    assert_nothing_injected(page)
    # The map page lists the day's events: the titles are there, as text.
    go_to(recorded_page, "Carte")
    page.wait_for_selector("h1", timeout=30_000)
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).count() >= 1
    assert_nothing_injected(page)

    go_to(recorded_page, "Vos données")
    upload(recorded_page, HOSTILE / "markup-in-header.csv")  # its column names are quoted in a notice
    assert page.get_by_text("<script>alert(1)</script>", exact=False).count() >= 1
    assert_nothing_injected(page)

    upload(recorded_page, HOSTILE / "zip-bomb.xlsx")
    assert page.locator("[data-testid='stAlert']").count() >= 1
    assert_nothing_injected(page)

    recorded_page.screenshot("upload")
    assert dialogs == []
    assert recorded_page.outside_requests() == []
