"""Names in French and English: the table's categories (event types, force types, régions) and the
columns of the tables behind the charts."""

from __future__ import annotations

from dashboard.languages import normalize_language

EVENT_TYPE_LABELS: dict[str, dict[str, str]] = {
    "liberation": {"fr": "Libération", "en": "Liberation"},
    "landing": {"fr": "Débarquement", "en": "Landing"},
    "insurrection": {"fr": "Insurrection", "en": "Insurrection"},
    "battle": {"fr": "Bataille, siège", "en": "Battle, siege"},
    "massacre": {"fr": "Massacre, représailles", "en": "Massacre, reprisal"},
    "retaken": {"fr": "Reprise par les forces allemandes", "en": "Retaken by German forces"},
    "surrender": {"fr": "Reddition", "en": "Surrender"},
    "other": {"fr": "Autre", "en": "Other"},
}

FORCE_TYPE_LABELS: dict[str, dict[str, str]] = {
    "resistance": {"fr": "Résistance / FFI", "en": "Resistance / FFI"},
    "french_army": {"fr": "Armée française", "en": "French army"},
    "allied_army": {"fr": "Armées alliées", "en": "Allied armies"},
    "axis": {"fr": "Forces allemandes et Milice", "en": "German forces and Milice"},
    # The fifth force type: an actor outside the four (a class's own), or none (a civil fact).
    "other": {"fr": "Autres forces, ou aucune", "en": "Other forces, or none"},
}

# Région names are proper nouns; English uses the usual exonym where one exists.
REGION_LABELS: dict[str, dict[str, str]] = {
    "Auvergne-Rhône-Alpes": {"fr": "Auvergne-Rhône-Alpes", "en": "Auvergne-Rhône-Alpes"},
    "Bourgogne-Franche-Comté": {"fr": "Bourgogne-Franche-Comté", "en": "Burgundy-Franche-Comté"},
    "Bretagne": {"fr": "Bretagne", "en": "Brittany"},
    "Centre-Val de Loire": {"fr": "Centre-Val de Loire", "en": "Centre-Loire Valley"},
    "Corse": {"fr": "Corse", "en": "Corsica"},
    "Grand Est": {"fr": "Grand Est", "en": "Grand Est"},
    "Hauts-de-France": {"fr": "Hauts-de-France", "en": "Hauts-de-France"},
    "Île-de-France": {"fr": "Île-de-France", "en": "Île-de-France"},
    "Normandie": {"fr": "Normandie", "en": "Normandy"},
    "Nouvelle-Aquitaine": {"fr": "Nouvelle-Aquitaine", "en": "Nouvelle-Aquitaine"},
    "Occitanie": {"fr": "Occitanie", "en": "Occitania"},
    "Pays de la Loire": {"fr": "Pays de la Loire", "en": "Pays de la Loire"},
    "Provence-Alpes-Côte d'Azur": {"fr": "Provence-Alpes-Côte d'Azur", "en": "Provence-Alpes-Côte d'Azur"},
}

# The columns of the charts' tables (charts.py, disputed_charts.py), as shown and downloaded.
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "date": {"fr": "Date", "en": "Date"},
    "series": {"fr": "Série", "en": "Series"},
    "cumulative": {"fr": "Cumul", "en": "Cumulative"},
    "region": {"fr": "Région", "en": "Region"},
    "departments": {"fr": "Départements", "en": "Départements"},
    "liberated": {"fr": "Libérés", "en": "Liberated"},
    "share": {"fr": "Part libérée (%)", "en": "Share liberated (%)"},
    "with_pocket": {"fr": "Dont avec une poche tenue", "en": "Of which holding a pocket"},
    "force_type": {"fr": "Force engagée", "en": "Force involved"},
    "events": {"fr": "Événements", "en": "Events"},
    "actor": {"fr": "Acteur", "en": "Actor"},
    "liberations": {"fr": "Libérations", "en": "Liberations"},
    "title": {"fr": "Titre", "en": "Title"},
    "start": {"fr": "Début", "en": "Start"},
    "end": {"fr": "Fin", "en": "End"},
    "days": {"fr": "Jours", "en": "Days"},
    "count": {"fr": "Selon ce tableau", "en": "By this table"},
    "lowest": {"fr": "Au moins", "en": "At least"},
    "highest": {"fr": "Au plus", "en": "At most"},
    "pocket": {"fr": "Poche", "en": "Pocket"},
    "formed": {"fr": "Formée le", "en": "Formed"},
    "surrendered": {"fr": "Reddition", "en": "Surrendered"},
}


def column_label(column: str, lang: str) -> str:
    return COLUMN_LABELS.get(column, {}).get(normalize_language(lang), column)


def event_type_label(event_type: str, lang: str) -> str:
    return EVENT_TYPE_LABELS.get(event_type, {}).get(normalize_language(lang), event_type)


def force_type_label(force_type: str, lang: str) -> str:
    return FORCE_TYPE_LABELS.get(force_type, {}).get(normalize_language(lang), force_type)


def region_label(region: str, lang: str) -> str:
    return REGION_LABELS.get(region, {}).get(normalize_language(lang), region)
