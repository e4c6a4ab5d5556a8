"""The names a class's own table may use: column names and vocabulary, in French or English.

A fixed table, documented in docs/data.md (keep both in step): a header cell or a value is
compared after `simplify` (case, accents, spaces, hyphens and apostrophes ignored), so
"Date de début", "date_debut" and "DATE-DEBUT" are the same name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# canonical column -> the names accepted for it (the canonical name is always accepted).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "event_id": ("id", "identifiant", "identifiant_evenement"),
    "date": ("date_debut", "date de debut", "debut", "start_date", "start", "jour", "day"),
    "end_date": ("date_fin", "date de fin", "fin", "end", "date_end"),
    "event_type": ("type", "type_evenement", "type d'evenement", "type evenement", "categorie", "category"),
    "place": ("lieu", "commune", "ville", "localite", "town", "city", "location"),
    "department_code": (
        "departement",
        "code_departement",
        "code departement",
        "dept",
        "dep",
        "num_departement",
        "department",
        "department code",
    ),
    "region": ("région",),
    "lat": ("latitude",),
    "lon": ("longitude", "lng", "long"),
    "actors": ("acteurs", "acteur", "forces", "actor", "participants"),
    "force_type": ("type_de_force", "type de force", "force", "type_force", "force type"),
    "title_fr": ("titre", "titre_fr", "intitule", "titre francais"),
    "title_en": ("title", "titre_en", "titre anglais", "english title"),
    "description_fr": ("description", "recit", "texte"),
    "description_en": ("description anglaise", "english description"),
    "source": ("sources", "reference", "references"),
    "other_dates": ("autres_dates", "autres dates", "dates_contestees"),
    "confidence": ("fiabilite", "confiance"),
    "source_url": ("lien", "url", "lien_source", "lien source", "link", "source link"),
}

# event_type: the French labels a teacher would type.
EVENT_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "liberation": ("libération",),
    "landing": ("débarquement", "debarquement"),
    "insurrection": ("soulèvement", "soulevement", "uprising"),
    "battle": ("bataille", "combat", "combats", "siège", "siege"),
    "massacre": ("représailles", "represailles", "reprisal", "reprisals"),
    "retaken": ("reprise", "reprise par les allemands"),
    "surrender": ("reddition", "capitulation"),
    "other": ("autre",),
}

FORCE_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "resistance": ("résistance", "ffi", "maquis"),
    "french_army": ("armée française", "armee francaise", "french army"),
    "allied_army": (
        "armée alliée",
        "armées alliées",
        "armee alliee",
        "armees alliees",
        "alliés",
        "allies",
        "allied army",
        "allied armies",
    ),
    "axis": ("axe", "allemands", "forces allemandes", "german forces", "germans"),
    "other": ("autre", "autres", "others"),
}


@lru_cache(maxsize=65536)  # a table repeats its values (types, actors, régions) on every row
def simplify(name: str) -> str:
    """'Date de début ' -> 'date_de_debut': no accents, no case, one underscore between words."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s\-_'’.]+", "_", bare).strip("_")


def _index(aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index = {}
    for canonical, names in aliases.items():
        for name in (canonical, *names):
            index[simplify(name)] = canonical
    return index


_COLUMN_INDEX = _index(COLUMN_ALIASES)
_EVENT_TYPE_INDEX = _index(EVENT_TYPE_ALIASES)
_FORCE_TYPE_INDEX = _index(FORCE_TYPE_ALIASES)


def canonical_column(name: str) -> str | None:
    """The column a header cell names, or None when it names none of ours."""
    return _COLUMN_INDEX.get(simplify(name))


def canonical_event_type(value: str) -> str:
    """'Libération' -> 'liberation'; an unknown value is returned as written, for the message."""
    return _EVENT_TYPE_INDEX.get(simplify(value), value.strip())


def canonical_force_type(value: str) -> str:
    return _FORCE_TYPE_INDEX.get(simplify(value), value.strip())
