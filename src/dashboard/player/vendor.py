"""Put deck.gl where Streamlit's static serving can send it to the browser.

The map player runs pydeck's own deck.gl bundle (pydeck/nbextension/static/index.js, deck.gl
9.3), so the app needs no CDN and no node. It is copied, not linked: Streamlit's static serving
refuses symlinks that lead out of static/. `make install` runs this (scripts/vendor_player.py);
the app runs it too at start when the copy is missing or stale, e.g. after a pip upgrade.
DataFilterExtension (from npm's @deck.gl/extensions, same deck.gl version) is committed under
static/vendor/ with its licence: it does not come with pydeck.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pydeck

STATIC_DIR = Path(__file__).resolve().parents[3] / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
PYDECK_BUNDLE = Path(pydeck.__file__).parent / "nbextension" / "static" / "index.js"
DECK_COPY = VENDOR_DIR / "pydeck-deckgl" / "index.js"
EXTENSIONS = VENDOR_DIR / "deck.gl-extensions-9.3.6" / "dist.min.js"
# The URLs the browser resolves against the page's address (static serving mounts static/ at app/static/).
DECK_URL = "app/static/vendor/pydeck-deckgl/index.js"
EXTENSIONS_URL = "app/static/vendor/deck.gl-extensions-9.3.6/dist.min.js"


def is_current(source: Path = PYDECK_BUNDLE, copy: Path = DECK_COPY) -> bool:
    """True when the copy exists, is a real file, and has the source's size and timestamp."""
    if not copy.is_file() or copy.is_symlink():
        return False
    ours, theirs = copy.stat(), source.stat()
    return ours.st_size == theirs.st_size and int(ours.st_mtime) == int(theirs.st_mtime)


def vendor(source: Path = PYDECK_BUNDLE, copy: Path = DECK_COPY) -> bool:
    """Copy pydeck's bundle into static/ unless an identical copy is there; True if it copied."""
    if is_current(source, copy):
        return False
    copy.parent.mkdir(parents=True, exist_ok=True)
    if copy.is_symlink():
        copy.unlink()
    partial = copy.with_suffix(".partial")
    shutil.copy2(source, partial)  # then rename: a browser never gets half a file
    partial.replace(copy)
    return True


def main() -> None:
    copied = vendor(PYDECK_BUNDLE, DECK_COPY)  # read now, not when `vendor` was defined
    print(f"{'copied' if copied else 'up to date'}: {PYDECK_BUNDLE} -> {DECK_COPY}")
    if not EXTENSIONS.is_file():
        raise SystemExit(f"missing {EXTENSIONS}: it is part of the repository (git checkout static/vendor)")


if __name__ == "__main__":
    main()
