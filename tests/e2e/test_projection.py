"""The projection view in real Chromium at 1920×1080: keyboard only, as in front of a class."""

import pytest

pytestmark = pytest.mark.browser


def banner(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def press_when_idle(page, key: str) -> None:
    """Press a key once the app is idle, as the test's reading of the banner assumes."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    page.keyboard.press(key)


def test_projection_view_with_the_keyboard(app_url, browser):
    from tests.e2e.conftest import RecordedPage

    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
    recorded = RecordedPage(context.new_page())
    page = recorded.page
    try:
        recorded.open(f"{app_url}/?mode=present&lang=fr&date=1944-08-19")
        page.wait_for_selector("canvas", timeout=30_000)
        page.wait_for_timeout(1500)  # shortcuts are bound once the buttons have mounted
        assert banner(page) == "19 août 1944"
        # Projection: the sidebar starts collapsed and the date banner is very large.
        assert page.locator("[data-testid='stSidebar'][data-collapsed='true']").count() == 1
        assert float(page.locator("h1").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 60
        assert float(page.locator("p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 24

        page.locator("h1").first.click()
        press_when_idle(page, "Space")  # play
        page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() !== '19 août 1944'", timeout=30_000)
        page.wait_for_timeout(1500)
        press_when_idle(page, "Space")  # pause
        # The frame under way when the pause arrives may still land; then the date must hold.
        paused, deadline = banner(page), 20
        while deadline > 0:
            page.wait_for_timeout(2500)
            deadline -= 2.5
            now = banner(page)
            if now == paused:
                break
            paused = now
        assert paused != "19 août 1944"
        page.wait_for_timeout(3000)
        assert banner(page) == paused, "still playing after Space"
        assert page.get_by_role("button", name="Lecture").count() == 1

        press_when_idle(page, "Home")
        page.wait_for_function("p => document.querySelector('h1')?.innerText.trim() !== p", arg=paused, timeout=30_000)
        first = banner(page)
        press_when_idle(page, "ArrowRight")  # next event date
        page.wait_for_function("f => document.querySelector('h1')?.innerText.trim() !== f", arg=first, timeout=30_000)
        press_when_idle(page, "N")  # first chapter: Corsica
        page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === '4 octobre 1943'", timeout=30_000)
        page.wait_for_timeout(2000)  # the map flies to Corsica
        assert page.locator("[data-testid='stException']").count() == 0
        recorded.screenshot("present-1920x1080")
        assert recorded.outside_requests() == []
    finally:
        context.close()
