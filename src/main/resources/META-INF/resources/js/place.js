// "Where am I": a point (latitude, longitude) to the smallest region it lies in (a hromada,
// or Kyiv), told by name in the reader's language with its state, and shown on the map: its
// oblast opens in detail and the region is marked.
import {getJson} from './api.js';
import {backToCountry, drillInto, markFound} from './detail.js';
import {$} from './dom.js';
import {lang, t} from './i18n.js';
import {regions} from './regions.js';
import {stateOf} from './status.js';

let found = null;         // the region the point lies in, as the service lists it
let ticket = 0;

async function findPlace() {
  const mine = ++ticket;
  const error = $('place-error');
  error.hidden = true;
  try {
    const {items} = await getJson(`/api/v1/regions/resolve?point=${encodeURIComponent($('place').value.trim())}`);
    if (mine !== ticket) {
      return;
    }
    found = items.length > 0 ? items[items.length - 1] : null; // country first, smallest last
    renderPlace();
    if (!found) {
      markFound(null);
      return;
    }
    // The oblast-level region is the one of the country's map.
    const oblast = items.find((r) => regions.get(r.code) && !regions.get(r.code).inDetail);
    if (oblast && oblast.code !== found.code && regions.get(oblast.code).detail) {
      await drillInto(oblast.code);
    } else {
      backToCountry(false); // a city like Kyiv is found on the country's map
    }
    if (mine === ticket) {
      markFound(found.code);
      renderPlace();
    }
  } catch (e) {
    const fields = (e.problem?.errors || []).map((f) => f.message).join('; ');
    error.textContent = fields ? t('invalid') + fields : t('loadFailed') + e.message;
    error.hidden = false;
  }
}

/** The place found, in the reader's language, with its state now. */
export function renderPlace() {
  if (ticket === 0) {
    return; // nothing asked yet
  }
  if (!found) {
    $('place-result').textContent = t('placeNone');
    return;
  }
  const name = found.names?.[lang] || found.names?.en || found.code;
  $('place-result').textContent = t('placeFound', name, t(`state.${stateOf(found.code)}`));
}

export function wirePlace() {
  $('place-form').addEventListener('submit', (e) => {
    e.preventDefault();
    findPlace();
  });
}
