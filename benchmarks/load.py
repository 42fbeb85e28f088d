"""Load: concurrent users working in the large municipality of the scale data set, against a
running server (``scripts/start``-like: gunicorn with several processes, the worker beside it).

    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8000 [--users 50] [--minutes 5]

Each user signs in (as ``skala``, see ``benchmarks/scale_data.py``), then works in a loop:
opens a page chosen by a realistic mix (overview, lists, a DigiCheck, measures, the scenario,
knowledge), waits 2–8 seconds (reading), now and then saves a workshop answer. Prints requests,
errors, throughput and p50/p95/p99 per kind of page and overall.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import threading
import time
from collections import defaultdict

import requests

PASSWORD = "skala-benchmark"
SLUG = "grossstadt"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# (name, weight, path); {check}, {measure}, {scenario} are filled from the pages themselves.
MIX = [
    ("Übersicht", 10, "/k/{slug}/"),
    ("Organisationseinheiten", 5, "/k/{slug}/organisation/einheiten/"),
    ("Beschäftigte", 5, "/k/{slug}/organisation/beschaeftigte/"),
    ("Leistungsregister", 8, "/k/{slug}/leistungen/"),
    ("Prioritäten", 5, "/k/{slug}/leistungen/prioritaeten/"),
    ("DigiChecks", 6, "/k/{slug}/digicheck/"),
    ("DigiCheck-Ergebnisse", 6, "/k/{slug}/digicheck/ergebnisse/"),
    ("DigiCheck", 8, "/k/{slug}/digicheck/{check}/"),
    ("Workshop", 8, "/k/{slug}/digicheck/{check}/workshop/"),
    ("Maßnahmen", 10, "/k/{slug}/massnahmen/"),
    ("Maßnahme", 8, "/k/{slug}/massnahmen/{measure}/"),
    ("Abhängigkeiten", 2, "/k/{slug}/massnahmen/abhaengigkeiten/"),
    ("Fahrplan", 4, "/k/{slug}/fahrplan/"),
    ("Szenario", 5, "/k/{slug}/fahrplan/szenarien/{scenario}/"),
    ("Wissen", 5, "/k/{slug}/wissen/"),
]


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.failures: list[str] = []

    def add(self, name: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.times[name].append(seconds)
            if not ok:
                self.errors[name] += 1
                if len(self.failures) < 10:
                    self.failures.append(f"{name}: {detail}")


def sign_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/anmelden/", timeout=60)
    token = TOKEN.search(page.text)
    assert token, "kein CSRF-Token auf der Anmeldeseite"
    answer = session.post(
        f"{base}/anmelden/",
        data={"username": "skala", "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"{base}/anmelden/"},
        timeout=60,
        allow_redirects=False,
    )
    assert answer.status_code == 302, f"Anmeldung: {answer.status_code}"
    return session


def targets(session: requests.Session, base: str) -> dict[str, str]:
    """Ids to open: a DigiCheck, a measure and a scenario of the large municipality."""
    found = {}
    for key, path, pattern in (
        ("check", f"/k/{SLUG}/digicheck/", rf"/k/{SLUG}/digicheck/(\d+)/"),
        ("measure", f"/k/{SLUG}/massnahmen/", rf"/k/{SLUG}/massnahmen/(\d+)/"),
        ("scenario", f"/k/{SLUG}/fahrplan/", rf"/k/{SLUG}/fahrplan/szenarien/(\d+)/"),
    ):
        match = re.search(pattern, session.get(base + path, timeout=60).text)
        assert match, f"nichts gefunden auf {path}"
        found[key] = match.group(1)
    return found


def user(base: str, ids: dict[str, str], until: float, stats: Stats, seed: int) -> None:
    rng = random.Random(seed)
    time.sleep(rng.uniform(0, 10))  # users arrive over the first seconds
    session = sign_in(base)
    names = [m[0] for m in MIX]
    weights = [m[1] for m in MIX]
    paths = {m[0]: m[2] for m in MIX}
    while time.time() < until:
        name = rng.choices(names, weights)[0]
        url = base + paths[name].format(slug=SLUG, **ids)
        start = time.perf_counter()
        try:
            response = session.get(url, timeout=60)
            ok = response.status_code == 200
            detail = str(response.status_code)
        except requests.RequestException as exc:
            ok, detail = False, str(exc)
        stats.add(name, time.perf_counter() - start, ok, detail)
        if name == "Workshop" and ok and rng.random() < 0.3:
            save_answer(session, url, response.text, stats)
        time.sleep(rng.uniform(2, 8))


def save_answer(session: requests.Session, url: str, page: str, stats: Stats) -> None:
    """Answer the question the workshop shows (a moderator's click)."""
    token = TOKEN.search(page)
    index = re.search(r'name="n" value="(\d+)"', page)
    version = re.search(r'name="version" value="(\d+)"', page)
    if not (token and index and version):
        return
    start = time.perf_counter()
    try:
        response = session.post(
            url,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "n": index.group(1),
                "version": version.group(1),
                "level": random.choice(["1", "2", "3"]),
                "comment": "",
                "go": "stay",
            },
            headers={"Referer": url},
            timeout=60,
        )
        ok = response.status_code in (200, 302, 409)
        detail = str(response.status_code)
    except requests.RequestException as exc:
        ok, detail = False, str(exc)
    stats.add("Workshop speichern", time.perf_counter() - start, ok, detail)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5)
    args = parser.parse_args()
    base = args.url.rstrip("/")
    ids = targets(sign_in(base), base)
    stats = Stats()
    until = time.time() + 60 * args.minutes
    threads = [
        threading.Thread(target=user, args=(base, ids, until, stats, seed), daemon=True)
        for seed in range(args.users)
    ]
    began = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - began
    everything = [t for times in stats.times.values() for t in times]
    errors = sum(stats.errors.values())
    print(f"{args.users} Nutzer, {elapsed / 60:.1f} min, {len(everything)} Anfragen "
          f"({len(everything) / elapsed:.1f}/s), {errors} Fehler")  # fmt: skip
    print(f"{'Seite':<24} {'Anfragen':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    rows: list[tuple[str, list[float]]] = sorted(stats.times.items())
    rows.append(("alle", everything))
    for name, times in rows:
        ms = [1000 * t for t in times]
        print(f"{name:<24} {len(ms):>8} {statistics.median(ms):8.0f} "
              f"{percentile(ms, 95):8.0f} {percentile(ms, 99):8.0f}")  # fmt: skip
    for failure in stats.failures:
        print("Fehler:", failure)


if __name__ == "__main__":
    main()
