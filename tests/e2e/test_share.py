"""The share box follows the view: a date changed by a step key in the map player (sent to
Python once the key is let go) must show in the link, not just in the address bar."""

import pytest

pytestmark = pytest.mark.browser


def shared_link(page) -> str:
    return page.locator("[data-testid='stSidebar'] [data-testid='stCode']").first.inner_text()


def test_share_link_follows_a_step_key(app_url, recorded_page):
    recorded_page.open(f"{app_url}/?date=1944-08-25&lang=en&force=resistance")
    page = recorded_page.page
    page.wait_for_selector("canvas", timeout=30_000)
    page.get_by_text("Share this view").click()
    page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stCode']", timeout=30_000)
    recorded_page.wait_until_idle()
    assert "date=1944-08-25" in shared_link(page)
    page.evaluate("() => document.activeElement.blur()")  # the page has the focus, not a widget
    page.keyboard.press("PageDown")  # +1 week
    page.wait_for_function("() => location.search.includes('date=1944-09-01')", timeout=30_000)
    page.wait_for_function(
        "() => (document.querySelector(\"[data-testid='stSidebar'] [data-testid='stCode']\")?.innerText || '')"
        ".includes('date=1944-09-01')", timeout=30_000)
    link = shared_link(page)
    assert "force=resistance" in link and "lang=en" in link
    assert page.locator("[data-testid='stException']").count() == 0
