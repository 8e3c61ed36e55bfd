#!/usr/bin/env python3
"""atheris harness for the exports target (see targets.py and fuzz.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz import main

if __name__ == "__main__":
    main("exports")
