"""Placing a teacher's event from its place name and département, with the commune points.

`data/communes.csv` gives one point per commune (IGN Admin Express COG 2018; see
data/geo/README.md). Names repeat across départements (Valence: 16, 26, 82), so the
département decides; without one, a name found in a single département is accepted and
a repeated name is reported with its candidates. Names are compared without case, accents,
hyphens, apostrophes or a leading article (INSEE writes "Havre" for Le Havre).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dashboard import resources

COMMUNES_CSV = resources.data_dir() / "communes.csv"
# Close-name suggestions cost a fuzzy search; past this many misses in one table the report is
# already longer than anyone reads (see problems.MAX_REPORTED_PROBLEMS), so they are skipped.
MAX_SUGGESTED_MISSES = 200
MAX_CANDIDATES_SHOWN = 8

_LEADING_ARTICLE = re.compile(r"^(?:le|la|les|l)\s+")
_SAINT = re.compile(r"\b(st|ste)\b")


@lru_cache(maxsize=65536)  # a class's table names the same places again and again
def place_key(name: str) -> str:
    """'Le Havre' / 'HAVRE' -> 'havre'; 'Saint-Lô' / 'st lo' -> 'saint lo'."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.sub(r"[\s\-'’.,]+", " ", bare).strip()
    words = _SAINT.sub(lambda match: "saint" if match.group(1) == "st" else "sainte", words)
    return _LEADING_ARTICLE.sub("", words)


@dataclass(frozen=True)
class Commune:
    name: str
    department_code: str
    lat: float
    lon: float

    def label(self) -> str:
        return f"{self.name} ({self.department_code})"


@dataclass(frozen=True)
class Located:
    commune: Commune


@dataclass(frozen=True)
class NotLocated:
    message_fr: str
    message_en: str


class Communes:
    """The commune points, indexed by simplified name."""

    def __init__(self, communes: list[Commune]):
        self.by_key: dict[str, list[Commune]] = {}
        for commune in communes:
            self.by_key.setdefault(place_key(commune.name), []).append(commune)
        self.keys_by_department: dict[str, list[str]] = {}
        for key, found in self.by_key.items():
            for commune in found:
                self.keys_by_department.setdefault(commune.department_code, []).append(key)

    def __len__(self) -> int:
        return sum(len(found) for found in self.by_key.values())

    def locate(self, place: str, department_code: str, suggest: bool = True) -> Located | NotLocated:
        """The commune named `place` (in `department_code` if given). `suggest`: look for close
        names when there is none (a fuzzy search; the caller stops asking after many misses)."""
        key = place_key(place)
        found = self.by_key.get(key, [])
        if department_code:
            found = [commune for commune in found if commune.department_code == department_code]
        if len(found) == 1:
            return Located(found[0])
        if len(found) > 1:
            # Same simplified name twice in one département (rare): never pick one at random.
            labels = ", ".join(commune.label() for commune in found[:MAX_CANDIDATES_SHOWN])
            if department_code:
                return NotLocated(
                    f"plusieurs communes « {place} » dans le département {department_code} : {labels} ; "
                    "indiquez lat et lon.",
                    f"several communes '{place}' in département {department_code}: {labels}; give lat and lon.",
                )
            return NotLocated(
                f"plusieurs communes s'appellent « {place} » : {labels} ; indiquez le département "
                "(colonne department_code).",
                f"several communes are called '{place}': {labels}; give the département (column department_code).",
            )
        return self._miss(place, key, department_code, suggest)

    def _miss(self, place: str, key: str, department_code: str, suggest: bool) -> NotLocated:
        suggestions = ""
        if suggest:
            pool = self.keys_by_department.get(department_code) if department_code else list(self.by_key)
            close = difflib.get_close_matches(key, pool or [], n=5, cutoff=0.75)
            labels = [
                commune.label()
                for k in close
                for commune in self.by_key[k]
                if not department_code or commune.department_code == department_code
            ]
            if labels:
                suggestions = ", ".join(labels[:MAX_CANDIDATES_SHOWN])
        where_fr = f" dans le département {department_code}" if department_code else ""
        where_en = f" in département {department_code}" if department_code else ""
        if suggestions:
            return NotLocated(
                f"aucune commune « {place} »{where_fr} ; noms proches : {suggestions}. Sinon, indiquez lat et lon.",
                f"no commune '{place}'{where_en}; close names: {suggestions}. Otherwise give lat and lon.",
            )
        return NotLocated(
            f"aucune commune « {place} »{where_fr} : indiquez lat et lon.",
            f"no commune '{place}'{where_en}: give lat and lon.",
        )


@cache
def load_communes(department_codes: frozenset[str], path: Path = COMMUNES_CSV) -> Communes:
    """The communes of the given (metropolitan) départements, read and indexed once per process
    (the index is never changed after this)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return Communes(
            [
                Commune(row["name"], row["department_code"], float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(handle)
                if row["department_code"] in department_codes
            ]
        )
