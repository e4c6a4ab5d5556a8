"""`pip install` then `liberation-atlas`: every page runs from the installed package alone."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import urllib.request
from pathlib import Path

import pytest
from helpers.deployment import ROOT, clean_environment
from helpers.streamlit_ws import Session, date_micros

pytestmark = pytest.mark.install

PAGES = ("", "charts", "events", "sources")  # URL paths; "" is the map, the default page


def under_checkout(path: str | Path) -> bool:
    return Path(path).resolve().is_relative_to(ROOT)


def test_help_is_in_french_and_english(installed):
    shown = subprocess.run([str(installed.command), "--help"], capture_output=True, text=True, check=True,
                           cwd=installed.home, env=clean_environment()).stdout
    assert "Sert l'atlas" in shown and "Serves the" in shown
    assert "--port" in shown and "--address" in shown


def test_the_installed_python_sees_nothing_of_the_checkout(installed):
    probe = ("import json, sys, dashboard, dashboard.resources as r; "
             "print(json.dumps({'path': sys.path, 'package': dashboard.__file__, 'app': str(r.app_script()), "
             "'data': str(r.data_dir())}))")
    seen = json.loads(subprocess.run([str(installed.python), "-c", probe], capture_output=True, text=True,
                                     check=True, cwd=installed.home, env=clean_environment()).stdout)
    assert not [entry for entry in seen["path"] if entry and under_checkout(entry)]
    for name in ("package", "app", "data"):
        assert not under_checkout(seen[name]), name
        assert Path(seen[name]).resolve().is_relative_to(installed.venv.resolve()), name


def test_every_page_runs_from_the_installed_package(installed, start_server):
    server = start_server()
    assert Path(f"/proc/{server.process.pid}/cwd").resolve() == installed.home.resolve()

    async def visit() -> dict[str, list[str]]:
        seen = {}
        async with Session(server.url) as tab:
            first = await tab.open("", "lang=en&date=1944-08-25")
            assert first.ok, first.exceptions
            seen[""] = first.texts
            for path in PAGES[1:]:
                run = await tab.switch_page(path)
                assert run.ok, (path, run.exceptions)
                seen[path] = run.texts
                if path == "charts":  # the map's date is the browser player's; the charts page has a slider
                    moved = await tab.set_widget(run, "widget.date", double_array_value=[date_micros(dt.date(1944, 9, 3))])
                    assert moved.ok, moved.exceptions
                    seen["moved"] = [tab.query]  # the app writes the new date into the address
        return seen

    seen = asyncio.run(visit())
    assert any("25 August 1944" in text for text in seen[""])  # the shared link's date and language, read from the bundled table
    assert "date=1944-09-03" in seen["moved"][0]
    assert any("Sources" in text for text in seen["sources"])
    # Served by Streamlit's static serving from the package's own static/ folder.
    with urllib.request.urlopen(f"{server.url}/app/static/departements.geojson", timeout=10) as response:
        assert json.load(response)["features"]
    assert Path(f"/proc/{server.process.pid}/cwd").resolve() == installed.home.resolve()
