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
