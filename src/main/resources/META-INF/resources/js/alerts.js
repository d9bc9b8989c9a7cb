// The list of active alerts: read whole from the API, kept up to date by the stream's events.
import {getJson} from './api.js';
import {card, newestFirst} from './cards.js';
import {$, element} from './dom.js';
import {markFresh, markStale} from './freshness.js';
import {t} from './i18n.js';

let alerts = new Map();  // active alerts by id
let listLoaded = false;  // until the first read succeeds, the list says it does not know
let loading = false;     // the list is being read; events meanwhile are kept here:
let pendingEvents = [];
let loadAgain = false;

export function renderAlerts() {
  const list = $('alerts');
  const active = [...alerts.values()].sort(newestFirst);
  list.replaceChildren(...active.map((a) => card(a, 'h3')));
  if (active.length === 0) {
    list.append(element('li', 'empty', listLoaded ? t('noActive') : t('loading')));
  }
}

/** The alerts a Cancel or Update replaces: CAP references are sender,identifier,sent triples. */
function referencedKeys(alert) {
  return (alert.references || '').split(/\s+/).filter(Boolean)
    .map((ref) => ref.split(',').slice(0, 2).join(','));
}

/** Whether every info has an expiry and the latest has passed (the service's rule too). */
export function expired(alert) {
  const expiries = (alert.info || []).map((i) => Date.parse(i.expires));
  return expiries.length > 0 && expiries.every(Number.isFinite) && Math.max(...expiries) < Date.now();
}

/** Applies an event to the active list; returns the alerts it replaced. */
function applyToList(type, alert) {
  const replaced = [];
  if (alert.status === 'Actual') {
    const keys = new Set(referencedKeys(alert));
    for (const [id, known] of alerts) {
      if (keys.has(`${known.sender},${known.identifier}`)) {
        replaced.push(known);
        alerts.delete(id);
      }
    }
  }
  if (type !== 'alert.cancelled' && alert.state === 'active' && !expired(alert)) {
    alerts.set(alert.id, alert);
  }
  return replaced;
}

/** Applies a stream event to the list on screen; returns the alerts it replaced. */
export function applyEventToList(type, alert) {
  if (loading) {
    pendingEvents.push([type, alert]);
  }
  const replaced = applyToList(type, alert);
  renderAlerts();
  return replaced;
}

/**
 * Reads the active alerts afresh. Events that arrive meanwhile are applied to the list on
 * screen and kept, then applied again to the fresh list, which may predate them.
 */
export async function loadActive() {
  if (loading) {
    loadAgain = true;
    return;
  }
  loading = true;
  pendingEvents = [];
  try {
    const fresh = new Map();
    let url = '/api/v1/alerts?active=true&limit=200';
    for (let pages = 0; url && pages < 10; pages++) {
      const result = await getJson(url);
      result.items.forEach((a) => fresh.set(a.id, a));
      url = result.next ? `/api/v1/alerts?active=true&limit=200&cursor=${encodeURIComponent(result.next)}` : null;
    }
    alerts = fresh;
    pendingEvents.forEach(([type, alert]) => applyToList(type, alert));
    listLoaded = true;
    renderAlerts();
    markFresh('list');
  } catch (e) {
    markStale('list');
  } finally {
    loading = false;
    pendingEvents = [];
    if (loadAgain) {
      loadAgain = false;
      loadActive();
    }
  }
}
