#!/usr/bin/env python3
"""Drives a fixed rate of a realistic mix of requests through nginx (bench/load/run.sh) and reports latency, errors and the
nodes' memory. Open loop: request i is due at start + i/rate whatever the earlier ones do, and its latency is counted from when
it was due, so a slow server is not hidden by the driver waiting for it (no coordinated omission).

Usage: drive.py BASE_URL --teachers N --curators M --rate 50 --seconds 600 --pids PID1,PID2 [--json OUT]
Signs in load.t1..N (teacher2026) and load.c1..M (curator2026) first (not timed), then runs the mix:
  teachers: the cabinet /, the self-assessment /Diagnostics/Answer, saving one topic of it (POST, htmx), the notifications API;
  curators: their home /, the registry /Staff (pages, a department, a search), the competency map, the matching page, and
  the API: /api/v1/staff and /api/v1/rounds.
Only Python's standard library."""
import argparse
import gzip
import concurrent.futures
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("base")
ap.add_argument("--teachers", type=int, default=200)
ap.add_argument("--curators", type=int, default=10)
ap.add_argument("--rate", type=float, default=50)
ap.add_argument("--seconds", type=int, default=600)
ap.add_argument("--pids", default="")
ap.add_argument("--json")
args = ap.parse_args()
url = urllib.parse.urlsplit(args.base)
HOST, PORT = url.hostname, url.port or 80
rng = random.Random(15)
local = threading.local()


def conn():
    c = getattr(local, "c", None)
    if c is None:
        c = local.c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    return c


def request(method, path, cookie=None, body=None, headers=None):
    """One request on this thread's kept-alive connection; returns (status, headers, body). Reconnects once if the server
    closed the connection."""
    h = {"Accept-Encoding": "gzip", **(headers or {})}
    if cookie:
        h["Cookie"] = cookie
    if body is not None:
        body = urllib.parse.urlencode(body)
        h["Content-Type"] = "application/x-www-form-urlencoded"
    for attempt in (0, 1):
        c = conn()
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            if r.getheader("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
            return r.status, r.getheaders(), data
        except Exception as e:
            c.close()        # a connection left mid-response cannot send again: the next request opens a new one
            local.c = None
            if attempt or not isinstance(e, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
                raise


class Session:
    def __init__(self, login, password):
        self.login, self.cookies, self.token = login, {}, None
        status, headers, body = self.get("/Account/Login")
        token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', body).group(1).decode()
        status, headers, body = self.call("POST", "/Account/Login", {"Input.UserName": login, "Input.Password": password,
                                                                      "__RequestVerificationToken": token})
        if status != 302 or not any(k.startswith("nastavnik") for k in self.cookies):
            raise SystemExit(f"sign-in of {login} failed: {status}")

    def cookie(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def call(self, method, path, body=None, headers=None):
        status, hs, data = request(method, path, self.cookie(), body, headers)
        for k, v in hs:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return status, hs, data

    def get(self, path):
        return self.call("GET", path)


def sign_in_all():
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        teachers = list(pool.map(lambda n: Session(f"load.t{n}", "teacher2026"), range(1, args.teachers + 1)))
        curators = list(pool.map(lambda n: Session(f"load.c{n}", "curator2026"), range(1, args.curators + 1)))
    # The self-assessment's topics and the request token its htmx forms send (one per session, as the page gives it).
    for s in teachers:
        body = s.get("/Diagnostics/Answer")[2].decode()
        s.token = re.search(r'"RequestVerificationToken": "([^"]+)"', body).group(1)
        s.topics = [int(t) for t in re.findall(r'data-topic="(\d+)"', body)]
        if not s.topics:
            raise SystemExit(f"{s.login}: no open self-assessment")
    c = curators[0]
    depts = sorted(set(re.findall(r'<option value="([^"]+)"', c.get("/Staff")[2].decode())) - {""})
    print(f"signed in {len(teachers)} teachers and {len(curators)} curators in {time.time() - t0:.1f} s", flush=True)
    return teachers, curators, depts


teachers, curators, depts = sign_in_all()
pages = max(1, 5000 // 25)


def answer(s):
    topic = rng.choice(s.topics)
    form = {"topicId": topic, "__RequestVerificationToken": s.token}
    if rng.random() < 0.5:
        form.update({"offer": "true", "level": rng.randint(1, 3), "experience": "веду кружок"})
    else:
        form.update({"need": "true", "priority": rng.randint(1, 3)})
    return s.call("POST", "/Diagnostics/Answer?handler=Topic", form, {"HX-Request": "true", "RequestVerificationToken": s.token})


# (weight, name, who, what): the mix of a school day, teachers' requests about two thirds of all.
MIX = [
    (22, "teacher: cabinet /", "t", lambda s: s.get("/")),
    (14, "teacher: self-assessment", "t", lambda s: s.get("/Diagnostics/Answer")),
    (8, "teacher: save a topic (POST)", "t", answer),
    (6, "teacher: API notifications", "t", lambda s: s.get("/api/v1/notifications?take=20")),
    (6, "curator: home /", "c", lambda s: s.get("/")),
    (12, "curator: registry /Staff", "c", lambda s: s.get(rng.choice([
        "/Staff", f"/Staff?p={rng.randint(2, pages)}", "/Staff?Sort=exp",
        "/Staff?Dept=" + urllib.parse.quote(rng.choice(depts or [""])), "/Staff?Q=" + urllib.parse.quote(rng.choice(["иван", "петрова-1", "елена"]))]))),
    (10, "curator: competency map", "c", lambda s: s.get(rng.choice(["/Diagnostics/Map", f"/Diagnostics/Map?p={rng.randint(2, 40)}"]))),
    (6, "curator: matching", "c", lambda s: s.get("/Matching")),
    (12, "curator: API staff", "c", lambda s: s.get(f"/api/v1/staff?page={rng.randint(1, pages)}&size=25")),
    (4, "curator: API rounds", "c", lambda s: s.get("/api/v1/rounds")),
]
weights = [m[0] for m in MIX]
results = []          # (kind index, due offset s, latency ms, status or error)
lock = threading.Lock()


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except OSError:
        return None


pids = [p for p in args.pids.split(",") if p]
memory = []           # (minute, {pid: rss MB})


def one(i, due, start):
    k = rng.choices(range(len(MIX)), weights)[0]
    _, _, who, what = MIX[k]
    s = rng.choice(teachers if who == "t" else curators)
    try:
        status = what(s)[0]
    except Exception as e:  # noqa: BLE001 - every failure is counted as an error, by its kind
        status = type(e).__name__
    latency = (time.monotonic() - due) * 1000
    with lock:
        results.append((k, due - start, latency, status))


start = time.monotonic()
total = int(args.rate * args.seconds)
pool = concurrent.futures.ThreadPoolExecutor(max_workers=64)
futures = []
if True:
    next_minute = 0
    for i in range(total):
        due = start + i / args.rate
        now = time.monotonic()
        if now < due:
            time.sleep(due - now)
        if due - start >= next_minute * 60 and pids:
            memory.append((next_minute, {p: (rss_kb(p) or 0) // 1024 for p in pids}))
            print(f"minute {next_minute}: RSS MB {memory[-1][1]}, requests so far {len(results)}", flush=True)
            next_minute += 1
        futures.append(pool.submit(one, i, due, start))
# What was due but not yet sent when the time is up is not sent (a server that falls behind would otherwise be given as long as
# it needs): counted as errors, «not sent in time»; what is in flight gets its 30 s.
pool.shutdown(wait=False, cancel_futures=True)
concurrent.futures.wait(futures, timeout=35)
unsent = sum(f.cancelled() for f in futures)
if pids:
    memory.append((args.seconds / 60, {p: (rss_kb(p) or 0) // 1024 for p in pids}))
elapsed = time.monotonic() - start


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1)] if xs else float("nan")


def ok(status):
    return isinstance(status, int) and status < 400


report = {"requests": len(results), "seconds": round(elapsed, 1), "rate": round(len(results) / elapsed, 1), "kinds": [], "memory": memory}
lat = [r[2] for r in results]
errors = [r for r in results if not ok(r[3])]
report.update(errors=len(errors) + unsent, not_sent=unsent, p50=pct(lat, 50), p95=pct(lat, 95), p99=pct(lat, 99), max=max(lat))
print(f"\n{len(results)} requests answered in {elapsed:.0f} s ({report['rate']} req/s), errors {len(errors)}, not sent in time {unsent}; "
      f"p50 {report['p50']:.1f} ms, p95 {report['p95']:.1f} ms, p99 {report['p99']:.1f} ms, max {report['max']:.0f} ms")
print(f"{'kind':36} {'n':>6} {'err':>4} {'p50':>8} {'p95':>8} {'p99':>8}")
for k, (_, name, _, _) in enumerate(MIX):
    mine = [r for r in results if r[0] == k]
    ls = [r[2] for r in mine]
    bad = sorted({str(r[3]) for r in mine if not ok(r[3])})
    report["kinds"].append({"kind": name, "n": len(mine), "errors": len(mine) - sum(ok(r[3]) for r in mine), "statuses": bad,
                            "p50": pct(ls, 50), "p95": pct(ls, 95), "p99": pct(ls, 99)})
    print(f"{name:36} {len(mine):6} {report['kinds'][-1]['errors']:4} {pct(ls, 50):8.1f} {pct(ls, 95):8.1f} {pct(ls, 99):8.1f}"
          + (f"  {' '.join(bad)}" if bad else ""))
if memory:
    print("RSS MB by minute: " + "; ".join(f"{m:g}: {' '.join(str(v) for v in rss.values())}" for m, rss in memory))
if args.json:
    with open(args.json, "w") as f:
        json.dump(report, f, indent=1)
sys.exit(0)
