"""French and English strings, category labels and date formatting.

Every user-facing string lives here (the upload page's in upload_strings.py, merged below), in
both languages, so a test can check that no key exists in one language only.
"""

from __future__ import annotations

import datetime as dt

from dashboard.upload_strings import UPLOAD_STRINGS

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "page_map": "Carte",
        "page_charts": "Graphiques",
        "page_events": "Événements",
        "page_sources": "Sources & méthode",
        "filters": "Filtres",
        "filter_force": "Forces engagées",
        "filter_type": "Type d'événement",
        "filter_region": "Région",
        "filter_all": "Toutes",
        "date": "Date",
        "events_up_to": "Événements jusqu'au {date} : {n}",
        "departments_liberated": "Départements libérés : {n} sur {total}",
        "no_match": "Aucun événement ne correspond à ces filtres à cette date.",
        "data_problems": "Le tableau d'événements contient {n} problème(s) ; les lignes concernées sont ignorées :",
        "data_unreadable": "Le tableau d'événements n'a pas pu être lu :",
        "col_date": "Date",
        "col_end_date": "Fin",
        "col_type": "Type",
        "col_place": "Lieu",
        "col_department": "Département",
        "col_region": "Région",
        "col_actors": "Acteurs",
        "col_title": "Titre",
        "col_description": "Description",
        "col_source": "Source",
        "col_source_url": "Lien",
        "col_confidence": "Fiabilité",
        "col_other_dates": "Autres dates données",
        "confidence_high": "élevée (deux sources institutionnelles)",
        "confidence_medium": "moyenne (une source institutionnelle)",
        "confidence_low": "faible (autre source)",
        "confidence_unassessed": "non évaluée",
        "filter_confidence": "Fiabilité des sources",
        "sources_confidence": "Fiabilité des lignes",
        "sources_confidence_text": "Élevée : deux sources institutionnelles indépendantes concordent, ou le texte de référence l'affirme. Moyenne : une source institutionnelle. Faible : toute autre source (blog, forum, Wikipédia).",
        "col_rows": "Lignes",
        "disputed_rows": "Lignes dont la date est discutée (d'autres sources donnent une autre date) : {n}",
        "chart_disputed_pace": "Départements libérés : selon ce tableau, et l'écart que donnent d'autres sources",
        "chart_dispute_band": "Selon les autres dates données par les sources",
        "chart_dispute_table": "Selon ce tableau",
        "chart_pockets": "Les poches : de leur formation à leur reddition",
        "tab_disputes": "Dates discutées et poches",
        "entirely_free": "Entièrement libres (sans poche tenue)",
        "with_pocket": "(dont {n} avec une poche encore tenue)",
        "search": "Rechercher (titre, lieu, acteur)",
        "download_csv": "Télécharger ces événements (CSV)",
        "state_occupied": "Occupé",
        "state_liberated": "Libéré",
        "state_fresh": "Libéré depuis moins de 7 jours",
        "state_retaken": "Libéré puis repris",
        "state_partial": "Libéré, mais une poche tenue",
        "play": "Lecture",
        "pause": "Pause",
        "speed": "Vitesse",
        "speed_days": "{n} j/s",
        "speed_event": "1 date d'événement/s",
        "step_start": "Début (Origine)",
        "step_previous_event": "Date d'événement précédente (←)",
        "step_minus_week": "−1 semaine (Page préc.)",
        "step_minus_day": "−1 jour (Maj+←)",
        "step_plus_day": "+1 jour (Maj+→)",
        "step_plus_week": "+1 semaine (Page suiv.)",
        "step_next_event": "Date d'événement suivante (→)",
        "step_end": "Fin (Fin)",
        "keyboard_help": "Clavier : Espace lecture/pause · ←/→ date d'événement précédente/suivante · Maj+←/→ jour · Page préc./suiv. semaine · Origine/Fin · N/P chapitre suivant/précédent",
        "online_basemap": "Fond de carte (en ligne)",
        "online_basemap_help": "Ajoute un fond de carte téléchargé sur Internet ; sans réseau, la carte reste utilisable sans lui.",
        "url_notice": "Lien : le paramètre « {param} » a une valeur non reconnue (« {value} ») ; la valeur par défaut est utilisée.",
        "share": "Partager cette vue",
        "share_qr": "À scanner avec un téléphone",
        "share_hint": "Sur le réseau de la classe, remplacez « localhost » par l'adresse de cet ordinateur pour que les élèves puissent ouvrir le lien.",
        "chapter": "Chapitre",
        "no_chapter": "— Exploration libre —",
        "chapter_previous": "Préc.",
        "chapter_next": "Suiv.",
        "chapter_auto": "Défilement auto",
        "chapter_auto_help": "Passe au chapitre suivant toutes les {seconds} secondes.",
        "chapter_sources": "Sources :",
        "massacre_marker": "Massacre ou représailles",
        "events_of_day": "Événements : {date}",
        "no_event_today": "Aucun événement ce jour-là.",
        "charts_intro": "Rythme de la Libération jusqu'à la date choisie.",
        "chart_cumulative": "Préfectures libérées (cumul), par force engagée",
        "chart_cumulative_events": "Événements (cumul), par force engagée",
        "chart_region_share": "Part des départements libérés par région au {date}",
        "chart_region_events": "Événements jusqu'au {date}, par région et force engagée",
        "chart_actors": "Libérations auxquelles chaque acteur a pris part, jusqu'au {date}",
        "chart_durations": "Événements de plusieurs jours (insurrections, sièges, batailles, poches)",
        "tab_pace": "Rythme",
        "tab_regions": "Régions",
        "tab_actors": "Acteurs",
        "tab_durations": "Durées",
        "show_all_events": "Tous les événements (pas seulement les préfectures)",
        "chart_data": "Les chiffres du graphique (tableau)",
        "download_chart_csv": "Télécharger ces chiffres (CSV)",
        "total": "Total",
        "days_unit": "jours",
        "count": "Nombre",
        "sources_intro": (
            "Chaque ligne du tableau cite la source de sa date. Les faits du texte de référence "
            "du projet y figurent avec ses propres dates ; quand d'autres sources donnent une autre "
            "date, la description le signale."
        ),
        "sources_references": "Références du texte de référence",
        "sources_cited": "Sources citées par les événements",
        "sources_unverified": "Lignes à vérifier (sans source trouvée)",
        "licences": "Licences des données",
        "licence_geo": "Contours : IGN – Admin Express COG 2018, via france-geojson (Licence Ouverte)",
        "licence_events": "Tableau d'événements : rédigé pour ce projet, chaque ligne citant sa source.",
        "rows": "lignes",
        "method": "Méthode",
        "method_text": (
            "Un département est compté comme libéré à partir de la libération de son chef-lieu "
            "(la préfecture actuelle) : la date de fin si la libération a duré plusieurs jours, "
            "sinon la date. Les contours sont ceux d'aujourd'hui : en 1944, Paris et sa banlieue "
            "formaient les départements de la Seine et de la Seine-et-Oise."
        ),
    },
    "en": {
        "page_map": "Map",
        "page_charts": "Charts",
        "page_events": "Events",
        "page_sources": "Sources & method",
        "filters": "Filters",
        "filter_force": "Forces involved",
        "filter_type": "Event type",
        "filter_region": "Region",
        "filter_all": "All",
        "date": "Date",
        "events_up_to": "Events up to {date}: {n}",
        "departments_liberated": "Départements liberated: {n} of {total}",
        "no_match": "No event matches these filters at this date.",
        "data_problems": "The event table has {n} problem(s); the rows concerned are left out:",
        "data_unreadable": "The event table could not be read:",
        "col_date": "Date",
        "col_end_date": "End",
        "col_type": "Type",
        "col_place": "Place",
        "col_department": "Département",
        "col_region": "Region",
        "col_actors": "Actors",
        "col_title": "Title",
        "col_description": "Description",
        "col_source": "Source",
        "col_source_url": "Link",
        "col_confidence": "Confidence",
        "col_other_dates": "Other dates given",
        "confidence_high": "high (two institutional sources)",
        "confidence_medium": "medium (one institutional source)",
        "confidence_low": "low (other source)",
        "confidence_unassessed": "not assessed",
        "filter_confidence": "Source confidence",
        "sources_confidence": "Confidence of the rows",
        "sources_confidence_text": "High: two independent institutional sources agree, or the reference text states it. Medium: one institutional source. Low: any other source (blog, forum, Wikipedia).",
        "col_rows": "Rows",
        "disputed_rows": "Rows whose date is disputed (other sources give another date): {n}",
        "chart_disputed_pace": "Départements liberated: by this table, and the spread other sources give",
        "chart_dispute_band": "By the other dates the sources give",
        "chart_dispute_table": "By this table",
        "chart_pockets": "The pockets: from formation to surrender",
        "tab_disputes": "Disputed dates and pockets",
        "entirely_free": "Entirely free (no pocket held)",
        "with_pocket": "({n} of them with a pocket still held)",
        "search": "Search (title, place, actor)",
        "download_csv": "Download these events (CSV)",
        "state_occupied": "Occupied",
        "state_liberated": "Liberated",
        "state_fresh": "Liberated less than 7 days ago",
        "state_retaken": "Freed, then retaken",
        "state_partial": "Freed, but a pocket still held",
        "play": "Play",
        "pause": "Pause",
        "speed": "Speed",
        "speed_days": "{n} days/s",
        "speed_event": "1 event date/s",
        "step_start": "Start (Home)",
        "step_previous_event": "Previous event date (←)",
        "step_minus_week": "−1 week (Page Up)",
        "step_minus_day": "−1 day (Shift+←)",
        "step_plus_day": "+1 day (Shift+→)",
        "step_plus_week": "+1 week (Page Down)",
        "step_next_event": "Next event date (→)",
        "step_end": "End (End)",
        "keyboard_help": "Keyboard: Space play/pause · ←/→ previous/next event date · Shift+←/→ day · Page Up/Down week · Home/End · N/P next/previous chapter",
        "online_basemap": "Background map (online)",
        "online_basemap_help": "Adds a background map downloaded from the internet; without a network the map stays usable without it.",
        "url_notice": "Link: parameter '{param}' has an unrecognised value ('{value}'); the default is used.",
        "share": "Share this view",
        "share_qr": "Scan with a phone",
        "share_hint": "On the classroom network, replace 'localhost' with this computer's address so that students can open the link.",
        "chapter": "Chapter",
        "no_chapter": "— Free exploration —",
        "chapter_previous": "Prev.",
        "chapter_next": "Next",
        "chapter_auto": "Auto-advance",
        "chapter_auto_help": "Moves to the next chapter every {seconds} seconds.",
        "chapter_sources": "Sources:",
        "massacre_marker": "Massacre or reprisal",
        "events_of_day": "Events: {date}",
        "no_event_today": "No event on that day.",
        "charts_intro": "The pace of the Liberation up to the selected date.",
        "chart_cumulative": "Préfectures liberated (cumulative), by force involved",
        "chart_cumulative_events": "Events (cumulative), by force involved",
        "chart_region_share": "Share of départements liberated by région on {date}",
        "chart_region_events": "Events up to {date}, by région and force involved",
        "chart_actors": "Liberations each actor took part in, up to {date}",
        "chart_durations": "Events lasting several days (insurrections, sieges, battles, pockets)",
        "tab_pace": "Pace",
        "tab_regions": "Régions",
        "tab_actors": "Actors",
        "tab_durations": "Durations",
        "show_all_events": "All events (not only préfectures)",
        "chart_data": "The numbers behind the chart (table)",
        "download_chart_csv": "Download these numbers (CSV)",
        "total": "Total",
        "days_unit": "days",
        "count": "Count",
        "sources_intro": (
            "Every row of the table cites the source of its date. The facts of the project's "
            "reference text appear with its own dates; where other sources give another date, "
            "the description says so."
        ),
        "sources_references": "References of the reference text",
        "sources_cited": "Sources cited by the events",
        "sources_unverified": "Rows to verify (no source found)",
        "licences": "Data licences",
        "licence_geo": "Outlines: IGN – Admin Express COG 2018, via france-geojson (Licence Ouverte / Open Licence)",
        "licence_events": "Event table: written for this project, each row citing its source.",
        "rows": "rows",
        "method": "Method",
        "method_text": (
            "A département counts as liberated from the liberation of its chef-lieu (today's "
            "préfecture): the end date when the liberation took several days, the date otherwise. "
            "Outlines are today's: in 1944 Paris and its suburbs formed the Seine and "
            "Seine-et-Oise départements."
        ),
    },
}

# The upload page's own strings live beside it, to keep this table readable.
for _lang, _strings in UPLOAD_STRINGS.items():
    STRINGS[_lang].update(_strings)

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

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def normalize_language(lang: str | None) -> str:
    """Map a locale such as 'en-GB' or 'fr_FR' to a supported language; French otherwise."""
    if not lang:
        return DEFAULT_LANGUAGE
    short = str(lang).strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = STRINGS[normalize_language(lang)][key]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    """'25 août 1944' / '25 August 1944'; French writes the first of the month '1er'."""
    lang = normalize_language(lang)
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number} {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def format_date_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A single date, or 'du 19 au 25 août 1944' / '19–25 August 1944' style ranges."""
    if end is None or end == start:
        return format_date(start, lang)
    if normalize_language(lang) == "fr":
        return f"du {format_date(start, lang)} au {format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def confidence_label(level: str, lang: str) -> str:
    return t(f"confidence_{level}" if level in ("high", "medium", "low") else "confidence_unassessed", lang)


def event_type_label(event_type: str, lang: str) -> str:
    return EVENT_TYPE_LABELS.get(event_type, {}).get(normalize_language(lang), event_type)


def force_type_label(force_type: str, lang: str) -> str:
    return FORCE_TYPE_LABELS.get(force_type, {}).get(normalize_language(lang), force_type)


def region_label(region: str, lang: str) -> str:
    return REGION_LABELS.get(region, {}).get(normalize_language(lang), region)
