"""WSGI entry point (gunicorn wandelwerk.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from wandelwerk.core.runtime import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.settings")
application = get_wsgi_application()

settle()
