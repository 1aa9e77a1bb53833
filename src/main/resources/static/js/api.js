/*
 * Calls to the shop's JSON API (/api/**). Writes carry the CSRF token of the form they
 * enhance, in the header Spring Security reads; errors arrive as RFC 9457 problem details
 * whose title is a message for the visitor, in their language.
 */
import { messages } from './messages.js';

/** Header that carries the CSRF token (set in SecurityConfiguration.csrfTokens). */
const CSRF_HEADER = 'X-CSRF-TOKEN';

/** A refused or failed call: status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || messages.networkError);
    this.status = status;
    this.problem = problem || {};
  }
}

function csrfToken(form) {
  const field = form?.querySelector('input[name="_csrf"]') || document.querySelector('input[name="_csrf"]');
  return field ? field.value : null;
}

/**
 * Sends a request and returns the JSON answer.
 * @param {string} url the API URL
 * @param {{method?: string, body?: object, form?: HTMLFormElement, signal?: AbortSignal}} options
 *   form: the form whose CSRF token signs a write
 */
export async function callApi(url, { method = 'GET', body, form, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const token = csrfToken(form);
    if (token) {
      headers[CSRF_HEADER] = token;
    }
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, null);
  }
  const isJson = /json/.test(response.headers.get('Content-Type') || '');
  const data = isJson ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}
