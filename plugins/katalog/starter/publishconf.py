"""Settings for the published site (make publish SITEURL=...): this catalog's pelicanconf.py with its real address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403
from katalog.defaults import published_siteurl  # noqa: E402

SITEURL = published_siteurl()
