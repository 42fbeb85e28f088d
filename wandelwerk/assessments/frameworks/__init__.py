"""The questionnaires (Fragebögen): versioned YAML files, copied and adapted by the provider."""
