"""Settings for building this catalog (`make html`, `make serve`): the generator's defaults, then what is this
site's own. The library's facts (name, address, zone, help, languages, licence, host) are not settings: they are in
content/data/site.yaml."""

from katalog.defaults import *  # noqa: F401,F403

PATH = "content"
SITEURL = ""
