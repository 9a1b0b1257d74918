from tests.public.conftest import get  # noqa: F401  (the same GET helper as tests/public)
