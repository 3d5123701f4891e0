#!/usr/bin/env python3
"""Records claims one after another as a signed-in officer would, and prints the round trip
(POST of the form until its redirect) as p50 and p99 in milliseconds.

    claim_round_trip.py BASE_URL SET_PASSWORD_PATH COUNT

Standard library only, so it runs wherever the benchmark runs."""

import http.client
import json
import statistics
import sys
import time
import urllib.parse

base, link, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
host = urllib.parse.urlsplit(base).netloc
connection = http.client.HTTPConnection(host)
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
    assert response.status == 303 and "#claim-" in location, f"claim {n} refused: {location}"
    latest = int(location.rsplit("#claim-", 1)[1])

timings.sort()
p50 = statistics.median(timings)
p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
print(f"{count} {p50:.1f} {p99:.1f}")
