"""One row of an event table checked cell by cell: every problem with its line (or cell) and
column, and the row's values parsed, derived (a class's own table) and typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.columns import canonical_event_type, canonical_force_type, simplify
from dashboard.csvcheck import parse_date
from dashboard.disputes import confidence_error, format_other_dates, parse_other_dates
from dashboard.geocode import Communes
from dashboard.problems import Problem
from dashboard.references import EVENT_TYPES, FORCE_TYPES, OTHER_FORCE, ReferenceTables
from dashboard.schema import (
    ACTOR_SEPARATOR,
    COLUMNS,
    EVENT_ID_PATTERN,
    FIRST_ALLOWED_DATE,
    LAST_ALLOWED_DATE,
    MAX_CELL_LENGTH,
    OPTIONAL_COLUMNS,
    URL_PATTERN,
    TableRules,
    read_day,
)
from dashboard.row_places import PlaceChecks
from dashboard.table_header import Header


class RowChecker(PlaceChecks):
    """Checks one row's cells; collects problems and the parsed values."""

    def __init__(self, line: int, row: dict[str, str], context: Context):
        self.line = line
        self.row = row
        self.context = context
        self.rules = context.rules
        self.problems: list[Problem] = []
        self.new_actors: dict[str, str] = {}

    def fail(self, column: str, fr: str, en: str) -> None:
        name, cell = self.context.header.where(self.line, column)
        self.problems.append(Problem(self.line, name, fr, en, sheet=self.context.header.table.sheet, cell=cell))

    def check(self) -> dict[str, Any] | None:
        row = self.row
        for column, value in row.items():
            if len(value) > MAX_CELL_LENGTH:
                self.fail(
                    column,
                    f"cellule trop longue ({len(value)} caractères, maximum {MAX_CELL_LENGTH}).",
                    f"cell too long ({len(value)} characters, at most {MAX_CELL_LENGTH}).",
                )
        if self.problems:
            return None  # a pasted book or an attack: its content is not worth more messages
        event_id = row["event_id"]
        if not EVENT_ID_PATTERN.fullmatch(event_id):
            self.fail(
                "event_id",
                f"identifiant « {event_id} » invalide : minuscules, chiffres et tirets (ex. liberation-paris).",
                f"invalid id '{event_id}': lowercase letters, digits and hyphens (e.g. liberation-paris).",
            )
        date = self._date("date", required=True)
        end_date = self._date("end_date", required=False)
        if date and end_date and end_date < date:
            self.fail(
                "end_date",
                f"la date de fin {end_date} est antérieure à la date {date}.",
                f"end date {end_date} is before date {date}.",
            )
        event_type = canonical_event_type(row["event_type"]) if self.rules.aliases else row["event_type"]
        if event_type not in EVENT_TYPES:
            self.fail(
                "event_type",
                f"type « {row['event_type']} » inconnu ; attendu : {', '.join(EVENT_TYPES)}.",
                f"unknown type '{row['event_type']}'; expected one of: {', '.join(EVENT_TYPES)}.",
            )
        for column in ("place",) + (("source",) if self.rules.source_required else ()):
            if not row[column].strip():
                self.fail(column, "cellule vide : elle est obligatoire.", "empty cell: it is required.")
        titles = self._texts("title_fr", "title_en", required=True)
        descriptions = self._texts("description_fr", "description_en", required=False)
        code, region, department_ok = self._department_and_region()
        lat, lon, code, region = self._coordinates(code, region, department_ok)
        actors, forces = self._actors()
        other_dates = self._other_dates()
        self._confidence()
        url = row["source_url"].strip()
        if url and not URL_PATTERN.fullmatch(url):
            self.fail(
                "source_url",
                "lien invalide : il doit commencer par http:// ou https://.",
                "invalid link: it must start with http:// or https://.",
            )
        if self.problems or date is None:  # a missing date is a problem: the second test is for the type checker
            return None
        self.context.extra_actors.update(self.new_actors)
        return {
            **{column: row[column].strip() for column in COLUMNS + OPTIONAL_COLUMNS},
            "other_dates": other_dates,
            **titles,
            **descriptions,
            "event_type": event_type,
            "department_code": code,
            "region": region,
            "date": pd.Timestamp(date),
            "end_date": pd.Timestamp(end_date) if end_date else pd.NaT,
            "lat": lat,
            "lon": lon,
            "actor_list": tuple(actors),
            **{f"involves_{force}": force in forces for force in FORCE_TYPES},
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
                self.fail(
                    column,
                    "date manquante (format AAAA-MM-JJ ou JJ/MM/AAAA).",
                    "missing date (format YYYY-MM-DD or DD/MM/YYYY).",
                )
            return None
        if self.rules.derive:  # a class's own table: 25/08/1944 as well, and why 25/08/44 is not
            day, why_fr, why_en = read_day(text)
        else:
            day = parse_date(text)
            why_fr = f"date « {text} » invalide : format AAAA-MM-JJ d'un jour qui existe."
            why_en = f"invalid date '{text}': YYYY-MM-DD format, a day that exists."
        if day is None:
            self.fail(column, why_fr, why_en)
            return None
        if not FIRST_ALLOWED_DATE <= day <= LAST_ALLOWED_DATE:
            self.fail(
                column,
                f"date {text} hors de la période couverte ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
                f"date {text} outside the period covered ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
            )
            return None
        return day

    def _texts(self, french: str, english: str, required: bool) -> dict[str, str]:
        """Both languages; a class's own table may give one, shown in both."""
        fr_text, en_text = self.row[french].strip(), self.row[english].strip()
        if not self.rules.derive:
            if required:
                for column in (french, english):
                    if not self.row[column].strip():
                        self.fail(column, "cellule vide : elle est obligatoire.", "empty cell: it is required.")
            return {french: fr_text, english: en_text}
        if required and not (fr_text or en_text):
            column = french if french in self.context.header.index_of else english
            self.fail(
                column, "titre vide : chaque événement a besoin d'un titre.", "empty title: every event needs a title."
            )
        return {french: fr_text or en_text, english: en_text or fr_text}

    def _actors(self) -> tuple[list[str], set[str]]:
        """The actors and the force types they bring."""
        names = [name.strip() for name in self.row["actors"].split(ACTOR_SEPARATOR) if name.strip()]
        if self.rules.aliases:  # "ffi" or "Armée française" name the actors of actors.csv
            names = [self.context.actor_named.get(simplify(name), name) for name in names]
        force_of_actor = self.context.force_of_actor
        own_force = self._own_force_type()
        if not names:
            # A civil or political fact (an ordinance, a vote, the return of deportees) involves
            # no armed force: only `other` rows may leave the column empty in the bundled table.
            # With no actor, a row counts under the fifth force type, "other forces, or none".
            if self.rules.actors_required and self.row["event_type"].strip() != "other":
                self.fail(
                    "actors",
                    "aucun acteur : indiquez au moins un nom de data/actors.csv "
                    "(seul un fait de type « other » peut n'en avoir aucun).",
                    "no actor: give at least one name from data/actors.csv (only an 'other' fact may have none).",
                )
            return [], {own_force or OTHER_FORCE}
        unknown = [name for name in names if name not in force_of_actor]
        if not self.rules.unknown_actors:
            for name in unknown:
                self.fail(
                    "actors",
                    f"acteur « {name} » absent de data/actors.csv.",
                    f"actor '{name}' is not in data/actors.csv.",
                )
            if unknown:
                return [], set()
        # The first valid row naming an actor gives it its force type, for the whole table.
        extra = self.context.extra_actors
        self.new_actors = {name: own_force or OTHER_FORCE for name in unknown if name not in extra}
        forces = {force_of_actor.get(name) or extra.get(name) or self.new_actors[name] for name in names}
        return names, forces

    def _own_force_type(self) -> str | None:
        text = self.row.get("force_type", "").strip()
        if not text:
            return None
        force = canonical_force_type(text)
        if force not in FORCE_TYPES:
            self.fail(
                "force_type",
                f"type de force « {text} » inconnu ; attendu : {', '.join(FORCE_TYPES)}.",
                f"unknown force type '{text}'; expected one of: {', '.join(FORCE_TYPES)}.",
            )
            return None
        return force


@dataclass
class Context:
    """What every row of one table is checked against, built once per table."""

    rules: TableRules
    header: Header
    refs: ReferenceTables
    communes: Communes | None
    force_of_actor: dict[str, str] = field(init=False)
    region_of_department: dict[str, str] = field(init=False)
    regions: tuple[str, ...] = field(init=False)
    region_named: dict[str, str] = field(init=False)
    actor_named: dict[str, str] = field(init=False)  # simplified name or label -> actor
    extra_actors: dict[str, str] = field(default_factory=dict)
    misses: int = 0

    def __post_init__(self) -> None:
        self.force_of_actor = self.refs.force_type_of_actor
        self.region_of_department = self.refs.region_of_department
        self.regions = self.refs.regions
        self.region_named = {simplify(region): region for region in self.regions}
        actors = self.refs.actors
        self.actor_named = {
            simplify(str(name)): actor
            for column in ("label_en", "label_fr", "actor")
            for name, actor in zip(actors[column], actors["actor"], strict=True)
        }
