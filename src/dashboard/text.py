"""Making data text safe to show: HTML for tooltips, Markdown for Streamlit text elements."""

from __future__ import annotations

import html
import re

# Every character Markdown (CommonMark + Streamlit's extensions) may treat as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")


def escape_html(text: object) -> str:
    """Text from the data, made inert inside an HTML tooltip."""
    return html.escape("" if text is None else str(text), quote=True)


def escape_markdown(text: object) -> str:
    """Text from the data, shown literally by st.markdown: no link, image, HTML or formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


# A cell starting with one of these is run as a formula by Excel or LibreOffice when a CSV
# is opened ("CSV injection"); a leading apostrophe makes it text (OWASP's advice).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value: object) -> object:
    """Text that a spreadsheet will show, never run. Numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_csv(table) -> bytes:
    """A DataFrame as CSV bytes in which no cell can run as a formula: UTF-8 with a BOM, so that
    Excel shows the accents."""
    safe = table.rename(columns=lambda name: neutralize_formula(str(name)))
    safe = safe.apply(lambda column: column.map(neutralize_formula) if column.dtype == object or
                      str(column.dtype).startswith(("str", "string")) else column)
    return safe.to_csv(index=False).encode("utf-8-sig")
