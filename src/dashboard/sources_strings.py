"""The strings of the "Sources & méthode" page; i18n.STRINGS takes them in."""

SOURCES_STRINGS: dict[str, dict[str, str]] = {
    "fr": {
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
