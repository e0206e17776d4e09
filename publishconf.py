"""Settings for the published site: like pelicanconf.py, with the site's real address (the SITEURL environment
variable, e.g. https://name.github.io/katalog, no trailing slash)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403
from katalog.defaults import published_siteurl  # noqa: E402

SITEURL = published_siteurl()
