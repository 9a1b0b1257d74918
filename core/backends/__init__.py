"""Django's PostgreSQL and SQLite backends, with SELECTs whose SQL outside the WHERE
clause is written once per shape of query (core/sql_reuse.py). config/settings.py
puts them in place of Django's own."""
