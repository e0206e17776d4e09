"""Settings for building the sample catalog in this checkout of the generator (`make html`, `make serve`).

A library's own site has the same two lines: the engine's defaults, then what is its own. The library's facts
(name, address, zone, help, languages, licence, host) are not settings: they are in content/data/site.yaml."""

import os
import sys

# The engine from this checkout (a library's site imports it from the installed package instead).
PLUGINS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
if PLUGINS_DIR not in sys.path:
    sys.path.insert(0, PLUGINS_DIR)

from katalog.defaults import *  # noqa: E402,F401,F403

PLUGIN_PATHS = [PLUGINS_DIR]
PATH = "content"
SITEURL = ""
# "Today" is the build date in the library's zone, so that a nightly build moves programs into the past as their
# last session goes by. The sample says in site.yaml (sample:) the day it is written for, and is shown as of that
# day; KATALOG_TODAY=2026-12-07 make serve shows any catalog as of another day.
