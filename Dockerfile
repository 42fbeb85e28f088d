# One image for the web process (scripts/serve) and the worker (scripts/worker), configured by
# environment variables (docs/settings.md, docs/operations.md).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wandelwerk.conf.settings \
    STATIC_ROOT=/app/var/static MEDIA_ROOT=/app/var/media PORT=8000

WORKDIR /app
# pg_dump and pg_restore for `manage.py backup` and `restore` (same major version as the server);
# Pango and Cairo set the council reports as PDF and draw their charts for the Word file.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    libpango-1.0-0 libpangoft2-1.0-0 libcairo2 \
    && rm -rf /var/lib/apt/lists/*
COPY requirements/base.lock requirements/base.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/base.lock
COPY . .
# The media directory exists in the image and belongs to the app user, so a volume mounted
# there starts out owned by that user (uploads are written as it).
RUN useradd --system --home /app wandelwerk \
    && mkdir -p /app/var/media /app/var/static \
    && DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
       python manage.py collectstatic --no-input \
    && chown -R wandelwerk:wandelwerk /app/var
USER wandelwerk
EXPOSE 8000
# Asks for /healthz with the installation's own host name (see scripts/healthcheck).
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "scripts/healthcheck"]
CMD ["scripts/serve"]
