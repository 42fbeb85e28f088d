"""Named permission rules for the DigiCheck (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_consult, can_edit, is_member, is_municipality_admin

rules.add_perm("assessments.view", is_member)
rules.add_perm("assessments.change", can_edit)
rules.add_perm("assessments.approve", can_consult)
rules.add_perm("assessments.reopen", is_municipality_admin)
