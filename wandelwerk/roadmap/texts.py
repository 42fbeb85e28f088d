"""The words of the roadmap: what a stored reason, move, conflict or warning says, in calendar
half-years and fiscal years, the way a CDO or a council member says it. Pure functions of the
stored data, so a plan reads the same today and in five years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from wandelwerk.roadmap.periods import HalfYear

RESOURCES = {
    "internal": "eigenen Personentage",
    "provider": "Beratertage",
    "consulting": "freien Tage der Beratung des IT-Dienstleisters",
    "engineering": "freien Tage der Technik des IT-Dienstleisters",
    "training": "freien Tage der Schulung des IT-Dienstleisters",
}
RESOURCE_NAMES = {
    "internal": "Eigene Personentage",
    "provider": "Beratertage",
    "consulting": "Team: Beratung",
    "engineering": "Team: Technik",
    "training": "Team: Schulung",
}


def label(ordinal: int | None) -> str:
    return "–" if ordinal is None else HalfYear.from_ordinal(int(ordinal)).label


def euro(amount: Any) -> str:
    return f"{int(amount or 0):,} €".replace(",", ".")


def days(amount: Any) -> str:
    return f"{int(amount or 0):,}".replace(",", ".")


def names(titles: list[str]) -> str:
    quoted = [f"„{t}“" for t in titles]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " " + _("und") + " " + quoted[-1]


def _binding(data: Mapping[str, Any]) -> str:
    """The rule that binds, for a reason and for a move alike."""
    kind, ref, period = data.get("kind"), data.get("ref", ""), data.get("period")
    used, available = data.get("used"), data.get("available")
    if kind == "predecessor":
        return _("die Voraussetzung „%(name)s“ erst im %(end)s endet") % {
            "name": ref,
            "end": label(period),
        }
    if kind == "resource":
        return _(
            "im %(half)s die %(resource)s ausgelastet sind (%(used)s von %(available)s verplant)"
        ) % {
            "half": label(period),
            "resource": RESOURCES.get(ref, ref),
            "used": days(used),
            "available": days(available),
        }
    if kind == "budget":
        return _("das Budget %(year)s nicht reicht (%(used)s von %(available)s verplant)") % {
            "year": period,
            "used": euro(used),
            "available": euro(available),
        }
    if kind == "change":
        return _(
            "die Einheit %(unit)s im %(half)s schon %(used)s Vorhaben hat (Veränderungskapazität %(available)s)"
        ) % {"unit": ref, "half": label(period), "used": used, "available": available}
    return ""


def reason_text(data: Mapping[str, Any], start: int | None = None) -> str:
    """Why a measure sits where it does (``start``: its first half-year in the plan)."""
    kind = data.get("kind")
    period = data.get("period")
    binding = _binding(data)
    if binding:
        return _("frühestens %(start)s, weil %(why)s") % {"start": label(start), "why": binding}
    texts = {
        "start": _("beginnt mit dem ersten Halbjahr des Plans"),
        "today": _("beginnt mit dem laufenden Halbjahr; früher geht nicht mehr"),
        "release": _("frühestens %(half)s: so ist ihr frühester Beginn gesetzt")
        % {"half": label(period)},
        "objective": _("früher wäre möglich; so bringt der Plan insgesamt mehr Nutzen"),
        "horizon": _("passt nicht mehr in den Planungszeitraum (bis %(half)s)")
        % {"half": label(period)},
        "demand": _(
            "braucht %(need)s %(resource)s je Halbjahr, das Szenario hat höchstens %(available)s"
        )
        % {
            "need": days(data.get("used")),
            "resource": RESOURCES.get(data.get("ref", ""), data.get("ref", "")),
            "available": days(data.get("available")),
        },
        "predecessor_left_out": _("wartet auf „%(name)s“, das nicht in den Plan passt")
        % {"name": data.get("ref", "")},
        "under_way": _("läuft seit %(half)s; %(left)s %% der Arbeit sind noch offen")
        % {"half": label(period), "left": 100 - int(data.get("percent") or 0)},
        "done": _("erledigt"),
        "over": _("läuft noch, aber der Planungszeitraum ist vorbei"),
        "text": str(data.get("text", "")),
    }
    return texts.get(str(kind), "")


def move_text(data: Mapping[str, Any], to: int | None) -> str:
    """Why a measure moved from ``data["from"]`` to ``to``."""
    kind = data.get("kind")
    binding = _binding(data)
    if binding:
        return _("später, weil %(why)s") % {"why": binding}
    texts = {
        "release": _("später: ihr frühester Beginn liegt jetzt im %(half)s")
        % {"half": label(data.get("period"))},
        "today": _("später: das Halbjahr, in dem sie beginnen sollte, ist vorbei"),
        "horizon": _("passt nicht mehr in den Planungszeitraum"),
        "earlier": _("früher, weil Platz frei geworden ist"),
        "placed": _("neu im Plan"),
        "new": _("neu im Plan"),
        "left_out": _("passt nicht mehr in den Plan"),
        "objective": _("verschoben, weil der Plan so insgesamt mehr Nutzen bringt"),
        "under_way": _("begonnen im %(half)s") % {"half": label(data.get("period"))},
        "done": _("erledigt"),
        "over": _("der Planungszeitraum ist vorbei"),
    }
    return texts.get(str(kind), "")


def conflict_text(data: Mapping[str, Any]) -> tuple[str, str]:
    """What makes a plan impossible, and what to change."""
    kind = data.get("kind")
    measures = list(data.get("measures") or [])
    ref, period = data.get("ref", ""), data.get("period")
    need, available = data.get("need"), data.get("available")
    if kind == "budget":
        return (
            _(
                "Budget %(year)s: Die laufenden Maßnahmen %(names)s brauchen %(need)s, vorhanden sind %(available)s."
            )
            % {
                "year": period,
                "names": names(measures),
                "need": euro(need),
                "available": euro(available),
            },
            _(
                "Erhöhen Sie das Budget %(year)s im Szenario oder stellen Sie eine der Maßnahmen zurück (Status „verzögert“ mit späterem Beginn)."
            )
            % {"year": period},
        )
    if kind == "capacity":
        return (
            _(
                "%(resource)s im %(half)s: Die laufenden Maßnahmen %(names)s brauchen %(need)s, vorhanden sind %(available)s."
            )
            % {
                "resource": RESOURCE_NAMES.get(ref, ref),
                "half": label(period),
                "names": names(measures),
                "need": days(need),
                "available": days(available),
            },
            _(
                "Erhöhen Sie die Kapazität im Szenario, tragen Sie den erledigten Anteil der laufenden Maßnahmen nach oder stellen Sie eine zurück."
            ),
        )
    if kind == "change":
        return (
            _(
                "Einheit %(unit)s im %(half)s: %(need)s laufende Maßnahmen (%(names)s), verkraftbar sind %(available)s."
            )
            % {
                "unit": ref,
                "half": label(period),
                "need": need,
                "names": names(measures),
                "available": available,
            },
            _(
                "Erhöhen Sie die Veränderungskapazität im Szenario oder stellen Sie eine der Maßnahmen zurück."
            ),
        )
    if kind == "demand":
        return (
            _(
                "%(names)s braucht %(need)s %(resource)s je Halbjahr, das Szenario hat höchstens %(available)s."
            )
            % {
                "names": names(measures),
                "need": days(need),
                "resource": RESOURCES.get(ref, ref),
                "available": days(available),
            },
            _(
                "Verteilen Sie den Aufwand auf mehr Halbjahre (längere Dauer) oder erhöhen Sie die Kapazität."
            ),
        )
    if kind == "deadline":
        if len(measures) == 1 and period is not None:
            return (
                _(
                    "Die feste Frist von %(names)s ist nicht zu halten: bis %(half)s kann sie nicht fertig sein."
                )
                % {"names": names(measures), "half": label(period)},
                _("Verschieben Sie die Frist oder führen Sie sie als weiche Frist."),
            )
        return (
            _("Die festen Fristen von %(names)s sind nicht zugleich zu halten.")
            % {"names": names(measures)},
            _(
                "Verschieben Sie eine der Fristen, führen Sie sie als weiche Frist oder sehen Sie mehr Kapazität oder Budget vor."
            ),
        )
    if kind == "cycle":
        return (
            _("Die Voraussetzungen bilden einen Kreis: %(chain)s.")
            % {"chain": " → ".join(f"„{m}“" for m in measures)},
            _("Entfernen Sie bei einer dieser Maßnahmen eine der Voraussetzungen."),
        )
    if kind == "text":
        return str(data.get("text", "")), ""
    return (
        _("Die Regeln des Szenarios lassen keinen Plan zu."),
        _("Prüfen Sie Kapazität, Budget und feste Fristen."),
    )


def warning_text(data: Mapping[str, Any]) -> str:
    if data.get("kind") == "started_early":
        return _("„%(name)s“ wurde begonnen, obwohl %(open)s noch offen ist.") % {
            "name": data.get("measure", ""),
            "open": names(list(data.get("open") or [])),
        }
    if data.get("kind") == "funding_deadline":
        day = dt.date.fromisoformat(str(data.get("apply_by")))
        return _(
            "Die Antragsfrist von „%(programme)s“ für „%(name)s“ ist am %(day)s abgelaufen: "
            "ohne bewilligten Antrag trägt die Kommune die vollen Kosten."
        ) % {
            "programme": data.get("programme", ""),
            "name": data.get("measure", ""),
            "day": f"{day:%d.%m.%Y}",
        }
    return ""


def quality_text(status: str, gap: float | None) -> str:
    """How good a plan is, without solver terms."""
    if status == "optimal":
        return _("der bestmögliche Plan unter diesen Vorgaben (nachgewiesen)")
    if status == "feasible":
        if gap is None:
            return _("ein gültiger Plan; wie nah er am bestmöglichen liegt, ist nicht bekannt")
        percent = max(1, round(100 * gap))
        return _("ein gültiger Plan, höchstens %(percent)s %% vom bestmöglichen entfernt") % {
            "percent": percent
        }
    if status == "infeasible":
        return _("kein Plan möglich")
    return _("in der verfügbaren Zeit wurde kein Plan gefunden")
