"""The accessibility gate: axe-core and our own browser checks over any folder of built HTML pages."""
