#!/usr/bin/env python3
"""Serves the files of a folder over HTTP on 127.0.0.1, slowly: the headers (with the full
Content-Length) at once, then the body a little at a time, so a client can be interrupted
mid-download. Usage: trickle_server.py DIR [BYTES_PER_SECOND]. Prints the port on stdout,
then logs each request (path and bytes sent) on stderr."""
import http.server
import os
import sys
import time

ROOT = sys.argv[1]
RATE = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
CHUNK = 1024


class Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = os.path.join(ROOT, os.path.basename(self.path))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        size = os.path.getsize(path)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        sent = 0
        sys.stderr.write("GET %s started\n" % self.path)
        sys.stderr.flush()
        try:
            with open(path, "rb") as f:
                while True:
                    block = f.read(CHUNK)
                    if not block:
                        break
                    self.wfile.write(block)
                    self.wfile.flush()
                    sent += len(block)
                    time.sleep(CHUNK / RATE)
        except (BrokenPipeError, ConnectionResetError):
            pass
        sys.stderr.write("GET %s ended after %d of %d bytes\n" % (self.path, sent, size))
        sys.stderr.flush()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
