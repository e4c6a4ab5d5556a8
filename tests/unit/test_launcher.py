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
    assert flags(args) == {"--server.port": "8501", "--server.address": "localhost",
                           **{f"--{name}": value for name, value in cli.FIXED_OPTIONS.items()}}
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
