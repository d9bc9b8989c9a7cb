// A read that failed leaves what is shown, with a visible note that it may be out of date;
// the note goes once every read that failed has succeeded again.
import {$} from './dom.js';

const failing = new Set();

export function markStale(what) {
  failing.add(what);
  showFailing();
}

export function markFresh(what) {
  failing.delete(what);
  showFailing();
}

function showFailing() {
  const note = $('stale');
  note.hidden = failing.size === 0;
  note.dataset.failing = [...failing].join(' '); // which reads failed, for whoever inspects the page
}
