"""Pages of the roadmap: scenarios and their plans, planning, the baseline, what-if and the
comparison of scenarios."""
