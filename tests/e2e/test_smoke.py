"""Every page renders in real Chromium, with no exception and no request leaving the machine."""

import pytest

pytestmark = pytest.mark.browser

# The map is the default page: its address is the root.
PAGES = {"": "map", "charts": "charts", "events": "events", "sources": "sources"}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_renders_offline_without_exception(app_url, recorded_page, path):
    recorded_page.open(f"{app_url}/{path}")
    page = recorded_page.page
    page.wait_for_selector("h1", timeout=30_000)
    if path == "":
        # deck.gl draws into a canvas once its layers (and the static outlines) have loaded.
        page.wait_for_selector("canvas", timeout=30_000)
        page.wait_for_timeout(1500)
    if path == "charts":
        # The open tab's chart is drawn after the page's first run: wait for it, so the
        # screenshot shows the chart and not the loading placeholders.
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").first.inner_text().strip()
    page.wait_for_timeout(500)
    assert page.locator("text=does not seem to exist").count() == 0
    shot = recorded_page.screenshot(PAGES[path])
    assert shot.stat().st_size > 10_000  # a real picture, not a blank page
    assert recorded_page.outside_requests() == []


def test_static_outlines_are_served(app_url, recorded_page):
    # The deck asks for the outlines once it has mounted, which on a loaded CI machine can come
    # well after the script's end: wait for the request itself, not a fixed time.
    with recorded_page.page.expect_request(lambda request: request.url.endswith("/app/static/departements.geojson"),
                                           timeout=60_000):
        recorded_page.open(f"{app_url}/")
