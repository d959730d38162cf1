"""``python -m notice_ld`` runs the command line."""

import sys

from notice_ld.cli import main

sys.exit(main())
