"""The region select that follows the country chosen in the same form.

Each option carries its region's country (``data-country``); a small static script
(static/js/admin/region-follows-country.js, no inline script under the CSP) hides
the regions of other countries whenever the country changes. Without script every
region stays listed, and the model's ``clean()`` refuses a region outside the country.
"""

from django import forms


class RegionSelect(forms.Select):
    def __init__(self, country_field="country", attrs=None, choices=()):
        attrs = {**(attrs or {}), "data-country-select": f"id_{country_field}"}
        super().__init__(attrs, choices)

    class Media:
        js = ["js/admin/region-follows-country.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-country"] = str(instance.country_id)
        return option
