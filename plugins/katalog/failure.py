"""How a failed run ends: a content problem with its report, an internal fault with one paragraph and a log file."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from .messages import frame

# Exit codes of the commands: content problems, a fault in the generator itself, an interrupted run.
CONTENT_PROBLEM = 1
INTERNAL_FAULT = 3
INTERRUPTED = 130


def fault(error: BaseException, lang: str, log: Path, debug: bool = False) -> int:
    """Says in one paragraph that the generator failed, not the content; the traceback goes to `log`."""
    details = "".join(traceback.format_exception(error))
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(details, encoding="utf-8")
        where = str(log)
    except OSError:
        where = "-"
        debug = True  # nowhere to keep it: show it
    if debug:
        sys.stderr.write(details)
        sys.stderr.write("\n" + frame("fault_debug", lang) + "\n")
    else:
        sys.stderr.write("\n" + frame("fault", lang, error=type(error).__name__, log=where) + "\n")
    sys.stderr.flush()
    return INTERNAL_FAULT
