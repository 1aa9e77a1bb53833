/*
 * Checks a form before it is sent, with the browser's Constraint Validation API and the
 * rules the server wrote into the fields (required, maxlength, pattern… from the form's
 * Bean Validation constraints, with the server's own messages in data-msg-required and
 * data-msg-invalid). Each error is written under its field, tied to it by
 * aria-describedby and aria-invalid, and the focus goes to the first one. The server stays
 * the authority: it checks everything again.
 */
import { format, messages } from './messages.js';

function messageFor(field) {
  const { validity } = field;
  if (validity.valueMissing) {
    return field.dataset.msgRequired || (field.type === 'checkbox' ? messages.checkRequired : messages.required);
  }
  if (field.dataset.msgInvalid) {
    return field.dataset.msgInvalid;
  }
  if (validity.typeMismatch) {
    return messages.email;
  }
  if (validity.tooShort) {
    return format(messages.tooShort, field.minLength);
  }
  if (validity.tooLong) {
    return messages.tooLong;
  }
  if (validity.rangeUnderflow) {
    return format(messages.rangeUnderflow, field.min);
  }
  if (validity.rangeOverflow) {
    return format(messages.rangeOverflow, field.max);
  }
  if (validity.badInput || validity.stepMismatch) {
    return messages.number;
  }
  return messages.pattern;
}

const errorId = (field) => `${field.id || field.name}-error`;

function errorElement(field) {
  const id = errorId(field);
  let error = document.getElementById(id);
  if (!error) {
    error = document.createElement('div');
    error.id = id;
    error.className = 'invalid-feedback d-block';
    const container = field.closest('.form-check') || field.closest('.form-field') || field;
    container.after(error);
  }
  return error;
}

function describedBy(field, id, add) {
  const ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter((token) => token && token !== id);
  if (add) {
    ids.push(id);
  }
  if (ids.length > 0) {
    field.setAttribute('aria-describedby', ids.join(' '));
  } else {
    field.removeAttribute('aria-describedby');
  }
}

/**
 * Shows or clears the error of one field; returns whether it is valid. An error shown
 * while the person types or leaves a field is announced at once (role="alert", RGAA 7.5):
 * the focus does not move to it. On sending, the focus goes to the first wrong field,
 * which reads its error through aria-describedby.
 */
function check(field, announce = false) {
  const valid = field.checkValidity();
  if (valid) {
    field.classList.remove('is-invalid');
    field.removeAttribute('aria-invalid');
    describedBy(field, errorId(field), false);
    document.getElementById(errorId(field))?.remove();
  } else {
    const error = errorElement(field);
    const text = messageFor(field);
    if (announce) {
      error.setAttribute('role', 'alert');
    }
    if (error.textContent !== text) {
      error.textContent = text;
    }
    field.classList.add('is-invalid');
    field.setAttribute('aria-invalid', 'true');
    describedBy(field, error.id, true);
  }
  return valid;
}

function fields(form) {
  return [...form.elements].filter((element) => element.willValidate && element.type !== 'hidden');
}

for (const form of document.querySelectorAll('form[data-validate]')) {
  form.noValidate = true;
  // Capture phase: runs before any other submit handler of the page.
  form.addEventListener('submit', (event) => {
    if (event.submitter?.formNoValidate) {
      return; // a button that only recomputes (formnovalidate), not the final one
    }
    const invalid = fields(form).filter((field) => !check(field));
    if (invalid.length > 0) {
      event.preventDefault();
      event.stopImmediatePropagation();
      invalid[0].focus();
    }
  }, true);
  // Once a field was shown wrong, it is checked again as the person corrects it.
  form.addEventListener('input', (event) => {
    if (event.target.getAttribute('aria-invalid') === 'true') {
      check(event.target, true);
    }
  });
  form.addEventListener('change', (event) => {
    if (event.target.willValidate && event.target.value !== '') {
      check(event.target, true);
    }
  });
}
