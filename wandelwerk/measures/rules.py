"""Named permission rules for measures (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_edit, is_member

rules.add_perm("measures.view", is_member)
rules.add_perm("measures.change", can_edit)
