"""Build the files the "Your data" page offers: an empty template (CSV and XLSX, one example
row, the vocabularies on a second sheet) and a complete example, Normandy 1944.

The example reuses the bundled table's Normandy rows with their own sources (nothing is
added from elsewhere), written the way a class would: French column names, `;`, day-first
dates, no région, and no coordinates where the commune points can place the event.

Run: `.venv/bin/python scripts/build_templates.py` (needs openpyxl, from the test extras).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dashboard import i18n  # noqa: E402
from dashboard.data import EVENT_TYPES, FORCE_TYPES, load_reference_tables  # noqa: E402
from dashboard.geocode import Located, load_communes  # noqa: E402

TEMPLATES = ROOT / "data" / "templates"
# (header written in the template, our column)
TEMPLATE_COLUMNS = [
    ("date", "date"), ("date_fin", "end_date"), ("type", "event_type"), ("lieu", "place"),
    ("departement", "department_code"), ("titre", "title_fr"), ("title", "title_en"),
    ("description", "description_fr"), ("description_en", "description_en"), ("acteurs", "actors"),
    ("type_de_force", "force_type"), ("source", "source"), ("lien", "source_url"), ("lat", "lat"), ("lon", "lon"),
]
EXAMPLE_EVENT = "liberation-paris"
EXAMPLE_REGION = "Normandie"


def day_first(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def class_row(event: dict, communes) -> list[str]:
    """A bundled row as a class would type it; coordinates only where no commune is found."""
    located = isinstance(communes.locate(event["place"], event["department_code"], suggest=False), Located)
    cells = dict(event, date=day_first(event["date"]), end_date=day_first(event["end_date"]), force_type="",
                 lat="" if located else event["lat"], lon="" if located else event["lon"])
    return [cells[column] for _, column in TEMPLATE_COLUMNS]


def csv_text(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM and ';': what French Excel and LibreOffice open in columns, accents intact."""
    output = io.StringIO()
    csv.writer(output, delimiter=";", lineterminator="\r\n").writerows(rows)
    return output.getvalue().encode("utf-8-sig")


def vocabulary_sheet(workbook: openpyxl.Workbook, refs) -> None:
    sheet = workbook.create_sheet("Vocabulaires")
    bold = Font(bold=True)
    sheet.append(["type (event_type)", "libellé", "label"])
    for kind in EVENT_TYPES:
        sheet.append([kind, i18n.event_type_label(kind, "fr"), i18n.event_type_label(kind, "en")])
    sheet.append([])
    sheet.append(["type_de_force (force_type)", "libellé", "label"])
    for force in FORCE_TYPES:
        sheet.append([force, i18n.force_type_label(force, "fr"), i18n.force_type_label(force, "en")])
    sheet.append([])
    sheet.append(["acteurs (actors)", "type_de_force", "libellé"])
    for _, actor in refs.actors.iterrows():
        sheet.append([actor["actor"], actor["force_type"], actor["label_fr"]])
    sheet.append([])
    sheet.append(["departement (department_code)", "nom", "région"])
    for _, department in refs.departments.iterrows():
        sheet.append([department["department_code"], department["department_name"], department["region"]])
    for row in sheet.iter_rows():
        if row[0].value and "(" in str(row[0].value):
            for cell in row:
                cell.font = bold


def template_xlsx(rows: list[list[str]], refs) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Evenements"
    for row in rows:
        # Every cell as text: a département typed "01" stays "01", a date stays as written.
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows():
        for cell in row:
            cell.number_format = "@"
    vocabulary_sheet(workbook, refs)
    workbook.properties.creator = "Libération 1944–1945"
    workbook.properties.created = workbook.properties.modified = dt.datetime(2024, 1, 1)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def main() -> None:
    refs = load_reference_tables()
    communes = load_communes(frozenset(refs.departments["department_code"]))
    # Every cell as text ("01" stays "01", an empty cell stays "").
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))
    header = [name for name, _ in TEMPLATE_COLUMNS]
    example_row = class_row(next(e for e in events if e["event_id"] == EXAMPLE_EVENT), communes)
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    (TEMPLATES / "modele-evenements.csv").write_bytes(csv_text([header, example_row]))
    (TEMPLATES / "modele-evenements.xlsx").write_bytes(template_xlsx([header, example_row], refs))
    normandy = [class_row(e, communes) for e in events if e["region"] == EXAMPLE_REGION]
    (TEMPLATES / "exemple-normandie-1944.csv").write_bytes(csv_text([header, *normandy]))
    print(f"templates and an example of {len(normandy)} rows in {TEMPLATES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
