"""Importing tabular files (CSV and XLSX, as German Excel writes them) all-or-nothing.

- ``reader``: bytes → header and rows with their line numbers (encoding and separator detected).
- ``columns``: column specs with German headers and parsers that report errors in German.
- ``base``: the ``Importer`` each kind implements, and the registry of kinds.
- ``logic``: ``run_import`` — validate every row, then write everything in one transaction or
  nothing at all.
"""
