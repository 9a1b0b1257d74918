"""Give a new local user a way into the admin without editing code.

Creates a superuser with a random password, printed once, but only when no
superuser exists yet. Never a fixed password; does nothing on later runs.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a local superuser with a random password if none exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists; nothing to do.")
            return
        if user_model.objects.filter(username=username).exists():
            raise CommandError(
                f"A user '{username}' exists but is not a superuser; choose another name "
                "with --username, or run 'manage.py createsuperuser'."
            )
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser '{username}' with password: {password}\n"
                "It is shown only this once: note it down, or run "
                f"'manage.py changepassword {username}' later."
            )
        )
