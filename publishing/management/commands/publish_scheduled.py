"""Publish the scheduled revisions that are due (for cron, e.g. every minute).

The first request after a revision's time applies it too (``publishing.scheduling``);
this command makes it go live when no one visits, or when the cache lost the time of
the next one. Safe to run beside the server and several times at once.
"""

from django.core.management.base import BaseCommand

from publishing.scheduling import publish_due


class Command(BaseCommand):
    help = "Publish the scheduled revisions whose time has come."

    def handle(self, *args, **options):
        applied = publish_due()
        if options["verbosity"] < 1:
            return
        for revision in applied:
            self.stdout.write(f"Published revision {revision.pk} of {revision.record}")
        self.stdout.write(f"Scheduled revisions published: {len(applied)}")
