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

// The referral form: crisis resources appear at once when someone is in danger, and colleagues
// are found as the name is typed (the "Find" button does the same without JavaScript).
document.addEventListener('DOMContentLoaded', function () {
  var panel = document.getElementById('danger-resources');
  if (panel) {
    var yes = document.getElementById('danger-yes');
    var update = function () { panel.hidden = !(yes && yes.checked); };
    document.querySelectorAll('input[name="danger"]').forEach(function (radio) {
      radio.addEventListener('change', update);
    });
    update();
  }
  var picker = document.getElementById('colleague-picker');
  if (picker) {
    var colleague = document.getElementById('who-colleague');
    var showPicker = function () { picker.hidden = colleague && !colleague.checked; };
    document.querySelectorAll('input[name="who"]').forEach(function (radio) {
      radio.addEventListener('change', showPicker);
    });
    showPicker();
  }
  var search = document.getElementById('colleague-search');
  var results = document.getElementById('colleague-results');
  if (search && results) {
    var timer;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = search.value.trim();
        if (q.length < 2) { return; }
        // POST, so names typed never land in URLs or access logs.
        var body = new URLSearchParams();
        body.append('q', q);
        var token = document.querySelector('#referral-form input[name="_csrf"]');
        if (token) { body.append('_csrf', token.value); }
        fetch('/referrals/colleagues', { method: 'POST', body: body, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.text() : ''; })
          .then(function (html) { results.innerHTML = html; });
      }, 250);
    });
  }
});
