"""Rule data: lexicons, cue patterns and channel expressions (YAML), installed as package data."""
