// Passkeys (WebAuthn): the browser's ceremonies against Spring Security's endpoints. The page
// shows the passkey controls only where the browser can use them; the CSRF token comes from the
// control's own data attributes.
(function () {
  'use strict';

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var text = window.atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var text = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function post(box, url, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[box.getAttribute('data-csrf-header')] = box.getAttribute('data-csrf');
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function signIn(box) {
    return post(box, '/webauthn/authenticate/options').then(function (options) {
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
        return Object.assign({}, credential, { id: toBytes(credential.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(box, '/login/webauthn', {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          authenticatorData: toBase64url(response.authenticatorData),
          clientDataJSON: toBase64url(response.clientDataJSON),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (answer) {
      if (!answer.authenticated || !answer.redirectUrl) {
        throw new Error('not signed in');
      }
      window.location.href = answer.redirectUrl;
    });
  }

  function register(box, label) {
    return post(box, '/webauthn/register/options').then(function (options) {
      options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
      options.challenge = toBytes(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
        return Object.assign({}, credential, { id: toBytes(credential.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(box, '/webauthn/register', { publicKey: { label: label, credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      } } });
    }).then(function (answer) {
      if (!answer.success) {
        throw new Error('not added');
      }
    });
  }

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  document.querySelectorAll('[data-passkey-sign-in]').forEach(function (box) {
    var error = box.querySelector('[data-passkey-error]');
    box.hidden = false;
    box.querySelector('[data-passkey-button]').addEventListener('click', function () {
      error.hidden = true;
      signIn(box).catch(function () {
        error.hidden = false;
      });
    });
  });

  document.querySelectorAll('[data-passkey-register]').forEach(function (box) {
    var error = box.querySelector('[data-passkey-error]');
    var label = box.querySelector('#passkey-label');
    box.hidden = false;
    box.querySelector('[data-passkey-add]').addEventListener('click', function () {
      error.hidden = true;
      var name = label.value.trim();
      label.classList.toggle('is-invalid', !name);
      label.setAttribute('aria-invalid', name ? 'false' : 'true');
      if (!name) {
        label.focus();
        return;
      }
      register(box, name).then(function () {
        window.location.href = '/account/security?added';
      }).catch(function () {
        error.hidden = false;
      });
    });
  });
}());
