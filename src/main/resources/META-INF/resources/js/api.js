// Reads from and writes to the service's API: a failure becomes an Error whose message is the
// problem's detail (RFC 9457), with the problem itself attached for its field list.

export async function getJson(url) {
  return answer(await fetch(url, {headers: {Accept: 'application/json'}}));
}

/** A request with a JSON body (or none); resolves to the answer's JSON, or null for 204. */
export async function sendJson(method, url, body, headers = {}) {
  const options = {method, headers: {Accept: 'application/json, application/problem+json', ...headers}};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  return answer(await fetch(url, options));
}

async function answer(response) {
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // not problem+json
    }
    const error = new Error(problem?.detail || `${response.status} ${response.statusText}`);
    error.problem = problem;
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}
