"""make audit SITE=folder: the accessibility gate over any folder of HTML pages, with reports.

Exit codes: 0 no barriers found on any page; 1 barriers found; 3 no barriers found, but some pages could not be
checked (the report says why); 2 a wrong command line; 130 stopped (the report holds the pages checked by then).
The reports are written in every one of these cases but the wrong command line."""

from __future__ import annotations

import argparse
import faulthandler
import signal
import sys
from pathlib import Path

from .run import ALLOWLIST, Gate, load_allowlist, verdict, write_reports

CLEAN, BARRIERS, USAGE, UNCHECKED, STOPPED = 0, 1, 2, 3, 130


def _terminate(signum, frame):
    raise KeyboardInterrupt  # stopped from outside: close the browsers like after Ctrl-C


def main(argv=None) -> int:
    signal.signal(signal.SIGTERM, _terminate)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1 PID`: where a run that seems stuck is
    parser = argparse.ArgumentParser(prog="make audit", description=__doc__)
    parser.add_argument("site", type=Path, help="folder of built HTML pages")
    parser.add_argument("--reports", type=Path, default=Path("test-reports"), help="where the reports go")
    parser.add_argument("--workers", type=int, default=None, help="browsers at once (default: one per core)")
    parser.add_argument("--keyboard", choices=("sample", "all", "none"), default="sample",
                        help="keyboard walk on one page of each kind (sample), every page, or none")
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST, help="reviewed axe 'incomplete' results")
    parser.add_argument("--siteurl", default=None,
                        help="the address the site was built for (make publish SITEURL=...): served from the folder")
    parser.add_argument("--page-time", type=float, default=120.0,
                        help="seconds one page may take, all its checks together (default 120); "
                             "a page that takes longer is reported as not checked")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a folder")
    if args.page_time <= 0:
        parser.error("--page-time must be more than 0 seconds")
    gate = Gate(args.site, args.workers, args.keyboard, load_allowlist(args.allowlist),
                siteurl=args.siteurl or None, page_time=args.page_time)
    try:
        report = gate.run()
    except KeyboardInterrupt:  # before any page was started
        print("Stopped; every browser was closed.", file=sys.stderr)
        return STOPPED
    json_path, html_path = write_reports(report, args.reports)
    if report["interrupted"]:
        print("Stopped; every browser was closed.", file=sys.stderr)
    print(f"Reports: {html_path} and {json_path}")
    print(verdict(report))
    if report["interrupted"]:
        return STOPPED
    return BARRIERS if report["failed_pages"] else UNCHECKED if report["unchecked_pages"] else CLEAN


if __name__ == "__main__":
    sys.exit(main())
