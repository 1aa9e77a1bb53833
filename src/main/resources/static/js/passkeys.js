/*
 * Passkeys (WebAuthn), on the login page and on the account's security page. The browser and
 * the person's device do the cryptography (navigator.credentials); this script carries
 * the server's challenge to the device and the device's signed answer back to Spring
 * Security's endpoints, turning binary fields into base64url text and back:
 *   register: POST /webauthn/register/options → navigator.credentials.create → POST /webauthn/register
 *   sign in:  POST /webauthn/authenticate/options → navigator.credentials.get → POST /login/webauthn
 * Without JavaScript or WebAuthn the buttons stay hidden and the password works as always.
 */
const texts = JSON.parse(document.getElementById('passkey-messages')?.textContent || '{}');
const supported = Boolean(window.PublicKeyCredential && navigator.credentials);

function toBase64Url(buffer) {
  let binary = '';
  new Uint8Array(buffer).forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0)).buffer;
}

function csrfHeaders(form) {
  const token = form.querySelector('input[name="_csrf"]') || document.querySelector('input[name="_csrf"]');
  return token ? { 'X-CSRF-TOKEN': token.value } : {};
}

async function postJson(url, form, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders(form) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  }
  return response.json();
}

function showError(box, text) {
  box.textContent = text;
  box.hidden = false;
  box.focus?.();
}

/** Creates a passkey on this device for the signed-in account and stores its public key. */
async function register(form, label) {
  const options = await postJson('/webauthn/register/options', form);
  const credential = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      user: { ...options.user, id: fromBase64Url(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((known) => ({ ...known, id: fromBase64Url(known.id) })),
    },
  });
  const { response } = credential;
  const answer = await postJson('/webauthn/register', form, {
    publicKey: {
      label,
      credential: {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        type: credential.type,
        response: {
          attestationObject: toBase64Url(response.attestationObject),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : [],
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment,
      },
    },
  });
  if (!answer?.success) {
    throw new Error('Registration refused');
  }
}

/** Signs in with a passkey the person chooses on their device; returns where to go. */
async function signIn(form) {
  const options = await postJson('/webauthn/authenticate/options', form);
  const credential = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((known) => ({ ...known, id: fromBase64Url(known.id) })),
    },
  });
  const { response } = credential;
  const answer = await postJson('/login/webauthn', form, {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: toBase64Url(response.authenticatorData),
      clientDataJSON: toBase64Url(response.clientDataJSON),
      signature: toBase64Url(response.signature),
      userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
  });
  if (!answer?.authenticated || !answer.redirectUrl) {
    throw new Error('Sign-in refused');
  }
  return answer.redirectUrl;
}

const registerForm = document.querySelector('[data-passkey-register]');
if (registerForm && supported) {
  registerForm.hidden = false;
  document.querySelector('[data-passkey-unsupported]')?.setAttribute('hidden', '');
  const error = registerForm.querySelector('[data-passkey-error]');
  error.tabIndex = -1;
  registerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const button = registerForm.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const confirmation = await fetch(registerForm.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: csrfHeaders(registerForm),
        body: new URLSearchParams({ current: registerForm.elements.current.value }),
      });
      if (!confirmation.ok) {
        // 409: the right password, but the account holds the most passkeys it may.
        showError(error, confirmation.status === 409 ? texts.full : texts.password);
        return;
      }
      await register(registerForm, registerForm.elements.label.value);
      window.location.assign('/account/security?passkey-added#security-passkeys');
    } catch (failure) {
      // 409: another device took the last place while this one was answering.
      showError(error, failure.status === 409 ? texts.full : texts.failed);
    } finally {
      registerForm.elements.current.value = '';
      button.disabled = false;
    }
  });
}

const login = document.querySelector('[data-passkey-login]');
if (login && supported) {
  login.hidden = false;
  const error = login.querySelector('[data-passkey-error]');
  error.tabIndex = -1;
  login.querySelector('[data-passkey-sign-in]').addEventListener('click', async () => {
    error.hidden = true;
    try {
      window.location.assign(await signIn(login));
    } catch (failure) {
      showError(error, texts.loginFailed);
    }
  });
}
