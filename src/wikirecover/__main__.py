"""`python -m wikirecover ...` runs the command line."""

from .cli import main

main()
