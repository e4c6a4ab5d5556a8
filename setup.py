"""Build step: the app's top-level files travel inside the wheel.

app.py, pages/, data/, static/ and .streamlit/config.toml stay at the top of the checkout (where
`make run` and the tests use them) and are copied into the built package as
`dashboard/app_files/`, where `dashboard.resources` finds them once installed. Everything else
about the package is declared in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PACKAGED_APP = Path("dashboard") / "app_files"  # keep in step with dashboard.resources.PACKAGED_APP
APP_FILES = ["app.py", ".streamlit/config.toml"]
APP_FOLDERS = ["pages", "data", "static"]  # whole trees: player scripts under static/ come along
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithAppFiles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs the checkout's own files
        target = Path(self.build_lib) / PACKAGED_APP
        for name in APP_FILES:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(HERE / name, target / name)
        for name in APP_FOLDERS:
            shutil.copytree(HERE / name, target / name, ignore=SKIPPED, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithAppFiles})
