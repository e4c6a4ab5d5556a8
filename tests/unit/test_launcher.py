"""`liberation-atlas`: the command line it hands to Streamlit, and what it refuses. Streamlit itself
is replaced by a recorder: nothing is served."""

import os
from pathlib import Path

import pytest

from dashboard import cli, resources


@pytest.fixture
def streamlit_run(monkeypatch):
    """What `streamlit run` would have been given."""
    from streamlit.web import cli as streamlit_cli

    calls = []
    monkeypatch.setattr(streamlit_cli, "main", lambda args, prog_name: calls.append((args, prog_name)))
    # setenv first so that the variable cli.main sets is removed afterwards: it would point every
    # later test's app at this test's temporary folder.
    monkeypatch.setenv(resources.DATA_DIR_VARIABLE, "")
    monkeypatch.delenv(resources.DATA_DIR_VARIABLE)
    return calls


def flags(args):
    """`--name value` pairs of a command line, after `run app.py`."""
    return dict(zip(args[2::2], args[3::2]))


def test_defaults_serve_the_packaged_app_on_localhost(streamlit_run):
    cli.main([])
    ((args, prog),) = streamlit_run
    assert prog == "liberation-atlas"
    assert args[:2] == ["run", str(resources.app_script())]
    assert flags(args) == {
        "--server.port": "8501",
        "--server.address": "localhost",
        **{f"--{name}": value for name, value in cli.FIXED_OPTIONS.items()},
    }
    assert resources.DATA_DIR_VARIABLE not in os.environ


def test_port_and_address_are_passed_and_other_streamlit_options_follow(streamlit_run):
    cli.main(["--port", "9000", "--address", "0.0.0.0", "--theme.base=dark", "--server.maxUploadSize", "5"])
    ((args, _),) = streamlit_run
    assert args[-3:] == ["--theme.base=dark", "--server.maxUploadSize", "5"]
    served = flags(args[:-3])
    assert served["--server.port"] == "9000" and served["--server.address"] == "0.0.0.0"


def test_the_fixed_options_keep_a_served_app_quiet_and_offline():
    assert cli.FIXED_OPTIONS["server.headless"] == "true"
    assert cli.FIXED_OPTIONS["browser.gatherUsageStats"] == "false"
    assert cli.FIXED_OPTIONS["server.enableStaticServing"] == "true"


@pytest.mark.parametrize("argv", [["--verbose"], ["-x"], ["--port", "80", "--colour=red"]])
def test_an_unknown_option_is_refused_before_streamlit_starts(streamlit_run, capsys, argv):
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2 and streamlit_run == []
    assert "unknown option" in capsys.readouterr().err


def test_a_data_folder_is_handed_to_the_app_as_an_absolute_path(streamlit_run, tmp_path, monkeypatch):
    (tmp_path / "events.csv").write_text("event_id\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    cli.main(["--data-dir", tmp_path.name])
    assert os.environ[resources.DATA_DIR_VARIABLE] == str(tmp_path.resolve())
    assert len(streamlit_run) == 1


def test_a_data_folder_without_events_is_refused(streamlit_run, tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--data-dir", str(tmp_path)])
    assert streamlit_run == [] and resources.DATA_DIR_VARIABLE not in os.environ
    assert str(tmp_path) in capsys.readouterr().err


def test_help_speaks_both_languages(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    assert "liberation-atlas" in text and "Serves" in text and "Sert" in text and "--data-dir" in text


def test_in_a_checkout_the_app_files_are_the_checkouts_own():
    root = Path(__file__).resolve().parents[2]
    assert resources.app_root() == root
    assert resources.app_script() == root / "app.py"
    assert resources.static_dir() == root / "static" and resources.data_dir() == root / "data"


def test_an_installed_package_finds_its_app_files_inside_it(tmp_path, monkeypatch):
    package = tmp_path / "dashboard"
    (package / resources.PACKAGED_APP).mkdir(parents=True)
    (package / resources.PACKAGED_APP / "app.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(resources, "files", lambda name: package)
    assert resources.app_root() == package / resources.PACKAGED_APP
    assert resources.data_dir() == package / resources.PACKAGED_APP / "data"


# What IT staff read before serving the app: every option, said in French then in English.
OPTION_HELP = {
    "-h, --help": "affiche cette aide et quitte / show this help and exit",
    "--port PORT": "port TCP (défaut : 8501) / TCP port (default: 8501)",
    "--address ADDRESS": "adresse d'écoute ; 0.0.0.0 pour tout le réseau (défaut : localhost) / "
    "address to listen on; 0.0.0.0 for the whole network (default: localhost)",
    "--data-dir DOSSIER/FOLDER": "dossier de tables à servir à la place des tables fournies (events.csv, "
    "chapters.csv…) / folder of tables to serve instead of the bundled ones",
}


def help_text(capsys, flag):
    with pytest.raises(SystemExit) as stopped:
        cli.main([flag])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def options_listed(text):
    """{'--port PORT': its help on one line} from the options part of a help text, however wrapped."""
    options: dict[str, str] = {}
    for line in text.split("\n\n")[-1].splitlines()[1:]:
        if line.startswith("  -"):
            name, _, words = line.strip().partition("  ")
            options[name] = words
        else:
            options[name] += " " + line
    return {name: " ".join(words.split()) for name, words in options.items()}


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_names_every_option_in_french_then_english(capsys, monkeypatch, flag):
    monkeypatch.setenv("COLUMNS", "80")
    assert options_listed(help_text(capsys, flag)) == OPTION_HELP


@pytest.mark.parametrize("columns", range(40, 121, 4))
def test_help_never_starts_a_line_with_french_punctuation_alone(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = [line.strip() for line in help_text(capsys, "--help").splitlines()]
    assert not [line for line in lines if line[:1] in (":", ";")]


def test_help_starts_with_the_command_and_keeps_the_description_lines_as_written(capsys):
    text = help_text(capsys, "--help")
    assert text.startswith("usage: liberation-atlas [-h]")
    lines = text.splitlines()
    for line in cli.DESCRIPTION.splitlines():  # the example line stays one line, languages stay apart
        assert line in lines


def test_a_port_that_is_not_a_number_is_refused_before_streamlit_starts(streamlit_run, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--port", "http"])
    assert stopped.value.code == 2 and streamlit_run == []
    assert "--port" in capsys.readouterr().err


def test_a_misspelt_option_with_a_dotted_value_is_refused_not_passed_to_streamlit(streamlit_run, capsys):
    """Streamlit's own options have a dot in their name (--server.port); a value may have one too."""
    with pytest.raises(SystemExit):
        cli.main(["--adress=0.0.0.0"])
    assert streamlit_run == []
    assert "--adress=0.0.0.0" in capsys.readouterr().err


def test_every_unknown_option_is_named(streamlit_run, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--verbose", "--port", "80", "-x"])
    assert capsys.readouterr().err.rstrip().endswith("option inconnue / unknown option: --verbose -x")
