"""Classroom mode: chapters from links and buttons, projection mode, sharing."""

from helpers import app_with, map_date_heading, player_control

from dashboard.chapters import load_chapters
from dashboard.data import load_events, load_reference_tables

REFS = load_reference_tables()
CHAPTERS, _ = load_chapters(set(load_events().events["event_id"]), set(REFS.regions))
BY_ID = {chapter.chapter_id: chapter for chapter in CHAPTERS}


def test_chapter_link_sets_date_filters_and_story():
    chapter = BY_ID["marseille-jour-par-jour"]
    at = app_with(chapter=chapter.chapter_id, lang="en")
    assert not at.exception and not at.warning
    assert "29 August 1944" in map_date_heading(at)
    assert at.multiselect(key="widget.regions").value == list(chapter.regions)
    assert any(chapter.title_en in block.value for block in at.markdown)
    assert at.query_params["chapter"] == chapter.chapter_id


def test_next_and_previous_chapter_buttons():
    at = app_with(lang="en")
    at.button(key="chapter.next").click().run()
    assert at.session_state["view"].chapter == CHAPTERS[0].chapter_id
    assert "4 October 1943" in map_date_heading(at)
    at.button(key="chapter.next").click().run()
    second = CHAPTERS[1]
    assert at.session_state["view"].chapter == second.chapter_id
    assert at.session_state["view"].date == second.date
    assert at.multiselect(key="widget.event_types").value == list(second.event_types)
    at.button(key="chapter.previous").click().run()
    assert at.session_state["view"].chapter == CHAPTERS[0].chapter_id


def test_choosing_free_exploration_keeps_the_date():
    at = app_with(chapter="paris-insurrection", lang="fr")
    at.selectbox(key="widget.chapter_select").set_value("").run()
    assert at.session_state["view"].chapter is None
    assert "25 août 1944" in map_date_heading(at)


def test_unknown_chapter_gives_a_notice():
    at = app_with(chapter="atlantis", lang="en")
    assert not at.exception
    assert len(at.warning) == 1 and "chapter" in at.warning[0].value
    assert "chapter" not in at.query_params


def test_projection_mode_renders_and_stays_in_the_url():
    at = app_with(mode="present", lang="fr", date="1944-08-25")
    assert not at.exception
    assert any("font-size: 24px" in block.proto.body for block in at.html)  # the projector style
    assert at.query_params["mode"] == "present"
    control = player_control(at)
    assert control["present"] and control["jump"]["date"] == "1944-08-25"  # the same player, full width
    at.button(key="chapter.next").click().run()
    assert at.query_params["mode"] == "present" and at.query_params["date"] != "1944-08-25"


def test_share_widget_shows_the_link_and_a_qr_code_once_opened():
    at = app_with(lang="en", date="1944-08-25", force="resistance")
    assert not at.code and not at.get("image")  # built only when the box is opened
    at.session_state["widget.share"] = True  # what opening the box does
    at.run()
    codes = [code.value for code in at.code]
    assert any("date=1944-08-25" in code and "force=resistance" in code for code in codes)
    assert len(at.get("image")) == 1  # the QR code
