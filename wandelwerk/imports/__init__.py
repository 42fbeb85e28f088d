"""Importing tabular files (CSV and XLSX, as German Excel writes them) all-or-nothing.

- ``reader``: bytes → header and rows with their line numbers (encoding and separator detected).
- ``columns``: column specs with German headers and parsers that report errors in German.
- ``base``: the ``Importer`` each kind implements; ``registry``: the kinds by name, filled by the
  apps (``organisation``, ``ozg``) when they start.
- ``logic``: ``run_import`` — validate every row, then write everything in one transaction or
  nothing at all; ``bulk``: fast updates of many rows.
- ``views``: upload, preview, confirm, empty templates (``blank``), mounted by each app with
  ``import_urls``; ``models.ImportUpload`` keeps a file between preview and confirmation.
"""
