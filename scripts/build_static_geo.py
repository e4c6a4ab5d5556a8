"""Write static/departements.geojson, the web copy of the département outlines."""

import json

from dashboard.geo import DEPARTMENTS_GEOJSON, STATIC_DEPARTMENTS_GEOJSON, read_geojson, simplify_for_web

if __name__ == "__main__":
    web = simplify_for_web(read_geojson(DEPARTMENTS_GEOJSON))
    STATIC_DEPARTMENTS_GEOJSON.parent.mkdir(exist_ok=True)
    STATIC_DEPARTMENTS_GEOJSON.write_text(json.dumps(web, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {STATIC_DEPARTMENTS_GEOJSON} ({STATIC_DEPARTMENTS_GEOJSON.stat().st_size} bytes)")
