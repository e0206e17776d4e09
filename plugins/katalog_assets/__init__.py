"""Versioned addresses for the theme's static files and the site's images in templates: {{ 'theme/css/main.css'|asset }}."""

from __future__ import annotations

import os

from jinja2 import pass_context
from pelican import signals

from katalog.assets import versioned


def remember_theme_files(pelican):
    """Where the main site's theme files come from; language sub-sites link to those and copy none of their own."""
    settings = pelican.settings
    if "KATALOG_THEME_FILES" in settings:
        return  # a language sub-site: inherited from the main site
    folders = [os.path.join(settings["THEME"], folder) for folder in settings.get("THEME_STATIC_PATHS", ["static"])]
    settings["KATALOG_THEME_FILES"] = (settings["THEME_STATIC_DIR"].strip("/"), folders)


@pass_context
def asset(context, path: str) -> str:
    """path (from the main site's root) with the version of the file it is copied from: the theme's or the content's."""
    static_dir, folders = context["KATALOG_THEME_FILES"]
    if path.startswith(static_dir + "/"):
        inside = path[len(static_dir) + 1:]
        for folder in reversed(folders):  # a later folder's file wins, as when Pelican copies them
            source = os.path.join(folder, inside)
            if os.path.isfile(source):
                return versioned(path, source)
        return path
    return versioned(path, os.path.join(context["PATH"], path))


def add_filter(generator):
    generator.env.filters["asset"] = asset


def register():
    signals.initialized.connect(remember_theme_files)
    signals.generator_init.connect(add_filter)
