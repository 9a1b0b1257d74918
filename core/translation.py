"""core's models in the editorial history (registered here, like the other apps' models)."""

import simple_history

from .models import Source

simple_history.register(Source, inherit=False)
