import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from reader.models import EDITORS_GROUP
from reader.roles import ensure_groups


class Command(BaseCommand):
    help = "Create (or reset) the demo editor account and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--password", default=os.environ.get("DEMO_EDITOR_PASSWORD", "citeste-atent-2025"))

    def handle(self, *args, username, password, **options):
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.is_staff = True  # curators' admin panel too, limited to the Editors group's permissions
        user.save()
        user.groups.add(ensure_groups()[EDITORS_GROUP])
        self.stdout.write(self.style.SUCCESS(f"Demo editor — username: {username}  password: {password}"))
