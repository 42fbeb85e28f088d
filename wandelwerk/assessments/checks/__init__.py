"""The DigiChecks of a municipality: answering in the workshop, targets, the status flow, results."""
