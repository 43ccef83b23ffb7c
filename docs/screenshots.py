"""Screenshots of what a user sees in a browser, taken in headless Chromium, with one check each.

    python docs/screenshots.py [--store .kg] [--name Corning] [--out docs]

Writes ``viz-1-hop.png`` and ``viz-2-hops.png`` (``kg viz NAME`` as an HTML page) and ``serve.png`` (the page
``kg serve`` opens with), each at 1400×1000, and checks that the drawing of each picture lies inside that
window (measured by the browser: the bounding box of the SVG's content on screen) and that the serve page
shows the graph's counts.  Prints one line per picture; exits 1 when a check fails.

Needs Chromium (Debian: ``apt-get install chromium``); nothing here goes to the network: the browser is started
with its background networking off and reads local files and a loopback server only.
"""
from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

WIDTH, HEIGHT = 1400, 1000
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          f"--window-size={WIDTH},{HEIGHT}", "--virtual-time-budget=3000"]

# appended to a copy of the viz page: the drawing's box on screen, written where --dump-dom can read it
_MEASURE = """<script>
const svg = document.querySelector("svg"), box = svg.getBBox(), m = svg.getScreenCTM();
const corners = [[box.x, box.y], [box.x + box.width, box.y + box.height]].map(([x, y]) => {
  const p = svg.createSVGPoint(); p.x = x; p.y = y; return p.matrixTransform(m); });
const out = document.createElement("pre"); out.id = "measured";
out.textContent = `drawn ${corners[0].x} ${corners[0].y} ${corners[1].x} ${corners[1].y}`;
document.body.appendChild(out);
</script>"""


def chromium(*args: str, profile: Path) -> str:
    """Run headless Chromium once; its standard output."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        sys.exit("error: Chromium not found; install it (Debian: apt-get install chromium)")
    done = subprocess.run([exe, *_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=120)
    return done.stdout


def kg(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)
    if done.returncode:
        said = (done.stderr or done.stdout).strip().splitlines()
        sys.exit(f"kg {args[0]} failed: {said[-1] if said else f'exit {done.returncode}'}")


def picture(name: str, hops: int, *, store: Path, png: Path, work: Path) -> str:
    """Draw ``name``, screenshot it, and say whether the drawing fits the window."""
    page = work / f"viz-{hops}.html"
    kg("viz", name, "--hops", str(hops), "--store", str(store), "-o", str(page))
    chromium(f"--screenshot={png}", page.as_uri(), profile=work / "profile")
    measured = work / f"measure-{hops}.html"
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", measured.as_uri(), profile=work / "profile")
    found = re.search(r"drawn (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+)", dom)
    if not found:
        return f"FAIL {png.name}: the page was not measured"
    left, top, right, bottom = (float(v) for v in found.groups())
    fits = left >= 0 and top >= 0 and right <= WIDTH and bottom <= HEIGHT
    return f"{'ok  ' if fits else 'FAIL'} {png.name}: drawing at ({left:.0f}, {top:.0f})–({right:.0f}, {bottom:.0f}) " \
           f"in a {WIDTH}×{HEIGHT} window"


def serve_page(*, store: Path, png: Path, work: Path) -> str:
    """Start ``kg serve`` on a free loopback port, screenshot its page, and check it states the graph's counts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        chromium(f"--screenshot={png}", url, profile=work / "profile")
        dom = chromium("--dump-dom", url, profile=work / "profile")
    finally:
        server.terminate()
        server.wait(timeout=30)
    counts = re.search(r"([\d,]+) statements, ([\d,]+) documents", dom)
    return f"{'ok  ' if counts else 'FAIL'} {png.name}: " + \
        (f"the page says {counts.group(0)}…" if counts else "the page does not state the graph's counts")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path(".kg"))
    parser.add_argument("--name", default="Corning")
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lines = [picture(args.name, hops, store=args.store, png=args.out / f"viz-{hops}-hop{'s' if hops > 1 else ''}.png",
                         work=work) for hops in (1, 2)]
        lines.append(serve_page(store=args.store, png=args.out / "serve.png", work=work))
    print("\n".join(lines))
    return 1 if any(line.startswith("FAIL") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
