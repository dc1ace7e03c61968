"""`python -m csdesign` runs the command-line interface."""

from csdesign.cli import main

main()
