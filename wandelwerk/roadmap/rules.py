"""Named permission rules for scenarios and the roadmap (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_consult, can_edit, is_member

rules.add_perm("roadmap.view", is_member)
rules.add_perm("roadmap.change", can_edit)
rules.add_perm("roadmap.freeze", can_consult)
