"""The program catalog's content model and checks, shared by the site's Pelican plugins."""
