"""Settings for the published site: like pelicanconf.py, with the site's real address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The address the site will live at, e.g. https://name.github.io/katalog (no trailing slash).
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit("publishconf.py: set the SITEURL environment variable, e.g. SITEURL=https://name.github.io/katalog")
