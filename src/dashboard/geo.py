"""Département outlines: reading them and testing whether a point lies inside one."""

from __future__ import annotations

import json
from pathlib import Path

from dashboard import resources
from dashboard.data import DATA_DIR

DEPARTMENTS_GEOJSON = DATA_DIR / "geo" / "departements-version-simplifiee.geojson"
STATIC_DIR = resources.static_dir()
STATIC_DEPARTMENTS_GEOJSON = STATIC_DIR / "departements.geojson"
# Where Streamlit's static file serving exposes static/departements.geojson to the browser.
STATIC_DEPARTMENTS_URL = "app/static/departements.geojson"

Ring = list[list[float]]


def read_geojson(path: Path = DEPARTMENTS_GEOJSON) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def polygons_of(geometry: dict) -> list[list[Ring]]:
    """A Polygon or MultiPolygon as a list of polygons, each a list of rings (outer first)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise ValueError(f"unsupported geometry type {geometry['type']}")


def ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd ray casting; good enough for simplified administrative outlines."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def geometry_contains(geometry: dict, lon: float, lat: float) -> bool:
    return any(
        ring_contains(polygon[0], lon, lat) and not any(ring_contains(hole, lon, lat) for hole in polygon[1:])
        for polygon in polygons_of(geometry)
    )


def geometry_by_code(collection: dict) -> dict[str, dict]:
    return {feature["properties"]["code"]: feature["geometry"] for feature in collection["features"]}


def simplify_for_web(collection: dict, decimals: int = 3) -> dict:
    """Round coordinates, drop the points that rounding makes repeat, number the features."""

    def ring(points: Ring) -> Ring:
        kept: Ring = []
        for lon, lat in points:
            point = [round(lon, decimals), round(lat, decimals)]
            if not kept or kept[-1] != point:
                kept.append(point)
        return kept

    features = []
    for index, feature in enumerate(collection["features"]):
        polygons = [[ring(r) for r in polygon] for polygon in polygons_of(feature["geometry"])]
        features.append(
            {
                "type": "Feature",
                # `i` lets the map colour feature i from the i-th letter of a short state string.
                "properties": {"i": index, "code": feature["properties"]["code"], "nom": feature["properties"]["nom"]},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {"type": "FeatureCollection", "features": features}
