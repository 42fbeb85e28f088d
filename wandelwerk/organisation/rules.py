"""Named permission rules for the organisation inventory (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import can_edit, is_member, sees_personal_data

rules.add_perm("organisation.view", is_member)
rules.add_perm("organisation.change", can_edit)
rules.add_perm("organisation.import", can_edit)
rules.add_perm("organisation.view_personal_data", sees_personal_data)
rules.add_perm("organisation.change_personal_data", sees_personal_data & can_edit)
