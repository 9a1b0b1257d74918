"""One date style per language (FORMAT_MODULE_PATH), the same in lists and in forms.

Django's own format modules give each language several styles: English lists said
"July 12, 2026, noon" and "07/12/2026" while its forms wrote 2026-07-12. Here each
language has one numeric style, used both to show a short date or time (admin lists,
"Scheduled for …") and as the first input format (what a form field writes and its
calendar fills in): ISO 2026-07-12 14:30 in English and Chinese, 12.07.2026 14:30 in
Russian; times on a 24-hour clock. Long dates ("15 June 2019") are the DATE_FORMAT.
Anything not set here is Django's default for the language.
"""
