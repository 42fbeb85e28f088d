"""The planning engine: measures into half-year periods under capacities, budget and deadlines.

Pure Python and OR-Tools CP-SAT; nothing here imports Django (an import-linter contract checks
it), so the engine and its tests run without a database.
"""
