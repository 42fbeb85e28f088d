"""What the container runs, run here without a container engine: the web entrypoint
(scripts/serve) with production settings and a real host name, its health check, the worker's
wait for migrations; and the compose file and Dockerfile read as the engine would."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
HOST = "wandelwerk.kreis-beispiel.de"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """Production settings on a fresh SQLite database, with collected static files."""
    root = tmp_path_factory.mktemp("installation")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "WANDELWERK_"))
    }
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="wandelwerk.conf.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="true",
        DATABASE_URL=f"sqlite:///{root / 'db.sqlite3'}",
        STATIC_ROOT=str(root / "static"),
        MEDIA_ROOT=str(root / "media"),
        WANDELWERK_ADMIN_EMAIL="it@kreis-beispiel.de",
        WANDELWERK_ADMIN_PASSWORD="ein-langes-Admin-Passwort-1",
        GUNICORN_WORKERS="1",
        PORT=str(free_port()),
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return env


def healthcheck(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/healthcheck"], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_the_worker_waits_for_migrations_and_gives_up_in_time(production_env):
    env = production_env | {"WORKER_WAIT_SECONDS": "0"}
    result = subprocess.run(
        ["sh", "scripts/worker"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "noch nicht migriert" in result.stderr


def test_the_entrypoint_serves_and_the_health_check_passes_with_a_real_host_name(
    production_env,
):
    env = production_env
    server = subprocess.Popen(
        ["sh", "scripts/serve"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while healthcheck(env).returncode != 0:
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "the server did not become healthy"
            time.sleep(1)
        port = env["PORT"]
        # The check asks for the installation's own name; asked as 127.0.0.1 Django refuses.
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 400
        # Real pages still go to HTTPS; the login page is served with its static files.
        page = urllib.request.Request(f"http://127.0.0.1:{port}/anmelden/", headers={"Host": HOST})
        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(page, timeout=5)
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"] == f"https://{HOST}/anmelden/"
        # The worker starts once the web process has migrated.
        worker = subprocess.Popen(
            ["sh", "scripts/worker"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        time.sleep(4)
        assert worker.poll() is None, worker.stdout.read()
        worker.terminate()
        worker.wait(timeout=20)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Administration des IT-Dienstleisters angelegt: it@kreis-beispiel.de" in output
    assert "Wandelwerk ist bereit" in output
    wrong_port = env | {"PORT": str(free_port())}
    assert healthcheck(wrong_port).returncode == 1


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_compose_file_runs_one_image_as_web_and_worker():
    compose = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    web, worker, db = services["web"], services["worker"], services["db"]
    assert web["image"] == worker["image"] and "build" in web and "build" not in worker
    assert web["command"] == ["scripts/serve"] and worker["command"] == ["scripts/worker"]
    assert worker["healthcheck"] == {"disable": True}
    assert worker["depends_on"]["web"]["condition"] == "service_healthy"
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    for service in (web, worker, db):
        assert service["restart"] == "unless-stopped"
    environment = web["environment"]
    for name in (
        "DJANGO_CSRF_TRUSTED_ORIGINS",
        "BEHIND_PROXY",
        "PROXY_HOPS",
        "DJANGO_ALLOWED_HOSTS",
        "WANDELWERK_URL",
        "EMAIL_HOST",
        "DJANGO_SECRET_KEY",
    ):
        assert name in environment, name
    assert "media:/app/var/media" in web["volumes"] and web["volumes"] == worker["volumes"]


def test_the_dockerfile_gives_media_to_the_app_user_and_checks_health_by_host_name():
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "mkdir -p /app/var/media" in dockerfile
    assert "chown -R wandelwerk:wandelwerk /app/var" in dockerfile
    assert dockerfile.index("chown") < dockerfile.index("USER wandelwerk")
    assert 'CMD ["python", "scripts/healthcheck"]' in dockerfile
    assert 'CMD ["scripts/serve"]' in dockerfile
