import pytest


@pytest.mark.django_db
def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_production_refuses_a_secret_key_that_is_not_secret():
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from wandelwerk.core.secrets import check_secret_key, weakness

    for key in ("", "dev-only-not-secret-wandelwerk", "django-insecure-abc", "kurz", "a" * 60):
        assert weakness(key), key
        with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
            check_secret_key(key)
    assert weakness("x7Gq-2LpZ9vR4tN8mW1cK6yH3bJ5dF0sA_eU7iO2pQ9rT4wY8zX1cV6nB3mL5kJ") is None


def test_the_production_settings_do_not_start_with_the_development_key(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wandelwerk.conf.settings",
        "DJANGO_SECRET_KEY": "dev-only-not-secret-wandelwerk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }
    env.pop("DJANGO_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "bekannter Beispiel- oder Entwicklungsschlüssel" in result.stderr
