"""Charts rendered on the server as SVG, so a page and the PDF report show the same picture.

Every chart function returns markup (``SafeString``) with ``role="img"``, a title and a
description; pages put a table with the same numbers beside it (the table alternative).
"""
