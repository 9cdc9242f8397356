"""The local backend (tools/backend/local.sh: PostgreSQL + foh-backend on
127.0.0.1) for UI tests that run foh-terminal against it. Standard library only.

    with LocalBackend(foh_backend_binary) as be:   # in its own temporary folder
        be.url, be.anon_key, be.restaurant_id, be.device_token()
        be.get("reservations", "id=eq.X")   # with the service key, past RLS
        be.patch("reservations", "id=eq.X", {"notes": "..."})
"""
import json
import os
import shutil
import subprocess
import tempfile
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOCAL_SH = os.path.join(ROOT, "tools", "backend", "local.sh")


class BackendError(Exception):
    pass


class LocalBackend:
    def __init__(self, backend_bin, keep=False):
        # Directly under the temp folder: PostgreSQL runs as `postgres` when we are root,
        # and must reach its data folder (a test's own 0700 folder would stop it).
        self.folder = tempfile.mkdtemp(prefix="foh-ui-backend-")
        self.backend_bin = backend_bin
        self.keep = keep
        self.env = {}

    def __enter__(self):
        env = dict(os.environ, FOH_BACKEND_BIN=self.backend_bin)
        p = subprocess.run([LOCAL_SH, "start", self.folder], capture_output=True, text=True,
                           env=env, timeout=180)
        if p.returncode != 0:
            raise BackendError(f"local.sh start failed ({p.returncode}):\n{p.stderr[-3000:]}")
        for line in p.stdout.splitlines():
            key, _, value = line.partition("=")
            self.env[key] = value
        if not self.env.get("FOH_BACKEND_URL") or not self.env.get("FOH_RESTAURANT_ID"):
            self.__exit__(None, None, None)
            raise BackendError(f"local.sh printed no URL or restaurant:\n{p.stdout}")
        return self

    def __exit__(self, *exc):
        subprocess.run([LOCAL_SH, "stop", self.folder], capture_output=True, timeout=120)
        if not self.keep:
            shutil.rmtree(self.folder, ignore_errors=True)
        return False

    @property
    def url(self):
        return self.env["FOH_BACKEND_URL"]

    @property
    def anon_key(self):
        return self.env["FOH_ANON_KEY"]

    @property
    def restaurant_id(self):
        return self.env["FOH_RESTAURANT_ID"]

    def device_token(self):
        """The terminal local.sh registered for the demo restaurant: its own login (a device
        token, migration 012), the only bearer pin-login accepts and the one that reads the
        PIN hashes for offline checks."""
        token = self.env.get("FOH_DEVICE_TOKEN", "")
        if not token:
            raise BackendError("local.sh printed no FOH_DEVICE_TOKEN (no registered terminal)")
        return token

    # ---- REST with the service key (another client; sees past RLS)
    def _request(self, method, path, body=None):
        key = self.env["FOH_SERVICE_KEY"]
        req = urllib.request.Request(self.url + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"apikey": key, "Authorization": f"Bearer {key}",
                                              "Content-Type": "application/json",
                                              "Prefer": "return=representation"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read() or b"null")

    def get(self, table, query):
        return self._request("GET", f"/rest/v1/{table}?select=*&{query}")

    def patch(self, table, query, fields):
        return self._request("PATCH", f"/rest/v1/{table}?{query}", fields)
