// The figures' filter shows only the fields the chosen period needs, as
// the server does when it renders the page; without this script a new
// period's fields appear after Vis. A field with an error stays shown.
(() => {
  "use strict";
  const form = document.querySelector("form[data-filters]");
  if (!form) return;
  const period = form.querySelector("#period");
  const show = () => {
    for (const group of form.querySelectorAll("[data-periods]")) {
      const needed = group.dataset.periods.split(" ").includes(period.value);
      group.hidden = !needed && !group.classList.contains("form-error");
    }
  };
  period.addEventListener("change", show);
  period.addEventListener("input", show);
  show();
})();
