"""Where the app's own files are: the one place that knows.

Installed from a wheel, `app.py`, `pages/`, `data/`, `static/` and `.streamlit/config.toml` travel
inside the package, under `dashboard/app_files/` (setup.py copies them there at build time), and are
found through `importlib.resources`. In a source checkout (`make run`, an editable install) there is
no such folder and they are the checkout's own top-level files.

A school may keep its own tables (its own chapters, say) outside the package: the environment
variable below, set by `liberation-atlas --data-dir` and read by `dashboard.ui.loading`, points the
app at that folder instead.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGED_APP = "app_files"  # the folder, inside the package, that the build fills
DATA_DIR_VARIABLE = "LIBERATION_DATA_DIR"


def app_root() -> Path:
    """The folder holding app.py, pages/, data/ and static/."""
    packaged = files("dashboard") / PACKAGED_APP
    if packaged.joinpath("app.py").is_file():
        # pip and pipx unpack wheels onto the file system, where resources are plain paths.
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2]


def app_script() -> Path:
    return app_root() / "app.py"


def static_dir() -> Path:
    """Served by Streamlit at app/static/ (its static serving looks beside app.py)."""
    return app_root() / "static"


def data_dir() -> Path:
    """The bundled tables."""
    return app_root() / "data"
