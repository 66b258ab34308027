import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from reader.roles import EDITORS_GROUP, ensure_groups


class Command(BaseCommand):
    help = "Create the demo editor account when it is missing, and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--password", default=os.environ.get("DEMO_EDITOR_PASSWORD", "citeste-atent-2025"))
        parser.add_argument("--reset", action="store_true",
                            help="Set the password and the Editors group again on an existing account.")

    def handle(self, *args, username, password, reset, **options):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created or reset:
            user.set_password(password)
            user.is_staff = True  # curators' admin panel too, limited to the Editors group's permissions
            user.save()
            user.groups.add(ensure_groups()[EDITORS_GROUP])
            self.stdout.write(self.style.SUCCESS(f"Demo editor — username: {username}  password: {password}"))
        else:
            # An account someone may have changed since (password, rights) is left as it is.
            self.stdout.write(f"Demo editor — username: {username} (exists; its password is the one last set; "
                              "--reset sets it again)")
