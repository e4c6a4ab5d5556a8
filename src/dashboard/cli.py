"""`liberation-atlas`: serve the installed app from any folder.

A launcher, not part of the app: it finds the packaged app.py (see `dashboard.resources`) and hands
it to Streamlit's own `streamlit run`, with the server options a school server needs. Streamlit
then reads the packaged `.streamlit/config.toml` beside app.py (theme, static serving, no usage
statistics); the options below are repeated as flags so a stray config file cannot turn them off.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from dashboard import resources

DESCRIPTION = """\
Sert l'atlas « Libération 1944–1945 » (Streamlit) depuis le paquet installé.
Serves the "Libération 1944–1945" atlas (Streamlit) from the installed package.

Exemple / example:  liberation-atlas --port 8501 --address 0.0.0.0
Les autres options de Streamlit (--server.*, --theme.*…) sont transmises telles quelles.
Other Streamlit options (--server.*, --theme.*…) are passed on as they are."""

# Always on for a served, installed app: no browser to open on the server, no usage reports to
# an outside host, the département outlines served as a static file, and no watching of
# site-packages for edits (an installed app does not change under a running server).
FIXED_OPTIONS = {
    "server.headless": "true",
    "browser.gatherUsageStats": "false",
    "server.enableStaticServing": "true",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
}


# French puts a space before ":" and ";"; a non-breaking one, so a narrow terminal never starts a
# help line with the sign alone (argparse wraps only at ASCII whitespace).
NBSP = "\u00a0"


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="liberation-atlas",
        description=DESCRIPTION,
        add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument("-h", "--help", action="help", help="affiche cette aide et quitte / show this help and exit")
    result.add_argument(
        "--port", type=int, default=8501, help=f"port TCP (défaut{NBSP}: 8501) / TCP port (default: 8501)"
    )
    result.add_argument(
        "--address",
        default="localhost",
        help=f"adresse d'écoute{NBSP}; 0.0.0.0 pour tout le réseau (défaut{NBSP}: localhost) / "
        "address to listen on; 0.0.0.0 for the whole network (default: localhost)",
    )
    result.add_argument(
        "--data-dir",
        type=Path,
        metavar="DOSSIER/FOLDER",
        help="dossier de tables à servir à la place des tables fournies (events.csv, "
        "chapters.csv…) / folder of tables to serve instead of the bundled ones",
    )
    return result


def streamlit_arguments(options: argparse.Namespace, passed_on: list[str]) -> list[str]:
    """The `streamlit run` command line for these options."""
    flags = {"server.port": str(options.port), "server.address": options.address, **FIXED_OPTIONS}
    command = ["run", str(resources.app_script())]
    for name, value in flags.items():
        command += [f"--{name}", value]
    return command + passed_on


def main(argv: list[str] | None = None) -> None:
    options, passed_on = parser().parse_known_args(argv)
    unknown = [word for word in passed_on if word.startswith("-") and "." not in word.split("=")[0]]
    if unknown:
        parser().error(f"option inconnue / unknown option: {' '.join(unknown)}")
    if options.data_dir is not None:
        if not (options.data_dir / "events.csv").is_file():
            parser().error(f"pas de events.csv dans / no events.csv in {options.data_dir}")
        # Read by dashboard.resources in the server process, which is this one.
        os.environ[resources.DATA_DIR_VARIABLE] = str(options.data_dir.resolve())

    from streamlit.web import cli as streamlit_cli

    streamlit_cli.main(args=streamlit_arguments(options, passed_on), prog_name="liberation-atlas")


if __name__ == "__main__":
    main()
