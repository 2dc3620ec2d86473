"""Lighthouse scores of the public site: one page of each public page type, mobile and desktop.

Run:  .venv/bin/python bench/bench_lighthouse.py [--runs 3] [--out DIR]
Installs the pinned Lighthouse (bench/lighthouse/package.json) with npm if
bench/lighthouse/node_modules is missing, builds a throw-away data directory with the demo
(as bench_site.py), serves it with gunicorn (2 sync workers, as `infolijn serve`) on plain
HTTP at 127.0.0.1 (Lighthouse and Chrome count 127.0.0.1 as a secure context; production runs
behind HTTPS), and runs Lighthouse with Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium) for the categories performance, accessibility, best-practices and seo,
once with the mobile default and once with --preset=desktop. With --runs N > 1 the run with
the median performance score is kept (as Lighthouse recommends). Writes
bench/results-lighthouse.md: scores, key metrics, and every failing audit with its items.
Goal: 100 for accessibility, best practices and SEO, >= 95 for performance; the 404 page
legitimately answers 404, which SEO's "http-status-code" audit flags: it is reported
separately and not counted against the goal.
"""

import argparse
import http.client
import json
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

from benchlib import prepare_demo_site, start_site

ROOT = Path(__file__).resolve().parents[1]
LH_DIR = ROOT / "bench" / "lighthouse"
LH_BIN = LH_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CATEGORY_TITLES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "best pr.",
    "seo": "SEO",
}
GOAL = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
SEARCH_QUERY = "groeipakket"
NOT_FOUND_PATH = "/deze-pagina-bestaat-niet/"
PUBLICATIONS_PATH = "/publicaties/"
NOT_FOUND_PAGE = "404 page"
METRICS = [
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
]
SKIP_MODES = {"informative", "manual", "notApplicable"}
MAX_ITEMS = 12


def ensure_lighthouse() -> None:
    if (LH_DIR / "node_modules").is_dir() and LH_BIN.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm not found: install Node.js 18+ (Lighthouse 12 needs it)")
    cmd = [npm, "ci", "--no-audit", "--no-fund"]
    if not (LH_DIR / "package-lock.json").exists():
        cmd = [npm, "install", "--no-audit", "--no-fund"]
    print("installing Lighthouse:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=LH_DIR, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(urlsplit(href).path)


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def pick_pages(port: int) -> tuple[list[tuple[str, str]], list[str]]:
    """One URL per public page type, found by following the site's own links."""
    notes: list[str] = []
    pages = [("home", "/"), ("theme overview", "/themas/")]
    status, html = get(port, "/themas/")
    if status != 200:
        raise RuntimeError(f"/themas/ answered {status}")
    themes = sorted({h for h in links(html) if re.fullmatch(r"/themas/[^/]+/", h)})
    if not themes:
        raise RuntimeError("no theme page linked from /themas/")
    script = None
    for theme in themes:  # the first theme (alphabetically) that lists a script
        _, theme_html = get(port, theme)
        scripts = [h for h in links(theme_html) if h.startswith("/info/")]
        if scripts:
            pages.append(("theme page", theme))
            script = scripts[0]
            break
    if script is None:
        raise RuntimeError("no theme page lists a script page")
    pages.append(("script page", script))
    pages.append(("search results", f"/zoeken/?q={quote(SEARCH_QUERY)}"))
    pages.append(("contact form", "/contact/"))
    # Publications (brochures to order): the list and one order form, if the site has them.
    status, pub_html = get(port, PUBLICATIONS_PATH)
    if status == 200:
        pages.append(("publications", PUBLICATIONS_PATH))
        orders = [h for h in links(pub_html) if re.fullmatch(r"/publicaties/[^/]+/bestellen/", h)]
        if orders:
            pages.append(("publication order", orders[0]))
        else:
            notes.append(f"`{PUBLICATIONS_PATH}` links no order form, so none is measured.")
    else:
        notes.append(f"`{PUBLICATIONS_PATH}` answered {status}: no publications page measured.")
    pages.append((NOT_FOUND_PAGE, NOT_FOUND_PATH))
    for name, path in pages:
        status, _ = get(port, path)
        expected = 404 if name == NOT_FOUND_PAGE else 200
        if status != expected:
            raise RuntimeError(f"{name} {path} answered {status}, expected {expected}")
    return pages, notes


def lighthouse_cmd(url: str, out: Path, desktop: bool, ignore_status: bool) -> list[str]:
    cmd = [
        str(LH_BIN),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if desktop:
        cmd.append("--preset=desktop")
    if ignore_status:
        cmd.append("--ignore-status-code")
    return cmd


def display_cmd(desktop: bool, ignore_status: bool) -> str:
    cmd = lighthouse_cmd("<url>", Path("<out>.json"), desktop, ignore_status)
    cmd[0] = "bench/lighthouse/node_modules/.bin/lighthouse"
    return "CHROME_PATH=/usr/bin/chromium " + shlex.join(cmd).replace("'<url>'", "<url>")


RETRIES: list[str] = []  # runs repeated after a Lighthouse runtime error (e.g. NO_NAVSTART)


def run_lighthouse(url: str, out: Path, desktop: bool, ignore_status: bool, env: dict) -> dict:
    """One Lighthouse run; a run that ends in a runtime error is repeated (up to 3 attempts)."""
    cmd = lighthouse_cmd(url, out, desktop, ignore_status)
    error = ""
    for _ in range(3):
        out.unlink(missing_ok=True)
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        lhr: dict = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        if proc.returncode == 0 and lhr and not lhr.get("runtimeError"):
            return lhr
        error = (lhr.get("runtimeError") or {}).get("code") or proc.stderr.strip()[-500:]
        RETRIES.append(
            f"{url.split(str(urlsplit(url).netloc), 1)[-1]} ({'desktop' if desktop else 'mobile'}): {error}"
        )
        print(f"lighthouse failed for {url}: {error}; retrying", file=sys.stderr)
    raise RuntimeError(f"lighthouse failed 3 times for {url}: {error}")


def score(lhr: dict, category: str, exclude: Collection[str] = ()) -> float | None:
    cat = lhr["categories"][category]
    if not exclude:
        return None if cat["score"] is None else cat["score"] * 100
    total = weight = 0.0
    for ref in cat["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref["id"] in exclude or not ref["weight"] or audit["score"] is None:
            continue
        total += ref["weight"] * audit["score"]
        weight += ref["weight"]
    return total / weight * 100 if weight else None


def fmt_score(value: float | None) -> str:
    return "–" if value is None else f"{round(value)}"


def metric(lhr: dict, audit_id: str) -> str:
    audit = lhr["audits"].get(audit_id, {})
    value = audit.get("numericValue")
    if value is None:
        return "–"
    if audit_id == "cumulative-layout-shift":
        return f"{value:.3f}"
    return f"{value:,.0f} ms"


def node_text(value: dict) -> str:
    selector = value.get("selector") or value.get("path") or ""
    snippet = (value.get("snippet") or "").replace("\n", " ")
    if len(snippet) > 120:
        snippet = snippet[:117] + "…"
    label = value.get("nodeLabel") or ""
    parts = [f"`{selector}`" if selector else "", f"`{snippet}`" if snippet else ""]
    text = " ".join(p for p in parts if p)
    return text or label


def item_main(item: dict) -> tuple[str, set[str]]:
    """The offending element (selector, snippet) or url of an item, and the keys it used."""
    for key, value in item.items():
        if isinstance(value, dict) and value.get("type") == "node":
            return node_text(value), {key}
    for key, value in item.items():
        if isinstance(value, dict) and value.get("type") == "source-location":
            return f"{value.get('url')}:{value.get('line', 0) + 1}", {key, "source"}
    for key in ("url", "scriptUrl", "source"):
        if isinstance(item.get(key), str) and "/" in item[key]:
            return item[key], {key}
    for key, value in item.items():
        if isinstance(value, dict) and value.get("type") == "url":
            return str(value.get("value")), {key}
    return "", set()


def item_text(item: dict, headings: list[dict]) -> str:
    """One line per offending item: its element or url first, then the other columns."""
    main, used = item_main(item)
    labels = {h.get("key"): h.get("label") for h in headings if isinstance(h, dict)}
    extra: list[str] = []
    for key, value in item.items():
        if key in used or key in {"subItems", "debugData", "entity"}:
            continue
        if isinstance(value, (int, float, str)) and value != "":
            label = labels.get(key) or key
            shown = f"{value:,.0f}" if isinstance(value, float) else str(value)
            if len(shown) > 160:
                shown = shown[:157] + "…"
            extra.append(f"{label}: {shown}")
    sub = item.get("subItems", {}).get("items") if isinstance(item.get("subItems"), dict) else None
    if sub:
        sub_texts = [item_text(s, []) for s in sub[:4]]
        extra.append("related: " + "; ".join(t for t in sub_texts if t))
    return " — ".join(p for p in [main, ", ".join(extra)] if p)


def audit_items(audit: dict) -> list[str]:
    details = audit.get("details") or {}
    out: list[str] = []
    if details.get("type") == "list":
        for sub in details.get("items", []):
            if isinstance(sub, dict) and sub.get("type") in {"table", "opportunity"}:
                out += [item_text(i, sub.get("headings", [])) for i in sub.get("items", [])]
    elif details.get("type") in {"table", "opportunity"}:
        out = [item_text(i, details.get("headings", [])) for i in details.get("items", [])]
    return [t for t in out if t]


def table_items(audit: dict) -> list[dict]:
    details = audit.get("details") or {}
    return [i for i in details.get("items", []) if isinstance(i, dict)]


# Pages kept out of search engines on purpose (robots noindex): search results (endless,
# thin pages) and the order form (a form with personal data, no content of its own).
NOINDEX_PAGES = {"search results", "publication order"}


def expected_by_design(name: str, audit: dict, page_url: str) -> bool:
    """Findings that only say what the page does on purpose: answer 404, or not be indexed."""
    if name in NOINDEX_PAGES:
        return audit["id"] == "is-crawlable"
    return name == NOT_FOUND_PAGE and expected_on_404(audit, page_url)


def expected_on_404(audit: dict, page_url: str) -> bool:
    """Findings that only say 'this page answers 404' — by design on the 404 page."""
    if audit["id"] == "http-status-code":  # SEO: "Page has unsuccessful HTTP status code"
        return True
    items = table_items(audit)
    if audit["id"] == "errors-in-console" and items:  # the document's own 404, logged by Chrome
        return all((i.get("sourceLocation") or {}).get("url") == page_url for i in items)
    if audit["id"] == "bf-cache" and items:  # only 2xx pages enter the back/forward cache
        return all(i.get("protocolReason") == "HTTPStatusNotOK" for i in items)
    return False


def failing_audits(lhr: dict) -> list[tuple[str, dict, list[str]]]:
    """(category ids, audit, items) for every scored audit below 1 (or errored)."""
    cats_of: dict[str, list[str]] = {}
    for cat_id, cat in lhr["categories"].items():
        for ref in cat["auditRefs"]:
            cats_of.setdefault(ref["id"], []).append(cat_id)
    out = []
    for audit_id, audit in lhr["audits"].items():
        if audit_id not in cats_of:
            continue
        mode = audit.get("scoreDisplayMode")
        if mode in SKIP_MODES:
            continue
        if mode == "error" or (audit.get("score") is not None and audit["score"] < 1):
            out.append((",".join(cats_of[audit_id]), audit, audit_items(audit)))
    order = {c: i for i, c in enumerate(CATEGORIES)}
    out.sort(key=lambda t: (order.get(t[0].split(",")[0], 9), t[1]["score"] or 0, t[1]["id"]))
    return out


def median_run(lhrs: list[dict]) -> dict:
    perf = [lhr["categories"]["performance"]["score"] or 0 for lhr in lhrs]
    target = statistics.median_low(perf)
    return lhrs[perf.index(target)]


def version(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        return "unknown"
    proc = subprocess.run([path, "--version"], capture_output=True, text=True)
    return proc.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="runs per page and form factor")
    parser.add_argument("--out", help="keep the Lighthouse JSON here (default: a temp dir)")
    args = parser.parse_args()
    ensure_lighthouse()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="infolijn-lighthouse-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="infolijn-bench-lighthouse-"))
    env = {**os.environ, "INFOLIJN_DATA_DIR": str(data), "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    for key in ("DATABASE_URL", "REDIS_URL", "DEBUG", "INFOLIJN_ENV"):
        env.pop(key, None)
    cli = [sys.executable, "-m", "infolijn.cli"]
    prepare_demo_site(cli, env)
    lh_env = {**os.environ, "CHROME_PATH": chrome}
    port = free_port()
    server = start_site(env, port)
    results: list[tuple[str, str, str, dict]] = []  # (page type, path, form factor, lhr)
    try:
        pages, notes = pick_pages(port)
        for _ in range(2):  # warm both workers' page caches: measure the steady state
            for _, path in pages:
                get(port, path)
        for name, path in pages:
            url = f"http://127.0.0.1:{port}{path}"
            for form, desktop in (("mobile", False), ("desktop", True)):
                lhrs = []
                for i in range(args.runs):
                    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                    out = out_dir / f"{slug}-{form}-{i + 1}.json"
                    lhr = run_lighthouse(url, out, desktop, name == NOT_FOUND_PAGE, lh_env)
                    lhrs.append(lhr)
                lhr = median_run(lhrs)
                results.append((name, path, form, lhr))
                s = " ".join(f"{c}={fmt_score(score(lhr, c))}" for c in CATEGORIES)
                print(f"{name:15} {form:8} {s}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait()

    write_report(results, notes, args.runs, chrome)
    print(f"Lighthouse JSON in {out_dir}", file=sys.stderr)


def write_report(
    results: list[tuple[str, str, str, dict]], notes: list[str], runs: int, chrome: str
) -> None:
    first = results[0][3]
    ua_version = re.search(r"Chrome/([\d.]+)", first["environment"]["hostUserAgent"])
    lines = [
        "# Lighthouse: public site",
        "",
        f"Command: `.venv/bin/python bench/bench_lighthouse.py --runs {runs}`",
        "",
        "Each page was measured with:",
        "",
        f"    {display_cmd(False, False)}",
        f"    {display_cmd(True, False)}",
        "",
        "and, for the 404 page only, the same with `--ignore-status-code` (without it Lighthouse "
        "refuses to audit a page that answers 404).",
        "",
        f"Lighthouse {first['lighthouseVersion']}, {version(chrome)} "
        f"(user agent Chrome/{ua_version.group(1) if ua_version else '?'}), Node {version('node')}. "
        "Demo data (SQLite) served by gunicorn with 2 sync workers (as `infolijn serve`) on plain "
        "HTTP at 127.0.0.1 — Lighthouse counts 127.0.0.1 as secure, so `is-on-https` passes and "
        "`redirects-http` is not applicable; production runs behind HTTPS. Page caches warmed "
        "before measuring. Lighthouse's default simulated throttling (mobile: Moto G Power, slow 4G; "
        f"desktop preset: no CPU slowdown, fast network). {runs} run(s) per page and form factor"
        + (
            ", the run with the median performance score kept (Lighthouse's advice)."
            if runs > 1
            else "."
        )
        + " Machine: 2 shared cores.",
        "",
        "Goal: performance ≥ 95, accessibility, best practices and SEO 100.",
        "",
        *(line for note in notes for line in (note, "")),
    ]
    if RETRIES:
        lines += [
            f"Runs repeated after a Lighthouse runtime error (not a page finding): {len(RETRIES)} — "
            + "; ".join(RETRIES),
            "",
        ]
    header = "| page | url | form | " + " | ".join(CATEGORY_TITLES[c] for c in CATEGORIES)
    header += " | " + " | ".join(m for _, m in METRICS) + " | goal |"
    sep = "|" + "---|" * (3 + len(CATEGORIES) + len(METRICS) + 1)
    lines += ["## Scores", "", header, sep]
    misses = []
    findings: list[tuple[str, str, str, list[tuple[str, dict, list[str]]]]] = []
    expected_lines: list[str] = []
    tool_errors: dict[tuple[str, str], list[str]] = {}
    weighted_errors: set[str] = set()
    for name, path, form, lhr in results:
        url = lhr["finalDisplayedUrl"]
        real = []
        expected_ids: set[str] = set()
        for cats, audit, items in failing_audits(lhr):
            if audit.get("scoreDisplayMode") == "error":
                weights = [
                    ref["weight"]
                    for cat in lhr["categories"].values()
                    for ref in cat["auditRefs"]
                    if ref["id"] == audit["id"]
                ]
                if any(weights):
                    weighted_errors.add(audit["id"])
                message = (audit.get("errorMessage") or "?").split(": ")[-1]
                tool_errors.setdefault((message, audit["id"]), []).append(f"{name} ({form})")
            elif expected_by_design(name, audit, url):
                expected_ids.add(audit["id"])
                shown = audit.get("displayValue") or f"score {audit['score']:g}"
                expected_lines.append(
                    f"- {name} ({form}): **{audit['title']}** (`{audit['id']}`, {cats}, {shown})"
                    + (f" — {items[0]}" if items else "")
                )
            else:
                real.append((cats, audit, items))
        findings.append((name, path, form, real))
        goal_scores = {c: score(lhr, c, expected_ids) for c in CATEGORIES}
        ok = all(v is not None and round(v) >= GOAL[c] for c, v in goal_scores.items())
        if not ok:
            misses.append(f"{name} ({form})")
        cells = []
        for c in CATEGORIES:
            cell = fmt_score(score(lhr, c))
            if fmt_score(goal_scores[c]) != cell:
                cell += f" ({fmt_score(goal_scores[c])}¹)"
            cells.append(cell)
        row = [name, f"`{path}`", form, *cells, *(metric(lhr, m) for m, _ in METRICS)]
        row.append("✓" if ok else "✗")
        lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        "¹ Findings by design are listed separately below; in brackets the category score "
        "recomputed without them, which is what the goal column uses. The 404 page answers "
        "status 404 on purpose (SEO's “Page has unsuccessful HTTP status code”, the browser's "
        "console error for the document's own 404, no back/forward cache for non-2xx pages); "
        "search results and the order form carry robots noindex on purpose (SEO's “Page is "
        "blocked from indexing”).",
        "",
        f"**Goal met on {len(results) - len(misses)} of {len(results)} page × form factor runs.**"
        + (f" Missed: {', '.join(misses)}." if misses else ""),
        "",
        "## Failing audits",
        "",
        "Every audit of the four categories with a score below 1 (informative, manual and "
        "not-applicable audits left out; metric audits included with their value, though only "
        "the performance score counts them), with the offending items (element selector and "
        "snippet, or url). Port numbers in urls are this run's.",
        "",
    ]
    for name, path, form, real in findings:
        lines += [f"### {name} `{path}`, {form}", ""]
        if not real:
            lines += ["None.", ""]
            continue
        for cats, audit, items in real:
            shown = audit.get("displayValue") or ""
            head = f"- **{audit['title']}** (`{audit['id']}`, {cats}, score {audit['score']:g}"
            lines.append(head + (f", {shown})" if shown else ")"))
            lines += [f"  - {text}" for text in items[:MAX_ITEMS]]
            if len(items) > MAX_ITEMS:
                lines.append(f"  - … and {len(items) - MAX_ITEMS} more")
        lines.append("")
    if expected_lines:
        lines += [
            "## Expected by design (not counted against the goal)",
            "",
            *expected_lines,
            "",
        ]
    if tool_errors:
        lines += [
            "## Audits Lighthouse itself could not run (tool errors, not page findings)",
            "",
            (
                "These audits carry weight 0 in their category, so the scores above are "
                "unaffected; their findings are simply missing."
                if not weighted_errors
                else "Weighted audits among them (they count as 0 in the score): "
                + ", ".join(sorted(weighted_errors))
            ),
            "",
        ]
        by_message: dict[tuple[str, str], list[str]] = {}
        for (message, audit_id), where in sorted(tool_errors.items()):
            runs_text = "all runs" if len(where) == len(results) else ", ".join(where)
            by_message.setdefault((message, runs_text), []).append(f"`{audit_id}`")
        for (message, runs_text), audit_ids in by_message.items():
            lines.append(f"- {', '.join(audit_ids)}: “{message}” ({runs_text})")
        if any("frame_sequence" in message for message, _ in tool_errors):
            lines += [
                "",
                "`frame_sequence`: the trace engine bundled with this Lighthouse "
                "(`@paulirish/trace_engine` in `bench/lighthouse/node_modules`) expects "
                "`PipelineReporter` trace events with `chrome_frame_reporter` arguments, which this "
                "much newer Chromium no longer writes; a Lighthouse release that matches the "
                "Chromium (or an older Chromium) would run them.",
            ]
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "results-lighthouse.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
