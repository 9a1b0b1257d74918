"""The sources in the editorial history (registered here, like the other apps' models)."""

import simple_history

from sources.models import Source

simple_history.register(Source, inherit=False, table_name="core_historicalsource")
