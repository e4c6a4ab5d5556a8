"""Shared fixtures: the reference tables and the small hand-written event table."""

import pytest
from helpers import DATA_DIR

from dashboard import geocode
from dashboard.data import load_events, load_reference_tables


@pytest.fixture(scope="session", autouse=True)
def fresh_commune_index():
    """Each session builds the commune index afresh. mutmut runs each mutant's tests in a
    process forked after a clean run: without this, the cache would still hold the index the
    unmutated code built, and no test could notice a mutant in `Communes`."""
    geocode.load_communes.cache_clear()


@pytest.fixture(scope="session")
def refs():
    return load_reference_tables()


@pytest.fixture(scope="session")
def small_events(refs):
    result = load_events(DATA_DIR / "small_events.csv", refs)
    assert result.ok, [p.text("en") for p in result.problems]
    return result.events


def pytest_make_parametrize_id(config, val, argname):
    """Bytes shown as escaped text: with test-id escaping off (pyproject, for mutmut), pytest
    would otherwise try to join raw bytes into the id."""
    if isinstance(val, bytes):
        return val.decode("ascii", "backslashreplace")
    return None
