#!/usr/bin/env python3
"""Records claims one after another as a signed-in officer would, and prints the round trip
(POST of the form until its redirect) as p50, p99 and maximum in milliseconds. With AFTER_PATHs, it
also fetches each of those pages after each write, as the public would (the first render of
the new data, or the answer the cache kept), and adds the p50 and maximum of each.

    claim_round_trip.py BASE_URL SET_PASSWORD_PATH COUNT [AFTER_PATH ...]

Standard library only, so it runs wherever the benchmark runs."""

import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse

base, link, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
after_paths = sys.argv[4:]
host = urllib.parse.urlsplit(base).netloc
connection = http.client.HTTPConnection(host)
public = http.client.HTTPConnection(host)
cookie = ""


def request(method, path, form=None):
    global cookie
    headers = {"Origin": base}
    if cookie:
        headers["Cookie"] = cookie
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie" and value.startswith("vigia_session="):
            cookie = value.split(";", 1)[0]
    return response, data


token = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["token"][0]
password = "a long enough benchmark passphrase"
response, _ = request(
    "POST", "/account/set-password", {"token": token, "password": password, "confirm": password}
)
assert response.status == 303 and cookie, f"sign-in failed: {response.status}"

_, body = request("GET", "/api/v1/departments/BO-N")
history = json.loads(body)["history"]
latest = max((e["id"] for e in history if e.get("requirement") == "action-plan"), default=0)

timings = []
after = {path: [] for path in after_paths}
for n in range(count):
    form = {
        "expected": str(latest),
        # Alternating statuses, so every claim changes the record (and its alerts fire).
        "status": "in-preparation" if n % 2 == 0 else "missing",
        "event_date": "2025-05",
        "evidence_level": "reported",
        "note": f"Benchmark claim {n}",
        "source_author": "Benchmark",
        "source_title": "Benchmark",
        "source_url": "https://example.org/bench",
        "source_published": "2025-05",
    }
    start = time.perf_counter()
    response, _ = request("POST", "/departments/BO-N/action-plan/claims", form)
    timings.append((time.perf_counter() - start) * 1000)
    location = response.getheader("Location") or ""
    # Saved: back to the department page, whose confirmation links to the new claim's entry
    # (a refused form goes back to the form instead).
    assert response.status == 303 and location == "/departments/BO-N", f"claim {n} refused: {location}"
    for after_path in after_paths:
        # As the public sees it: no session, so the page the cache would hold.
        start = time.perf_counter()
        public.request("GET", after_path, headers={"Accept-Language": "es"})
        response = public.getresponse()
        response.read()
        after[after_path].append((time.perf_counter() - start) * 1000)
        assert response.status == 200, f"{after_path} after claim {n}: {response.status}"
    # As the browser follows the redirect: the confirmation names the claim the next one
    # expects to follow.
    _, page = request("GET", location)
    latest = int(re.search(rb'href="#claim-(\d+)"', page).group(1))

timings.sort()
p50 = statistics.median(timings)
p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
line = f"{count} {p50:.1f} {p99:.1f} {timings[-1]:.1f}"
for times in after.values():
    line += f" {statistics.median(times):.1f} {max(times):.1f}"
print(line)
