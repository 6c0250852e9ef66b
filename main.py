"""Qianli (千里) CRM. ``python main.py`` opens the desktop client; ``python main.py
<command>`` is the command line (``python main.py --help`` lists the commands)."""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
