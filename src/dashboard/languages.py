"""The two languages of the atlas, and how a browser's locale maps to one of them."""

from __future__ import annotations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def normalize_language(lang: str | None) -> str:
    """Map a locale such as 'en-GB' or 'fr_FR' to a supported language; French otherwise."""
    if not lang:
        return DEFAULT_LANGUAGE
    short = str(lang).strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else DEFAULT_LANGUAGE
