"""Named permission rules for the council report (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_consult, can_edit, is_member

rules.add_perm("reports.view", is_member)
rules.add_perm("reports.change", can_edit)  # what it prints, building and deleting drafts
rules.add_perm("reports.hand_over", can_consult)  # handing it to the council archives it
