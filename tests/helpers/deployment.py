"""The app as a school installs it: a wheel built from a copy of the checkout, installed into a
fresh venv outside it, served by `liberation-atlas` from another folder (tests/deploy)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A cold first import of pandas/plotly/pydeck on a loaded 2-core machine has taken tens of seconds.
SERVER_START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment() -> dict[str, str]:
    """The environment without anything that would point Python back at the checkout."""
    return {name: value for name, value in os.environ.items()
            if name not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")}


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{url} did not become healthy; log: {log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.5)


@dataclass
class Installed:
    venv: Path
    home: Path  # a folder outside the checkout, to run from

    @property
    def command(self) -> Path:
        return self.venv / "bin" / "liberation-atlas"

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


def checkout_files() -> list[str]:
    """The files git knows (committed or new, not ignored): what a fresh clone would hold."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def build_and_install(work: Path) -> Installed:
    """Wheel from a copy of the checkout, installed into a fresh venv in `work`."""
    source = work / "source"
    for name in checkout_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    wheels = work / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, env=clean_environment())
    # The copy is gone before anything runs: whatever the app reads must have come inside the wheel.
    shutil.rmtree(source)
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = next(wheels.glob("liberation_atlas-*.whl"))
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                    str(wheel)], check=True, env=clean_environment())
    home = work / "elsewhere"
    home.mkdir()
    return Installed(venv, home)


class Server:
    """A `liberation-atlas` process on 127.0.0.1, stopped at the end of the test."""

    def __init__(self, installed: Installed, port: int | None = None, log_name: str = "server"):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = installed.home / f"{log_name}-{self.port}.log"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [str(installed.command), "--port", str(self.port), "--address", "127.0.0.1"],
                cwd=installed.home, stdout=output, stderr=subprocess.STDOUT, env=clean_environment())
        wait_healthy(self.url, self.process, self.log)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
