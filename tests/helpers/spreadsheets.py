"""Writing the spreadsheets the tests read: .xlsx through openpyxl, .ods by hand.

No well-kept Python library writes .ods with only the standard library and nothing else to
install; the format is a zip of XML whose few required parts are written here, the way
LibreOffice writes them (an uncompressed `mimetype` first, then the manifest and content).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

import openpyxl

Cell = str | int | float | dt.date | None


def xlsx_bytes(sheets: dict[str, list[list[Cell]]]) -> bytes:
    """A workbook with these sheets (first one first). Strings starting with '=' are written as
    formulas by openpyxl, which is how the hostile files get formula cells."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.properties.created = workbook.properties.modified = dt.datetime(2000, 1, 1)
    output = io.BytesIO()
    workbook.save(output)
    return _fixed_times(output.getvalue())


FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def _fixed_times(archive_bytes: bytes) -> bytes:
    """The same zip with every member dated FIXED_TIME: a file written twice is the same file."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as source, zipfile.ZipFile(output, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, FIXED_TIME)
            info.compress_type = member.compress_type
            target.writestr(info, source.read(member.filename))
    return output.getvalue()


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
_CONTENT_START = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>"""
_CONTENT_END = "</office:spreadsheet></office:body></office:document-content>"


def _ods_cell(value: Cell) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.strftime('%d/%m/%Y')}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def ods_bytes(sheets: dict[str, list[list[Cell]]]) -> bytes:
    body = []
    for name, rows in sheets.items():
        body.append(f"<table:table table:name={quoteattr(name)}>")
        for row in rows:
            body.append("<table:table-row>" + "".join(_ods_cell(value) for value in row) + "</table:table-row>")
        body.append("</table:table>")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", FIXED_TIME), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo("META-INF/manifest.xml", FIXED_TIME), _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("content.xml", FIXED_TIME), _CONTENT_START + "".join(body) + _CONTENT_END,
                         compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()
