# The same roles and records as the editors' admin tests.
from tests.editor.conftest import editor, login, make_user, publisher, world  # noqa: F401
