"""The place checks of one event row: département and région (derived for a class's table), and
coordinates, typed or found from the commune points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.columns import simplify
from dashboard.csvcheck import parse_float
from dashboard.geocode import MAX_SUGGESTED_MISSES, NotLocated
from dashboard.schema import LAT_RANGE, LON_RANGE, TableRules

if TYPE_CHECKING:
    from dashboard.event_rows import Context


class PlaceChecks:
    """Mixed into RowChecker, whose row, context, rules and `fail` these checks use."""

    row: dict[str, str]
    context: Context
    rules: TableRules

    def fail(self, column: str, fr: str, en: str) -> None:
        raise NotImplementedError

    def _department_and_region(self) -> tuple[str, str, bool]:
        """The département code and région as they will be kept, and whether the code is known."""
        code = self.row["department_code"].strip()
        region = self.row["region"].strip()
        context = self.context
        if self.rules.derive:
            code = code.upper()
            if code.isdigit() and len(code) == 1:
                code = "0" + code  # a spreadsheet drops the leading zero of 01…09
            region = context.region_named.get(simplify(region), region) if region else region
        regions = context.regions
        if not code and not region:
            return "", "", False  # a nationwide fact has neither département nor région
        if code and code not in context.region_of_department:
            hint_fr = hint_en = ""
            if code.isdigit() and len(code) == 1:
                hint_fr = f" Vouliez-vous dire « 0{code} » ? (les tableurs effacent le zéro initial)"
                hint_en = f" Did you mean '0{code}'? (spreadsheets drop the leading zero)"
            self.fail(
                "department_code",
                f"code de département « {code} » inconnu.{hint_fr}",
                f"unknown département code '{code}'.{hint_en}",
            )
            if region and region not in regions:
                self._unknown_region(region)
            return code, region, False
        if not region and code and self.rules.derive:
            return code, context.region_of_department[code], True
        if not region:  # the bundled table names it: say which one, not "unknown région ''"
            expected = context.region_of_department[code]
            self.fail(
                "region",
                f"région manquante : le département {code} est en région « {expected} ».",
                f"missing région: département {code} is in région '{expected}'.",
            )
        elif region not in regions:
            self._unknown_region(region)
        elif code and context.region_of_department[code] != region:
            expected = context.region_of_department[code]
            self.fail(
                "region",
                f"le département {code} est en région « {expected} », pas « {region} ».",
                f"département {code} is in région '{expected}', not '{region}'.",
            )
        return code, region, bool(code)

    def _unknown_region(self, region: str) -> None:
        self.fail(
            "region",
            f"région « {region} » inconnue (une des 13 régions métropolitaines, noms de 2016).",
            f"unknown région '{region}' (one of the 13 metropolitan régions, 2016 names).",
        )

    def _coordinates(self, code: str, region: str, department_ok: bool) -> tuple[float | None, float | None, str, str]:
        lat_text, lon_text = self.row["lat"].strip(), self.row["lon"].strip()
        if self.rules.derive and not lat_text and not lon_text:
            return self._locate(code, region, department_ok)
        return self._coordinate("lat", LAT_RANGE), self._coordinate("lon", LON_RANGE), code, region

    def _locate(self, code: str, region: str, department_ok: bool) -> tuple[float | None, float | None, str, str]:
        place = self.row["place"].strip()
        communes = self.context.communes
        if not place or (code and not department_ok) or communes is None:
            if communes is None and place:
                self.fail(
                    "lat", "coordonnées manquantes : indiquez lat et lon.", "missing coordinates: give lat and lon."
                )
            return None, None, code, region
        found = communes.locate(place, code, suggest=self.context.misses < MAX_SUGGESTED_MISSES)
        if isinstance(found, NotLocated):
            self.context.misses += 1
            self.fail("place", found.message_fr, found.message_en)
            return None, None, code, region
        commune = found.commune
        if not code:
            code = commune.department_code
            region = self.context.region_of_department.get(code, region)
        return commune.lat, commune.lon, code, region

    def _coordinate(self, column: str, allowed: tuple[float, float]) -> float | None:
        text = self.row[column].strip()
        if self.rules.derive and text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # French spreadsheets write a decimal comma
        value = parse_float(text)
        if value is None:
            self.fail(
                column,
                f"« {text} » n'est pas un nombre décimal (point décimal, ex. 48.8566).",
                f"'{text}' is not a decimal number (decimal point, e.g. 48.8566).",
            )
            return None
        if not allowed[0] <= value <= allowed[1]:
            self.fail(
                column,
                f"{value} est hors de la France métropolitaine ({allowed[0]} à {allowed[1]}).",
                f"{value} is outside metropolitan France ({allowed[0]} to {allowed[1]}).",
            )
            return None
        return value
