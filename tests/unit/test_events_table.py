"""The bundled table: valid, faithful to the seed text, one liberation per préfecture, every point
in its département, every row sourced."""

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard.data import is_unsourced, load_events
from dashboard.filters import prefecture_changes, prefecture_liberations
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON, geometry_by_code, geometry_contains, read_geojson

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = (ROOT / "docs" / "seed-text.txt").read_text(encoding="utf-8")
D = dt.date

# Every fact of the seed text, with the seed's own dates and the words that state it.
# (event_id, date, end_date, words of the seed)
SEED_FACTS = [
    ("landing-normandy", D(1944, 6, 6), None, "débarquement allié du 6 juin 1944, en Normandie"),
    ("massacre-tulle", D(1944, 6, 9), None, "les massacres de Tulle, le 9 juin 1944"),
    ("other-ffi-allied-cooperation", D(1944, 6, 6), None, "coopération entre les Forces françaises de l'intérieur"),
    ("landing-provence", D(1944, 8, 15), None, "celui de Provence, le 15 août"),
    ("liberation-grenoble", D(1944, 8, 22), None, "Ils libèrent ainsi Grenoble le 22 août"),
    ("liberation-valence", D(1944, 8, 23), None, "et Valence le 23"),
    ("other-german-retreat-south-west", D(1944, 8, 17), None, "la retraite allemande à partir du 17 août"),
    ("liberation-toulouse", D(1944, 8, 19), None, "Toulouse est libérée le 19 août"),
    ("liberation-montpellier", D(1944, 8, 22), None, "Montpellier le 22"),
    ("liberation-clermont-ferrand", D(1944, 8, 25), None, "Clermont-Ferrand le 25"),
    ("insurrection-paris", D(1944, 8, 19), D(1944, 8, 25), "du 19 au 25 août 1944"),
    ("insurrection-villeurbanne", D(1944, 8, 24), D(1944, 8, 26), "à Villeurbanne, les 24, 25 et 26 août 1944"),
    ("other-marseille-strike-decided", D(1944, 8, 18), None, "le 18 août, la grève insurrectionnelle décidée par la CGT"),
    ("insurrection-marseille-general-strike", D(1944, 8, 19), None, "Le 19 août, la grève est totale"),
    ("insurrection-marseille-ffi-actions", D(1944, 8, 20), D(1944, 8, 21), "actions d'insurrection les 20 et 21 août"),
    ("insurrection-marseille-prefecture-taken", D(1944, 8, 21), None, "Le 21 la préfecture est prise"),
    ("other-marseille-cdl-installed", D(1944, 8, 22), None, "le CDL s'y installe dès le lendemain"),
    ("surrender-marseille-schaefer", D(1944, 8, 28), None, "Schaefer se rend le 28 août"),
    ("other-marseille-parade", D(1944, 8, 29), None, "le 29 les troupes alliées et les FFI défilent sur le Vieux-Port"),
    ("other-territory-almost-freed", D(1944, 9, 15), None, "Le 15 septembre 1944, la presque totalité du territoire est libérée"),
    ("battle-vosges-offensive", D(1944, 11, 14), None, "offensive générale sur les Vosges est déclenchée le 14 novembre 1944"),
    ("liberation-strasbourg", D(1944, 11, 23), None, "Strasbourg est libérée le 23 novembre"),
    ("battle-defence-of-strasbourg", D(1944, 12, 31), D(1945, 1, 27), "entre le 31 décembre 1944 et le 27 janvier 1945"),
    ("battle-colmar-pocket", D(1945, 2, 9), None, "réduite que le 9 février 1945"),
    ("other-last-territories-freed", D(1945, 5, 1), D(1945, 5, 31), "s'échelonna jusqu'au mois de mai 1945"),
]
SEED_LIBERATIONS = [fact for fact in SEED_FACTS if fact[0].startswith("liberation-")]

@pytest.fixture(scope="module")
def bundled(refs):
    return load_events(refs=refs)


@pytest.fixture(scope="module")
def events(bundled):
    return bundled.events.set_index("event_id", drop=False)


def test_bundled_table_has_no_problem(bundled):
    assert bundled.problems == [], [p.text("en") for p in bundled.problems]
    assert len(bundled.events) == bundled.total_rows


@pytest.mark.parametrize("event_id, date, end_date, words", SEED_FACTS, ids=[fact[0] for fact in SEED_FACTS])
def test_seed_fact_is_present_with_the_seed_date(events, event_id, date, end_date, words):
    assert " ".join(words.split()) in " ".join(SEED_TEXT.split()), "the fact table itself must quote the seed"
    assert event_id in events.index
    row = events.loc[event_id]
    assert row["date"].date() == date
    assert (None if row["end_date"] != row["end_date"] else row["end_date"].date()) == end_date


@pytest.mark.parametrize("event_id, date, _end, _words", SEED_LIBERATIONS, ids=[fact[0] for fact in SEED_LIBERATIONS])
def test_map_frees_seed_towns_on_the_seed_date(events, refs, event_id, date, _end, _words):
    liberations = prefecture_liberations(events.reset_index(drop=True), refs.departments).set_index("event_id")
    assert liberations.loc[event_id, "liberated_on"].date() == date


@pytest.mark.parametrize("event_id, _date, _end, _words", SEED_FACTS, ids=[fact[0] for fact in SEED_FACTS])
def test_seed_row_cites_the_seed(events, event_id, _date, _end, _words):
    assert "Texte de référence du projet" in events.loc[event_id, "source"], event_id


def test_each_prefecture_is_freed_then_retaken_in_turn_and_ends_free(events, refs):
    # A second liberation row at a préfecture only makes sense after a recapture (Tulle, Guéret, June 1944).
    changes = prefecture_changes(events.reset_index(drop=True), refs.departments)
    for code in refs.departments["department_code"]:
        sequence = changes[changes["department_code"] == code]["change"].tolist()
        expected = ["freed", "retaken"] * (len(sequence) // 2) + ["freed"]
        assert sequence == expected, (code, sequence)


def test_corsica_is_freed_in_1943(events, refs):
    liberations = prefecture_liberations(events.reset_index(drop=True), refs.departments).set_index("department_code")
    assert liberations.loc["2A", "liberated_on"].year == 1943
    assert liberations.loc["2B", "liberated_on"].year == 1943


def test_every_point_lies_in_its_departement(events):
    geometries = geometry_by_code(read_geojson())
    outside = [
        (row.event_id, row.department_code, row.lat, row.lon)
        for row in events.itertuples()
        if row.department_code and not geometry_contains(geometries[row.department_code], row.lon, row.lat)
    ]
    assert outside == []


def test_every_row_has_a_source_and_only_prefecture_rows_may_be_unsourced(events, refs):
    assert (events["source"].str.strip() != "").all()
    unsourced = events[events["source"].map(is_unsourced)]
    prefecture_ids = set(prefecture_liberations(events.reset_index(drop=True), refs.departments)["event_id"])
    assert set(unsourced["event_id"]) <= prefecture_ids
    sourced_without_link = events[~events["source"].map(is_unsourced) & (events["source_url"] == "")]
    assert sourced_without_link.empty, list(sourced_without_link["event_id"])


def test_at_least_sixty_events_beyond_prefectures_and_seed(events, refs):
    prefecture_ids = set(prefecture_liberations(events.reset_index(drop=True), refs.departments)["event_id"])
    seed_ids = {fact[0] for fact in SEED_FACTS}
    assert len(set(events["event_id"]) - prefecture_ids - seed_ids) >= 60


@pytest.mark.parametrize("event_type", ["liberation", "landing", "insurrection", "battle", "massacre", "retaken", "surrender",
                                        "other"])
def test_every_event_type_is_represented(events, event_type):
    assert (events["event_type"] == event_type).any()


def test_titles_and_descriptions_in_both_languages(events):
    for column in ("title_fr", "title_en", "description_fr", "description_en"):
        assert (events[column].str.strip() != "").all(), column


def test_actor_vocabulary_is_complete(refs):
    actors = refs.actors
    assert actors["actor"].is_unique
    assert set(actors["force_type"]) == {"resistance", "french_army", "allied_army", "axis"}
    assert (actors["label_fr"].str.strip() != "").all() and (actors["label_en"].str.strip() != "").all()


def test_served_outlines_match_the_bundled_ones(refs):
    served = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))["features"]
    bundled = read_geojson()["features"]
    assert [f["properties"]["code"] for f in served] == [f["properties"]["code"] for f in bundled]
    assert [f["properties"]["i"] for f in served] == list(range(len(served)))
    assert sorted(f["properties"]["code"] for f in served) == sorted(refs.departments["department_code"])
