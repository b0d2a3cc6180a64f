#!/usr/bin/env python3
"""Checks the Functions app's generated functions.metadata against the standalone host's routes.

Usage: compare_routes.py FUNCTIONS_METADATA HOST_JSON [ROUTES_JSON]
       compare_routes.py --validate ROUTES_JSON   (exit 1 unless it has the shape below)

FUNCTIONS_METADATA: functions.metadata from `dotnet publish` of functions/GapMonitor.Functions.
HOST_JSON: the published host.json (extensions.http.routePrefix, default "api").
ROUTES_JSON: output of `./gapmonitor routes --format json`:
  {"routes": [{"method": "GET", "path": "/api/health"}, ...],
   "timers": [{"name": "Sweep", "setting": "GapMonitor:SweepSchedule"}, ...],
   "queues": [{"name": "SweepShard", "setting": "GapMonitorSweepQueue"}, ...]}
Without ROUTES_JSON only the metadata itself is checked (HTTP and timer triggers present).
Every standalone route (method + path), timer setting and queue consumer's queue setting must exist in the Functions app
(a queue trigger whose queueName is %Setting%), and every Functions queue trigger must have a standalone consumer.
A route marked "standaloneOnly" (with the reason) is exempt: only GET /metrics, the Prometheus scrape endpoint
(Functions exports to Azure Monitor).
"""
import json
import re
import sys

# Routes only the standalone host serves, on purpose (documented in docs/operations.md).
STANDALONE_ONLY = ["GET /metrics"]


def normalize_path(path):
    """'/api/systems/{id:guid}' and 'api/Systems/{id}' compare equal; route constraints and
    catch-all/optional markers do not change which requests a route serves for this check. An optional segment
    that can only be empty ('{root:maxlength(0)?}', how a Functions trigger serves '/') is no segment."""
    path = re.sub(r"\{[A-Za-z0-9_]+:maxlength\(0\)\?\}", "", path)
    path = "/" + path.strip("/")
    path = re.sub(r"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}", r"{\1}", path)
    return path.lower()


def functions_routes(metadata, route_prefix):
    routes, schedules, queues, connections = set(), {}, {}, {}
    for function in metadata:
        for binding in function.get("bindings", []):
            kind = binding.get("type", "").lower()
            if kind == "httptrigger":
                route = binding.get("route") or function["name"]
                path = normalize_path(f"{route_prefix}/{route}" if route_prefix else route)
                for method in binding.get("methods") or ["*"]:
                    routes.add((method.upper(), path))
            elif kind == "timertrigger":
                schedules[function["name"]] = binding.get("schedule", "")
            elif kind == "queuetrigger":
                queues[function["name"]] = binding.get("queueName", "")
                connections[function["name"]] = binding.get("connection", "")
    return routes, schedules, queues, connections


def validate(path):
    try:
        with open(path) as f:
            document = json.load(f)
        routes, timers = document["routes"], document["timers"]
        valid = all({"method", "path"} <= set(r) for r in routes) and all({"name", "setting"} <= set(t) for t in timers)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"not routes JSON: {error!r}")
        return 1
    if not valid:
        print("routes JSON lacks method/path or name/setting")
    return 0 if valid else 1


def main(argv):
    if len(argv) == 3 and argv[1] == "--validate":
        return validate(argv[2])
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        metadata = json.load(f)
    with open(argv[2]) as f:
        host = json.load(f)
    route_prefix = host.get("extensions", {}).get("http", {}).get("routePrefix", "api").strip("/")
    routes, schedules, queues, connections = functions_routes(metadata, route_prefix)
    failures = []
    if not routes:
        failures.append("functions.metadata lists no HTTP trigger")
    if not schedules:
        failures.append("functions.metadata lists no timer trigger")
    for name, schedule in sorted(schedules.items()):
        if not re.fullmatch(r"%[A-Za-z0-9_:]+%", schedule):
            failures.append(f"timer {name} has a literal schedule '{schedule}' instead of an app setting (%Name%)")
    # The scale controller reads a queue trigger's settings by their flat app setting names: no 'Section:Key'.
    for name, queue in sorted(queues.items()):
        if not re.fullmatch(r"%[A-Za-z0-9_]+%", queue):
            failures.append(f"queue trigger {name} has '{queue}' instead of a flat app setting (%Name%, no ':')")
        if not re.fullmatch(r"[A-Za-z0-9_]+", connections.get(name, "")):
            failures.append(f"queue trigger {name} has connection '{connections.get(name)}' instead of a flat app setting name (no ':')")

    if len(argv) == 4:
        with open(argv[3]) as f:
            standalone = json.load(f)
        if not standalone.get("routes"):
            failures.append("the standalone host lists no routes")
        only = sorted(f"{r['method'].upper()} {normalize_path(r['path'])}" for r in standalone.get("routes", []) if r.get("standaloneOnly"))
        if only != STANDALONE_ONLY:
            failures.append(f"standalone-only routes are {only}, expected exactly {STANDALONE_ONLY}")
        for route in standalone.get("routes", []):
            if route.get("standaloneOnly"):
                continue
            key = (route["method"].upper(), normalize_path(route["path"]))
            if key not in routes and ("*", key[1]) not in routes:
                failures.append(f"standalone route {route['method']} {route['path']} has no Functions HTTP trigger")
        settings = {schedule.strip("%") for schedule in schedules.values()}
        for timer in standalone.get("timers", []):
            if timer["setting"] not in settings:
                failures.append(f"standalone timer {timer['name']} ({timer['setting']}) has no Functions timer "
                                f"with schedule %{timer['setting']}%")
        consumed = {consumer["setting"] for consumer in standalone.get("queues", [])}
        for consumer in standalone.get("queues", []):
            if consumer["setting"] not in {queue.strip("%") for queue in queues.values()}:
                failures.append(f"standalone queue consumer {consumer['name']} ({consumer['setting']}) has no Functions "
                                f"queue trigger on %{consumer['setting']}%")
        for name, queue in sorted(queues.items()):
            if queue.strip("%") not in consumed:
                failures.append(f"Functions queue trigger {name} ({queue}) has no standalone queue consumer")

    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        print("Functions HTTP routes: " + ", ".join(f"{m} {p}" for m, p in sorted(routes)))
        print("Functions timers: " + ", ".join(f"{n}={s}" for n, s in sorted(schedules.items())))
        print("Functions queue triggers: " + ", ".join(f"{n}={q}" for n, q in sorted(queues.items())))
        return 1
    checked = "and matches the standalone host" if len(argv) == 4 else "(metadata only)"
    print(f"functions.metadata: {len(routes)} HTTP route(s), {len(schedules)} timer(s), {len(queues)} queue trigger(s) {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
