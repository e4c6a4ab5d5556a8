"""Point in a département: inside, outside, in a hole, in the second part of a multipolygon; the
map's colour helpers."""

import pytest

from dashboard import geo, map_layers

SQUARE = [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]]
HOLE = [[1.0, 1.0], [3.0, 1.0], [3.0, 3.0], [1.0, 3.0]]
ISLAND = [[10.0, 10.0], [11.0, 10.0], [11.0, 11.0], [10.0, 11.0]]


@pytest.mark.parametrize("lon, lat, inside", [
    (2.0, 0.5, True), (0.5, 2.0, True), (3.9, 3.9, True),
    (-0.1, 2.0, False), (4.1, 2.0, False), (2.0, -0.1, False), (2.0, 4.1, False), (5.0, 5.0, False),
])
def test_a_point_is_inside_a_ring_or_not(lon, lat, inside):
    assert geo.ring_contains(SQUARE, lon, lat) is inside


def test_a_point_on_a_border_belongs_to_one_side_only():
    """A commune's point on the line between two départements is counted in exactly one of them."""
    left, right = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]], [[1.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 1.0]]
    for lat in (0.25, 0.5, 0.75):
        assert [geo.ring_contains(left, 1.0, lat), geo.ring_contains(right, 1.0, lat)].count(True) == 1


def test_a_triangle_leaves_out_the_corner_of_its_bounding_box():
    triangle = [[0.0, 0.0], [4.0, 0.0], [0.0, 4.0]]
    assert geo.ring_contains(triangle, 1.0, 1.0)
    assert not geo.ring_contains(triangle, 3.0, 3.0)


def test_a_point_in_a_hole_is_outside_the_polygon():
    polygon = {"type": "Polygon", "coordinates": [SQUARE, HOLE]}
    assert geo.geometry_contains(polygon, 0.5, 0.5)
    assert not geo.geometry_contains(polygon, 2.0, 2.0)


def test_every_part_of_a_multipolygon_counts():
    parts = {"type": "MultiPolygon", "coordinates": [[SQUARE], [ISLAND]]}
    assert geo.geometry_contains(parts, 10.5, 10.5) and geo.geometry_contains(parts, 2.0, 2.0)
    assert not geo.geometry_contains(parts, 7.0, 7.0)


def test_another_geometry_type_is_refused_by_name():
    with pytest.raises(ValueError, match="LineString"):
        geo.polygons_of({"type": "LineString", "coordinates": SQUARE})


def test_geometries_are_found_by_code():
    collection = {"features": [{"properties": {"code": "2A"}, "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}]}
    assert geo.geometry_by_code(collection) == {"2A": {"type": "Polygon", "coordinates": [SQUARE]}}


def test_the_served_outlines_are_listed_in_file_order():
    codes = map_layers.static_department_codes()
    features = geo.read_geojson(geo.STATIC_DEPARTMENTS_GEOJSON)["features"]
    assert codes == tuple(feature["properties"]["code"] for feature in features)
    assert len(set(codes)) == len(codes) == 96


@pytest.mark.parametrize("colour, alpha, rgba", [("#D55E00", 255, [213, 94, 0, 255]), ("0072B2", 80, [0, 114, 178, 80])])
def test_hex_colours_become_rgba(colour, alpha, rgba):
    assert map_layers.hex_to_rgba(colour, alpha) == rgba


def test_the_default_alpha_is_opaque():
    assert map_layers.hex_to_rgba("#000000") == [0, 0, 0, 255]


def test_a_point_takes_its_first_actors_force_or_other():
    forces = {"FFI": "resistance", "US Army": "allied_army"}
    assert map_layers.main_force_type(("US Army", "FFI"), forces) == "allied_army"
    assert map_layers.main_force_type(("Class actor", "FFI"), forces) == map_layers.OTHER_FORCE
    assert map_layers.main_force_type((), forces) == map_layers.OTHER_FORCE


def test_a_short_source_is_kept_whole_and_a_long_one_cut_at_the_limit():
    exact = "x" * map_layers.TOOLTIP_SOURCE_CHARS
    assert map_layers.short_source(exact) == exact
    cut = map_layers.short_source("word " * 30)
    assert cut.endswith("…") and len(cut) <= map_layers.TOOLTIP_SOURCE_CHARS and not cut[:-1].endswith(" ")
    assert map_layers.short_source("  Archives  ; Ville") == "Archives"


def test_served_outlines_keep_three_decimals_of_each_coordinate():
    ring = [[2.123456, 48.987654], [3.0, 48.0], [2.5, 49.5]]
    collection = {"features": [{"properties": {"code": "75", "nom": "Paris"},
                                "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    (feature,) = geo.simplify_for_web(collection)["features"]
    assert feature["geometry"]["coordinates"][0][0][0] == [2.123, 48.988]


@pytest.mark.parametrize("lon, inside", [(0.0, True), (0.5, True), (-0.5, True), (-2.0, False), (2.0, False)])
def test_a_point_level_with_two_corners_is_counted_once(lon, inside):
    diamond = [[0.0, -1.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]]
    assert geo.ring_contains(diamond, lon, 0.0) is inside


def test_every_hole_of_a_polygon_is_left_out():
    second_hole = [[3.2, 3.2], [3.8, 3.2], [3.8, 3.8], [3.2, 3.8]]
    small_hole = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]]
    polygon = {"type": "Polygon", "coordinates": [SQUARE, small_hole, second_hole]}
    assert not geo.geometry_contains(polygon, 0.5, 0.5) and not geo.geometry_contains(polygon, 3.5, 3.5)
    assert geo.geometry_contains(polygon, 2.0, 2.0)
