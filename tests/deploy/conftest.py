"""Fixtures for the app as a school installs it: a wheel built from a copy of the checkout,
installed into a fresh venv outside it, served by `liberation-atlas` from another folder.

Slow (a wheel build and an install of the pinned dependencies from the configured indexes, one to
three minutes on this machine), so it is built once per test run and shared by the tests here.
"""

from __future__ import annotations

import pytest
from helpers.deployment import Installed, Server, build_and_install


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    return build_and_install(tmp_path_factory.mktemp("installed"))


@pytest.fixture
def start_server(installed):
    started: list[Server] = []

    def start(**options) -> Server:
        server = Server(installed, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
