#!/usr/bin/python3
"""Reads the editor as a screen reader does, over AT-SPI (the path Orca takes).

Run inside a fresh D-Bus session (`dbus-run-session -- /usr/bin/python3 atspi_walk.py
N COMMAND...`): starts the accessibility bus, turns it on for screen readers (without
IsEnabled and ScreenReaderEnabled AccessKit exposes nothing), starts COMMAND, and reads
its tree until it holds at least N described nodes and two reads in a row agree. Prints
every node as ROLE<TAB>NAME<TAB>DESCRIPTION, one per line; stops the app. Exits 1 when
the tree never gets there within the time limit (and prints what it had).

pyatspi is Debian's python3-pyatspi: run it with /usr/bin/python3.
"""

import subprocess
import sys
import time

LIMIT = 120.0


def set_status(prop):
    return (
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.freedesktop.DBus.Properties.Set",
                "string:org.a11y.Status",
                f"string:{prop}",
                "variant:boolean:true",
            ],
            capture_output=True,
        ).returncode
        == 0
    )


def walk(node, depth, out):
    if node is None or depth > 80:
        return
    try:
        role = node.getRoleName()
        name = node.name or ""
        description = node.description or ""
        count = node.childCount
    except Exception:
        return
    out.append((role, name, description))
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, depth + 1, out)


def read(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    out = []
    for i in range(desktop.childCount):
        try:
            walk(desktop.getChildAtIndex(i), 0, out)
        except Exception:
            pass
    return out


def main():
    need = int(sys.argv[1])
    command = sys.argv[2:]
    launcher = subprocess.Popen(
        ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
        stderr=subprocess.DEVNULL,
    )
    app = None
    try:
        deadline = time.monotonic() + 30.0
        while not (set_status("IsEnabled") and set_status("ScreenReaderEnabled")):
            if time.monotonic() > deadline:
                sys.exit("the accessibility bus did not start")
            time.sleep(0.1)
        import pyatspi  # once the bus is there

        app = subprocess.Popen(command)
        deadline = time.monotonic() + LIMIT
        last = None
        nodes = []
        while time.monotonic() < deadline:
            if app.poll() is not None:
                sys.exit(f"the app ended ({app.returncode}) before its tree was read")
            nodes = read(pyatspi)
            described = sum(1 for _, _, d in nodes if d)
            if described >= need and nodes == last:
                break
            last = nodes
            time.sleep(0.5)
        else:
            for role, name, description in nodes:
                print(f"{role}\t{name}\t{description}".replace("\n", " "))
            sys.exit(f"fewer than {need} described nodes after {LIMIT} s")
        for role, name, description in nodes:
            print(f"{role}\t{name}\t{description}".replace("\n", " "))
    finally:
        if app is not None and app.poll() is None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        launcher.terminate()


main()
