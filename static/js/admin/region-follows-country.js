"use strict";
// The region choices follow the country chosen (cooperation/admin_widgets.py): options of
// other countries are hidden and disabled, and a region of another country is cleared.
(function () {
  function follow(region) {
    const country = document.getElementById(region.dataset.countrySelect);
    if (!country) {
      return;
    }
    function apply() {
      const chosen = country.value;
      for (const option of region.options) {
        const other = Boolean(chosen && option.dataset.country && option.dataset.country !== chosen);
        option.hidden = other;
        option.disabled = other;
      }
      const selected = region.options[region.selectedIndex];
      if (selected && selected.disabled) {
        region.value = "";
      }
    }
    country.addEventListener("change", apply);
    apply();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-country-select]").forEach(follow);
  });
})();
