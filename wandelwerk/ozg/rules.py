"""Named permission rules for the service register (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_edit, is_member

rules.add_perm("ozg.view", is_member)
rules.add_perm("ozg.change", can_edit)
rules.add_perm("ozg.import", can_edit)
