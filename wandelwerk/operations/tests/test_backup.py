"""A backup taken with `manage.py backup` brings back the database and the uploaded files
with `manage.py restore`: on SQLite always, on PostgreSQL where pg_dump and a server are there."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
PG = "postgres://postgres@127.0.0.1:5432"


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def environment(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "wandelwerk.conf.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def count_municipalities(env) -> str:
    code = "from wandelwerk.tenants.models import Municipality as M; print(M.objects.count())"
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


def roundtrip(env, tmp_path: Path) -> None:
    manage(env, "bootstrap", "--no-admin")
    manage(env, "create_municipality", "sicherstadt", "Sicherstadt")
    upload = tmp_path / "media" / "nachweise" / "leitbild.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.4 Leitbild")
    manage(env, "backup", str(tmp_path / "sicherung"))

    manage(env, "create_municipality", "danach", "Danach")  # what happens after the backup
    upload.unlink()  # and a file lost
    assert (
        "Die Wiederherstellung ersetzt alle Daten"
        in subprocess.run(
            [sys.executable, "manage.py", "restore", str(tmp_path / "sicherung")],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        ).stderr
    )
    manage(env, "restore", str(tmp_path / "sicherung"), "--ja")
    assert count_municipalities(env) == "1"
    assert upload.read_bytes() == b"%PDF-1.4 Leitbild"


def test_backup_and_restore_on_sqlite(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = environment(tmp_path, f"sqlite:///{database}")
    roundtrip(env, tmp_path)


def _postgres_available() -> bool:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        return False
    try:
        import psycopg

        psycopg.connect(f"{PG}/postgres", connect_timeout=2).close()
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _postgres_available(), reason="kein PostgreSQL mit pg_dump erreichbar")
def test_backup_and_restore_on_postgresql(tmp_path):
    import psycopg

    name = f"wandelwerk_backup_{secrets.token_hex(4)}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = environment(tmp_path, f"{PG}/{name}")
        roundtrip(env, tmp_path)
    finally:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
