"""WSGI entry point (gunicorn wandelwerk.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, the apps, the URL and template machinery) lives as long as
# the process: kept out of the garbage collector's full passes, which otherwise walk it again and
# again and add tens of milliseconds to a request now and then (benchmarks/pages.py).
gc.collect()
gc.freeze()
