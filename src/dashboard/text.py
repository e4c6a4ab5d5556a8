"""Making data text safe to show: HTML for tooltips, Markdown for Streamlit text elements, Plotly
labels, and CSV cells a spreadsheet opens."""

from __future__ import annotations

import html
import re

import pandas as pd

# Every character Markdown (CommonMark + Streamlit's extensions) may treat as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")


def escape_html(text: object) -> str:
    """Text from the data, made inert inside an HTML tooltip."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """Text from the data, shown literally by st.markdown: no link, image, HTML or formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def plotly_text(text: object) -> str:
    """Data text for a Plotly label or hover: Plotly reads a few HTML tags (<a>, <b>, <br>) in
    them; escaped, they show as typed. Quotes stay (Plotly decodes &lt; &gt; &amp;, not &#x27;)."""
    return html.escape("" if text is None else str(text), quote=False)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made plain text by a leading
    apostrophe (OWASP's advice); numbers and dates are left as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV for download, every text cell safe to open in a spreadsheet. With a
    BOM: without one, Excel (the teachers' spreadsheet) reads the accents as Windows-1252."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_safe)
    safe.columns = [spreadsheet_safe(name) for name in safe.columns]
    return safe.to_csv(index=False).encode("utf-8-sig")
