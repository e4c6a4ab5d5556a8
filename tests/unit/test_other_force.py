"""One fifth force type, "other": an actor outside the four, or no actor at all. The same
colour and label on the map, in the charts and in the filter, whatever table it comes from."""

import datetime as dt

import pytest

from dashboard import i18n, map_layers
from dashboard.player import player
from dashboard.player.points import decode_points, event_points
from dashboard.charts import multi_day_events
from dashboard.data import COLUMNS, FORCE_TYPES, OTHER_FORCE, parse_events
from dashboard.filters import View, filtered_events
from dashboard.geocode import load_communes
from dashboard.upload import read_own_table

HEADER = ",".join(COLUMNS)
# A civil fact of the bundled kind: type `other`, no actor.
VOTE = ("other-vote,1945-04-29,1945-05-13,other,Paris,75,Île-de-France,48.8566,2.3522,,Vote des femmes,Women vote,"
        "Test.,Test.,Test fixture,")
FFI = ("liberation-test,1944-08-25,,liberation,Paris,75,Île-de-France,48.8566,2.3522,FFI,Libération,Liberation,"
       "Test.,Test.,Test fixture,")


@pytest.fixture(scope="module")
def civil(refs):
    result = parse_events(f"{HEADER}\n{VOTE}\n{FFI}\n", refs)
    assert result.ok, [p.text("en") for p in result.problems]
    return result.events


def test_other_is_the_fifth_force_type_with_one_colour_and_one_label():
    assert FORCE_TYPES[-1] == OTHER_FORCE and FORCE_TYPES.count(OTHER_FORCE) == 1
    assert set(map_layers.FORCE_COLORS_HEX) == set(FORCE_TYPES)  # no colour for a nameless force
    assert len(set(map_layers.FORCE_COLORS_HEX.values())) == len(FORCE_TYPES)
    assert i18n.force_type_label(OTHER_FORCE, "fr") == "Autres forces, ou aucune"
    assert i18n.force_type_label(OTHER_FORCE, "en") == "Other forces, or none"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_player_legend_labels_every_colour_a_point_can_have(lang):
    colours, names = player.legend()["forces"], player.labels(lang)["forces"]
    assert len(colours) == len(names) == len(FORCE_TYPES)  # no unlabelled grey
    assert dict(zip(names, colours, strict=True))[i18n.force_type_label(OTHER_FORCE, lang)] == \
        map_layers.FORCE_COLORS_HEX[OTHER_FORCE]


def test_a_row_without_actor_involves_other_and_nothing_else(civil):
    vote = civil.set_index("event_id").loc["other-vote"]
    assert vote[f"involves_{OTHER_FORCE}"]
    assert not any(vote[f"involves_{force}"] for force in FORCE_TYPES if force != OTHER_FORCE)


def test_the_force_filter_finds_actor_less_rows_under_other(civil):
    only_other = filtered_events(civil, View(date=dt.date(1945, 12, 31), force_types=(OTHER_FORCE,)))
    assert list(only_other["event_id"]) == ["other-vote"]
    resistance = filtered_events(civil, View(date=dt.date(1945, 12, 31), force_types=("resistance",)))
    assert list(resistance["event_id"]) == ["liberation-test"]


def test_map_and_charts_draw_actor_less_rows_in_the_other_colour(civil, refs):
    view = View(date=dt.date(1945, 12, 31))
    first = civil["date"].min().date()
    points = decode_points(event_points(civil, View(date=first, lang="en"), first, refs.force_type_of_actor, {}))
    force_of_event = {point["title"]: point["force"] for point in points}
    titles = civil.set_index("event_id")["title_en"]
    assert force_of_event == {titles["other-vote"]: OTHER_FORCE, titles["liberation-test"]: refs.force_type_of_actor["FFI"]}
    durations = multi_day_events(civil, view, refs.force_type_of_actor)
    assert list(durations["force_type"]) == [OTHER_FORCE]


def test_a_class_actor_without_force_type_and_a_row_without_actor_share_the_other_type(refs):
    table = ("date;lieu;département;type;titre;acteurs\n"
             "1944-09-03;Lyon;69;libération;Lyon;Les voisins\n"
             "1944-09-04;Lyon;69;autre;Affiche;\n").encode("utf-8")
    communes = load_communes(frozenset(refs.departments["department_code"]))
    own = read_own_table(table, "classe.csv", refs, communes)
    assert own.result.ok, [p.text("en") for p in own.result.problems]
    assert own.refs.force_type_of_actor["Les voisins"] == OTHER_FORCE
    assert own.events[f"involves_{OTHER_FORCE}"].all()
    forces = [map_layers.main_force_type(actors, own.refs.force_type_of_actor) for actors in own.events["actor_list"]]
    assert forces == [OTHER_FORCE, OTHER_FORCE]
