// Shows how far a file upload has come. Without this script the form is
// sent the ordinary way and the answer page comes when the import is done.
(() => {
  "use strict";
  const form = document.querySelector("form[data-upload]");
  if (!form || !window.XMLHttpRequest) return;
  const box = form.querySelector(".upload-progress");
  const bar = document.getElementById("progress");
  const text = document.getElementById("progress-text");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    box.hidden = false;
    xhr.upload.addEventListener("progress", (p) => {
      if (!p.lengthComputable) return;
      const pct = Math.round((100 * p.loaded) / p.total);
      bar.value = pct;
      bar.textContent = pct + " %";
      text.textContent = pct + " %";
    });
    xhr.upload.addEventListener("load", () => { text.textContent = form.dataset.processing || "…"; });
    xhr.addEventListener("load", () => {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", () => form.submit());
    xhr.send(new FormData(form));
  });
})();
