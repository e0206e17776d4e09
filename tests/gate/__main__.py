"""make audit SITE=folder: the accessibility gate over any folder of HTML pages, with reports."""

from __future__ import annotations

import argparse
import faulthandler
import signal
import sys
from pathlib import Path

from .run import ALLOWLIST, Gate, load_allowlist, write_reports


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
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a folder")
    try:
        report = Gate(args.site, args.workers, args.keyboard, load_allowlist(args.allowlist),
                      siteurl=args.siteurl or None).run()
    except KeyboardInterrupt:
        print("Stopped; every browser was closed.", file=sys.stderr)
        return 130
    json_path, html_path = write_reports(report, args.reports)
    print(f"Reports: {html_path} and {json_path}")
    print(f"{report['failed_pages']} of {report['pages']} pages have barriers." if report["failed_pages"]
          else f"No barriers found on {report['pages']} pages.")
    return 1 if report["failed_pages"] else 0


if __name__ == "__main__":
    sys.exit(main())
