"""Fetching feeds and article pages from the web, safely.

Only http and https; every address a host name resolves to must be public (or in ``READER_FETCH_ALLOWED_NETWORKS``),
and the connection goes to the address that was checked, so a name cannot resolve once to a public address and
again to a private one. Redirects are followed by hand, each hop checked the same way. Each response has a size
limit (read in chunks, whatever Content-Length says), each request a time limit, and requests to one host are
spaced by ``READER_FETCH_HOST_INTERVAL`` seconds (per process).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a URL was not fetched, in one line."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""


def fetch(url: str, *, headers: dict[str, str] | None = None, max_bytes: int | None = None,
          accept: str = "*/*") -> Response:
    """GET ``url``; 304 and other statuses are returned, network and policy failures raise FetchError."""
    max_bytes = max_bytes or settings.READER_FETCH_MAX_BYTES
    deadline = time.monotonic() + settings.READER_FETCH_TIMEOUT
    for _ in range(MAX_REDIRECTS + 1):
        response = _get(url, headers or {}, max_bytes, deadline, accept)
        location = response.headers.get("location")
        if response.status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location.strip())
            continue
        return response
    raise FetchError(f"More than {MAX_REDIRECTS} redirects.")


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to) for a URL that may be fetched; raise FetchError otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchError(f"Not a valid URL: {error}.") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs are fetched, not {parts.scheme or 'this'}: {url[:200]}")
    if not parts.hostname:
        raise FetchError(f"The URL has no host: {url[:200]}")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched.")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"Cannot resolve {parts.hostname}: {error}.") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        if not address_allowed(address):
            raise FetchError(f"{parts.hostname} is at {address}, a private, loopback or reserved address; not "
                             "fetched (READER_FETCH_ALLOWED_NETWORKS allows some).")
    if not addresses:
        raise FetchError(f"Cannot resolve {parts.hostname}.")
    return parts.scheme, parts.hostname, port, addresses[0]


def address_allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(net, strict=False) for net in settings.READER_FETCH_ALLOWED_NETWORKS):
        return True
    return ip.is_global and not ip.is_multicast


_last_request: dict[str, float] = {}
_rate_lock = threading.Lock()


def _wait_for_host(host: str) -> None:
    """Space requests to one host: a newsroom's server is not ours to hammer."""
    interval = settings.READER_FETCH_HOST_INTERVAL
    with _rate_lock:
        now = time.monotonic()
        start = max(now, _last_request.get(host, 0.0) + interval)
        _last_request[host] = start
    if start > now:
        time.sleep(start - now)


class _HTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _get(url: str, headers: dict[str, str], max_bytes: int, deadline: float, accept: str) -> Response:
    scheme, host, port, address = check_url(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"Timed out after {settings.READER_FETCH_TIMEOUT:g} s.")
    _wait_for_host(host)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = (_HTTPS if scheme == "https" else _HTTP)(host, port, address, timeout=remaining)
    request_headers = {"User-Agent": settings.READER_FETCH_USER_AGENT, "Accept": accept,
                       "Accept-Encoding": "gzip", **headers}
    try:
        connection.request("GET", target, headers=request_headers)
        raw = connection.getresponse()
        response_headers = {k.lower(): v for k, v in raw.getheaders()}
        declared = response_headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"The response is {int(declared):,} bytes; the limit is {max_bytes:,}.")
        body = _read(raw, max_bytes, deadline, gzip=response_headers.get("content-encoding", "").lower() == "gzip")
    except (OSError, http.client.HTTPException, ssl.SSLError) as error:
        if isinstance(error, TimeoutError | socket.timeout):
            raise FetchError(f"Timed out after {settings.READER_FETCH_TIMEOUT:g} s: {url[:200]}") from None
        raise FetchError(f"Cannot fetch {url[:200]}: {type(error).__name__}: {error}".strip()) from None
    finally:
        connection.close()
    return Response(url=url, status=raw.status, headers=response_headers, body=body)


def _read(raw, max_bytes: int, deadline: float, *, gzip: bool) -> bytes:
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
    out = bytearray()
    while chunk := raw.read(_CHUNK):
        if time.monotonic() > deadline:
            raise FetchError(f"Timed out after {settings.READER_FETCH_TIMEOUT:g} s.")
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error as error:
                raise FetchError(f"Broken gzip response: {error}.") from None
        out += chunk
        if len(out) > max_bytes:
            raise FetchError(f"The response is larger than the limit of {max_bytes:,} bytes.")
    return bytes(out)
