// The panel of the region the reader chose: its state, its active alerts and its recent
// history. Focus goes to the panel when it opens and back to what opened it when it closes.
import {getJson} from './api.js';
import {card, historyItem, newestFirst} from './cards.js';
import {$, element} from './dom.js';
import {t} from './i18n.js';
import {ancestorsOf, regionName, regions} from './regions.js';
import {stateOf} from './status.js';

/** The chosen region's code, or null while the panel is closed. */
export let selected = null;
let ticket = 0;           // the newest panel request
let opener = null;        // what opened the panel, for focus on close
let shownLists = null;    // {active, history}: the alerts shown, to write again with new names
let onSelect = () => {};

/** What to do when the region chosen changed (another one, or none): the notifications panel names it. */
export function onSelectionChange(listener) {
  onSelect = listener;
}

/** Whether the alert covers the selected region, a region inside it, or one it lies in. */
export function concernsSelected(alert) {
  const around = ancestorsOf(selected);
  return (alert.regions || []).some((code) => code === selected || around.includes(code)
    || ancestorsOf(code).includes(selected));
}

export async function showRegion(code, focus) {
  const mine = ++ticket;
  if (focus) {
    opener = document.activeElement;
  }
  const previous = selected;
  selected = code;
  if (previous !== code) {
    shownLists = null;
    onSelect();
  }
  if (previous && regions.get(previous)) {
    regions.get(previous).path.setAttribute('aria-pressed', 'false');
  }
  regions.get(code)?.path.setAttribute('aria-pressed', 'true');
  const panel = $('region');
  panel.hidden = false;
  $('region-heading').textContent = regionName(code);
  $('region-state').textContent = t(`state.${stateOf(code)}`);
  if (focus) {
    $('region-heading').focus();
  }
  try {
    const [detail, history] = await Promise.all([
      regionWithoutBoundary(code),
      getJson(`/api/v1/alerts?region=${encodeURIComponent(code)}&limit=10`),
    ]);
    if (mine !== ticket) {
      return; // a newer request for the panel is under way
    }
    shownLists = {active: (detail.activeAlerts || []).slice().sort(newestFirst), history: history.items};
    renderLists();
  } catch (e) {
    $('region-state').textContent = t('loadFailed') + e.message;
  }
}

/**
 * The region without its boundary (thousands of points the panel does not draw); an instance
 * of a release before the parameter refuses it (400) and is asked for the whole region.
 */
async function regionWithoutBoundary(code) {
  const url = `/api/v1/regions/${encodeURIComponent(code)}`;
  try {
    return await getJson(`${url}?boundary=false`);
  } catch (e) {
    if (e.status !== 400) {
      throw e;
    }
    return getJson(url);
  }
}

/** The panel's alerts written again, as read last: the map now knows more regions' names. */
export function renderLists() {
  if (!selected || !shownLists) {
    return;
  }
  $('region-active').replaceChildren(...shownLists.active.map((a) => card(a, 'h4')));
  if (shownLists.active.length === 0) {
    $('region-active').append(element('li', 'empty', t('noneHere')));
  }
  $('region-history').replaceChildren(...shownLists.history.map(historyItem));
  if (shownLists.history.length === 0) {
    $('region-history').append(element('li', 'empty', t('noHistory')));
  }
}

export function closeRegion() {
  if (selected) {
    regions.get(selected)?.path.setAttribute('aria-pressed', 'false');
    const back = opener?.isConnected ? opener : regions.get(selected)?.path;
    back?.focus();
  }
  selected = null;
  shownLists = null;
  ticket++;
  $('region').hidden = true;
  onSelect();
}

/** The selected region's state line, after the states were read again. */
export function paintSelectedState() {
  if (selected) {
    $('region-state').textContent = t(`state.${stateOf(selected)}`);
  }
}
