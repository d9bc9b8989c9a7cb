// A region named by code is shown as if the reader had chosen it: its panel opens, and a
// raion or hromada first has its oblast opened in detail. The page's address may name one
// (/?region=UA-30): a notification's click opens the map there; "Where I am" shows the
// hromada found the same way.
import {getJson} from './api.js';
import {drillInto, markFound} from './detail.js';
import {$} from './dom.js';
import {t} from './i18n.js';
import {chooseRegion} from './map.js';
import {showRegion} from './region-panel.js';
import {regions} from './regions.js';

/** Shows the region; any of its codes will do (Kyiv: UA-30 or its KATOTTG code). Resolves to its code on the map. */
export async function openRegion(wanted, found = false) {
  let code = wanted;
  let parents = [];
  if (!regions.get(code)) {
    const region = await getJson(`/api/v1/regions/${encodeURIComponent(wanted)}?boundary=false`);
    code = region.code;
    parents = region.parents || [];
  }
  if (regions.get(code) && !regions.get(code).inDetail) {
    chooseRegion(code); // an oblast-level region, on the country's map
  } else {
    const oblast = parents.find((p) => regions.get(p) && !regions.get(p).inDetail);
    if (oblast && regions.get(oblast).detail) {
      await drillInto(oblast);
    }
    await showRegion(code, true);
  }
  if (found) {
    markFound(code);
  }
  return code;
}

/** The region of the page's address (?region=), once the map is drawn; an unknown one is said so. */
export async function openFromAddress() {
  const wanted = new URLSearchParams(location.search).get('region');
  if (!wanted) {
    return;
  }
  try {
    await openRegion(wanted.trim());
  } catch (e) {
    const error = $('place-error');
    error.textContent = e.status === 404 ? t('noSuchRegion', wanted) : t('loadFailed') + e.message;
    error.hidden = false;
  }
}
