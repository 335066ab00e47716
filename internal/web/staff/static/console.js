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

  const noMatch = document.getElementById("no-match");

  // Live search, as the server's (strategy.FindAreas): the start of the KLE
  // number, or every word of the query in the title or id, or else in the
  // area's search words. Enter takes the first area found by its title.
  let best = null;
  const filter = () => {
    const q = fold(search.value);
    const words = q.split(/\s+/).filter((w) => w !== "");
    const all = (text) => words.length > 0 && words.every((w) => text.includes(w));
    let shown = 0;
    best = null;
    for (const li of list.querySelectorAll("li[data-kle]")) {
      const title = fold(li.dataset.title);
      const byTitle = q === "" || (li.dataset.kle !== "" && li.dataset.kle.startsWith(q)) || all(title);
      const hit = byTitle || all(title + " " + fold(li.dataset.words.replaceAll("|", " ")));
      li.hidden = !hit;
      if (hit) shown++;
      if (byTitle && !best) best = li;
    }
    if (noMatch) noMatch.hidden = shown > 0;
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
      const first = (best && !best.hidden ? best : list.querySelector("li[data-kle]:not([hidden])"));
      const link = first && first.querySelector("a");
      if (link) {
        e.preventDefault();
        window.location.href = link.href;
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
    // The guidance follows each change by itself: no button needed.
    const update = document.getElementById("update-guidance");
    if (update) update.hidden = true;
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

  // The desk in force is the one shown: a change is saved at once, the
  // channel follows the desk where it was the old desk's own, and the day's
  // count is the new desk's. (Without this script the registration form
  // carries the desk shown.)
  const desk = document.getElementById("desk");
  const status = document.getElementById("desk-status");
  const pageDesk = document.getElementById("page-desk");
  if (desk) {
    const choose = document.getElementById("desk-choose");
    if (choose) choose.hidden = true;
    let previous = desk.selectedOptions[0];
    let saving = Promise.resolve();
    desk.addEventListener("change", () => {
      const chosen = desk.selectedOptions[0];
      const body = new URLSearchParams({ desk: desk.value });
      saving = saving
        .then(() => fetch(root.dataset.desk, { method: "POST", body, credentials: "same-origin" }))
        .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
        .then((html) => {
          const fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".today");
          const today = document.querySelector(".today");
          if (fresh && today) today.innerHTML = fresh.innerHTML;
          status.textContent = root.dataset.deskSaved + " " + chosen.textContent + ".";
        })
        .catch(() => { if (choose) choose.hidden = false; });
      if (form) {
        const checked = form.querySelector("input[name=channel]:checked");
        const next = form.querySelector('input[name=channel][value="' + CSS.escape(chosen.dataset.channel) + '"]');
        if (checked && next && checked.value === previous.dataset.channel && next !== checked) {
          next.checked = true;
          next.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (pageDesk) pageDesk.value = desk.value;
      }
      previous = chosen;
    });
  }

  const typing = (el) => el && (el.matches("input[type=search], input[type=text], input[type=email], textarea, select"));

  // Undo is Alt+U everywhere, the search field too, where a plain u is a
  // letter of the search; outside the fields u alone undoes as well.
  const undo = () => {
    const button = document.getElementById("undo");
    if (button) button.click();
    return button !== null;
  };
  document.addEventListener("keydown", (e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === "KeyU") {
      e.preventDefault();
      undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === "/") {
      e.preventDefault();
      search && search.focus();
      return;
    }
    if (key === "u") {
      if (undo()) e.preventDefault();
      return;
    }
    if (!form) return;
    // Enter in a radio button or check box registers by itself: Register is
    // the form's first submit button (a second submit here counted twice).
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
