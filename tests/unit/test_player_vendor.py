"""The copy of pydeck's deck.gl bundle that Streamlit's static serving sends to the browser."""

from __future__ import annotations

import os
import sys
import types

import pytest

from dashboard import player
from dashboard.player import vendor


@pytest.fixture
def bundle(tmp_path):
    source = tmp_path / "pydeck" / "index.js"
    source.parent.mkdir()
    source.write_text("var deck = 1;", encoding="utf-8")
    os.utime(source, (1_700_000_000, 1_700_000_000))
    return source, tmp_path / "static" / "vendor" / "pydeck-deckgl" / "index.js"


def test_vendor_copies_the_bundle_with_its_timestamp_then_says_it_is_current(bundle):
    source, copy = bundle
    assert not vendor.is_current(source, copy)
    assert vendor.vendor(source, copy) is True
    assert copy.read_text(encoding="utf-8") == "var deck = 1;"
    assert int(copy.stat().st_mtime) == 1_700_000_000
    assert not copy.with_suffix(".partial").exists()
    assert vendor.is_current(source, copy)
    assert vendor.vendor(source, copy) is False  # nothing to do the second time


@pytest.mark.parametrize(
    "change",
    [
        lambda source: source.write_text("var deck = 22;", encoding="utf-8"),  # a new size (pip upgrade)
        lambda source: os.utime(source, (1_800_000_000, 1_800_000_000)),  # same size, newer file
    ],
)
def test_a_changed_bundle_is_copied_again(bundle, change):
    source, copy = bundle
    vendor.vendor(source, copy)
    change(source)
    assert not vendor.is_current(source, copy)
    assert vendor.vendor(source, copy) is True
    assert copy.read_bytes() == source.read_bytes()
    assert vendor.is_current(source, copy)


def test_a_symlink_is_replaced_by_a_real_file(bundle):
    """Streamlit's static serving refuses a link that leads out of static/."""
    source, copy = bundle
    copy.parent.mkdir(parents=True)
    copy.symlink_to(source)
    assert not vendor.is_current(source, copy)  # same size and time through the link, still refused
    assert vendor.vendor(source, copy) is True
    assert not copy.is_symlink()
    assert copy.read_bytes() == source.read_bytes()


def test_a_folder_in_the_copy_s_place_is_not_current(bundle):
    source, copy = bundle
    copy.mkdir(parents=True)
    assert not vendor.is_current(source, copy)


def test_main_says_what_it_did_and_stops_when_the_extensions_file_is_missing(bundle, tmp_path, monkeypatch, capsys):
    source, copy = bundle
    extensions = tmp_path / "static" / "vendor" / "deck.gl-extensions" / "dist.min.js"
    monkeypatch.setattr(vendor, "PYDECK_BUNDLE", source)
    monkeypatch.setattr(vendor, "DECK_COPY", copy)
    monkeypatch.setattr(vendor, "EXTENSIONS", extensions)
    with pytest.raises(SystemExit) as stopped:
        vendor.main()
    assert str(stopped.value) == f"missing {extensions}: it is part of the repository (git checkout static/vendor)"
    assert capsys.readouterr().out == f"copied: {source} -> {copy}\n"
    extensions.parent.mkdir(parents=True)
    extensions.write_text("", encoding="utf-8")
    vendor.main()
    assert capsys.readouterr().out == f"up to date: {source} -> {copy}\n"


def test_the_repository_s_copies_are_where_the_player_asks_for_them():
    assert vendor.DECK_COPY.relative_to(vendor.STATIC_DIR).as_posix() == vendor.DECK_URL.removeprefix("app/static/")
    assert vendor.EXTENSIONS.relative_to(vendor.STATIC_DIR).as_posix() == vendor.EXTENSIONS_URL.removeprefix(
        "app/static/"
    )
    assert vendor.EXTENSIONS.is_file()


def test_render_hands_everything_to_the_component(monkeypatch):
    """The package's render loads the Streamlit component only when called."""
    calls = []
    fake = types.ModuleType("dashboard.player.component")
    fake.render = lambda *args, **kwargs: calls.append((args, kwargs)) or "mounted"
    monkeypatch.setitem(sys.modules, "dashboard.player.component", fake)
    assert player.render(1, "two", key="map") == "mounted"
    assert calls == [((1, "two"), {"key": "map"})]
