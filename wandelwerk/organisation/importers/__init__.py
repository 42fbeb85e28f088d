"""Import kinds of the organisation inventory: org units, employees, IT systems (importing the
modules registers them)."""

from wandelwerk.organisation.importers import staff, systems, units

__all__ = ["staff", "systems", "units"]
