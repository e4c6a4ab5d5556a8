"""What a valid row of the event table is: its columns, the period and the area the atlas covers,
and the checker that parses one row's cells or says, column by column, what is wrong with them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from dashboard.csvcheck import Problem, parse_date, parse_float
from dashboard.disputes import confidence_error, format_other_dates, parse_other_dates
from dashboard.references import EVENT_TYPES, FORCE_TYPES, ReferenceTables

COLUMNS = (
    "event_id", "date", "end_date", "event_type", "place", "department_code", "region",
    "lat", "lon", "actors", "title_fr", "title_en", "description_fr", "description_en",
    "source", "source_url",
)
# Columns a table may leave out (a teacher's table rarely has them); see disputes.py.
OPTIONAL_COLUMNS = ("other_dates", "confidence")
ACTOR_SEPARATOR = ";"
UNSOURCED_PREFIX = "unsourced"

# The period the atlas covers, with a margin: Glières (early 1944) and Corsica (1943) belong,
# a typo like 1494 or 2044 does not.
FIRST_ALLOWED_DATE = dt.date(1943, 1, 1)
LAST_ALLOWED_DATE = dt.date(1945, 12, 31)
# Metropolitan France with Corsica, in WGS84 degrees.
LAT_RANGE = (41.3, 51.2)
LON_RANGE = (-5.3, 9.7)

EVENT_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# A cell longer than this is almost certainly a paste accident or an attack on the page.
MAX_CELL_LENGTH = 2000


class RowChecker:
    """Checks one row's cells; collects problems and the parsed values."""

    def __init__(self, line: int, row: dict[str, str], refs: ReferenceTables,
                 force_of_actor: dict[str, str], region_of_department: dict[str, str]):
        self.line = line
        self.row = row
        self.refs = refs
        self.force_of_actor = force_of_actor
        self.region_of_department = region_of_department
        self.problems: list[Problem] = []

    def fail(self, column: str, fr: str, en: str) -> None:
        self.problems.append(Problem(self.line, column, fr, en))

    def check(self) -> dict[str, Any] | None:
        row = self.row
        for column, value in row.items():
            if len(value) > MAX_CELL_LENGTH:
                self.fail(column, f"cellule trop longue ({len(value)} caractères, maximum {MAX_CELL_LENGTH}).",
                          f"cell too long ({len(value)} characters, at most {MAX_CELL_LENGTH}).")
        event_id = row["event_id"]
        if not EVENT_ID_PATTERN.fullmatch(event_id):
            self.fail("event_id",
                      f"identifiant « {event_id} » invalide : minuscules, chiffres et tirets (ex. liberation-paris).",
                      f"invalid id '{event_id}': lowercase letters, digits and hyphens (e.g. liberation-paris).")
        date = self._date("date", required=True)
        end_date = self._date("end_date", required=False)
        if date and end_date and end_date < date:
            self.fail("end_date", f"la date de fin {end_date} est antérieure à la date {date}.",
                      f"end date {end_date} is before date {date}.")
        if row["event_type"] not in EVENT_TYPES:
            self.fail("event_type", f"type « {row['event_type']} » inconnu ; attendu : {', '.join(EVENT_TYPES)}.",
                      f"unknown type '{row['event_type']}'; expected one of: {', '.join(EVENT_TYPES)}.")
        self._department_and_region()
        lat = self._coordinate("lat", LAT_RANGE)
        lon = self._coordinate("lon", LON_RANGE)
        actors = self._actors()
        for column in ("place", "title_fr", "title_en", "source"):
            if not row[column].strip():
                self.fail(column, "cellule vide : elle est obligatoire.", "empty cell: it is required.")
        other_dates = self._other_dates()
        self._confidence()
        url = row["source_url"].strip()
        if url and not URL_PATTERN.fullmatch(url):
            self.fail("source_url", "lien invalide : il doit commencer par http:// ou https://.",
                      "invalid link: it must start with http:// or https://.")
        if self.problems or date is None:  # a missing date is a problem: the second test is for the type checker
            return None
        return {
            **{column: row[column].strip() for column in COLUMNS + OPTIONAL_COLUMNS},
            "other_dates": other_dates,
            "date": pd.Timestamp(date),
            "end_date": pd.Timestamp(end_date) if end_date else pd.NaT,
            "lat": lat,
            "lon": lon,
            "actor_list": tuple(actors),
            **{f"involves_{force}": any(self.force_of_actor[a] == force for a in actors)
               for force in FORCE_TYPES},
            "line": self.line,
        }

    def _other_dates(self) -> str:
        """The cell rewritten in its canonical form (entries in order, single spaces)."""
        dates, errors = parse_other_dates(self.row["other_dates"], FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE)
        for error in errors:
            self.fail("other_dates", error.message_fr, error.message_en)
        return format_other_dates(dates)

    def _confidence(self) -> None:
        message = confidence_error(self.row["confidence"].strip())
        if message:
            self.fail("confidence", *message)

    def _date(self, column: str, required: bool) -> dt.date | None:
        text = self.row[column].strip()
        if not text:
            if required:
                self.fail(column, "date manquante (format AAAA-MM-JJ).", "missing date (format YYYY-MM-DD).")
            return None
        day = parse_date(text)
        if day is None:
            self.fail(column, f"date « {text} » invalide : format AAAA-MM-JJ d'un jour qui existe.",
                      f"invalid date '{text}': YYYY-MM-DD format, a day that exists.")
            return None
        if not FIRST_ALLOWED_DATE <= day <= LAST_ALLOWED_DATE:
            self.fail(column, f"date {text} hors de la période couverte ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
                      f"date {text} outside the period covered ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).")
            return None
        return day

    def _department_and_region(self) -> None:
        code = self.row["department_code"].strip()
        region = self.row["region"].strip()
        regions = self.refs.regions
        if not code and not region:
            return  # a nationwide fact has neither département nor région
        if region not in regions:
            self.fail("region", f"région « {region} » inconnue (une des 13 régions métropolitaines, noms de 2016).",
                      f"unknown région '{region}' (one of the 13 metropolitan régions, 2016 names).")
        if not code:
            return  # a regional fact has no département
        if code not in self.region_of_department:
            hint_fr = hint_en = ""
            if code.isdigit() and len(code) == 1:
                hint_fr = f" Vouliez-vous dire « 0{code} » ? (les tableurs effacent le zéro initial)"
                hint_en = f" Did you mean '0{code}'? (spreadsheets drop the leading zero)"
            self.fail("department_code", f"code de département « {code} » inconnu.{hint_fr}",
                      f"unknown département code '{code}'.{hint_en}")
        elif region in regions and self.region_of_department[code] != region:
            expected = self.region_of_department[code]
            self.fail("region", f"le département {code} est en région « {expected} », pas « {region} ».",
                      f"département {code} is in région '{expected}', not '{region}'.")

    def _coordinate(self, column: str, allowed: tuple[float, float]) -> float | None:
        text = self.row[column].strip()
        value = parse_float(text)
        if value is None:
            self.fail(column, f"« {text} » n'est pas un nombre décimal (point décimal, ex. 48.8566).",
                      f"'{text}' is not a decimal number (decimal point, e.g. 48.8566).")
            return None
        if not allowed[0] <= value <= allowed[1]:
            self.fail(column, f"{value} est hors de la France métropolitaine ({allowed[0]} à {allowed[1]}).",
                      f"{value} is outside metropolitan France ({allowed[0]} to {allowed[1]}).")
            return None
        return value

    def _actors(self) -> list[str]:
        names = [name.strip() for name in self.row["actors"].split(ACTOR_SEPARATOR) if name.strip()]
        # A civil or political fact (an ordinance, a vote, the return of deportees) involves no
        # armed force: only `other` rows may leave the column empty.
        if not names and self.row["event_type"] != "other":
            self.fail("actors", "aucun acteur : indiquez au moins un nom de data/actors.csv (seul un fait de type « other » peut n'en avoir aucun).",
                      "no actor: give at least one name from data/actors.csv (only an 'other' fact may have none).")
        unknown = [name for name in names if name not in self.force_of_actor]
        for name in unknown:
            self.fail("actors", f"acteur « {name} » absent de data/actors.csv.",
                      f"actor '{name}' is not in data/actors.csv.")
        return [] if unknown else names
