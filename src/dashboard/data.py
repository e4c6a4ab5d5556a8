"""Load and validate an event table (the bundled one or a teacher's own).

The loader never raises on bad content: it reads every line, keeps the rows that are valid,
and returns every problem at once, each naming the CSV line (or spreadsheet cell) and column in
French and English. Nothing is coerced silently: all cells are read as text and parsed here, so
a "1944-02-30" is reported, not guessed. The rules differ for the bundled table (every column,
strict) and a class's own (see TableRules): what the latter may leave out is derived, openly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.disputes import confidence_error, format_other_dates, parse_other_dates
from dashboard.columns import COLUMN_ALIASES, canonical_column, canonical_event_type, canonical_force_type, simplify
from dashboard.geocode import MAX_SUGGESTED_MISSES, Communes, NotLocated
from dashboard.problems import Problem, ProblemList
from dashboard.reading import Deadline, TextTable, read_csv_text

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
EVENTS_CSV = DATA_DIR / "events.csv"
ACTORS_CSV = DATA_DIR / "actors.csv"
DEPARTMENTS_CSV = DATA_DIR / "departements.csv"

COLUMNS = (
    "event_id", "date", "end_date", "event_type", "place", "department_code", "region",
    "lat", "lon", "actors", "title_fr", "title_en", "description_fr", "description_en",
    "source", "source_url",
)
# Columns a table may leave out (a teacher's table rarely has them); see disputes.py.
OPTIONAL_COLUMNS = ("other_dates", "confidence")
# `retaken`: the German army took back a place that had been freed (Tulle, June 1944); the map
# then shows it as retaken, not as if nothing had happened.
EVENT_TYPES = ("liberation", "landing", "insurrection", "battle", "massacre", "retaken", "surrender", "other")
# "other": the actors a class's own table brings without saying who they fought for.
FORCE_TYPES = ("resistance", "french_army", "allied_army", "axis", "other")
OTHER_FORCE = "other"
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


@dataclass(frozen=True)
class ReferenceTables:
    """The vocabularies an event table is checked against."""

    actors: pd.DataFrame  # actor, force_type, label_fr, label_en
    departments: pd.DataFrame  # department_code, department_name, region, prefecture

    @property
    def force_type_of_actor(self) -> dict[str, str]:
        return dict(zip(self.actors["actor"], self.actors["force_type"]))

    @property
    def region_of_department(self) -> dict[str, str]:
        return dict(zip(self.departments["department_code"], self.departments["region"]))

    def with_actors(self, extra: dict[str, str]) -> "ReferenceTables":
        """These tables plus a class's own actors (labelled by their own name)."""
        if not extra:
            return self
        added = pd.DataFrame({"actor": list(extra), "force_type": list(extra.values()),
                              "label_fr": list(extra), "label_en": list(extra)})
        return ReferenceTables(pd.concat([self.actors, added], ignore_index=True), self.departments)

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted(self.departments["region"].unique()))


@dataclass
class LoadResult:
    """The valid rows as a typed DataFrame, and the problems found: the first
    MAX_REPORTED_PROBLEMS of them, and how many there are in all."""

    events: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    total_rows: int = 0
    problem_count: int = 0
    notices: list[Problem] = field(default_factory=list)  # worth saying, not a problem
    extra_actors: dict[str, str] = field(default_factory=dict)  # actor -> force type, not in actors.csv

    @property
    def ok(self) -> bool:
        return not self.problems


def read_reference_csv(path: Path) -> pd.DataFrame:
    # dtype=str and no NA parsing: "01" stays "01" and an empty cell stays "".
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_reference_tables(data_dir: Path = DATA_DIR) -> ReferenceTables:
    return ReferenceTables(
        actors=read_reference_csv(data_dir / "actors.csv"),
        departments=read_reference_csv(data_dir / "departements.csv"),
    )


@dataclass(frozen=True)
class TableRules:
    """What a table must hold. The bundled table is complete and strict; a class's own table
    may name its columns in French and leave out what can be derived (id, région, coordinates,
    the other language's title), and may bring actors of its own."""

    required: tuple[str, ...]
    aliases: bool  # column names and vocabularies through dashboard.columns
    unknown_columns_are_problems: bool
    derive: bool  # fill event_id, région, lat/lon, the other title; accept 25/08/1944-style leniency
    source_required: bool
    actors_required: bool
    unknown_actors: bool  # accepted, with the row's force_type or as "other"


BUNDLED_RULES = TableRules(required=COLUMNS, aliases=False, unknown_columns_are_problems=True, derive=False,
                           source_required=True, actors_required=True, unknown_actors=False)
OWN_TABLE_RULES = TableRules(required=("date", "place", "event_type"), aliases=True,
                             unknown_columns_are_problems=False, derive=True, source_required=False,
                             actors_required=False, unknown_actors=True)
# Columns only a class's own table may have: the force type of its own actors.
OWN_TABLE_COLUMNS = COLUMNS + OPTIONAL_COLUMNS + ("force_type",)
TITLE_COLUMNS = ("title_fr", "title_en")
# Checked every this many rows: the deadline costs a clock read, not one per row.
DEADLINE_EVERY = 2000

_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DAY_FIRST_SHORT_YEAR = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](\d{2})")
_ISO_WITH_MIDNIGHT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?")


def _problem(line: int | None, column: str | None, fr: str, en: str) -> Problem:
    return Problem(line, column, fr, en)


def _decode(raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, _problem(
            line, None,
            "le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »).",
            "the file is not UTF-8 (save it as 'CSV UTF-8').",
        )


def parse_date(text: str) -> tuple[dt.date | None, str, str]:
    """A day from '1944-08-25' or '25/08/1944', or None and why not (FR, EN). '25/08/44' is
    refused: 44 could be 1944 or 2044, and a spreadsheet would guess."""
    iso = _ISO_WITH_MIDNIGHT.fullmatch(text)
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if iso:
            return dt.date.fromisoformat(iso.group(1)), "", ""
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            return dt.date(year, month, day), "", ""
    except ValueError:
        pass
    short_year = _DAY_FIRST_SHORT_YEAR.fullmatch(text)
    if short_year:
        return (None,
                f"date « {text} » refusée : l'année n'a que deux chiffres ({short_year.group(1)} : 19{short_year.group(1)} "
                f"ou 20{short_year.group(1)} ?) ; écrivez-la en entier, ex. 25/08/1944 ou 1944-08-25.",
                f"date '{text}' refused: the year has only two digits ({short_year.group(1)}: 19{short_year.group(1)} "
                f"or 20{short_year.group(1)}?); write it in full, e.g. 25/08/1944 or 1944-08-25.")
    return (None,
            f"date « {text} » invalide : format AAAA-MM-JJ ou JJ/MM/AAAA d'un jour qui existe.",
            f"invalid date '{text}': YYYY-MM-DD or DD/MM/YYYY format, a day that exists.")


def _parse_date(text: str) -> dt.date | None:
    return parse_date(text)[0]


def _parse_float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


class _Header:
    """Which file column holds which of our columns, and the name the file gives it."""

    def __init__(self, table: TextTable, rules: TableRules):
        self.table = table
        self.index_of: dict[str, int] = {}
        self.name_of: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        line = table.header_line
        known = OWN_TABLE_COLUMNS if rules.aliases else COLUMNS + OPTIONAL_COLUMNS
        names = [name.strip() for name in table.header]
        duplicated: dict[str, list[str]] = {}
        unknown = []
        for index, name in enumerate(names):
            canonical = canonical_column(name) if rules.aliases else (name if name in known else None)
            if canonical is None:
                if name:
                    unknown.append(name)
                continue
            if canonical in self.index_of:
                duplicated.setdefault(canonical, [self.name_of[canonical]]).append(name)
                continue
            self.index_of[canonical] = index
            self.name_of[canonical] = name
        missing = [c for c in rules.required if c not in self.index_of]
        if rules.derive and not any(c in self.index_of for c in TITLE_COLUMNS):
            missing.append("title_fr")
        for column in missing:
            hint_fr = hint_en = ""
            if rules.aliases:
                accepted = ", ".join((column,) + COLUMN_ALIASES.get(column, ())[:3])
                if column == "title_fr":
                    accepted = "titre, title_fr, title, title_en"
                hint_fr, hint_en = f" (noms acceptés : {accepted})", f" (accepted names: {accepted})"
            self.problems.append(self._at(line, column, f"colonne obligatoire absente de l'en-tête{hint_fr}.",
                                          f"required column missing from the header{hint_en}."))
        if unknown and rules.unknown_columns_are_problems:
            for name in unknown:
                expected = ", ".join(COLUMNS + OPTIONAL_COLUMNS)
                self.problems.append(self._at(line, name, f"colonne inconnue ; colonnes attendues : {expected}.",
                                              f"unknown column; expected columns: {expected}."))
        elif unknown:
            shown = ", ".join(unknown[:20]) + (" …" if len(unknown) > 20 else "")
            self.notices.append(self._at(line, None, f"colonnes ignorées (noms non reconnus) : {shown}.",
                                         f"columns left aside (names not recognised): {shown}."))
        for canonical, found in duplicated.items():
            if rules.aliases and len(set(found)) > 1:
                fr = f"colonnes « {' », « '.join(found)} » : elles désignent la même colonne ({canonical}) ; gardez-en une."
                en = f"columns '{', '.join(found)}' all name the same column ({canonical}); keep one."
            else:
                fr, en = "colonne présente deux fois.", "column appears twice."
            self.problems.append(self._at(line, found[0], fr, en))

    def _at(self, line: int, column: str | None, fr: str, en: str) -> Problem:
        return Problem(line, column, fr, en, sheet=self.table.sheet)

    def where(self, line: int, column: str) -> tuple[str, str | None]:
        """The column's name in the file, and the spreadsheet cell reference."""
        index = self.index_of.get(column)
        cell = self.table.cell_reference(line, index) if index is not None else None
        return self.name_of.get(column, column), cell


class _RowChecker:
    """Checks one row's cells; collects problems and the parsed values."""

    def __init__(self, line: int, row: dict[str, str], context: "_Context"):
        self.line = line
        self.row = row
        self.context = context
        self.rules = context.rules
        self.problems: list[Problem] = []
        self.new_actors: dict[str, str] = {}

    def fail(self, column: str, fr: str, en: str) -> None:
        name, cell = self.context.header.where(self.line, column)
        self.problems.append(Problem(self.line, name, fr, en, sheet=self.context.header.table.sheet, cell=cell))

    def check(self) -> dict | None:
        row = self.row
        for column, value in row.items():
            if len(value) > MAX_CELL_LENGTH:
                self.fail(column, f"cellule trop longue ({len(value)} caractères, maximum {MAX_CELL_LENGTH}).",
                          f"cell too long ({len(value)} characters, at most {MAX_CELL_LENGTH}).")
        if self.problems:
            return None  # a pasted book or an attack: its content is not worth more messages
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
        event_type = canonical_event_type(row["event_type"]) if self.rules.aliases else row["event_type"]
        if event_type not in EVENT_TYPES:
            self.fail("event_type", f"type « {row['event_type']} » inconnu ; attendu : {', '.join(EVENT_TYPES)}.",
                      f"unknown type '{row['event_type']}'; expected one of: {', '.join(EVENT_TYPES)}.")
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
            self.fail("source_url", "lien invalide : il doit commencer par http:// ou https://.",
                      "invalid link: it must start with http:// or https://.")
        if self.problems:
            return None
        self.context.extra_actors.update(self.new_actors)
        return {
            **{column: row[column].strip() for column in COLUMNS + OPTIONAL_COLUMNS},
            "other_dates": other_dates,
            **titles, **descriptions,
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
                self.fail(column, "date manquante (format AAAA-MM-JJ ou JJ/MM/AAAA).",
                          "missing date (format YYYY-MM-DD or DD/MM/YYYY).")
            return None
        day, why_fr, why_en = parse_date(text)
        if day is None:
            self.fail(column, why_fr, why_en)
            return None
        if not FIRST_ALLOWED_DATE <= day <= LAST_ALLOWED_DATE:
            self.fail(column, f"date {text} hors de la période couverte ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
                      f"date {text} outside the period covered ({FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).")
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
            self.fail(column, "titre vide : chaque événement a besoin d'un titre.", "empty title: every event needs a title.")
        return {french: fr_text or en_text, english: en_text or fr_text}

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
            self.fail("department_code", f"code de département « {code} » inconnu.{hint_fr}",
                      f"unknown département code '{code}'.{hint_en}")
            if region and region not in regions:
                self._unknown_region(region)
            return code, region, False
        if not region and code and self.rules.derive:
            return code, context.region_of_department[code], True
        if region not in regions:
            self._unknown_region(region)
        elif code and context.region_of_department[code] != region:
            expected = context.region_of_department[code]
            self.fail("region", f"le département {code} est en région « {expected} », pas « {region} ».",
                      f"département {code} is in région '{expected}', not '{region}'.")
        return code, region, bool(code)

    def _unknown_region(self, region: str) -> None:
        self.fail("region", f"région « {region} » inconnue (une des 13 régions métropolitaines, noms de 2016).",
                  f"unknown région '{region}' (one of the 13 metropolitan régions, 2016 names).")

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
                self.fail("lat", "coordonnées manquantes : indiquez lat et lon.", "missing coordinates: give lat and lon.")
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
        value = _parse_float(text)
        if value is None:
            self.fail(column, f"« {text} » n'est pas un nombre décimal (point décimal, ex. 48.8566).",
                      f"'{text}' is not a decimal number (decimal point, e.g. 48.8566).")
            return None
        if not allowed[0] <= value <= allowed[1]:
            self.fail(column, f"{value} est hors de la France métropolitaine ({allowed[0]} à {allowed[1]}).",
                      f"{value} is outside metropolitan France ({allowed[0]} to {allowed[1]}).")
            return None
        return value

    def _actors(self) -> tuple[list[str], set[str]]:
        """The actors and the force types they bring."""
        names = [name.strip() for name in self.row["actors"].split(ACTOR_SEPARATOR) if name.strip()]
        if self.rules.aliases:  # "ffi" or "Armée française" name the actors of actors.csv
            names = [self.context.actor_named.get(simplify(name), name) for name in names]
        force_of_actor = self.context.force_of_actor
        own_force = self._own_force_type()
        if not names:
            if self.rules.actors_required:
                self.fail("actors", "aucun acteur : indiquez au moins un nom de data/actors.csv.",
                          "no actor: give at least one name from data/actors.csv.")
            return [], {own_force} if own_force else set()
        unknown = [name for name in names if name not in force_of_actor]
        if not self.rules.unknown_actors:
            for name in unknown:
                self.fail("actors", f"acteur « {name} » absent de data/actors.csv.",
                          f"actor '{name}' is not in data/actors.csv.")
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
            self.fail("force_type", f"type de force « {text} » inconnu ; attendu : {', '.join(FORCE_TYPES)}.",
                      f"unknown force type '{text}'; expected one of: {', '.join(FORCE_TYPES)}.")
            return None
        return force


@dataclass
class _Context:
    """What every row of one table is checked against, built once per table."""

    rules: TableRules
    header: _Header
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
        self.actor_named = {simplify(str(name)): actor for column in ("label_en", "label_fr", "actor")
                            for name, actor in zip(actors[column], actors["actor"])}


def empty_events_frame() -> pd.DataFrame:
    frame = pd.DataFrame({column: pd.Series(dtype=str) for column in COLUMNS + OPTIONAL_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    frame["end_date"] = pd.Series(dtype="datetime64[ns]")
    frame["lat"] = pd.Series(dtype=float)
    frame["lon"] = pd.Series(dtype=float)
    frame["actor_list"] = pd.Series(dtype=object)
    for force in FORCE_TYPES:
        frame[f"involves_{force}"] = pd.Series(dtype=bool)
    frame["line"] = pd.Series(dtype=int)
    return frame


def validate_table(table: TextTable, refs: ReferenceTables, rules: TableRules = BUNDLED_RULES,
                   communes: Communes | None = None, deadline: Deadline | None = None) -> LoadResult:
    """Check every row of a table read as text; keep the valid ones, report every problem."""
    deadline = deadline or Deadline()
    header = _Header(table, rules)
    problems = ProblemList()
    problems.extend(header.problems)
    if header.problems:
        return LoadResult(empty_events_frame(), problems.kept, 0, problems.count, header.notices)

    context = _Context(rules, header, refs, communes)
    columns = OWN_TABLE_COLUMNS if rules.aliases else COLUMNS + OPTIONAL_COLUMNS
    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    width = len(table.header)
    for count, source in enumerate(table.rows, start=1):
        line = source.line
        if count % DEADLINE_EVERY == 0 and deadline.passed():
            problems.add(deadline.problem(line, table.sheet))
            break
        cells = source.cells
        if len(cells) != width:
            problems.add(Problem(line, None,
                                 f"{len(cells)} cellules au lieu de {width} (un séparateur en trop ou un guillemet manquant ?).",
                                 f"{len(cells)} cells instead of {width} (an extra separator or a missing quote?)."))
            continue
        row = {column: (cells[header.index_of[column]] if column in header.index_of else "") for column in columns}
        event_id = row["event_id"].strip()
        if not event_id and rules.derive:
            event_id = row["event_id"] = f"row-{line}"
        if event_id in first_line_of_id:
            name, cell = header.where(line, "event_id")
            problems.add(Problem(line, name, f"identifiant « {event_id} » déjà utilisé ligne {first_line_of_id[event_id]}.",
                                 f"id '{event_id}' already used on line {first_line_of_id[event_id]}.",
                                 sheet=table.sheet, cell=cell))
            continue
        first_line_of_id[event_id] = line
        checker = _RowChecker(line, row, context)
        record = checker.check()
        problems.extend(checker.problems)
        if record is not None:
            records.append(record)
    if table.stopped is not None:
        problems.add(table.stopped)

    total = len(table.rows)
    if not records:
        return LoadResult(empty_events_frame(), problems.kept, total, problems.count, header.notices, context.extra_actors)
    events = pd.DataFrame.from_records(records)
    events = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    return LoadResult(events, problems.kept, total, problems.count, header.notices, context.extra_actors)


def parse_events(raw: bytes | str, refs: ReferenceTables) -> LoadResult:
    """Validate the bundled kind of table (UTF-8 CSV, every column) given as bytes or text.
    Never raises on bad content."""
    if isinstance(raw, bytes):
        text, problem = _decode(raw)
        if problem:
            return LoadResult(empty_events_frame(), [problem], 0, 1)
    else:
        text = raw
    assert text is not None
    read = read_csv_text(text, ",")
    if read.table is None:
        return LoadResult(empty_events_frame(), read.problems, 0, len(read.problems))
    return validate_table(read.table, refs, BUNDLED_RULES)


def load_events(path: Path = EVENTS_CSV, refs: ReferenceTables | None = None) -> LoadResult:
    refs = refs or load_reference_tables()
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return LoadResult(empty_events_frame(), [_problem(None, None, f"fichier illisible : {error}",
                                                          f"unreadable file: {error}")], 0, 1)
    return parse_events(raw, refs)


def is_unsourced(source: str) -> bool:
    return source.strip().lower().startswith(UNSOURCED_PREFIX)
