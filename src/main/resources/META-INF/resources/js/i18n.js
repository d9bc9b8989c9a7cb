// The page's words in its three languages, the reader's language (chosen once, then kept in
// the browser), and times written in it.

const LANGUAGES = ['uk', 'en', 'de'];

const TEXT = {
  uk: {
    backToCountry: 'Назад до України', placeLabel: 'Моє місце (широта, довгота)', find: 'Знайти',
    placeFound: (name, state) => `${name}: ${state}`, placeNone: 'Тут немає жодного регіону.',
    detailSummary: (region, a, p) => `${region}: громад під тривогою: ${a}; частково: ${p}.`,
    detailAsList: (region) => `${region}: райони й громади списком`,
    skipToAlerts: 'Перейти до активних тривог', connecting: 'Під’єднання…', live: 'Наживо',
    reconnecting: 'Зв’язок втрачено, під’єднуємося знову…', language: 'Мова',
    notifyMe: 'Сповіщати мене', notifyOn: 'Сповіщення увімкнено', notifyDenied: 'Сповіщення заборонені',
    dismiss: 'Закрити', mapHeading: 'Регіони під тривогою',
    mapLabel: 'Карта регіонів. Кожен регіон є кнопкою; його стан вказано в назві.',
    'state.none': 'Немає тривоги', 'state.partial': 'Тривога в частині регіону', 'state.active': 'Тривога',
    regionsAsList: 'Регіони списком', activeHere: 'Активні тут', recentHistory: 'Нещодавня історія',
    close: 'Закрити', activeAlerts: 'Активні тривоги', history: 'Історія', region: 'Регіон',
    threatLabel: 'Загроза', allThreats: 'Усі загрози',
    allRegions: 'Усі регіони', event: 'Подія', since: 'Від', until: 'До', search: 'Шукати', more: 'Ще',
    noActive: 'Зараз активних тривог немає.', noneHere: 'Тут зараз тривог немає.',
    noHistory: 'Нічого не знайдено.', from: 'Від', sinceTime: 'з', summary: (a, p) =>
      `Під тривогою: ${a}; частково: ${p}.`,
    newAlert: (h) => `Нова тривога: ${h}`, alertEnded: (h) => `Відбій: ${h}`,
    newAlertFor: (region, headline) => `Нова тривога для ${region}: ${headline}`,
    'alertState.active': 'активна', 'alertState.expired': 'завершилась', 'alertState.updated': 'оновлена',
    'alertState.cancelled': 'скасована', 'alertState.not-actual': 'не справжня',
    'alertState.recorded': 'підтвердження', 'alertState.displaced': 'замінена підписаною',
    'threat.air_raid': 'Повітряна тривога', 'threat.artillery_shelling': 'Загроза артобстрілу',
    'threat.urban_fights': 'Загроза вуличних боїв', 'threat.chemical': 'Хімічна загроза',
    'threat.nuclear': 'Радіаційна загроза', 'threat.drones': 'Загроза ударних дронів',
    'threat.missiles': 'Ракетна загроза', 'threat.ballistic': 'Загроза балістики',
    'threat.guided_bombs': 'Загроза КАБ', 'threat.tactical_aviation': 'Активність тактичної авіації',
    'threat.info': 'Інформація', 'level.yellow': 'жовтий рівень', 'level.red': 'червоний рівень',
    loadFailed: 'Не вдалося завантажити: ', invalid: 'Перевірте поля: ',
    loading: 'Завантаження…', 'state.unknown': 'Стан невідомий',
    stale: 'Не вдалося оновити: показане може бути застарілим.',
  },
  en: {
    backToCountry: 'Back to Ukraine', placeLabel: 'My place (latitude, longitude)', find: 'Find',
    placeFound: (name, state) => `${name}: ${state}`, placeNone: 'No region lies at this point.',
    detailSummary: (region, a, p) => `${region}: hromadas under alert: ${a}; in part: ${p}.`,
    detailAsList: (region) => `${region}: raions and hromadas as a list`,
    skipToAlerts: 'Skip to the active alerts', connecting: 'Connecting…', live: 'Live',
    reconnecting: 'Connection lost, reconnecting…', language: 'Language',
    notifyMe: 'Notify me', notifyOn: 'Notifications on', notifyDenied: 'Notifications blocked',
    dismiss: 'Dismiss', mapHeading: 'Regions under alert',
    mapLabel: 'Map of the regions. Each region is a button; its name tells its state.',
    'state.none': 'No alert', 'state.partial': 'Alert in part of the region', 'state.active': 'Alert',
    regionsAsList: 'The regions as a list', activeHere: 'Active here', recentHistory: 'Recent history',
    close: 'Close', activeAlerts: 'Active alerts', history: 'History', region: 'Region',
    threatLabel: 'Threat', allThreats: 'All threats',
    allRegions: 'All regions', event: 'Event', since: 'From', until: 'To', search: 'Search', more: 'More',
    noActive: 'No alerts are active now.', noneHere: 'No alerts are active here now.',
    noHistory: 'Nothing found.', from: 'From', sinceTime: 'since', summary: (a, p) =>
      `Under alert: ${a}; in part: ${p}.`,
    newAlert: (h) => `New alert: ${h}`, alertEnded: (h) => `All clear: ${h}`,
    newAlertFor: (region, headline) => `New alert for ${region}: ${headline}`,
    'alertState.active': 'active', 'alertState.expired': 'expired', 'alertState.updated': 'updated',
    'alertState.cancelled': 'cancelled', 'alertState.not-actual': 'not actual',
    'alertState.recorded': 'acknowledgement', 'alertState.displaced': 'replaced by a signed copy',
    'threat.air_raid': 'Air raid', 'threat.artillery_shelling': 'Artillery shelling',
    'threat.urban_fights': 'Urban fights', 'threat.chemical': 'Chemical threat',
    'threat.nuclear': 'Nuclear threat', 'threat.drones': 'Attack drones',
    'threat.missiles': 'Missiles', 'threat.ballistic': 'Ballistic missiles',
    'threat.guided_bombs': 'Guided bombs', 'threat.tactical_aviation': 'Tactical aviation',
    'threat.info': 'Information', 'level.yellow': 'yellow level', 'level.red': 'red level',
    loadFailed: 'Could not load: ', invalid: 'Check these fields: ',
    loading: 'Loading…', 'state.unknown': 'State unknown',
    stale: 'Could not refresh: what you see may be out of date.',
  },
  de: {
    backToCountry: 'Zurück zur Ukraine', placeLabel: 'Mein Ort (Breite, Länge)', find: 'Finden',
    placeFound: (name, state) => `${name}: ${state}`, placeNone: 'An diesem Punkt liegt keine Region.',
    detailSummary: (region, a, p) => `${region}: Gemeinden mit Warnung: ${a}; teilweise: ${p}.`,
    detailAsList: (region) => `${region}: Rajons und Gemeinden als Liste`,
    skipToAlerts: 'Zu den aktiven Warnungen springen', connecting: 'Verbinde…', live: 'Live',
    reconnecting: 'Verbindung verloren, verbinde neu…', language: 'Sprache',
    notifyMe: 'Benachrichtigen', notifyOn: 'Benachrichtigungen an', notifyDenied: 'Benachrichtigungen blockiert',
    dismiss: 'Schließen', mapHeading: 'Regionen mit Warnung',
    mapLabel: 'Karte der Regionen. Jede Region ist eine Schaltfläche; ihr Name nennt ihren Zustand.',
    'state.none': 'Keine Warnung', 'state.partial': 'Warnung in einem Teil der Region', 'state.active': 'Warnung',
    regionsAsList: 'Die Regionen als Liste', activeHere: 'Hier aktiv', recentHistory: 'Letzte Meldungen',
    close: 'Schließen', activeAlerts: 'Aktive Warnungen', history: 'Verlauf', region: 'Region',
    threatLabel: 'Bedrohung', allThreats: 'Alle Bedrohungen',
    allRegions: 'Alle Regionen', event: 'Ereignis', since: 'Von', until: 'Bis', search: 'Suchen', more: 'Mehr',
    noActive: 'Zurzeit sind keine Warnungen aktiv.', noneHere: 'Hier ist zurzeit keine Warnung aktiv.',
    noHistory: 'Nichts gefunden.', from: 'Von', sinceTime: 'seit', summary: (a, p) =>
      `Mit Warnung: ${a}; teilweise: ${p}.`,
    newAlert: (h) => `Neue Warnung: ${h}`, alertEnded: (h) => `Entwarnung: ${h}`,
    newAlertFor: (region, headline) => `Neue Warnung für ${region}: ${headline}`,
    'alertState.active': 'aktiv', 'alertState.expired': 'abgelaufen', 'alertState.updated': 'aktualisiert',
    'alertState.cancelled': 'aufgehoben', 'alertState.not-actual': 'nicht echt',
    'alertState.recorded': 'Bestätigung', 'alertState.displaced': 'durch signierte Fassung ersetzt',
    'threat.air_raid': 'Luftalarm', 'threat.artillery_shelling': 'Artilleriebeschuss',
    'threat.urban_fights': 'Straßenkämpfe', 'threat.chemical': 'Chemische Gefahr',
    'threat.nuclear': 'Nukleare Gefahr', 'threat.drones': 'Angriffsdrohnen',
    'threat.missiles': 'Raketen', 'threat.ballistic': 'Ballistische Raketen',
    'threat.guided_bombs': 'Gelenkte Bomben', 'threat.tactical_aviation': 'Taktische Luftwaffe',
    'threat.info': 'Information', 'level.yellow': 'Stufe Gelb', 'level.red': 'Stufe Rot',
    loadFailed: 'Konnte nicht laden: ', invalid: 'Bitte prüfen: ',
    loading: 'Wird geladen…', 'state.unknown': 'Zustand unbekannt',
    stale: 'Aktualisierung fehlgeschlagen: die Anzeige ist vielleicht veraltet.',
  },
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

/** The reader's language: one of uk, en, de. */
export let lang = chooseLanguage();

/** The reader chose a language: it is kept for their next visit. */
export function setLanguage(chosen) {
  lang = chosen;
  store('airalert.lang', lang);
}

export function t(key, ...args) {
  const value = TEXT[lang][key] ?? TEXT.en[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const when = new Date(iso);
  const absolute = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'}).format(when);
  const minutes = Math.round((when.getTime() - Date.now()) / 60000);
  const relative = new Intl.RelativeTimeFormat(lang, {numeric: 'auto'});
  const ago = Math.abs(minutes) < 60 ? relative.format(minutes, 'minute')
    : Math.abs(minutes) < 48 * 60 ? relative.format(Math.round(minutes / 60), 'hour')
      : relative.format(Math.round(minutes / 1440), 'day');
  return `${absolute} (${ago})`;
}
