"""Package data: the JSON Schema of the output contract (installed as attribution._schemas)."""
