#!/usr/bin/env python3
"""What requests without an account cost the release server, measured as the outside probe
did (issue 25), on a fresh SQLite database each. Prints figures; asserts nothing.

  python3 bench/no_account.py target/release/vigia

1. 100 password posts with a made-up link, 10 at a time, then 200 more, 50 at a time: the
   server's RSS, the hashes it computed and /healthz's latency meanwhile.
2. 100 connections that ask for a 10 MiB document and do not read it: RSS before, while they
   hang and after they close.
3. Under an open-file limit of 512, 400 connections that send one header line every 5 s
   (from 127.0.0.2 and on) while a reader on 127.0.0.1 asks for /healthz every second: how
   many of its requests failed, the slowest answer, and how long the trickling connections
   lasted.
"""

import concurrent.futures
import hashlib
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, work, prefix=()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(
            os.environ,
            DATABASE_URL=f"sqlite://{work}/vigia.db?mode=rwc",
            VIGIA_DATA_DIR=work,
            LEPTOS_SITE_ADDR=f"127.0.0.1:{self.port}",
            RUST_LOG="error",
        )
        self.process = subprocess.Popen(
            [*prefix, binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            kb = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
        return kb / 1024

    def metric(self, series):
        text = urllib.request.urlopen(self.url + "/metrics").read().decode()
        for line in text.splitlines():
            if line.startswith(series + " "):
                return float(line.split()[-1])
        return 0.0

    def stop(self):
        self.process.terminate()
        self.process.wait()


def post_password(url):
    body = b"token=made-up&password=a+long+enough+passphrase&confirm=a+long+enough+passphrase"
    request = urllib.request.Request(
        url + "/account/set-password",
        data=body,
        headers={"Origin": url, "Content-Type": "application/x-www-form-urlencoded"},
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(request, timeout=60).status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def healthz_ms(url):
    started = time.monotonic()
    urllib.request.urlopen(url + "/healthz", timeout=30).read()
    return (time.monotonic() - started) * 1000


def password_flood(binary):
    with tempfile.TemporaryDirectory() as work:
        server = Server(binary, work)
        before = server.rss_mb()
        worst = 0.0
        for total, at_once in ((100, 10), (200, 50)):
            with concurrent.futures.ThreadPoolExecutor(at_once) as pool:
                answers = pool.map(post_password, [server.url] * total)
                worst = max(worst, healthz_ms(server.url))
                codes = sorted(set(answers))
            print(f"  {total} posts, {at_once} at a time: answers {codes}, RSS {server.rss_mb():.0f} MB")
        print(f"  RSS before {before:.0f} MB; hashes computed {server.metric('vigia_password_hashes_total'):.0f}; "
              f"slowest /healthz meanwhile {worst:.0f} ms")
        server.stop()


def slow_document_readers(binary):
    with tempfile.TemporaryDirectory() as work:
        server = Server(binary, work)
        server.stop()
        pdf = b"%PDF-1.4\n" + os.urandom(10 * 1024 * 1024 - 16) + b"\n%%EOF\n"
        sha = hashlib.sha256(pdf).hexdigest()
        os.makedirs(f"{work}/documents", exist_ok=True)
        with open(f"{work}/documents/{sha}.pdf", "wb") as f:
            f.write(pdf)
        db = sqlite3.connect(f"{work}/vigia.db")
        db.execute(
            "INSERT INTO documents (sha256, filename, size, claim_id, uploaded_at) "
            "VALUES (?, 'informe.pdf', ?, (SELECT MIN(id) FROM claims), '2025-01-01T00:00:00Z')",
            (sha, len(pdf)),
        )
        document = db.execute("SELECT MAX(id) FROM documents").fetchone()[0]
        db.commit()
        db.close()
        server = Server(binary, work)
        before = server.rss_mb()
        readers = []
        for _ in range(100):
            s = socket.create_connection(("127.0.0.1", server.port))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(f"GET /documents/{document} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n".encode())
            readers.append(s)
        time.sleep(3)
        during = server.rss_mb()
        for s in readers:
            s.close()
        time.sleep(3)
        after = server.rss_mb()
        print(f"  RSS before {before:.0f} MB, with 100 readers hanging {during:.0f} MB, after they closed {after:.0f} MB")
        server.stop()


def slowloris(binary):
    with tempfile.TemporaryDirectory() as work:
        server = Server(binary, work, prefix=("prlimit", "--nofile=512:512"))
        opened, stop = [], threading.Event()
        lifetimes = []

        def trickle(n):
            try:
                s = socket.socket()
                s.bind((f"127.0.{1 + n // 250}.{2 + n % 250}", 0))
                s.connect(("127.0.0.1", server.port))
            except OSError:
                return
            started = time.monotonic()
            try:
                s.sendall(b"GET / HTTP/1.1\r\n")
                while not stop.is_set():
                    s.sendall(b"X-Slow: 1\r\n")
                    if stop.wait(5):
                        break
                    s.settimeout(0.01)
                    try:
                        if s.recv(1) == b"":
                            break
                    except socket.timeout:
                        pass
            except OSError:
                pass
            lifetimes.append(time.monotonic() - started)
            s.close()

        threads = [threading.Thread(target=trickle, args=(n,)) for n in range(400)]
        for t in threads:
            t.start()
        failed, slowest = 0, 0.0
        for _ in range(30):
            try:
                slowest = max(slowest, healthz_ms(server.url))
            except OSError:
                failed += 1
            time.sleep(1)
        stop.set()
        for t in threads:
            t.join()
        longest = max(lifetimes) if lifetimes else 0
        timeouts = server.metric('vigia_refused_total{reason="header_timeout"}')
        print(f"  30 /healthz requests while 400 connections trickle: {failed} failed, slowest {slowest:.0f} ms; "
              f"longest trickling connection {longest:.0f} s; header timeouts counted {timeouts:.0f}")
        server.stop()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/vigia"
    print("1. Password posts with a made-up link")
    password_flood(binary)
    print("2. Slow readers of a 10 MiB document")
    slow_document_readers(binary)
    print("3. Trickled headers under an open-file limit of 512")
    slowloris(binary)


if __name__ == "__main__":
    main()
