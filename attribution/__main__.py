"""``python -m attribution`` runs the command line."""

from .cli import main

main()
