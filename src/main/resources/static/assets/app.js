// Kept outside the page so the Content-Security-Policy can forbid inline script.
document.addEventListener('DOMContentLoaded', function () {
  // Take keyboard and screen-reader users to the list of errors after a failed submit. First each
  // error is named by its field's label, as the page shows it, and the list put in the page's order.
  var summary = document.getElementById('error-summary');
  if (summary) {
    orderAndName(summary);
    summary.focus();
  }
  // A table that may scroll sideways on a small screen (and has no link or field to tab to) can be
  // reached and scrolled with the keyboard, and is named by its caption.
  document.querySelectorAll('.table-responsive').forEach(function (region) {
    if (region.querySelector('a[href], button, input, select, textarea')) {
      return;
    }
    var caption = region.querySelector('caption');
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', caption ? caption.textContent.replace(/\s+/g, ' ').trim() : 'Table');
  });
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

// The field an error of the summary links to: by its id, or the first field of that name (a group
// of radio buttons or checkboxes, whose ids are numbered).
function fieldOf(link) {
  var id = decodeURIComponent(link.getAttribute('href').slice(1));
  var field = document.getElementById(id);
  if (!field) {
    var name = id.indexOf('-') > 0 && !document.querySelector('[name="' + CSS.escape(id) + '"]')
      ? id.slice(id.indexOf('-') + 1) : id;
    var form = link.closest('form');
    field = (form || document).querySelector('[name="' + CSS.escape(name) + '"]:not([type=hidden])');
  }
  return field;
}

// What the page calls a field: its label, or the legend of its group of choices (an error may
// point at the group's own container, which is no field and has no label).
function labelOf(field) {
  var choice = field.type === 'radio' || field.type === 'checkbox' || field.labels === undefined;
  var group = choice && field.closest('fieldset');
  var label = group ? group.querySelector('legend') : (field.labels && field.labels[0]);
  return label ? label.textContent.replace(/\s+/g, ' ').replace(/\s*\*\s*$/, '').trim() : '';
}

function orderAndName(summary) {
  var list = summary.querySelector('ul');
  if (!list) {
    return;
  }
  var items = Array.prototype.slice.call(list.children).map(function (item, index) {
    var link = item.querySelector('a[href^="#"]');
    var field = link ? fieldOf(link) : null;
    if (field) {
      if (!field.id) {
        field.id = 'field-' + index;
      }
      link.setAttribute('href', '#' + field.id);
      var label = labelOf(field);
      if (label && link.textContent.indexOf(label) !== 0) {
        link.textContent = label + ': ' + link.textContent;
      }
    }
    return {item: item, field: field, index: index};
  });
  // Errors of the whole form first, then by where their fields are on the page.
  items.sort(function (a, b) {
    if (!a.field || !b.field) {
      return (a.field ? 1 : 0) - (b.field ? 1 : 0) || a.index - b.index;
    }
    if (a.field === b.field) {
      return a.index - b.index;
    }
    return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  items.forEach(function (entry) {
    list.appendChild(entry.item);
  });
}
