#!/usr/bin/python3
"""Runs browser_check.py against a panel_demo it starts and stops itself.

    run_browser_check.py PANEL_DEMO BROWSER_CHECK OUTPUT_DIR

Exits with browser_check's code (77: skipped), or 1 when panel_demo does not come up.
"""

import os
import select
import subprocess
import sys
import tempfile

START_SECONDS = 10
CHECK_SECONDS = 45
STOP_SECONDS = 5


def first_line(process, timeout):
    """panel_demo's first stdout line, or None when it does not come in time."""
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        return None
    return process.stdout.readline().decode().strip() or None


def stop(process):
    process.terminate()
    try:
        return process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    demo, check, output_dir = sys.argv[1:]
    os.makedirs(output_dir, exist_ok=True)
    with tempfile.TemporaryFile() as demo_log:
        demo_process = subprocess.Popen([demo], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=demo_log)
        try:
            url = first_line(demo_process, START_SECONDS)
            if not url or not url.startswith("http://127.0.0.1:"):
                print("run_browser_check: panel_demo printed no URL within %ds (got %r)"
                      % (START_SECONDS, url), file=sys.stderr)
                code = 1
            else:
                try:
                    code = subprocess.run([sys.executable, check, url, output_dir],
                                          stdin=subprocess.DEVNULL,
                                          timeout=CHECK_SECONDS).returncode
                except subprocess.TimeoutExpired:
                    print("run_browser_check: browser_check took over %ds" % CHECK_SECONDS,
                          file=sys.stderr)
                    code = 1
        finally:
            demo_code = stop(demo_process)
        if code != 0 or demo_code != 0:
            demo_log.seek(0)
            sys.stderr.write("run_browser_check: panel_demo's log (exit %d):\n" % demo_code)
            sys.stderr.write(demo_log.read().decode(errors="replace"))
            if code == 0:
                code = 1
    return code


if __name__ == "__main__":
    sys.exit(main())
