"""The map page in real Chromium: keyboard on the slider, play then pause."""

import pytest

pytestmark = pytest.mark.browser


def banner(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def test_slider_moves_with_the_keyboard(app_url, recorded_page):
    recorded_page.open(f"{app_url}/")
    page = recorded_page.page
    before = banner(page)
    page.get_by_role("slider").first.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("before => document.querySelector('h1')?.innerText.trim() !== before", arg=before, timeout=30_000)
    recorded_page.wait_until_idle()
    assert banner(page) != before
    assert page.locator("[data-testid='stException']").count() == 0


def test_play_then_pause_advances_the_date_banner(app_url, recorded_page):
    recorded_page.open(f"{app_url}/")
    page = recorded_page.page
    page.wait_for_selector("canvas", timeout=30_000)
    before = banner(page)
    page.get_by_role("button", name="Lecture").click()
    # Frames come every quarter second at the default speed; give a slow CI machine time for several.
    page.wait_for_function("before => document.querySelector('h1')?.innerText.trim() !== before", arg=before, timeout=30_000)
    page.wait_for_timeout(2000)
    page.get_by_role("button", name="Pause").click()
    recorded_page.wait_until_idle()
    page.wait_for_timeout(1500)
    paused = banner(page)
    assert paused != before
    page.wait_for_timeout(2000)
    assert banner(page) == paused  # paused means paused
    assert page.locator("[data-testid='stException']").count() == 0
    recorded_page.screenshot("map-after-play")
    assert recorded_page.outside_requests() == []


def test_shared_link_opens_the_same_view_and_follows_changes(app_url, recorded_page):
    recorded_page.open(f"{app_url}/?date=1944-08-25&lang=en&force=resistance")
    page = recorded_page.page
    assert banner(page) == "25 August 1944"
    # Keyboard shortcuts are bound once the buttons have mounted, which can lag the script's end.
    page.wait_for_selector("canvas", timeout=30_000)
    page.wait_for_timeout(1500)
    page.locator("h1").first.click()  # focus the page, not a widget
    page.keyboard.press("PageDown")  # the +1 week shortcut
    page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === '1 September 1944'", timeout=30_000)
    page.wait_for_function("() => location.search.includes('date=1944-09-01')", timeout=30_000)
    assert "force=resistance" in page.url and "lang=en" in page.url
    assert recorded_page.outside_requests() == []
