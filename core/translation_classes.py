"""One multilingual queryset class per queryset class, made once.

django-modeltranslation (0.20) makes every queryset of a translated model multilingual
by giving it a new class, ``class NewClass(YourQuerySet, MultilingualQuerySet)``,
built afresh by ``multilingual_queryset_factory`` each time a manager hands out a
queryset: several per page on every page. Building a class costs about 0.1 ms, and
each new class starts with empty method caches, so the ORM's attribute lookups on the
queryset walk its bases again. The class depends only on the queryset class it
extends, so the one made for a queryset class serves every later call (1.4% of the
instructions of the home and region pages, bench/instructions.py).
"""

from functools import cache

from modeltranslation import manager

_make_class = manager.multilingual_queryset_factory


@cache
def _made_once(old_cls):
    return _make_class(old_cls, instantiate=False)


def multilingual_queryset_factory(old_cls, instantiate=True):
    """modeltranslation's factory, the class made once per ``old_cls``. A module-level
    function, so a pickled queryset (``MultilingualQuerySet.__reduce__``) names it."""
    new_class = _made_once(old_cls)
    return new_class() if instantiate else new_class


def install():
    """Have modeltranslation make each multilingual queryset class once."""
    manager.multilingual_queryset_factory = multilingual_queryset_factory
