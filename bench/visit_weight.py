#!/usr/bin/env python3
"""Weighs a first and a repeat visit to a page as a browser makes them: the page and every
file it links (stylesheet, icon, scripts, wasm, module preloads), with a browser's headers,
counting the bytes as sent (compressed). A repeat visit revalidates the page with its ETag
and fetches again only files whose Cache-Control lets them expire.

    visit_weight.py BASE_URL [PATH]

Standard library only. Prints one line per file and the totals."""

import http.client
import re
import sys
import urllib.parse

base = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else "/"
host = urllib.parse.urlsplit(base).netloc
BROWSER = {
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "es-BO,es;q=0.9,en;q=0.8",
    "User-Agent": "Mozilla/5.0 (Linux; Android 14) visit-weight",
}


def fetch(target, extra=None):
    connection = http.client.HTTPConnection(host)
    connection.request("GET", target, headers={**BROWSER, **(extra or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict((k.lower(), v) for k, v in response.getheaders()), body


def linked_files(html):
    """Addresses of what a browser fetches for the page: links it loads and scripts."""
    found = []
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", html):
        rel = re.search(r'\brel="([^"]*)"', tag)
        href = re.search(r'\b(?:href|src)="([^"]*)"', tag)
        if not href:
            continue
        if tag.startswith("<link") and (not rel or rel.group(1) not in ("stylesheet", "icon", "modulepreload", "preload")):
            continue
        found.append(href.group(1))
    # The loader imports the module, which fetches the wasm (both preloaded when present).
    return list(dict.fromkeys(found))


def decoded(headers, body):
    encoding = headers.get("content-encoding")
    if encoding == "gzip":
        import gzip
        return gzip.decompress(body).decode()
    if encoding == "br":
        # No brotli in the standard library: fetch the page again as gzip to read its links.
        _, _, plain = fetch(path, {"Accept-Encoding": "gzip"})
        import gzip
        return gzip.decompress(plain).decode()
    return body.decode()


status, headers, body = fetch(path)
html = decoded(headers, body)
first = [(path, len(body), headers.get("content-encoding", "identity"))]
files = {}
for address in linked_files(html):
    target = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, address)).path
    s, h, b = fetch(target)
    files[target] = h
    first.append((target, len(b), h.get("content-encoding", "identity")))

print(f"First visit to {path}:")
for target, size, encoding in first:
    print(f"  {target:<48} {size:>8} B  {encoding}")
total = sum(size for _, size, _ in first)
print(f"  {'total':<48} {total:>8} B  ({total / 1024:.1f} KB; page {first[0][1] / 1024:.1f} KB)")

repeat = []
s, h, b = fetch(path, {"If-None-Match": headers.get("etag", "")})
repeat.append((path, len(b), s))
for target, h in files.items():
    policy = h.get("cache-control", "")
    if "immutable" in policy or re.search(r"max-age=[1-9]", policy):
        continue  # still fresh in the browser's cache: not fetched
    s, _, b = fetch(target, {"If-None-Match": h.get("etag", "")} if h.get("etag") else None)
    repeat.append((target, len(b), s))
print(f"Repeat visit to {path}:")
for target, size, status in repeat:
    print(f"  {target:<48} {size:>8} B  status {status}")
print(f"  {'total':<48} {sum(size for _, size, _ in repeat):>8} B")
