"""The player's story layers in real Chromium: the pockets drawn as occupied areas on 1 March
1945, the disputed-date marker at Valence on 31 August 1944 with its tooltip in plain text, and
Tulle and Guéret on 8 June 1944. Screenshots go to artifacts/screenshots/ for the reader."""

from __future__ import annotations

import pytest

from dashboard.pockets import held_on, load_pockets, read_communes
from dashboard.data import load_reference_tables

pytestmark = pytest.mark.browser

PLAYER = "document.querySelector('[data-role=player]')?.liberationPlayer"
READY_TIMEOUT = 90_000  # deck.gl (4 MB) and, with software GL, a slow first frame


def open_player(recorded_page, url: str, iso: str) -> None:
    page = recorded_page.page
    recorded_page.open(url)
    page.wait_for_function(f"iso => {{ const p = {PLAYER}; return Boolean(p && p.deck && p.stats.renders > 0 "
                           f"&& p.isoDate === iso); }}", arg=iso, timeout=READY_TIMEOUT)
    recorded_page.wait_until_idle()
    page.locator("[data-role=map]").scroll_into_view_if_needed()


def picked(page, layer_id: str) -> list[dict]:
    """The objects of a layer deck.gl actually draws on the whole map (GPU picking honours the
    filter ranges, so a filtered-out pocket or marker is not found)."""
    return page.evaluate("""layerId => {
        const p = document.querySelector('[data-role=player]').liberationPlayer;
        const canvas = p.el.map;
        return p.deck.pickObjects({x: 0, y: 0, width: canvas.clientWidth, height: canvas.clientHeight,
                                   layerIds: [layerId]}).map((info) => info.object);
    }""", layer_id)


def test_on_1_march_1945_the_pockets_are_drawn_as_occupied_areas(app_url, recorded_page):
    page = recorded_page.page
    open_player(recorded_page, f"{app_url}/?date=1945-03-01&lang=fr", "1945-03-01")
    refs = load_reference_tables()
    held = held_on(load_pockets(read_communes(), set(refs.departments["department_code"])).pockets, "1945-03-01")
    layer_ids = page.evaluate(f"() => {PLAYER}.deck.props.layers.map((layer) => layer.id)")
    assert "pockets" in layer_ids
    names = {pocket["name"] for pocket in picked(page, "pockets")}
    assert set(held["name_fr"]) <= names, "every pocket held that day is drawn"
    assert "Poche de Dunkerque" in names and "Poche de Lorient" in names
    assert "Poche de Colmar" not in names  # surrendered on 9 February 1945
    # The banner says how many départements are entirely free and how many pockets still hold out.
    banner = page.locator("[data-role='count']").first.inner_text()
    assert f"poches encore tenues : {len(held)}" in banner and "dont" in banner
    recorded_page.screenshot("map-1945-03-01")
    assert recorded_page.outside_requests() == []


def test_on_31_august_1944_valence_carries_the_disputed_marker(app_url, recorded_page):
    page = recorded_page.page
    open_player(recorded_page, f"{app_url}/?date=1944-08-31&lang=fr", "1944-08-31")
    markers = {marker["place"]: marker for marker in picked(page, "disputed")}
    assert "Valence" in markers
    assert any(line.startswith("31 août 1944 : Archives départementales de la Drôme") for line in markers["Valence"]["others"])
    # Hover the marker (drawn beside the préfecture's point, by the layer's pixel offset).
    x, y = page.evaluate("""() => {
        const p = document.querySelector('[data-role=player]').liberationPlayer;
        const valence = p.payload.disputed.find((m) => m.place === 'Valence');
        const layer = p.deck.props.layers.find((l) => l.id === 'disputed');
        const [x, y] = p.deck.getViewports()[0].project(valence.position);
        const [dx, dy] = layer.props.getPixelOffset;
        const box = p.el.map.getBoundingClientRect();
        return [box.left + x + dx, box.top + y + dy];
    }""")
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("[data-role=tooltip]:not([hidden])", timeout=30_000)
    tooltip = page.locator("[data-role=tooltip]")
    assert "Valence" in tooltip.locator("[data-field=title]").text_content()
    assert "23 août 1944" in tooltip.locator("[data-field=when]").text_content()
    others = tooltip.locator("[data-field=others] li").all_text_contents()
    assert any(line.startswith("31 août 1944 : Archives départementales de la Drôme") for line in others)
    recorded_page.screenshot("map-1944-08-31")
    assert recorded_page.outside_requests() == []


def test_on_8_june_1944_tulle_and_gueret_are_shown_freed(app_url, recorded_page):
    page = recorded_page.page
    open_player(recorded_page, f"{app_url}/?date=1944-06-08&lang=fr", "1944-06-08")
    # No disputed marker before the départements concerned are freed.
    assert all(marker["freed_on"] <= page.evaluate(f"() => Math.floor({PLAYER}.t)") for marker in picked(page, "disputed"))
    lines = page.evaluate(f"() => {PLAYER}.points.texts.retaken.filter((line) => line)")
    assert any(line.startswith("Date de libération : ") and " · date de reprise : " in line for line in lines)
    recorded_page.screenshot("map-1944-06-08")
    assert recorded_page.outside_requests() == []
