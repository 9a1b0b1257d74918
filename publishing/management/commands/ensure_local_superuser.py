"""Give a new local user a way into the admin without editing code.

Creates a superuser with a random password, printed once, but only when no
superuser exists yet. Never a fixed password; does nothing on later runs.
``--new-password`` (what ``make admin-password`` runs) gives the local superuser a
new random password and prints it, for when the first one scrolled away.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

HINT = "Lost it? 'make admin-password' prints a new one."


class Command(BaseCommand):
    help = "Create a local superuser with a random password if none exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--new-password",
            action="store_true",
            help="Give the superuser USERNAME a new random password and print it.",
        )

    def handle(self, *args, username, new_password, **options):
        user_model = get_user_model()
        if new_password:
            self.reset(user_model, username)
            return
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write(f"A superuser already exists; nothing to do. {HINT}")
            return
        if user_model.objects.filter(username=username).exists():
            raise CommandError(
                f"A user '{username}' exists but is not a superuser; choose another name "
                "with --username, or run 'make superuser ADMIN_USER=<name>'."
            )
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser '{username}' with password: {password}\n"
                f"It is shown only this once: note it down. {HINT}"
                + ("" if username == "admin" else f" (ADMIN_USER={username})")
            )
        )

    def reset(self, user_model, username):
        user = user_model.objects.filter(username=username, is_superuser=True).first()
        if user is None:
            raise CommandError(
                f"No superuser '{username}'. 'make superuser' creates one; "
                "ADMIN_USER=<name> picks another account."
            )
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        self.stdout.write(
            self.style.SUCCESS(f"New password for superuser '{username}': {password}")
        )
