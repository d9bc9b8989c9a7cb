// airalert live map: the regions' states and the active alerts, kept live from the
// Server-Sent Events stream. Plain JavaScript, no build step and nothing from the internet,
// so that the page works wherever the service is reachable.
'use strict';

const LANGUAGES = ['uk', 'en', 'de'];

const TEXT = {
  uk: {
    skipToAlerts: 'Перейти до активних тривог', connecting: 'Під’єднання…', live: 'Наживо',
    reconnecting: 'Зв’язок втрачено, під’єднуємося знову…', language: 'Мова',
    notifyMe: 'Сповіщати мене', notifyOn: 'Сповіщення увімкнено', notifyDenied: 'Сповіщення заборонені',
    dismiss: 'Закрити', mapHeading: 'Регіони під тривогою',
    mapLabel: 'Карта регіонів. Кожен регіон є кнопкою; його стан вказано в назві.',
    'state.none': 'Немає тривоги', 'state.partial': 'Тривога в частині регіону', 'state.active': 'Тривога',
    regionsAsList: 'Регіони списком', activeHere: 'Активні тут', recentHistory: 'Нещодавня історія',
    close: 'Закрити', activeAlerts: 'Активні тривоги', history: 'Історія', region: 'Регіон',
    allRegions: 'Усі регіони', event: 'Подія', since: 'Від', until: 'До', search: 'Шукати', more: 'Ще',
    noActive: 'Зараз активних тривог немає.', noneHere: 'Тут зараз тривог немає.',
    noHistory: 'Нічого не знайдено.', from: 'Від', sinceTime: 'з', summary: (a, p) =>
      `Під тривогою: ${a}; частково: ${p}.`,
    newAlert: (h) => `Нова тривога: ${h}`, alertEnded: (h) => `Відбій: ${h}`,
    newAlertFor: (region, headline) => `Нова тривога для ${region}: ${headline}`,
    'alertState.active': 'активна', 'alertState.expired': 'завершилась', 'alertState.updated': 'оновлена',
    'alertState.cancelled': 'скасована', 'alertState.not-actual': 'не справжня',
    'alertState.recorded': 'підтвердження', 'alertState.displaced': 'замінена підписаною',
    loadFailed: 'Не вдалося завантажити: ', invalid: 'Перевірте поля: ',
    loading: 'Завантаження…', 'state.unknown': 'Стан невідомий',
    stale: 'Не вдалося оновити: показане може бути застарілим.',
  },
  en: {
    skipToAlerts: 'Skip to the active alerts', connecting: 'Connecting…', live: 'Live',
    reconnecting: 'Connection lost, reconnecting…', language: 'Language',
    notifyMe: 'Notify me', notifyOn: 'Notifications on', notifyDenied: 'Notifications blocked',
    dismiss: 'Dismiss', mapHeading: 'Regions under alert',
    mapLabel: 'Map of the regions. Each region is a button; its name tells its state.',
    'state.none': 'No alert', 'state.partial': 'Alert in part of the region', 'state.active': 'Alert',
    regionsAsList: 'The regions as a list', activeHere: 'Active here', recentHistory: 'Recent history',
    close: 'Close', activeAlerts: 'Active alerts', history: 'History', region: 'Region',
    allRegions: 'All regions', event: 'Event', since: 'From', until: 'To', search: 'Search', more: 'More',
    noActive: 'No alerts are active now.', noneHere: 'No alerts are active here now.',
    noHistory: 'Nothing found.', from: 'From', sinceTime: 'since', summary: (a, p) =>
      `Under alert: ${a}; in part: ${p}.`,
    newAlert: (h) => `New alert: ${h}`, alertEnded: (h) => `All clear: ${h}`,
    newAlertFor: (region, headline) => `New alert for ${region}: ${headline}`,
    'alertState.active': 'active', 'alertState.expired': 'expired', 'alertState.updated': 'updated',
    'alertState.cancelled': 'cancelled', 'alertState.not-actual': 'not actual',
    'alertState.recorded': 'acknowledgement', 'alertState.displaced': 'replaced by a signed copy',
    loadFailed: 'Could not load: ', invalid: 'Check these fields: ',
    loading: 'Loading…', 'state.unknown': 'State unknown',
    stale: 'Could not refresh: what you see may be out of date.',
  },
  de: {
    skipToAlerts: 'Zu den aktiven Warnungen springen', connecting: 'Verbinde…', live: 'Live',
    reconnecting: 'Verbindung verloren, verbinde neu…', language: 'Sprache',
    notifyMe: 'Benachrichtigen', notifyOn: 'Benachrichtigungen an', notifyDenied: 'Benachrichtigungen blockiert',
    dismiss: 'Schließen', mapHeading: 'Regionen mit Warnung',
    mapLabel: 'Karte der Regionen. Jede Region ist eine Schaltfläche; ihr Name nennt ihren Zustand.',
    'state.none': 'Keine Warnung', 'state.partial': 'Warnung in einem Teil der Region', 'state.active': 'Warnung',
    regionsAsList: 'Die Regionen als Liste', activeHere: 'Hier aktiv', recentHistory: 'Letzte Meldungen',
    close: 'Schließen', activeAlerts: 'Aktive Warnungen', history: 'Verlauf', region: 'Region',
    allRegions: 'Alle Regionen', event: 'Ereignis', since: 'Von', until: 'Bis', search: 'Suchen', more: 'Mehr',
    noActive: 'Zurzeit sind keine Warnungen aktiv.', noneHere: 'Hier ist zurzeit keine Warnung aktiv.',
    noHistory: 'Nichts gefunden.', from: 'Von', sinceTime: 'seit', summary: (a, p) =>
      `Mit Warnung: ${a}; teilweise: ${p}.`,
    newAlert: (h) => `Neue Warnung: ${h}`, alertEnded: (h) => `Entwarnung: ${h}`,
    newAlertFor: (region, headline) => `Neue Warnung für ${region}: ${headline}`,
    'alertState.active': 'aktiv', 'alertState.expired': 'abgelaufen', 'alertState.updated': 'aktualisiert',
    'alertState.cancelled': 'aufgehoben', 'alertState.not-actual': 'nicht echt',
    'alertState.recorded': 'Bestätigung', 'alertState.displaced': 'durch signierte Fassung ersetzt',
    loadFailed: 'Konnte nicht laden: ', invalid: 'Bitte prüfen: ',
    loading: 'Wird geladen…', 'state.unknown': 'Zustand unbekannt',
    stale: 'Aktualisierung fehlgeschlagen: die Anzeige ist vielleicht veraltet.',
  },
};

const EVENT_TYPES = ['alert.published', 'alert.updated', 'alert.cancelled'];
const RECONCILE_EVERY_MS = 60000;
// Events older than this (replayed after a long disconnection) update the page silently.
const ANNOUNCE_WITHIN_MS = 10 * 60000;
const HISTORY_PAGE = 20;

const page = {
  lang: chooseLanguage(),
  alerts: new Map(),       // active alerts by id
  states: {},              // region code -> {state, events}
  regions: new Map(),      // region code -> {path, names, parent}
  selected: null,
  historyNext: null,
  historyParams: null,     // the query the shown history results belong to
  listLoaded: false,       // until the first reads succeed, the page says it does not know
  statesLoaded: false,
  loading: false,          // the active list is being read; events meanwhile are kept here:
  pendingEvents: [],
  loadAgain: false,
  regionTicket: 0,         // the newest region panel request
  opener: null,            // what opened the region panel, for focus on close
};

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch (e) {
    return null; // storage blocked: the choice is not kept
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch (e) {
    // storage blocked: the choice is not kept
  }
}

const $ = (id) => document.getElementById(id);

function chooseLanguage() {
  const saved = stored('airalert.lang');
  if (LANGUAGES.includes(saved)) {
    return saved;
  }
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const primary = tag.toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) {
      return primary;
    }
  }
  return 'en';
}

function t(key, ...args) {
  const value = TEXT[page.lang][key] ?? TEXT.en[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

// ---- Fetching ----

async function getJson(url) {
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
    throw error;
  }
  return response.json();
}

// ---- Alerts ----

/** The info in the reader's language; else English; else the alert's first. */
function infoOf(alert) {
  const infos = alert.info || [];
  const inLanguage = (lang) => infos.find((i) => (i.language || 'en-US').toLowerCase().split('-')[0] === lang);
  return inLanguage(page.lang) || inLanguage('en') || infos[0] || {};
}

function regionName(code) {
  const region = page.regions.get(code);
  if (!region) {
    return code;
  }
  return region.names[page.lang] || region.names.en || code;
}

function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const when = new Date(iso);
  const absolute = new Intl.DateTimeFormat(page.lang, {dateStyle: 'medium', timeStyle: 'short'}).format(when);
  const minutes = Math.round((when.getTime() - Date.now()) / 60000);
  const relative = new Intl.RelativeTimeFormat(page.lang, {numeric: 'auto'});
  const ago = Math.abs(minutes) < 60 ? relative.format(minutes, 'minute')
    : Math.abs(minutes) < 48 * 60 ? relative.format(Math.round(minutes / 60), 'hour')
      : relative.format(Math.round(minutes / 1440), 'day');
  return `${absolute} (${ago})`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/** One alert as a card: headline, what to do, who says so, since when, where. */
function card(alert, headingTag) {
  const info = infoOf(alert);
  const item = element('li', 'card');
  item.dataset.alertId = alert.id;
  if (info.language) {
    item.lang = info.language;
  }
  item.append(element(headingTag, null, info.headline || info.event || alert.identifier));
  if (info.instruction) {
    item.append(element('p', 'instruction', info.instruction));
  }
  if (info.description && info.description !== info.headline) {
    item.append(element('p', 'description', info.description));
  }
  const since = info.onset || info.effective || alert.sent;
  const where = (alert.regions || []).map(regionName).join(', ')
    || (info.area || []).map((a) => a.areaDesc).join(', ');
  item.append(element('p', 'meta', `${info.senderName || alert.sender} · ${t('sinceTime')} ${formatTime(since)}`));
  if (where) {
    item.append(element('p', 'meta', where));
  }
  return item;
}

function newestFirst(a, b) {
  return new Date(b.sent) - new Date(a.sent);
}

function renderAlerts() {
  const list = $('alerts');
  const active = [...page.alerts.values()].sort(newestFirst);
  list.replaceChildren(...active.map((a) => card(a, 'h3')));
  if (active.length === 0) {
    list.append(element('li', 'empty', page.listLoaded ? t('noActive') : t('loading')));
  }
}

/** The alerts a Cancel or Update replaces: CAP references are sender,identifier,sent triples. */
function referencedKeys(alert) {
  return (alert.references || '').split(/\s+/).filter(Boolean)
    .map((ref) => ref.split(',').slice(0, 2).join(','));
}

/** Whether every info has an expiry and the latest has passed (the service's rule too). */
function expired(alert) {
  const expiries = (alert.info || []).map((i) => Date.parse(i.expires));
  return expiries.length > 0 && expiries.every(Number.isFinite) && Math.max(...expiries) < Date.now();
}

/** Applies an event to the active list; returns the alerts it replaced. */
function applyToList(type, alert) {
  const replaced = [];
  if (alert.status === 'Actual') {
    const keys = new Set(referencedKeys(alert));
    for (const [id, known] of page.alerts) {
      if (keys.has(`${known.sender},${known.identifier}`)) {
        replaced.push(known);
        page.alerts.delete(id);
      }
    }
  }
  if (type !== 'alert.cancelled' && alert.state === 'active' && !expired(alert)) {
    page.alerts.set(alert.id, alert);
  }
  return replaced;
}

function headlineOf(alert) {
  const info = infoOf(alert);
  return info.headline || info.event || alert.identifier;
}

function applyEvent(type, alert) {
  if (page.loading) {
    page.pendingEvents.push([type, alert]);
  }
  const replaced = applyToList(type, alert);
  renderAlerts();
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
  if (page.selected && [alert, ...replaced].some(concernsSelected)) {
    showRegion(page.selected, false);
    if (fresh && raised) {
      announce(alert);
    }
  }
}

/**
 * Reads the active alerts afresh. Events that arrive meanwhile are applied to the list on
 * screen and kept, then applied again to the fresh list, which may predate them.
 */
async function loadActive() {
  if (page.loading) {
    page.loadAgain = true;
    return;
  }
  page.loading = true;
  page.pendingEvents = [];
  try {
    const alerts = new Map();
    let url = '/api/v1/alerts?active=true&limit=200';
    for (let pages = 0; url && pages < 10; pages++) {
      const result = await getJson(url);
      result.items.forEach((a) => alerts.set(a.id, a));
      url = result.next ? `/api/v1/alerts?active=true&limit=200&cursor=${encodeURIComponent(result.next)}` : null;
    }
    page.alerts = alerts;
    page.pendingEvents.forEach(([type, alert]) => applyToList(type, alert));
    page.listLoaded = true;
    renderAlerts();
    markFresh('list');
  } catch (e) {
    markStale('list');
  } finally {
    page.loading = false;
    page.pendingEvents = [];
    if (page.loadAgain) {
      page.loadAgain = false;
      loadActive();
    }
  }
}

const failing = new Set();

/** A read that failed leaves what is shown, with a visible note that it may be out of date. */
function markStale(what) {
  failing.add(what);
  showFailing();
}

function markFresh(what) {
  failing.delete(what);
  showFailing();
}

function showFailing() {
  const note = $('stale');
  note.hidden = failing.size === 0;
  note.dataset.failing = [...failing].join(' '); // which reads failed, for whoever inspects the page
}

// ---- Map ----

async function loadMap() {
  const response = await fetch('/api/v1/regions/map.svg');
  if (!response.ok) {
    throw new Error(`map: ${response.status}`);
  }
  const host = $('map');
  host.innerHTML = await response.text();
  const svg = host.querySelector('svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('mapLabel'));
  svg.insertAdjacentHTML('afterbegin',
    '<defs><pattern id="partial-stripes" width="8" height="8" patternUnits="userSpaceOnUse"'
    + ' patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
    + '<rect width="5" height="8" fill="#f0b400"/></pattern></defs>');
  for (const path of svg.querySelectorAll('path.region')) {
    const names = {};
    for (const attribute of path.attributes) {
      if (attribute.name.startsWith('data-name-')) {
        names[attribute.name.substring('data-name-'.length)] = attribute.value;
      }
    }
    const code = path.dataset.code;
    page.regions.set(code, {path, names, parent: path.dataset.parent});
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-pressed', 'false');
    path.append(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
    path.addEventListener('click', () => showRegion(code, true));
    path.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        showRegion(code, true);
      }
    });
  }
  fillRegionChoices();
}

function fillRegionChoices() {
  const sorted = [...page.regions.keys()].sort((a, b) => regionName(a).localeCompare(regionName(b), page.lang));
  const select = $('h-region');
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...sorted.map((code) => {
    const option = element('option', null, regionName(code));
    option.value = code;
    return option;
  }));
  select.value = chosen;
  $('region-list').replaceChildren(...sorted.map((code) => {
    const item = element('li');
    const button = element('button', null, regionName(code));
    button.type = 'button';
    button.dataset.code = code;
    button.addEventListener('click', () => showRegion(code, true));
    item.append(button);
    return item;
  }));
}

let refreshing = null;

/** Re-reads every region's state; calls made while one runs share the next read. */
function refreshStates() {
  if (refreshing) {
    refreshing.again = true;
    return;
  }
  refreshing = {again: false};
  getJson('/api/v1/status').then((status) => {
    page.states = status.regions;
    page.statesLoaded = true;
    paintStates();
    markFresh('states');
  }).catch(() => markStale('states')).finally(() => {
    const again = refreshing.again;
    refreshing = null;
    if (again) {
      refreshStates();
    }
  });
}

function stateOf(code) {
  return page.statesLoaded ? page.states[code]?.state || 'none' : 'unknown';
}

function paintStates() {
  let active = 0;
  let partial = 0;
  for (const [code, region] of page.regions) {
    const state = stateOf(code);
    active += state === 'active' ? 1 : 0;
    partial += state === 'partial' ? 1 : 0;
    region.path.dataset.state = state;
    const label = `${regionName(code)}: ${t(`state.${state}`)}`;
    region.path.setAttribute('aria-label', label);
    region.path.querySelector('title').textContent = label;
  }
  for (const button of $('region-list').querySelectorAll('button')) {
    const state = stateOf(button.dataset.code);
    button.dataset.state = state;
    button.textContent = `${regionName(button.dataset.code)}: ${t(`state.${state}`)}`;
  }
  const summary = page.statesLoaded ? t('summary', active, partial) : t('loading');
  if ($('map-summary').textContent !== summary) {
    $('map-summary').textContent = summary;
  }
  if (page.selected) {
    $('region-state').textContent = t(`state.${stateOf(page.selected)}`);
  }
}

// ---- One region ----

/** Whether the alert covers the selected region, a region inside it, or one it lies in. */
function concernsSelected(alert) {
  const selected = page.selected;
  const parentOfSelected = page.regions.get(selected)?.parent;
  return (alert.regions || []).some((code) => code === selected || code === parentOfSelected
    || page.regions.get(code)?.parent === selected);
}

async function showRegion(code, focus) {
  const ticket = ++page.regionTicket;
  if (focus) {
    page.opener = document.activeElement;
  }
  const previous = page.selected;
  page.selected = code;
  if (previous && page.regions.get(previous)) {
    page.regions.get(previous).path.setAttribute('aria-pressed', 'false');
  }
  page.regions.get(code)?.path.setAttribute('aria-pressed', 'true');
  const panel = $('region');
  panel.hidden = false;
  $('region-heading').textContent = regionName(code);
  $('region-state').textContent = t(`state.${stateOf(code)}`);
  if (focus) {
    $('region-heading').focus();
  }
  try {
    const [detail, history] = await Promise.all([
      getJson(`/api/v1/regions/${encodeURIComponent(code)}`),
      getJson(`/api/v1/alerts?region=${encodeURIComponent(code)}&limit=10`),
    ]);
    if (ticket !== page.regionTicket) {
      return; // a newer request for the panel is under way
    }
    const active = (detail.activeAlerts || []).slice().sort(newestFirst);
    $('region-active').replaceChildren(...active.map((a) => card(a, 'h4')));
    if (active.length === 0) {
      $('region-active').append(element('li', 'empty', t('noneHere')));
    }
    $('region-history').replaceChildren(...history.items.map(historyItem));
    if (history.items.length === 0) {
      $('region-history').append(element('li', 'empty', t('noHistory')));
    }
  } catch (e) {
    $('region-state').textContent = t('loadFailed') + e.message;
  }
}

function closeRegion() {
  if (page.selected) {
    page.regions.get(page.selected)?.path.setAttribute('aria-pressed', 'false');
    const back = page.opener?.isConnected ? page.opener : page.regions.get(page.selected)?.path;
    back?.focus();
  }
  page.selected = null;
  page.regionTicket++;
  $('region').hidden = true;
}

function announce(alert) {
  const info = infoOf(alert);
  page.announced = {alert, region: page.selected};
  renderNotice();
  const text = $('notice-text').textContent;
  $('notice').hidden = false;
  if ('Notification' in window && Notification.permission === 'granted') {
    const options = {body: info.instruction || '', tag: alert.id, lang: page.lang};
    try {
      new Notification(text, options);
    } catch (e) {
      // Some mobile browsers show notifications only through a service worker.
      navigator.serviceWorker?.getRegistration().then((r) => r?.showNotification(text, options));
    }
  }
}

// ---- History ----

function historyItem(alert) {
  const info = infoOf(alert);
  const item = element('li');
  item.dataset.alertId = alert.id;
  item.append(element('strong', null, info.headline || info.event || alert.identifier), ' ');
  item.append(element('span', 'state', `${t(`alertState.${alert.state}`)} · ${formatTime(alert.sent)}`));
  return item;
}

function historyQuery() {
  const form = $('history-form');
  const params = new URLSearchParams({limit: String(HISTORY_PAGE)});
  if (form.region.value) {
    params.set('region', form.region.value);
  }
  if (form.event.value.trim()) {
    params.set('event', form.event.value.trim());
  }
  if (form.since.value) {
    params.set('since', new Date(`${form.since.value}T00:00:00`).toISOString());
  }
  if (form.until.value) {
    params.set('until', new Date(`${form.until.value}T23:59:59.999`).toISOString());
  }
  return params;
}

async function searchHistory(more) {
  if (!more || !page.historyParams) {
    page.historyParams = historyQuery();
  }
  const params = new URLSearchParams(page.historyParams);
  if (more && page.historyNext) {
    params.set('cursor', page.historyNext);
  }
  const error = $('history-error');
  error.hidden = true;
  try {
    const result = await getJson(`/api/v1/alerts?${params}`);
    const items = result.items.map(historyItem);
    if (more) {
      $('history-results').append(...items);
    } else {
      $('history-results').replaceChildren(...items);
      if (items.length === 0) {
        $('history-results').append(element('li', 'empty', t('noHistory')));
      }
    }
    page.historyNext = result.next;
    $('history-more').hidden = !result.next;
  } catch (e) {
    const fields = (e.problem?.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
    error.textContent = fields ? t('invalid') + fields : t('loadFailed') + e.message;
    error.hidden = false;
  }
}

// ---- Stream ----

function setConnection(state) {
  const node = $('connection');
  node.dataset.state = state;
  node.textContent = t(state);
}

let streamRetryMs = 1000;
let streamDropped = false;

function connect() {
  const stream = new EventSource('/api/v1/alerts/stream');
  stream.addEventListener('open', () => {
    setConnection('live');
    streamRetryMs = 1000;
    if (streamDropped) {
      // Missed events are replayed (Last-Event-ID) on the same stream, not on a new one;
      // expiry is no event at all: the picture is read afresh either way.
      streamDropped = false;
      reconcile();
    }
  });
  stream.addEventListener('error', () => {
    streamDropped = true;
    setConnection('reconnecting');
    if (stream.readyState === EventSource.CLOSED) {
      // The browser gives up after an HTTP error (a 503 while no replica is up): try again.
      setTimeout(connect, streamRetryMs);
      streamRetryMs = Math.min(streamRetryMs * 2, 30000);
    }
  });
  for (const type of EVENT_TYPES) {
    stream.addEventListener(type, (e) => applyEvent(type, JSON.parse(e.data)));
  }
}

/** Expired alerts leave without an event, so the whole picture is re-read now and then. */
function reconcile() {
  loadActive();
  refreshStates();
}

// ---- Language and controls ----

/** The notice in the reader's language: written again when the language changes. */
function renderNotice() {
  if (!page.announced) {
    return;
  }
  const info = infoOf(page.announced.alert);
  $('notice-text').textContent = t('newAlertFor', regionName(page.announced.region), info.headline || info.event);
}

function applyLanguage() {
  document.documentElement.lang = page.lang;
  $('lang').value = page.lang;
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = t(node.dataset.text);
  }
  $('map').querySelector('svg')?.setAttribute('aria-label', t('mapLabel'));
  setConnection($('connection').dataset.state);
  updateNotifyButton();
  fillRegionChoices();
  paintStates();
  renderAlerts();
  renderNotice();
  if (page.selected) {
    showRegion(page.selected, false);
  }
}

function updateNotifyButton() {
  const button = $('notify');
  if (!('Notification' in window)) {
    button.hidden = true;
    return;
  }
  const permission = Notification.permission;
  button.textContent = permission === 'granted' ? t('notifyOn') : permission === 'denied' ? t('notifyDenied') : t('notifyMe');
  button.disabled = permission !== 'default';
}

function wireControls() {
  $('lang').addEventListener('change', (e) => {
    page.lang = e.target.value;
    store('airalert.lang', page.lang);
    applyLanguage();
  });
  $('notify').addEventListener('click', () => Notification.requestPermission().then(updateNotifyButton));
  $('notice-close').addEventListener('click', () => {
    $('notice').hidden = true;
  });
  $('region-close').addEventListener('click', closeRegion);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && page.selected && !e.target.closest('select, input')) {
      closeRegion();
    }
  });
  $('history-form').addEventListener('submit', (e) => {
    e.preventDefault();
    searchHistory(false);
  });
  $('history-more').addEventListener('click', () => searchHistory(true));
}

async function start() {
  wireControls();
  applyLanguage();
  // The stream opens first so that nothing published while the page loads is missed.
  connect();
  reconcile();
  setInterval(reconcile, RECONCILE_EVERY_MS);
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
}

start();
