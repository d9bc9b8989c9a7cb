// Reads from the service's API: a failure becomes an Error whose message is the problem's
// detail (RFC 9457), with the problem itself attached for its field list.

export async function getJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
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
  return response.json();
}
