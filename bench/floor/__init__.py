"""The floor of bench/pages.py: a separate, minimal Django project, Django's own minimum.

Two middleware (SecurityMiddleware, CommonMiddleware), one view that returns two
bytes, no apps and no database. bench/pages.py serves it with the same gunicorn
options as the site, so a page's requests per second over the floor's say what the
site adds to plain Django on the same stack.
"""
