"""Built-in knowledge: structure advice, stage guidance, starter templates (package data)."""
