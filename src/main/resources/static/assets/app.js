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
  // A form sent once: the second click of an impatient double-click is not sent again.
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.sent) {
        event.preventDefault();
      }
      form.dataset.sent = 'true';
    });
  });
  // Survey questions asked only after a Yes: hidden, and not sent, until that Yes is chosen.
  document.querySelectorAll('[data-shown-if]').forEach(function (question) {
    var gate = question.getAttribute('data-shown-if');
    var radios = document.querySelectorAll('input[name="' + gate + '"]');
    var update = function () {
      var yes = document.querySelector('input[name="' + gate + '"][value="1"]');
      var shown = yes !== null && yes.checked;
      question.hidden = !shown;
      question.querySelectorAll('input, textarea, select').forEach(function (field) {
        field.disabled = !shown;
      });
    };
    radios.forEach(function (radio) {
      radio.addEventListener('change', update);
    });
    update();
  });
  // A panel that reloads itself while something runs in the background: <div data-refresh="url">.
  var refresh = function (panel) {
    var url = panel.getAttribute('data-refresh');
    if (!url) {
      return;
    }
    window.setTimeout(function () {
      fetch(url, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) {
            return;
          }
          var template = document.createElement('template');
          template.innerHTML = html.trim();
          var next = template.content.firstElementChild;
          if (next) {
            panel.replaceWith(next);
            refresh(next);
          }
        });
    }, 3000);
  };
  document.querySelectorAll('[data-refresh]').forEach(refresh);
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

// The contact form: the escalation asks for attention only once a red flag is ticked (without
// JavaScript it is always shown); a typed duration and a quick pick replace each other.
document.addEventListener('DOMContentLoaded', function () {
  var escalation = document.querySelector('[data-escalation]');
  if (escalation) {
    var flags = document.querySelectorAll('input[name="redFlags"]');
    var update = function () {
      escalation.hidden = !Array.prototype.some.call(flags, function (flag) { return flag.checked; });
    };
    flags.forEach(function (flag) { flag.addEventListener('change', update); });
    update();
  }
  var other = document.querySelector('.minutes-other');
  if (other) {
    var picks = document.querySelectorAll('input[name="minutes"]');
    other.addEventListener('input', function () {
      if (other.value !== '') {
        picks.forEach(function (pick) { pick.checked = false; });
      }
    });
    picks.forEach(function (pick) {
      pick.addEventListener('change', function () { other.value = ''; });
    });
  }
});
