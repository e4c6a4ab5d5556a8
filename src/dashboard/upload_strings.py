"""The strings of the "Vos données / Your data" page and of the banner every page shows once a
class has uploaded its table (issue 11); i18n.STRINGS takes them in."""

UPLOAD_STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "page_upload": "Vos données",
        "upload_intro": (
            "Explorez votre propre tableau (celui d'une classe, d'une famille, d'une exposition) sur la carte, "
            "les graphiques et la liste des événements. Il reste dans cette session du navigateur : il n'est "
            "ni enregistré sur le serveur ni visible par quelqu'un d'autre, et il est oublié à la fermeture."
        ),
        "upload_columns": (
            "Colonnes obligatoires : date (AAAA-MM-JJ ou JJ/MM/AAAA), lieu, type et un titre (titre ou title). "
            "Facultatives : département (pour placer le lieu), acteurs, type_de_force, description, source, lien, "
            "lat et lon. Les noms français ou anglais sont acceptés ; le détail est dans docs/data.md."
        ),
        "upload_label": "Déposer un tableau : CSV, .xlsx ou .ods ({mb} Mo et {rows} lignes au plus)",
        "templates": "Modèles",
        "download_template_csv": "Modèle vide (CSV)",
        "download_template_xlsx": "Modèle vide (Excel, avec les vocabulaires)",
        "download_example": "Exemple complet : la Normandie en 1944 (CSV)",
        "read_as": "Fichier lu : {facts}.",
        "rows_read": "{valid} événement(s) valide(s) sur {total} ligne(s) lue(s).",
        "upload_notices": "À savoir",
        "upload_problems": "{n} problème(s) ; les lignes concernées sont laissées de côté :",
        "upload_more_problems": "… et {n} autres problèmes (seuls les {shown} premiers sont listés).",
        "download_report": "Télécharger le rapport (CSV)",
        "upload_nothing_valid": "Aucune ligne valide : le tableau du projet reste affiché.",
        "upload_shown": "Votre tableau est affiché dans toute l'application (carte, graphiques, événements).",
        "banner_own": "Tableau affiché : votre fichier « {name} » ({n} événements), pour cette session seulement.",
        "banner_bundled": "Tableau affiché : celui du projet. Votre fichier « {name} » reste disponible.",
        "back_to_bundled": "Revenir au tableau du projet",
        "show_own": "Afficher mon tableau",
    },
    "en": {
        "page_upload": "Your data",
        "upload_intro": (
            "Explore your own table (a class's, a family's, an exhibition's) on the map, the charts and the "
            "list of events. It stays in this browser session: it is not saved on the server nor seen by "
            "anyone else, and it is forgotten when the session ends."
        ),
        "upload_columns": (
            "Required columns: date (YYYY-MM-DD or DD/MM/YYYY), place, event_type and a title (title or titre). "
            "Optional: department_code (to place the event), actors, force_type, description, source, source_url, "
            "lat and lon. French or English names are accepted; details in docs/data.md."
        ),
        "upload_label": "Upload a table: CSV, .xlsx or .ods (at most {mb} MB and {rows} rows)",
        "templates": "Templates",
        "download_template_csv": "Empty template (CSV)",
        "download_template_xlsx": "Empty template (Excel, with the vocabularies)",
        "download_example": "Complete example: Normandy in 1944 (CSV)",
        "read_as": "File read: {facts}.",
        "rows_read": "{valid} valid event(s) out of {total} row(s) read.",
        "upload_notices": "Good to know",
        "upload_problems": "{n} problem(s); the rows concerned are left out:",
        "upload_more_problems": "… and {n} more problems (only the first {shown} are listed).",
        "download_report": "Download the report (CSV)",
        "upload_nothing_valid": "No valid row: the project's table is still shown.",
        "upload_shown": "Your table is shown throughout the app (map, charts, events).",
        "banner_own": "Table shown: your file '{name}' ({n} events), for this session only.",
        "banner_bundled": "Table shown: the project's. Your file '{name}' is still available.",
        "back_to_bundled": "Back to the project's table",
        "show_own": "Show my table",
    },
}
