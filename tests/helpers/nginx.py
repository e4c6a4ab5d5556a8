"""deploy/liberation-atlas.nginx.conf run as an ordinary process, on 127.0.0.1 ports.

Used by the nginx test (tests/deploy/test_nginx.py) and by the load benchmark's `--replicas 2`.
nginx runs from a temporary prefix (its pid, logs and temporary files there); the site file is the
one in deploy/, with only its ports and log path changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "deploy" / "liberation-atlas.nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render_site(port: int, replicas: list[int], log: Path) -> str:
    site = SITE.read_text()
    replacements = [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server 127.0.0.1:8501 ", f"server 127.0.0.1:{replicas[0]} "),
        ("server 127.0.0.1:8502 ", f"server 127.0.0.1:{replicas[1]} "),
        ("/var/log/nginx/liberation-atlas.log", str(log)),
    ]
    for old, new in replacements:
        assert site.count(old) == 1, f"deploy config changed: {old!r} not found once"
        site = site.replace(old, new)
    return site


def main_config(prefix: Path, site: Path) -> str:
    temp = "\n".join(f"    {name}_temp_path {prefix / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the temp paths
    return f"""{user}worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} notice;
events {{ worker_connections 512; }}
http {{
{temp}
    include {site};
}}
"""


def start_nginx(prefix: Path, port: int, replicas: list[int]) -> Path:
    """nginx listening on `port` in front of the two `replicas`; returns its access log."""
    log = prefix / "access.log"
    site = prefix / "site.conf"
    site.write_text(render_site(port, replicas, log))
    config = prefix / "nginx.conf"
    config.write_text(main_config(prefix, site))
    options = ["-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)]
    subprocess.run([NGINX, "-t", "-q", *options], check=True)
    subprocess.run([NGINX, *options], check=True)
    return log


def stop_nginx(prefix: Path) -> None:
    pid_file = prefix / "nginx.pid"
    if pid_file.exists():
        subprocess.run(["kill", "-QUIT", pid_file.read_text().strip()], check=False)


def first_visit(url: str) -> str:
    """The page's HTML, as a new browser asks for it: returns the cookie nginx gives it."""
    with urllib.request.urlopen(url + "/", timeout=30) as response:
        assert response.status == 200
        cookie = SimpleCookie(response.headers.get("Set-Cookie", ""))
    assert "atlas_replica" in cookie, "nginx gave no replica cookie"
    return f"atlas_replica={cookie['atlas_replica'].value}"
