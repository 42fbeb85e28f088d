"""The planning engine: measures into half-year periods under capacities, budget and deadlines.

Pure Python and OR-Tools CP-SAT; nothing here imports Django (an import-linter contract checks
it), so the engine and its tests run without a database.

- ``model``: ``Task``, ``Problem``, ``Weights`` in; ``Result`` with starts, status, gap, reasons,
  critical chain and conflicts out.
- ``core``: the constraint building shared with the PSPLIB model.
- ``solver.solve(problem, time_limit=…, workers=…)``; ``greedy.greedy_plan`` (the starting plan);
  ``explain``; ``check.violations``.
- ``psplib``: the standard benchmark (``python -m wandelwerk.roadmap.engine.psplib``).
"""

from wandelwerk.roadmap.engine.model import Conflict, Problem, Reason, Result, Status, Task, Weights
from wandelwerk.roadmap.engine.solver import solve

__all__ = ["Conflict", "Problem", "Reason", "Result", "Status", "Task", "Weights", "solve"]
