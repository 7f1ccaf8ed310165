"""``python -m rasd`` runs the command line."""
from rasd.cli import main

main()
