"""Load and validate an event table (the bundled one or a teacher's own).

The loader never raises on bad content: it reads every line, keeps the rows that are valid,
and returns every problem at once, each naming the CSV line and column in French and
English. Nothing is coerced silently: all cells are read as text and parsed here, so a
"1944-02-30" or an Excel-mangled "1" département code is reported, not guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import references, resources
from dashboard.csvcheck import Problem, decode, parse_date, parse_float, read_file_text
from dashboard.references import EVENT_TYPES, FORCE_TYPES, ReferenceTables

__all__ = ["EVENT_TYPES", "FORCE_TYPES", "Problem", "ReferenceTables", "parse_date", "parse_float"]
from dashboard.disputes import confidence_error, format_other_dates, parse_other_dates

DATA_DIR = resources.data_dir()  # the bundled tables; ui.loading lets LIBERATION_DATA_DIR point elsewhere
EVENTS_CSV = DATA_DIR / "events.csv"

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


@dataclass
class LoadResult:
    """The valid rows as a typed DataFrame, and every problem found."""

    events: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def load_reference_tables(data_dir: Path = DATA_DIR) -> ReferenceTables:
    return references.load_reference_tables(data_dir)


class _RowChecker:
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

    def check(self) -> dict | None:
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
        if self.problems:
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


def parse_events(raw: bytes | str, refs: ReferenceTables) -> LoadResult:
    """Validate an event table given as bytes or text. Never raises on bad content."""
    if isinstance(raw, bytes):
        text, problem = decode(raw)
        if problem:
            return LoadResult(empty_events_frame(), [problem])
    else:
        text = raw.removeprefix("\ufeff")
    assert text is not None

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return LoadResult(empty_events_frame(), [Problem(1, None, "le fichier est vide.", "the file is empty.")])
    except csv.Error as error:
        return LoadResult(empty_events_frame(), [Problem(1, None, f"en-tête illisible ({error}).", f"unreadable header ({error}).")])

    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS + OPTIONAL_COLUMNS]
    for column in missing:
        problems.append(Problem(1, column, "colonne obligatoire absente de l'en-tête.",
                                 "required column missing from the header."))
    for column in unknown:
        problems.append(Problem(1, column, f"colonne inconnue ; colonnes attendues : {', '.join(COLUMNS + OPTIONAL_COLUMNS)}.",
                                 f"unknown column; expected columns: {', '.join(COLUMNS + OPTIONAL_COLUMNS)}."))
    duplicated = sorted({c for c in header if header.count(c) > 1})
    for column in duplicated:
        problems.append(Problem(1, column, "colonne présente deux fois.", "column appears twice."))
    if missing or duplicated:
        return LoadResult(empty_events_frame(), problems)

    # Built once per load, not once per row.
    force_of_actor = refs.force_type_of_actor
    region_of_department = refs.region_of_department
    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    total = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(line, None, f"ligne CSV mal formée ({error}) ; lecture arrêtée ici.",
                                     f"malformed CSV line ({error}); reading stopped here."))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        total += 1
        if len(cells) != len(header):
            problems.append(Problem(line, None,
                                     f"{len(cells)} cellules au lieu de {len(header)} (une virgule en trop ou un guillemet manquant ?).",
                                     f"{len(cells)} cells instead of {len(header)} (an extra comma or a missing quote?)."))
            continue
        row = dict.fromkeys(OPTIONAL_COLUMNS, "")
        row.update((name, cell) for name, cell in zip(header, cells) if name in COLUMNS + OPTIONAL_COLUMNS)
        event_id = row["event_id"].strip()
        if event_id in first_line_of_id:
            problems.append(Problem(line, "event_id",
                                     f"identifiant « {event_id} » déjà utilisé ligne {first_line_of_id[event_id]}.",
                                     f"id '{event_id}' already used on line {first_line_of_id[event_id]}."))
            continue
        first_line_of_id[event_id] = line
        checker = _RowChecker(line, row, refs, force_of_actor, region_of_department)
        record = checker.check()
        problems.extend(checker.problems)
        if record is not None:
            records.append(record)

    if not records:
        return LoadResult(empty_events_frame(), problems, total)
    events = pd.DataFrame.from_records(records)
    events = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    return LoadResult(events, problems, total)


def load_events(path: Path = EVENTS_CSV, refs: ReferenceTables | None = None) -> LoadResult:
    """The event table at `path`, checked against `refs` (by default the reference tables beside
    it); the problems of the reference tables come first."""
    path = Path(path)
    refs = refs or load_reference_tables(path.parent)
    text, problem = read_file_text(path)
    if text is None:
        return LoadResult(empty_events_frame(), [*refs.problems, problem] if problem else list(refs.problems))
    result = parse_events(text, refs)
    result.problems[:0] = refs.problems
    return result


def is_unsourced(source: str) -> bool:
    return source.strip().lower().startswith(UNSOURCED_PREFIX)
