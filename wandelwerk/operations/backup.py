"""Backup and restore of an installation: the database (PostgreSQL with ``pg_dump`` in its
custom format, SQLite with its online backup) and the uploaded files (a tar archive of
``MEDIA_ROOT``). A backup is a directory with ``database.dump`` or ``database.sqlite3``,
``media.tar.gz`` and ``backup.json`` (what, when, which schema)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone


class BackupError(RuntimeError):
    """A backup or restore step failed; the message says which and why."""


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def _is_postgres() -> bool:
    return "postgresql" in _database()["ENGINE"]


def _pg_args(tool: str) -> tuple[list[str], dict[str, str]]:
    db = _database()
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} ist nicht installiert (Paket postgresql-client).")
    args = [tool, "--no-owner", "--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} ist fehlgeschlagen: {result.stderr.strip()[:500]}")


def backup(target: Path) -> Path:
    """Write a backup into the new directory ``target``."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} ist nicht leer; bitte ein neues Verzeichnis angeben.")
    target.mkdir(parents=True, exist_ok=True)
    if _is_postgres():
        args, env = _pg_args("pg_dump")
        _run([*args, "--format=custom", "--file", str(target / "database.dump")], env)
    else:
        connections["default"].close()
        with (
            sqlite3.connect(_database()["NAME"]) as source,
            sqlite3.connect(target / "database.sqlite3") as copy,
        ):
            source.backup(copy)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    last = MigrationRecorder.Migration.objects.order_by("-applied").first()
    (target / "backup.json").write_text(
        json.dumps(
            {
                "created": timezone.now().isoformat(),
                "database": "postgresql" if _is_postgres() else "sqlite",
                "last_migration": f"{last.app}.{last.name}" if last else None,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return target


def restore(source: Path) -> None:
    """Replace the database and the uploaded files by those of the backup in ``source``."""
    if not (source / "backup.json").exists():
        raise BackupError(f"{source} enthält keine Sicherung (backup.json fehlt).")
    dump, copy = source / "database.dump", source / "database.sqlite3"
    if _is_postgres():
        if not dump.exists():
            raise BackupError("Die Sicherung stammt nicht aus PostgreSQL (database.dump fehlt).")
        connections["default"].close()
        args, env = _pg_args("pg_restore")
        _run([*args, "--clean", "--if-exists", "--single-transaction", str(dump)], env)
    else:
        if not copy.exists():
            raise BackupError("Die Sicherung stammt nicht aus SQLite (database.sqlite3 fehlt).")
        connections["default"].close()
        with sqlite3.connect(copy) as backup_db, sqlite3.connect(_database()["NAME"]) as live:
            backup_db.backup(live)
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media.parent, filter="data")
    if not media.exists():
        media.mkdir(parents=True)
