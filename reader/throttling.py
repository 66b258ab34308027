"""Login throttling on top of django-axes: two limits, and the client address the operator's proxy reports.

- DJANGO_LOGIN_FAILURE_LIMIT (5) wrong passwords for one username from one address lock that pair; an attacker
  cannot lock a real editor out from elsewhere.
- DJANGO_LOGIN_ADDRESS_LIMIT (20) wrong passwords from one address, whatever the usernames, lock the address:
  trying a few passwords on many accounts is throttled too.
- A try during a lockout is refused without being counted, so it does not restart the cool-off.
- Behind a reverse proxy every request comes from the proxy: DJANGO_CLIENT_IP_HEADER names the header the proxy
  writes the client's address to (X-Real-IP, or X-Forwarded-For whose last address is the one the proxy added).
  Without it only the connection's address counts; a header the proxy does not set would let clients pick theirs.
"""

from __future__ import annotations

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def client_ip(request) -> str | None:
    """The client's address: from the configured proxy header when it holds one, else the connection's."""
    header = settings.READER_CLIENT_IP_HEADER
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        # A proxy appends the address it saw: in a list, only the last entry was written by our proxy.
        candidate = value.split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


class AddressLimitHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, larger limit per address (AXES_LOCKOUT_PARAMETERS lists the
    (username, address) pair first, then the address)."""

    def get_failures(self, request, credentials=None) -> int:
        pair, address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Axes compares one number with one limit: the address count is scaled so that reaching the address
        # limit is reaching the pair limit.
        return max(pair, address * settings.AXES_FAILURE_LIMIT // settings.READER_LOGIN_ADDRESS_LIMIT)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears that username's failures from that address only: an attacker who also holds
        an account must not wipe the address's count by signing in between guesses."""
        count, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count
