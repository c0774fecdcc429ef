import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();

// Once a form that creates something is submitted, its submit buttons are disabled so that a double click sends it
// once. The server is idempotent anyway; this only saves the person a confusing second page load.
for (const form of document.querySelectorAll('form[data-prevent-double-submit]')) {
  form.addEventListener('submit', () => {
    window.setTimeout(() => {
      for (const button of form.querySelectorAll('button[type=submit]')) {
        button.setAttribute('aria-disabled', 'true');
        button.disabled = true;
      }
    }, 0);
  });
}

// Coming back to a page from the browser's history must not leave its buttons disabled.
window.addEventListener('pageshow', () => {
  for (const button of document.querySelectorAll('form[data-prevent-double-submit] button[type=submit]')) {
    button.disabled = false;
    button.removeAttribute('aria-disabled');
  }
});
