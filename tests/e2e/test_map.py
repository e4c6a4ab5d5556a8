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
    page.wait_for_function("before => document.querySelector('h1').innerText.trim() !== before", arg=before, timeout=30_000)
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
    page.wait_for_function("before => document.querySelector('h1').innerText.trim() !== before", arg=before, timeout=30_000)
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
