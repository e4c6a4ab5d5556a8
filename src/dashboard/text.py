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
