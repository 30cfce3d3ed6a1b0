// Talks to the Craftmark API (/api/v1). Every failure becomes an ApiError carrying the contract's
// error shape {"error":{"code","message","details":[{"field","problem"}]}} plus the HTTP status and,
// for 429, the Retry-After seconds. Nothing here logs request or response bodies: they may hold
// personal data such as resident ID numbers.

export class ApiError extends Error {
  constructor(status, code, message, details = [], retryAfter = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details : [];
    this.retryAfter = retryAfter;
  }
}

/**
 * A client: getToken() answers the bearer token (or null); onUnauthenticated(error) is told when a
 * signed-in request answers 401, so the app can ask the user to sign in again.
 */
export function createApi({ getToken = () => null, onUnauthenticated = () => {} } = {}) {
  async function request(method, path, { json, body, contentType } = {}) {
    const headers = { Accept: 'application/json' };
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let payload = body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(json);
    } else if (contentType) {
      headers['Content-Type'] = contentType;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    const data = await readBody(response);
    if (response.ok) {
      return data;
    }
    const error = toError(response, data);
    if (error.status === 401 && token) {
      onUnauthenticated(error);
    }
    throw error;
  }

  /**
   * A file download (PDF, ZIP, CSV, XLSX): answers the Response so the caller can read its body as a
   * stream; a failure becomes an ApiError as for JSON requests.
   */
  async function download(path) {
    const headers = {};
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let response;
    try {
      response = await fetch(path, { headers, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    if (response.ok) {
      return response;
    }
    const error = toError(response, await readBody(response));
    if (error.status === 401 && token) {
      onUnauthenticated(error);
    }
    throw error;
  }

  return {
    download,
    get: (path) => request('GET', path),
    post: (path, json) => request('POST', path, { json: json ?? {} }),
    put: (path, json) => request('PUT', path, { json }),
    patch: (path, json) => request('PATCH', path, { json }),
    delete: (path) => request('DELETE', path),
    /** Sends raw bytes (a File or Blob) with the given content type. */
    upload: (path, blob, contentType) => request('POST', path, { body: blob, contentType }),
  };
}

async function readBody(response) {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return { unparsed: true };
  }
}

function toError(response, data) {
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  const error = data && typeof data === 'object' && data.error && typeof data.error === 'object' ? data.error : null;
  if (!error) {
    return new ApiError(response.status, `HTTP_${response.status}`, `HTTP ${response.status}`, [], retryAfter);
  }
  const details = Array.isArray(error.details)
    ? error.details.filter((d) => d && typeof d === 'object').map((d) => ({
      field: String(d.field ?? ''),
      problem: String(d.problem ?? ''),
      // The stable key and its arguments are what pages translate (assets/js/problems.js).
      key: typeof d.key === 'string' ? d.key : 'invalid',
      args: d.args && typeof d.args === 'object' ? d.args : {},
    }))
    : [];
  return new ApiError(response.status, String(error.code || `HTTP_${response.status}`), String(error.message || ''), details, retryAfter);
}
