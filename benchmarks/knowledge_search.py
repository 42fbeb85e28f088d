"""Search in the knowledge base with many articles, on SQLite or PostgreSQL.

    .venv/bin/python benchmarks/knowledge_search.py [--articles 50000] [--database sqlite]
    .venv/bin/python benchmarks/knowledge_search.py --database postgres://postgres@127.0.0.1:5432/postgres

Builds a fresh database (a temporary SQLite file, or a new database ``wandelwerk_bench_search``
on the given PostgreSQL server, dropped afterwards) with one municipality holding ``--articles``
articles of 120 to 280 words each. Each article is about one service of the shipped LeiKa
catalogue: its title and half its words come from the names of that service's OZG group
(about 3,000 different words in all), a third are function words, and the rest general
administrative vocabulary (200 words such as „Antrag“, „Frist“, „Bescheid“), so that a common
word occurs in about a tenth of the articles and a specific one in a few hundred. One query
word („der Vorgang“ → every article) shows the worst case: a word in every article. Each article
belongs to one of 40 org units; 90 % are published.

Then each query runs ``--runs`` times after one warm-up, timed two ways:

- "search": ``knowledge.search.search`` as the article list calls it for an editor (first page
  of 20 hits, ranked, the matches counted up to 1,001, snippets with highlights), and for a
  reader (published articles only) and with a unit filter;
- "raw FTS": the bare full-text query of the same words (first 20 by rank, no filter, no count,
  no snippets): the yardstick for what the search adds on top.

Printed per query: hits, p50 and p95 of both, and the ratio of the p95s.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VOCABULARY = [
    "Antrag",
    "Verwaltung",
    "Bescheid",
    "Frist",
    "Gebühr",
    "Satzung",
    "Bürgerinnen",
    "Bürger",
    "Unterlagen",
    "Prüfung",
    "Vorgang",
    "Sachbearbeitung",
    "Zuständigkeit",
    "Fachverfahren",
    "Akte",
    "Ablage",
    "Vertretung",
    "Leitung",
    "Abstimmung",
    "Termin",
    "Formular",
    "Nachweis",
    "Zahlung",
    "Kasse",
    "Haushalt",
    "Rechnung",
    "Vergabe",
    "Auftrag",
    "Angebot",
    "Vertrag",
    "Rat",
    "Ausschuss",
    "Sitzung",
    "Vorlage",
    "Beschluss",
    "Niederschrift",
    "Tagesordnung",
    "Einladung",
    "Meldung",
    "Anmeldung",
    "Abmeldung",
    "Ummeldung",
    "Wohnsitz",
    "Personalausweis",
    "Reisepass",
    "Führungszeugnis",
    "Beglaubigung",
    "Geburt",
    "Eheschließung",
    "Sterbefall",
    "Urkunde",
    "Standesamt",
    "Gewerbeanmeldung",
    "Gewerbeabmeldung",
    "Gewerbeerlaubnis",
    "Gaststätte",
    "Sondernutzung",
    "Parkausweis",
    "Bewohnerparken",
    "Verkehrsbehörde",
    "Baugenehmigung",
    "Bauantrag",
    "Bauvoranfrage",
    "Bebauungsplan",
    "Grundstück",
    "Liegenschaft",
    "Erbbaurecht",
    "Grundsteuer",
    "Gewerbesteuer",
    "Hundesteuer",
    "Vergnügungssteuer",
    "Abwasser",
    "Abfall",
    "Straßenreinigung",
    "Friedhof",
    "Grabstätte",
    "Kindertagesstätte",
    "Elternbeitrag",
    "Schulanmeldung",
    "Schülerfahrkosten",
    "Wohngeld",
    "Sozialhilfe",
    "Grundsicherung",
    "Asyl",
    "Integration",
    "Sprachkurs",
    "Einbürgerung",
    "Aufenthalt",
    "Fundsache",
    "Bußgeld",
    "Verwarnung",
    "Ordnungsdienst",
    "Feuerwehr",
    "Brandschutz",
    "Einsatz",
    "Ausbildung",
    "Fortbildung",
    "Personalakte",
    "Stellenplan",
    "Arbeitszeit",
    "Urlaub",
    "Krankmeldung",
    "Besoldung",
    "Entgelt",
    "Reisekosten",
    "Beihilfe",
    "Datenschutz",
    "Informationssicherheit",
    "Passwort",
    "Berechtigung",
    "Schnittstelle",
    "Server",
    "Druckerwarteschlange",
    "Dokumentenmanagement",
    "E-Akte",
    "Scannen",
    "Posteingang",
    "Postausgang",
    "Signatur",
    "Siegel",
    "Portal",
    "Onlinedienst",
    "Servicekonto",
    "Bezahlfunktion",
    "Barrierefreiheit",
    "Webseite",
    "Pressemitteilung",
    "Öffentlichkeitsarbeit",
    "Beschwerde",
    "Widerspruch",
    "Klage",
    "Mahnung",
    "Vollstreckung",
    "Stundung",
    "Erlass",
    "Niederschlagung",
    "Buchung",
    "Jahresabschluss",
    "Inventur",
    "Controlling",
    "Kennzahl",
    "Statistik",
    "Wahl",
    "Briefwahl",
    "Wahlhelfer",
    "Wählerverzeichnis",
    "Einwohnerversammlung",
    "Bürgerbeteiligung",
    "Klimaschutz",
    "Energie",
    "Heizung",
    "Gebäude",
    "Hausmeister",
    "Reinigung",
    "Schlüssel",
    "Dienstwagen",
    "Betriebshof",
    "Grünflächen",
    "Spielplatz",
    "Baum",
    "Winterdienst",
    "Streusalz",
    "Straße",
    "Brücke",
    "Beleuchtung",
    "Kanal",
]

FILLER = [
    "der",
    "die",
    "das",
    "und",
    "mit",
    "für",
    "bei",
    "nach",
    "vor",
    "über",
    "unter",
    "von",
    "zum",
    "zur",
    "im",
    "am",
    "wird",
    "werden",
    "ist",
    "sind",
]

QUERIES = [
    ("häufiges Wort", "Antrag"),
    ("Wortform", "Anträge"),
    ("Wortanfang (Kompositum)", "Gewerbe"),
    ("seltenes Wort", "Streusalz"),
    ("zwei Wörter", "Antrag Frist"),
    ("drei Wörter", "Bescheid Widerspruch Klage"),
    ("fachlich", "Kinderreisepass"),
    ("Wort in jedem Artikel", "Vorgang"),
]


def topics() -> list[list[str]]:
    """The words of each OZG service's LeiKa names: one topic per service."""
    by_service: dict[str, set[str]] = {}
    path = (
        Path(__file__).resolve().parent.parent
        / "wandelwerk/catalogs/ozg/leika_leistungen_ozg_zuordnung.csv"
    )
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = re.findall(r"[^\W\d_]{4,}", row["bezeichnung"])
            by_service.setdefault(row["ozg_id"] or row["leika_schluessel"], set()).update(words)
    return [sorted(words) for words in by_service.values() if len(words) >= 3]


def article_text(rng: random.Random, words: int, topic: list[str]) -> str:
    out = []
    for i in range(words):
        roll = rng.random()
        if roll < 0.5:
            out.append(rng.choice(topic))
        elif roll < 0.85:
            out.append(rng.choice(FILLER))
        else:
            out.append(rng.choice(VOCABULARY))
        if i % 12 == 11:
            out[-1] += "."
    out.append("Vorgang")  # in every article: the worst case of a query
    return " ".join(out)


def count_matches(words: str, scope: object) -> int:
    """Every match, not only the first 1,001 the page counts (not timed)."""
    from django.db import connection

    from wandelwerk.knowledge.search.backends import TABLE, PostgresBackend, SQLiteBackend

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            where, params = PostgresBackend.narrowing(scope)  # type: ignore[arg-type]
            cursor.execute(
                f"SELECT count(*) FROM {TABLE} d, to_tsquery('german', %s) q "
                f"WHERE d.document @@ q AND {where}",
                [PostgresBackend.tsquery(words), *params],
            )
        else:
            match = f"{{title body}} : ({SQLiteBackend.terms(words)}) AND "
            match += SQLiteBackend.narrowing(scope)  # type: ignore[arg-type]
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s", [match])
        return int(cursor.fetchone()[0])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(run: Callable[[], object], runs: int) -> list[float]:
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def setup_database(target: str) -> Callable[[], None]:
    if target == "sqlite":
        database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        return lambda: None
    import psycopg

    name = "wandelwerk_bench_search"
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = target.rsplit("/", 1)[0] + f"/{name}"

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")

    return drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database", default="sqlite", help="sqlite or a PostgreSQL URL")
    parser.add_argument("--keep", action="store_true", help="keep the database for a closer look")
    args = parser.parse_args()
    drop = setup_database(args.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from wandelwerk.knowledge import markdown, queries, search
    from wandelwerk.knowledge.models import Article, ArticleVersion
    from wandelwerk.knowledge.search.backends import backend
    from wandelwerk.organisation.models import OrgUnit
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory

    try:
        municipality = MunicipalityFactory(slug="bench")
        owner = MembershipFactory(municipality=municipality, editor=True).user
        rng = random.Random(20261201)
        subjects = topics()
        with tenancy.activate(municipality):
            units = OrgUnit.objects.bulk_create(
                OrgUnit(municipality=municipality, code=f"E{n}", name=f"Einheit {n}")
                for n in range(40)
            )
            start = time.perf_counter()
            batch = 2000
            for first in range(0, args.articles, batch):
                size = min(batch, args.articles - first)
                chosen = [rng.choice(subjects) for _ in range(size)]
                texts = [article_text(rng, rng.randint(120, 280), t) for t in chosen]
                titles = [" ".join(rng.sample(t, 3)) for t in chosen]
                articles = Article.objects.bulk_create(
                    Article(
                        municipality=municipality,
                        title=title,
                        body=body,
                        owner=owner,
                        next_review="2027-06-30",
                    )
                    for title, body in zip(titles, texts, strict=True)
                )
                versions = ArticleVersion.objects.bulk_create(
                    ArticleVersion(
                        municipality=municipality, article=a, number=1, title=a.title, body=a.body
                    )
                    for a in articles
                )
                published = []
                for article, version in zip(articles, versions, strict=True):
                    if rng.random() < 0.9:
                        article.published_version, article.status = version, "published"
                        published.append(article)
                Article.objects.bulk_update(published, ["published_version", "status"])
                links = Article.org_units.through
                unit_links = links.objects.bulk_create(
                    links(article_id=a.pk, orgunit_id=rng.choice(units).pk) for a in articles
                )
                unit_of = {link.article_id: link.orgunit_id for link in unit_links}
                search.index(
                    search.Document(
                        pk=a.pk,
                        title=a.title,
                        text=markdown.plain(a.body),
                        municipality=municipality.pk,
                        public=a.published_version_id is not None,
                        status=a.status,
                        units=(unit_of[a.pk],),
                    )
                    for a in articles
                )
            built = time.perf_counter() - start
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            print(
                f"{connection.vendor}: {args.articles:,} articles built and indexed in {built:.1f} s; "
                f"{args.runs} runs per query after one warm-up"
            )
            print(
                "| query | words | hits | search p50 | search p95 | raw FTS p50 | raw FTS p95 "
                "| p95 ratio |"
            )
            print("| --- | --- | --- | --- | --- | --- | --- | --- |")
            worst = 0.0
            scopes = [
                ("Bearbeitung", True, lambda: queries.search_scope(editor=True)),
                ("Lesen", False, lambda: queries.search_scope(editor=False)),
                ("Einheit E7", True, lambda: queries.search_scope(editor=True, unit=units[7])),
            ]
            for label, words in QUERIES:
                for scope_label, editor, scope in scopes:
                    if scope_label != "Bearbeitung" and label not in (
                        "häufiges Wort",
                        "zwei Wörter",
                    ):
                        continue
                    shown = partial(queries.shown_articles, editor=editor)
                    matches = count_matches(words, scope())
                    full = timed(
                        lambda w=words, s=scope, f=shown: search.search(w, s(), shown=f), args.runs
                    )
                    raw = timed(lambda w=words: backend().raw(w, limit=20), args.runs)
                    p95, raw95 = percentile(full, 0.95), percentile(raw, 0.95)
                    worst = max(worst, p95)
                    print(
                        f"| {label} ({scope_label}) | `{words}` | {matches:,} "
                        f"| {statistics.median(full):.1f} ms | {p95:.1f} ms "
                        f"| {statistics.median(raw):.1f} ms | {raw95:.1f} ms | {p95 / raw95:.1f} |"
                    )
            print(f"slowest p95 of the search: {worst:.1f} ms")
    finally:
        if not args.keep:
            drop()


if __name__ == "__main__":
    main()
