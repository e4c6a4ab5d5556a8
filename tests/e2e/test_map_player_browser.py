"""The map player in real Chromium: it plays and scrubs in the browser, the date goes back to
Python, Python's dates come to it, tooltips are text, and the map comes first on every screen."""

from __future__ import annotations

import datetime as dt
import struct
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from dashboard.chapters import load_chapters
from dashboard.data import load_events, load_reference_tables
from dashboard.filters import date_range, event_dates
from dashboard.i18n import format_date
from dashboard.timeline import Timeline

pytestmark = pytest.mark.browser

PLAYER = "document.querySelector('[data-role=player]')?.liberationPlayer"
# The first draw waits for deck.gl (4 MB) and, with software GL, a slow first frame.
READY_TIMEOUT = 90_000
PNG_BACKGROUND = (0xDB, 0xE7, 0xF0)  # player.js savePng: the sea, under the map


@pytest.fixture(scope="module")
def bundled():
    events = load_events().events
    first, last = date_range(events)
    return events, Timeline(first, last, tuple(event_dates(events)))


def wait_for_player(page) -> None:
    page.wait_for_function(f"() => {{ const p = document.querySelector('[data-role=player]'); "
                           f"return p && p.liberationPlayer && p.liberationPlayer.deck && p.liberationPlayer.stats.renders > 0; }}",
                           timeout=READY_TIMEOUT)


def player(page, expression: str):
    return page.evaluate(f"() => {{ const p = {PLAYER}; return {expression}; }}")


def wait_player(page, condition: str, arg=None, timeout: int = 30_000) -> None:
    page.wait_for_function(f"arg => {{ const p = {PLAYER}; return Boolean(p && p.payload) && ({condition}); }}",
                           arg=arg, timeout=timeout)


def banner(page) -> str:
    return page.locator(".lp-date").inner_text().strip()


def url_date(page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("date", [None])[0]


def wait_url_date(page, iso: str) -> None:
    page.wait_for_function("iso => new URLSearchParams(location.search).get('date') === iso", arg=iso, timeout=30_000)


def sent_messages(page) -> list[int]:
    """Sizes of the websocket messages the page sends to the server from now on."""
    sent: list[int] = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda payload: sent.append(len(payload))))
    return sent


def received_messages(page) -> list[int]:
    """Sizes of the websocket messages the page receives from the server from now on."""
    received: list[int] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: received.append(len(payload))))
    return received


def test_the_map_follows_the_range_while_it_is_dragged(app_url, recorded_page):
    page = recorded_page.page
    sent = sent_messages(page)
    recorded_page.open(f"{app_url}/?date=1944-08-01")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    slider = page.locator("[data-role=range]")
    box = slider.bounding_box()
    value, maximum = int(slider.input_value()), int(slider.get_attribute("max"))
    x = box["x"] + 8 + (box["width"] - 16) * value / maximum
    y = box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    before = player(page, "({...p.stats})")
    messages_before = len(sent)
    dates = [banner(page)]
    for step in range(1, 5):
        page.mouse.move(x + 45 * step, y, steps=3)
        page.wait_for_function("d => document.querySelector('.lp-date').textContent !== d", arg=dates[-1], timeout=10_000)
        dates.append(banner(page))
    # Still pressed: deck.gl has drawn the map again (software GL takes up to a second a frame).
    wait_player(page, "p.stats.renders > arg", before["renders"])
    during = player(page, "({...p.stats})")
    assert len(set(dates)) == len(dates), "the banner changed on every move"
    inputs = during["inputs"] - before["inputs"]
    assert inputs > 0 and during["frames"] - before["frames"] >= inputs, "a frame for every input event"
    assert len(sent) == messages_before, "nothing goes to the server while dragging"
    assert url_date(page) == "1944-08-01"
    page.mouse.up()
    shown = player(page, "p.isoDate")
    wait_url_date(page, shown)  # on release, Python gets the date
    assert shown > "1944-08-01"
    assert recorded_page.outside_requests() == []


def test_space_plays_then_pauses_and_python_gets_the_date(app_url, recorded_page):
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-19")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    assert banner(page) == "19 août 1944"
    seq = player(page, "p.seq")
    sent = sent_messages(page)
    page.keyboard.press("Space")
    wait_player(page, "p.playing")
    page.wait_for_function("() => document.querySelector('.lp-date').textContent !== '19 août 1944'", timeout=30_000)
    assert sent == [], "playing sends nothing to the server"
    page.keyboard.press("Space")
    wait_player(page, "!p.playing")
    paused = player(page, "p.isoDate")
    assert paused > "1944-08-19"
    wait_url_date(page, paused)
    recorded_page.wait_until_idle()
    page.wait_for_timeout(1500)
    assert player(page, "p.isoDate") == paused and player(page, "p.seq") == seq, "no echo: the date stays put"
    assert page.locator("[data-role=play]").get_attribute("aria-pressed") == "false"
    assert paused[:4] in page.locator("[data-role=live]").text_content()  # the spoken summary follows
    assert page.locator("[data-testid='stException']").count() == 0
    assert recorded_page.outside_requests() == []


def test_keyboard_steps_are_the_timeline_steps(app_url, recorded_page, bundled):
    _, line = bundled
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-25&lang=en&force=resistance")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    assert banner(page) == "25 August 1944"
    # With a force filter the event dates are the filtered ones: compare with the unfiltered line
    # only on steps that do not depend on them.
    day = line.first.__class__(1944, 8, 25)
    for key, action in [("Shift+ArrowRight", "plus_day"), ("PageDown", "plus_week"), ("Shift+ArrowLeft", "minus_day"),
                        ("PageUp", "minus_week"), ("End", "end"), ("Home", "start")]:
        page.keyboard.press(key)
        day = line.step(day, action)
        wait_player(page, "p.isoDate === arg", day.isoformat())
        assert banner(page) == format_date(day, "en")
    wait_url_date(page, day.isoformat())
    assert "force=resistance" in page.url and "lang=en" in page.url
    assert recorded_page.outside_requests() == []


def test_arrows_step_through_event_dates(app_url, recorded_page, bundled):
    _, line = bundled
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-20")
    wait_for_player(page)
    day = line.first.__class__(1944, 8, 20)
    for key, action in [("ArrowRight", "next_event"), ("ArrowRight", "next_event"), ("ArrowLeft", "previous_event")]:
        page.keyboard.press(key)
        day = line.step(day, action)
        wait_player(page, "p.isoDate === arg", day.isoformat())
    wait_url_date(page, day.isoformat())


def test_a_chapter_moves_the_player(app_url, recorded_page):
    refs = load_reference_tables()
    chapters, _ = load_chapters(set(load_events().events["event_id"]), set(refs.regions))
    page = recorded_page.page
    received = received_messages(page)
    recorded_page.open(f"{app_url}/?date=1944-08-19")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    first_load = max(received)  # the player's data, in one message
    received.clear()
    page.keyboard.press("N")  # the next-chapter shortcut: Streamlit's, beside the player's keys
    wait_player(page, "p.isoDate === arg", chapters[0].date.isoformat())
    assert banner(page) == format_date(chapters[0].date, "fr")
    wait_url_date(page, chapters[0].date.isoformat())
    recorded_page.wait_until_idle()
    # The date and the place travel apart from the data: the table is not sent again.
    assert received and max(received) < first_load / 4


def point_on_screen(page, title: str) -> tuple[float, float]:
    """Where the event titled `title` is drawn, in page coordinates."""
    return tuple(page.evaluate("""title => {
        const p = document.querySelector('[data-role=player]').liberationPlayer;
        const points = p.points;  // the payload's columns, decoded once by the player
        const i = points.title.findIndex((code) => points.texts.title[code] === title);
        const [x, y] = p.deck.getViewports()[0].project([points.lon[i], points.lat[i]]);
        const box = p.el.map.getBoundingClientRect();
        return [box.left + x, box.top + y];
    }""", title))


def hover_tooltip(page, title: str) -> str:
    page.locator("[data-role=map]").scroll_into_view_if_needed()  # below notices, if any
    x, y = point_on_screen(page, title)
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("[data-role=tooltip]:not([hidden])", timeout=30_000)
    return page.locator("[data-field=title]").text_content()


def test_hovering_a_point_shows_its_plain_title(app_url, recorded_page):
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-25")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    title = hover_tooltip(page, "Libération de Grenoble")
    assert title == "Libération de Grenoble"
    assert "<b>" not in page.locator("[data-role=tooltip]").inner_html()
    recorded_page.screenshot("map-tooltip")


# The two event layers as deck.gl holds them (with their state: model, sprites), in a player() expression.
EVENT_LAYERS = "p.deck.props.layers.filter(l => l.id.startsWith('events'))"


def test_the_event_layers_draw_only_the_events_begun_by_the_shown_day(app_url, recorded_page, bundled):
    """Software GL pays for every point a layer draws, even one the GPU filter hides, and more
    for every instance of an instanced draw: the player keeps its points in start order, draws
    only those begun by the shown day, as point sprites (one vertex a point, no instancing)."""
    events, _ = bundled
    placed = events[(events["department_code"] != "") & events["lat"].notna()]
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-25")
    wait_for_player(page)
    drawn = f"Object.fromEntries({EVENT_LAYERS}.map(l => [l.id, l.getNumInstances()]))"
    # What the last draw of each layer's model was: sprites, not instances, and how many points.
    models = f"{EVENT_LAYERS}.map(l => [l.id, l.state.sprites, l.state.model.isInstanced, l.state.model.vertexCount])"
    for day in ("1944-08-25", "1944-08-26"):
        wait_player(page, f"p.el.date.textContent === {format_date(dt.date.fromisoformat(day), 'fr')!r}")
        begun = int((placed["date"] <= day).sum())
        assert 0 < begun < len(placed)
        assert player(page, drawn) == {"events": begun, "events-current": begun}
        wait_player(page, f"{EVENT_LAYERS}.every(l => l.state.model.vertexCount === {begun})")
        assert player(page, models) == [["events", True, False, begun], ["events-current", True, False, begun]]
        page.keyboard.press("Shift+ArrowRight")
    assert player(page, "p.points.count") == len(placed)  # the others are held, not dropped


# A GPU whose point sprites are at most 1 px wide (WebGL 2 allows it): the layer must not draw
# clipped dots there.
SMALL_POINT_SIZE_GPU = """
const getParameter = WebGL2RenderingContext.prototype.getParameter;
WebGL2RenderingContext.prototype.getParameter = function (name) {
  return name === this.ALIASED_POINT_SIZE_RANGE ? new Float32Array([1, 1]) : getParameter.call(this, name);
};
"""


def test_points_are_instanced_circles_where_the_gpu_caps_point_sprites(app_url, recorded_page):
    page = recorded_page.page
    page.add_init_script(SMALL_POINT_SIZE_GPU)
    recorded_page.open(f"{app_url}/?date=1944-08-25")
    wait_for_player(page)
    wait_player(page, f"{EVENT_LAYERS}.every(l => l.state.model)")
    models = f"{EVENT_LAYERS}.map(l => [l.id, l.state.sprites, l.state.model.isInstanced])"
    assert player(page, models) == [["events", False, True], ["events-current", False, True]]
    assert hover_tooltip(page, "Libération de Grenoble") == "Libération de Grenoble"  # drawn, and picked


def test_a_hostile_title_is_shown_as_text(hostile_app_url, recorded_page):
    page = recorded_page.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    recorded_page.open(f"{hostile_app_url}/?date=1944-08-25")
    wait_for_player(page)
    recorded_page.wait_until_idle()
    hostile = "<b>Grenoble</b><script>alert(2)</script>"
    assert hover_tooltip(page, hostile) == hostile
    tooltip = page.locator("[data-role=tooltip]")
    assert tooltip.locator("b, script, img").count() == 0
    page.wait_for_function("() => document.querySelector('[data-role=live]').textContent.includes('<img src=x')", timeout=30_000)
    assert page.locator("img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert dialogs == []
    assert recorded_page.outside_requests() == []


def test_save_as_png_draws_the_map_with_date_and_legend(app_url, recorded_page, tmp_path):
    page = recorded_page.page
    recorded_page.open(f"{app_url}/?date=1944-08-25")
    wait_for_player(page)
    with page.expect_download(timeout=60_000) as download:
        page.locator("[data-role=save]").click()
    path = tmp_path / "map.png"
    download.value.save_as(path)
    assert download.value.suggested_filename == "liberation-1944-08-25.png"
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    canvas = player(page, "[p.el.map.querySelector('canvas').width, p.el.map.querySelector('canvas').height]")
    assert width == canvas[0] and height > canvas[1], "the legend is drawn under the map"
    # The map itself is in the picture, not the bare background under an empty canvas: the drawing
    # buffer is not kept between frames, so the picture must be read in the frame that drew it.
    with Image.open(path) as picture:
        map_part = picture.convert("RGB").crop((0, 0, canvas[0], canvas[1]))
        background = sum(count for count, colour in map_part.getcolors(maxcolors=1 << 22) if colour == PNG_BACKGROUND)
    share = background / (canvas[0] * canvas[1])
    # Measured: 74% with the map drawn (France in a wide canvas), 96% when read a frame late.
    assert share < 0.85, f"{share:.0%} of the map is bare background: the map was not drawn into the picture"
    assert recorded_page.outside_requests() == []


# A GPU's name where the browser draws with SwiftShader: the player must then treat it as a GPU.
HARDWARE_RENDERER = """
const getParameter = WebGL2RenderingContext.prototype.getParameter;
WebGL2RenderingContext.prototype.getParameter = function (name) {
  const info = this.getExtension('WEBGL_debug_renderer_info');
  return info && name === info.UNMASKED_RENDERER_WEBGL ? 'ANGLE (NVIDIA, GeForce GTX 1650)' : getParameter.call(this, name);
};
"""


@pytest.mark.parametrize("renderer", ["software", "hardware"])
def test_the_canvas_keeps_no_buffer_and_multisamples_on_a_gpu_only(app_url, recorded_page, renderer):
    """No copy of the drawing buffer per frame. Multisampling on a GPU; under software GL it halves
    the points' redraw rate, so it is off there and the département borders get a whole pixel
    (thinner, they broke into dots without it)."""
    page = recorded_page.page
    if renderer == "hardware":
        page.add_init_script(HARDWARE_RENDERER)
    recorded_page.open(f"{app_url}/?date=1944-08-25")
    wait_for_player(page)
    attributes = player(page, "p.deck.device.gl.getContextAttributes()")
    borders = player(page, "p.deck.props.layers.find(l => l.id === 'departements-borders').props.lineWidthMinPixels")
    if renderer == "software":
        assert "SwiftShader" in player(page, "p.webgl.renderer")  # what CI's Chromium draws with
        assert (attributes["antialias"], borders) == (False, 1)
    else:
        assert (attributes["antialias"], borders) == (True, 0.6)
    assert attributes["preserveDrawingBuffer"] is False


@pytest.mark.parametrize("width, height, query, name", [
    (1440, 900, "?date=1944-08-25", "map-1440x900"),
    (1920, 1080, "?mode=present&date=1944-08-25&chapter=paris-insurrection", "present-1920x1080"),
    (390, 844, "?date=1944-08-25", "phone-390x844"),
], ids=["laptop", "projection", "phone"])
def test_the_map_comes_first(app_url, open_context, width, height, query, name):
    recorded = open_context(width, height, is_mobile=width < 500, has_touch=width < 500)
    page = recorded.page
    recorded.open(f"{app_url}/{query}")
    wait_for_player(page)
    recorded.wait_until_idle()
    page.wait_for_timeout(1000)
    layout = page.evaluate("""() => {
        const map = document.querySelector('[data-role=map]').getBoundingClientRect();
        const bar = document.querySelector('[data-role=bar]').getBoundingClientRect();
        return {mapTop: map.top, mapHeight: map.height, mapWidth: map.width, barBottom: bar.bottom,
                scrollWidth: document.documentElement.scrollWidth};
    }""")
    recorded.screenshot(name)
    assert layout["barBottom"] <= height, "map and timeline on the first screen"
    assert layout["scrollWidth"] <= width, "nothing overflows sideways"
    if width >= 1440:
        assert layout["mapHeight"] >= 0.6 * height, "the map fills most of the first screen"
    if "present" in query:
        assert layout["mapWidth"] >= 0.9 * width, "projection: full width"
        assert float(page.locator(".lp-date").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 60
    if "chapter=" not in query:
        assert hidden_corners_of_france(page) == [], "the date banner hides no part of France"
    assert page.locator("[data-testid='stException']").count() == 0
    assert recorded.outside_requests() == []


# The far ends of France: Dunkirk (its pocket held until May 1945), the Pointe de Corsen,
# Menton, Bonifacio, and the Lauter at Wissembourg.
CORNERS_OF_FRANCE = {"Dunkerque": (2.377, 51.034), "Corsen": (-4.789, 48.413), "Menton": (7.503, 43.775),
                     "Bonifacio": (9.159, 41.387), "Wissembourg": (7.946, 49.037)}


def hidden_corners_of_france(page) -> list[str]:
    """The corners of France drawn outside the map or under the date banner."""
    return page.evaluate("""corners => {
        const p = document.querySelector('[data-role=player]').liberationPlayer;
        const map = p.el.map.getBoundingClientRect(), banner = p.el.date.parentElement.getBoundingClientRect();
        const viewport = p.deck.getViewports()[0];
        return Object.entries(corners).filter(([name, lonLat]) => {
            const [x, y] = viewport.project(lonLat);
            const left = map.left + x, top = map.top + y;
            const outside = x < 0 || y < 0 || x > map.width || y > map.height;
            const underBanner = left >= banner.left && left <= banner.right && top >= banner.top && top <= banner.bottom;
            return outside || underBanner;
        }).map(([name]) => name);
    }""", CORNERS_OF_FRANCE)
