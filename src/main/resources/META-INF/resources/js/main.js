// airalert live map: the regions' states and the active alerts, kept live from the
// Server-Sent Events stream. Native ES modules, one concern each, loaded as they are: no build
// step and nothing from the internet, so that the page works wherever the service is
// reachable. This one wires them together: a stream event reaches the list, the map, the
// open region panel and the reader; the whole picture is read afresh now and then. A chosen
// oblast opens in detail (its raions and hromadas), and a point finds the reader's hromada.
// The page's address may name a region (?region=UA-30): a notification's click opens it so.
import {applyEventToList, expired, loadActive, renderAlerts} from './alerts.js';
import {headlineOf} from './cards.js';
import {openFromAddress} from './deep-link.js';
import {backToCountry, drilled, onDetailChange} from './detail.js';
import {$} from './dom.js';
import {markFresh, markStale} from './freshness.js';
import {wireHistory} from './history.js';
import {lang, setLanguage, t} from './i18n.js';
import {fillRegionChoices, labelMap, loadMap, paintStates} from './map.js';
import {announce, renderNotice, wireNotifications} from './notifications.js';
import {renderPlace, wirePlace} from './place.js';
import {loadPush, renderPush, wirePush} from './push-panel.js';
import {closeRegion, concernsSelected, onSelectionChange, paintSelectedState, renderLists, selected, showRegion}
  from './region-panel.js';
import {regions} from './regions.js';
import {onStatesRead, refreshStates} from './status.js';
import {openStream, setConnection} from './stream.js';

const RECONCILE_EVERY_MS = 60000;
// Events older than this (replayed after a long disconnection) update the page silently.
const ANNOUNCE_WITHIN_MS = 10 * 60000;

function applyEvent(type, alert) {
  const replaced = applyEventToList(type, alert);
  refreshStates();
  if (alert.status !== 'Actual') {
    return; // a Test or Exercise changes nothing people are told
  }
  const received = Date.parse(alert.receivedAt || alert.sent);
  const fresh = !Number.isFinite(received) || Date.now() - received < ANNOUNCE_WITHIN_MS;
  const raised = type !== 'alert.cancelled' && alert.state === 'active' && !expired(alert);
  if (fresh) {
    if (raised) {
      $('announcer').textContent = t('newAlert', headlineOf(alert));
    } else if (type === 'alert.cancelled') {
      $('announcer').textContent = t('alertEnded', headlineOf(replaced[0] || alert));
    }
  }
  // A Cancel may name no region itself: the alerts it ended do.
  if (selected && [alert, ...replaced].some(concernsSelected)) {
    showRegion(selected, false);
    if (fresh && raised) {
      announce(alert, selected);
    }
  }
}

/** Expired alerts leave without an event, so the whole picture is re-read now and then. */
function reconcile() {
  loadActive();
  refreshStates();
}

function applyLanguage() {
  document.documentElement.lang = lang;
  $('lang').value = lang;
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = t(node.dataset.text);
  }
  labelMap();
  setConnection($('connection').dataset.state);
  renderPush();
  fillRegionChoices();
  paintStates();
  paintSelectedState();
  renderAlerts();
  renderNotice();
  renderPlace();
  if (selected) {
    showRegion(selected, false);
  }
}

function wireControls() {
  $('lang').addEventListener('change', (e) => {
    setLanguage(e.target.value);
    applyLanguage();
  });
  wireNotifications();
  wirePush();
  $('region-close').addEventListener('click', closeRegion);
  $('back').addEventListener('click', () => backToCountry());
  // Escape steps back once: a hromada's panel closes, then the detail, then an oblast's panel.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.target.closest('select, input')) {
      return;
    }
    if (selected && (regions.get(selected)?.inDetail || !drilled())) {
      closeRegion();
    } else if (drilled()) {
      backToCountry();
    }
  });
  wirePlace();
  wireHistory();
}

async function start() {
  onStatesRead(() => {
    paintStates();
    paintSelectedState();
    renderPlace();
  });
  // The detail brings the names of the raions and hromadas that alerts name.
  onDetailChange(() => {
    paintStates();
    renderAlerts();
    renderLists();
    renderPlace();
  });
  onSelectionChange(renderPush);
  wireControls();
  applyLanguage();
  // The stream opens first so that nothing published while the page loads is missed.
  openStream(applyEvent, reconcile);
  reconcile();
  setInterval(reconcile, RECONCILE_EVERY_MS);
  loadPush();
  for (let wait = 1000; ; wait = Math.min(wait * 2, 30000)) {
    try {
      await loadMap();
      break;
    } catch (e) {
      markStale('map');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  markFresh('map');
  applyLanguage();
  openFromAddress();
}

start();
