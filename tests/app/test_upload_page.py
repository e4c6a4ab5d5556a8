"""Your data: an upload switches the map, the charts and the explorer to the class's table for
this session only, with a banner and a way back; other sessions keep the bundled table."""

import datetime as dt

import pytest

from dashboard.ui import loading, state
from dashboard.data import load_events
from helpers import chart_table, fresh_app, player_payload, shown_titles

OWN = ("date;lieu;département;type;titre;acteurs\n"
       "25/08/1944;Paris;75;libération;Libération de Paris (classe);FFI\n"
       "31/08/1944;Valence;26;libération;Valence (classe);Groupe Vengeance\n"
       "1944-09-03;Lyon;69;libération;Lyon (classe);Les voisins\n"
       "1944-02-30;Lyon;69;libération;Date impossible;FFI\n").encode("utf-8")
OWN_TITLES = {"Libération de Paris (classe)", "Valence (classe)", "Lyon (classe)"}


@pytest.fixture(scope="module")
def bundled():
    return load_events().events


def upload(at, name: str, data: bytes):
    at.switch_page("pages/upload.py").run()
    return at.file_uploader(key="upload.file").set_value((name, data, "text/csv")).run()


def has_button(at, key: str) -> bool:
    return any(button.key == key for button in at.button)


def explorer_titles(at) -> set[str]:
    at.switch_page("pages/events.py").run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    return set(frame[next(c for c in frame.columns if c in ("Title", "Titre"))])


def test_upload_shows_what_was_read_and_every_problem():
    at = upload(fresh_app("en").run(), "ma-classe.csv", OWN)
    assert not at.exception, at.exception
    texts = " ".join(m.value for m in at.markdown).replace("\\", "")  # markdown escapes
    assert "3 valid event(s) out of 4 row(s) read" in texts
    assert "UTF-8" in texts and "semicolon" in texts
    report = at.dataframe[0].value
    assert list(report["where"]) == ["Line 5"] and list(report["column"]) == ["date"]
    assert at.get("download_button")  # templates and the report


def test_upload_switches_map_charts_and_explorer_and_the_banner_shows():
    at = upload(fresh_app("en").run(), "ma-classe.csv", OWN)
    assert explorer_titles(at) == OWN_TITLES
    assert has_button(at, "banner.back")  # the banner and its way back, on every page
    assert any("ma-classe.csv" in m.value.replace("\\", "") for m in at.markdown)

    at.switch_page("pages/map.py").run()
    assert not at.exception, at.exception
    assert shown_titles(player_payload(at)) == OWN_TITLES  # the player is given the class's table
    assert has_button(at, "banner.back")

    at.switch_page("pages/charts.py").run()
    at.slider(key="widget.date").set_value(dt.date(1944, 9, 3)).run()  # the table's last date
    assert not at.exception, at.exception
    assert {"Groupe Vengeance", "Les voisins"} <= set(chart_table(at, "actors")["actor"])


def test_another_session_still_sees_the_bundled_table(bundled):
    at = upload(fresh_app("en").run(), "ma-classe.csv", OWN)
    at.switch_page("pages/map.py").run()
    at.switch_page("pages/charts.py").run()
    at.slider(key="widget.date").set_value(dt.date(1944, 9, 3)).run()  # the same view as below
    other = fresh_app("en").run()
    other.switch_page("pages/map.py").run()
    assert not shown_titles(player_payload(other)) & OWN_TITLES  # the shared player cache holds no upload
    other.switch_page("pages/charts.py").run()
    other.slider(key="widget.date").set_value(dt.date(1944, 9, 3)).run()
    assert not other.exception, other.exception
    assert "Les voisins" not in set(chart_table(other, "actors")["actor"])  # nor do the shared chart tables
    titles = explorer_titles(other)
    assert len(titles) == bundled["title_en"].nunique() and not titles & OWN_TITLES
    assert not has_button(other, "banner.back") and not has_button(other, "banner.own")


def test_back_restores_the_bundled_table_and_the_upload_stays_at_hand(bundled):
    at = upload(fresh_app("en").run(), "ma-classe.csv", OWN)
    assert at.session_state[state.TABLE_KEY] == state.OWN_TABLE  # the choice, beside the view
    at.button(key="banner.back").click().run()
    assert at.session_state[state.TABLE_KEY] == state.BUNDLED_TABLE
    assert explorer_titles(at) == set(bundled["title_en"])
    at.button(key="banner.own").click().run()
    assert explorer_titles(at) == OWN_TITLES


def test_the_same_file_is_read_once_per_session(monkeypatch):
    calls = []
    original = loading.read_own_table
    monkeypatch.setattr(loading, "read_own_table", lambda *args, **kwargs: calls.append(1) or original(*args, **kwargs))
    at = upload(fresh_app("en").run(), "ma-classe.csv", OWN)
    at.switch_page("pages/upload.py").run()
    at.run()
    assert not at.exception and len(calls) == 1


def test_a_file_with_nothing_valid_leaves_the_bundled_table(bundled):
    hostile = ("date;lieu;département;type;titre;description;acteurs;source;lien;lat;lon\n" + "<script>alert(1)</script>;x;75;x;x;x;x;x;x;x;x\n").encode()
    at = upload(fresh_app("fr").run(), "hostile.csv", hostile)
    assert not at.exception, at.exception
    assert at.error and not has_button(at, "banner.back")
    report = at.dataframe[0].value
    assert "<script>alert(1)</script>" in " ".join(report["problème"])  # quoted as text, in a table
    assert len(explorer_titles(at)) == bundled["title_fr"].nunique()


@pytest.mark.parametrize("page", ["pages/map.py", "pages/charts.py", "pages/events.py"])
def test_a_table_of_a_single_day_shows_on_every_page(page):
    one_day = "date;lieu;département;type;titre\n25/08/1944;Paris;75;libération;Paris\n".encode()
    at = upload(fresh_app("fr").run(), "un-jour.csv", one_day)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert has_button(at, "banner.back")
