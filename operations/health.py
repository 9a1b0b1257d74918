"""``/health/`` for a load balancer (django-health-check): 200 when this app server can
serve, 500 when it cannot.

It checks the database (a ``SELECT 1``), the cache (a write and a read, so Redis when
``REDIS_URL`` is set) and that every migration in the code is applied to the database
(a server started before ``migrate`` ran would fail on the first page). ``?format=json``
or ``Accept: application/json`` gives one line per check.
"""

import dataclasses

from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration the code holds is applied (checked until it is, then remembered)."""

    alias: str = "default"
    # Once applied, migrations stay applied for the life of the process.
    _applied = set()

    def run(self):
        if self.alias in Migrations._applied:
            return
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise ServiceUnavailable("The applied migrations could not be read") from error
        finally:
            # The check runs in a worker thread: close the connection it opened there.
            connection.close()
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migrations are not applied")
        Migrations._applied.add(self.alias)


health = HealthCheckView.as_view(
    checks=(
        "health_check.checks.Database",
        "health_check.checks.Cache",
        Migrations,
    )
)
