// The staff console without the mouse: live search over the service areas,
// and one key per choice. Without this script every form still works.
(() => {
  "use strict";
  const root = document.querySelector("[data-console]");
  if (!root) return;

  const fold = (s) => s.toLowerCase().trim()
    .replaceAll("æ", "ae").replaceAll("ø", "oe").replaceAll("å", "aa");
  const search = document.getElementById("q");
  const list = document.getElementById("areas");
  const count = document.getElementById("matches-count");

  // Live search: words of the title or id, or the start of the KLE number.
  const filter = () => {
    const q = fold(search.value);
    let shown = 0;
    for (const li of list.querySelectorAll("li[data-search]")) {
      const [kle, ...rest] = li.dataset.search.split(" ");
      const hit = q === "" || kle.startsWith(q) || fold(rest.join(" ")).includes(q);
      li.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = shown + " " + (shown === 1 ? root.dataset.one : root.dataset.many);
  };
  if (search && list) {
    search.addEventListener("input", filter);
    // Escape in an empty field leaves it, so that the shortcuts work.
    search.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && search.value === "") {
        e.preventDefault();
        search.blur();
      }
    });
    // Enter (submitting the search) chooses the first area that matches;
    // without matches the server answers as without this script.
    search.form.addEventListener("submit", (e) => {
      const first = list.querySelector("li:not([hidden]) a");
      if (first) {
        e.preventDefault();
        window.location.href = first.href;
      }
    });
  }

  const form = document.getElementById("register");
  const panel = document.getElementById("guidance");

  // The guidance follows the chosen type, channel and circumstances.
  const refresh = () => {
    if (!form || !panel) return;
    const params = new URLSearchParams(new FormData(form));
    fetch(root.dataset.guidance + "?" + params.toString(), { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => { panel.innerHTML = html; })
      .catch(() => {});
  };
  if (form) {
    form.addEventListener("change", (e) => {
      if (e.target.name === "channel" || e.target.name === "type" || e.target.closest("[data-circumstances]")) refresh();
    });
  }

  // h chooses where the citizen was referred: first the referral the
  // guidance names (or the first), then each of the others in turn, then
  // none again.
  const referNext = (group) => {
    const radios = [...group.querySelectorAll("input[type=radio]")];
    const named = panel && panel.querySelector("[data-referral]");
    let first = named ? radios.findIndex((r) => r.value === named.dataset.referral) : -1;
    if (first < 1) first = 1;
    const order = [0];
    for (let i = 0; i < radios.length - 1; i++) order.push(1 + (first - 1 + i) % (radios.length - 1));
    const at = order.indexOf(radios.findIndex((r) => r.checked));
    radios[order[(at + 1) % order.length]].checked = true;
  };

  const typing = (el) => el && (el.matches("input[type=search], input[type=text], input[type=email], textarea, select"));

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === "/") {
      e.preventDefault();
      search && search.focus();
      return;
    }
    if (key === "u") {
      const undo = document.getElementById("undo");
      if (undo) { e.preventDefault(); undo.click(); }
      return;
    }
    if (!form) return;
    if (key === "enter" && e.target.matches("input[type=radio], input[type=checkbox]")) {
      e.preventDefault();
      form.requestSubmit(document.getElementById("register-button"));
      return;
    }
    if (key === "h") {
      const group = form.querySelector('fieldset[data-cycle="h"]');
      if (!group) return;
      e.preventDefault();
      referNext(group);
      return;
    }
    const input = form.querySelector('input[data-key="' + CSS.escape(key) + '"]');
    if (!input) return;
    e.preventDefault();
    if (input.type === "radio") input.checked = true;
    else input.checked = !input.checked;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // Tests wait for this before they type.
  root.dataset.ready = "true";
})();
