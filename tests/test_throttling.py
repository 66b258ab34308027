"""Login throttling (django-axes): repeated wrong passwords lock the username from that address."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-9"


def _login(client, username, password, *, ip="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_a_correct_password_logs_in(client, make_user):
    make_user("ana", password=PASSWORD)
    assert _login(client, "ana", PASSWORD).status_code == 302


def test_too_many_wrong_passwords_lock_the_account_from_that_address(client, make_user):
    make_user("ana", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "ana", "wrong").status_code == 200  # the form again, with an error
    assert _login(client, "ana", "wrong").status_code == 429
    # Locked: even the right password is refused until the cool-off ends.
    assert _login(client, "ana", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_throttled_too(client, make_user):
    make_user("root", password=PASSWORD, is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "root", "password": "wrong"}, REMOTE_ADDR="203.0.113.8")
    assert client.post(url, {"username": "root", "password": PASSWORD}, REMOTE_ADDR="203.0.113.8").status_code == 429


def test_a_lockout_does_not_spread_to_other_addresses(client, make_user):
    make_user("ana", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "ana", "wrong", ip="198.51.100.1")
    assert _login(client, "ana", PASSWORD, ip="198.51.100.2").status_code == 302


@pytest.mark.parametrize("weak", ["12345678", "password", "parola", "ana-ana-ana"])
def test_weak_passwords_are_refused(make_user, weak):
    user = make_user("ana-ana-ana")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


# Issue 20, row 11: an address limit, no restart during a lockout, the client address from the proxy's header.

def test_many_usernames_from_one_address_lock_the_address(client, make_user):
    make_user("ana", password=PASSWORD)
    limit = settings.READER_LOGIN_ADDRESS_LIMIT
    for n in range(limit - 1):  # each username twice: far from the pair limit
        assert _login(client, f"cont-{n // 2}", "wrong", ip="192.0.2.10").status_code == 200, n
    assert _login(client, f"cont-{limit}", "wrong", ip="192.0.2.10").status_code == 429
    assert _login(client, "ana", PASSWORD, ip="192.0.2.10").status_code == 429
    assert _login(client, "ana", PASSWORD, ip="192.0.2.11").status_code == 302  # other addresses are not locked


def test_a_successful_login_does_not_clear_the_address_count(client, make_user):
    make_user("ana", password=PASSWORD)
    make_user("atacator", password=PASSWORD)
    for n in range(settings.READER_LOGIN_ADDRESS_LIMIT):
        if n % 4 == 3:
            assert _login(client, "atacator", PASSWORD, ip="192.0.2.20").status_code == 302
            client.logout()
        _login(client, f"cont-{n}", "wrong", ip="192.0.2.20")
    assert _login(client, "ana", PASSWORD, ip="192.0.2.20").status_code == 429


def test_a_try_during_a_lockout_does_not_restart_it(client, make_user):
    from axes.models import AccessAttempt
    from django.utils import timezone

    make_user("ana", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "ana", "wrong")
    fourteen_minutes_ago = timezone.now() - settings.AXES_COOLOFF_TIME + timezone.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=fourteen_minutes_ago)
    assert _login(client, "ana", "wrong").status_code == 429
    attempt = AccessAttempt.objects.get()
    assert (attempt.attempt_time, attempt.failures_since_start) == (fourteen_minutes_ago, settings.AXES_FAILURE_LIMIT)
    # A minute later the cool-off is over.
    AccessAttempt.objects.update(attempt_time=fourteen_minutes_ago - timezone.timedelta(minutes=1, seconds=1))
    assert _login(client, "ana", PASSWORD).status_code == 302


def test_behind_a_proxy_the_named_header_gives_the_client_address(client, make_user, settings):
    settings.READER_CLIENT_IP_HEADER = "X-Forwarded-For"
    make_user("ana", password=PASSWORD)
    proxy = "10.0.0.2"
    for _ in range(settings.AXES_FAILURE_LIMIT):  # the client may write its own first entry; the proxy adds the last
        client.post(reverse("login"), {"username": "ana", "password": "wrong"}, REMOTE_ADDR=proxy,
                    HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.50")
    locked = client.post(reverse("login"), {"username": "ana", "password": PASSWORD}, REMOTE_ADDR=proxy,
                         HTTP_X_FORWARDED_FOR="198.51.100.50")
    other = client.post(reverse("login"), {"username": "ana", "password": PASSWORD}, REMOTE_ADDR=proxy,
                        HTTP_X_FORWARDED_FOR="198.51.100.51")
    assert (locked.status_code, other.status_code) == (429, 302)


def test_without_the_setting_a_forwarded_header_is_ignored(client, make_user, settings):
    settings.READER_CLIENT_IP_HEADER = ""
    make_user("ana", password=PASSWORD)
    for n in range(settings.AXES_FAILURE_LIMIT):  # a client cannot dodge the limit by inventing addresses
        client.post(reverse("login"), {"username": "ana", "password": "wrong"}, REMOTE_ADDR="192.0.2.30",
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert _login(client, "ana", PASSWORD, ip="192.0.2.30").status_code == 429
