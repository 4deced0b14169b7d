// Kept outside the page so the Content-Security-Policy can forbid inline script.
document.addEventListener('DOMContentLoaded', function () {
  // Take keyboard and screen-reader users to the list of errors after a failed submit.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  // Ask before actions that are hard to undo: <form data-confirm="...">.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
