"""Tables shown to people: the event explorer and the list of sources."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.data import FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE, is_unsourced
from dashboard.disputes import CONFIDENCE_LEVELS, parse_other_dates

SEED_REFERENCES = (
    "Simonnet Stéphane, Claire Levasseur, Guillaume Balavoine (préface Olivier Wieviorka), 2004, "
    "Atlas de la libération de la France : 6 juin 1944-8 mai 1945 : des débarquements aux villes libérées, "
    "Paris, éd. Autrement, coll. « Atlas-Mémoire ».",
    "Marcot François (sous la direction de) avec la collaboration de Bruno Leroux et Christine Levisse-Touzé, "
    "2006, Dictionnaire historique de la Résistance, Ed. Robert Laffont.",
    # The reference text is published by the online museum of the association Mémoire des Résistants
    # Juifs de la M.O.I. (MRJ-MOI), not by the "Musée de la Résistance en ligne", a different site.
    "Musée en ligne de l'association Mémoire des Résistants Juifs de la M.O.I. (MRJ-MOI), "
    "« Insurrections en régions » : https://museemrjmoi.com/insurrections-en-regions",
)


def search_events(events: pd.DataFrame, query: str) -> pd.DataFrame:
    """Events whose titles, place, actors or descriptions contain `query` (case-insensitive, plain text)."""
    query = query.strip()
    if not query:
        return events
    haystack = events[["title_fr", "title_en", "place", "actors", "description_fr", "description_en"]].agg(
        " ".join, axis=1
    )
    return events[haystack.str.contains(query, case=False, regex=False)]


def explorer_table(
    events: pd.DataFrame, lang: str, actor_labels: dict[str, str], dates_as_words: bool = True
) -> pd.DataFrame:
    """The events as a table with translated labels and column names, one row per event: dates
    in words to show, or YYYY-MM-DD to download (`dates_as_words=False`); no end date is blank."""
    english = lang == "en"

    def dates(column: str) -> list[str]:
        if dates_as_words:
            return [i18n.format_optional_date(day, lang) for day in events[column]]
        return [day.date().isoformat() if pd.notna(day) else "" for day in events[column]]

    table = pd.DataFrame(
        {
            i18n.t("col_date", lang): dates("date"),
            i18n.t("col_end_date", lang): dates("end_date"),
            i18n.t("col_type", lang): [i18n.event_type_label(kind, lang) for kind in events["event_type"]],
            i18n.t("col_title", lang): events["title_en" if english else "title_fr"],
            i18n.t("col_place", lang): events["place"],
            i18n.t("col_department", lang): events["department_code"],
            i18n.t("col_region", lang): [i18n.region_label(region, lang) for region in events["region"]],
            i18n.t("col_actors", lang): [
                ", ".join(actor_labels.get(a, a) for a in actors) for actors in events["actor_list"]
            ],
            i18n.t("col_description", lang): events["description_en" if english else "description_fr"],
            i18n.t("col_source", lang): events["source"],
            i18n.t("col_source_url", lang): events["source_url"],
            i18n.t("col_confidence", lang): [i18n.confidence_label(level, lang) for level in events["confidence"]],
            i18n.t("col_other_dates", lang): [other_dates_text(text, lang) for text in events["other_dates"]],
        }
    )
    return table.reset_index(drop=True)


def other_dates_text(text: str, lang: str) -> str:
    """`1944-08-31: Archives de la Drôme` as "31 août 1944 (Archives de la Drôme)", in the UI language."""
    dates, _ = parse_other_dates(text, FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE)
    return " ; ".join(f"{i18n.format_date(d.day, lang)} ({d.given_by})" for d in dates)


def with_confidence(events: pd.DataFrame, levels: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The rows of the chosen confidence levels ("" is "not assessed"); no level chosen: every row."""
    return events[events["confidence"].isin(levels)] if levels else events


def confidence_counts(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """How many rows at each confidence level (the levels in order, then "not assessed")."""
    levels = [*CONFIDENCE_LEVELS, ""]
    counts = events["confidence"].value_counts()
    return pd.DataFrame(
        {
            i18n.t("col_confidence", lang): [i18n.confidence_label(level, lang) for level in levels],
            i18n.t("col_rows", lang): [int(counts.get(level, 0)) for level in levels],
        }
    )


def source_counts(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each cited source (a row may cite several, separated by ' ; ') with how many rows cite it,
    under translated column names."""
    cited = events[["source", "source_url"]].copy()
    cited["source"] = cited["source"].str.split(" ; ")
    cited = cited.explode("source")
    cited["source"] = cited["source"].str.strip()
    cited = cited[~cited["source"].map(is_unsourced)]
    counts = cited.groupby("source").agg(rows=("source", "size")).reset_index()
    counts = counts.sort_values(["rows", "source"], ascending=[False, True]).reset_index(drop=True)
    return counts.rename(columns={"source": i18n.t("col_source", lang), "rows": i18n.t("col_rows", lang)})


def unsourced_rows(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["source"].map(is_unsourced)]
