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
    notifyMe: 'Сповіщати мене',
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
    pushHeading: 'Сповіщення на цьому пристрої',
    pushIntro: 'Тривоги для вибраного місця як сповіщення, навіть коли цю сторінку закрито.',
    pushPlace: (name) => `Сповіщати: ${name}`, pushHere: 'Сповіщати там, де я',
    pushChoose: 'Виберіть місце на карті або скористайтеся тим, де ви є.',
    pushPrivacy: 'Ваше розташування не залишає браузер: надсилається лише код громади.',
    pushOptions: 'Налаштування', pushTypes: 'Про які загрози',
    pushWholeOblast: 'Також тривоги будь-де в області цього місця',
    pushLanguage: 'Мова сповіщень', pushFollowed: 'Місця, про які ви отримуєте сповіщення',
    pushStop: 'Відписатися', pushStopFor: (name) => `Відписатися: ${name}`,
    pushAllThreats: 'усі загрози', pushAndOblast: 'і вся область',
    pushWorking: 'Підписуємо…', pushLocating: 'Визначаємо, де ви…',
    pushDone: (name) => `Сповіщення увімкнено: ${name}.`,
    pushUpdated: (name) => `Сповіщення оновлено: ${name}.`,
    pushStopped: (name) => `Сповіщення вимкнено: ${name}.`,
    pushUnsupported: 'Цей браузер не може отримувати push-сповіщення.',
    pushInsecure: 'Push-сповіщення працюють лише через захищене з’єднання: відкрийте цю сторінку через HTTPS.',
    pushDenied: 'Сповіщення для цього сайту заборонені. Дозвольте їх у налаштуваннях сайту в браузері й спробуйте знову.',
    pushDismissed: 'Сповіщення не дозволено: нічого не змінено.',
    pushRefused: (detail) => `Сервіс відмовив: ${detail}`,
    pushFailed: (message) => `Не вдалося: ${message}`,
    pushRefreshFailed: (message) => `Не вдалося оновити ваші підписки: ${message}`,
    pushNoTypes: 'Виберіть хоча б одну загрозу.',
    pushExpired: (names) => `Підписка закінчилась, підпишіться знову: ${names}.`,
    pushBlockedNow: 'Сповіщення заборонені в браузері: ці місця не отримуватимуть їх, доки ви їх не дозволите.',
    pushGeoDenied: 'Браузеру не дозволено повідомляти цій сторінці, де ви.',
    pushGeoUnsupported: 'Цей браузер не може визначити, де ви.',
    pushGeoFailed: 'Не вдалося визначити, де ви. Спробуйте ще раз або виберіть місце на карті.',
    pushGeoOutside: 'Там, де ви, немає жодного регіону, відомого сервісу.',
    noSuchRegion: (code) => `Регіону «${code}» не знайдено.`,
    stale: 'Не вдалося оновити: показане може бути застарілим.',
  },
  en: {
    backToCountry: 'Back to Ukraine', placeLabel: 'My place (latitude, longitude)', find: 'Find',
    placeFound: (name, state) => `${name}: ${state}`, placeNone: 'No region lies at this point.',
    detailSummary: (region, a, p) => `${region}: hromadas under alert: ${a}; in part: ${p}.`,
    detailAsList: (region) => `${region}: raions and hromadas as a list`,
    skipToAlerts: 'Skip to the active alerts', connecting: 'Connecting…', live: 'Live',
    reconnecting: 'Connection lost, reconnecting…', language: 'Language',
    notifyMe: 'Notify me',
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
    pushHeading: 'Notifications on this device',
    pushIntro: 'Alerts for a place as notifications, even while this page is closed.',
    pushPlace: (name) => `Notify me: ${name}`, pushHere: 'Notify me where I am',
    pushChoose: 'Choose a place on the map, or use where you are.',
    pushPrivacy: 'Where you are stays in the browser: only the hromada’s code is sent.',
    pushOptions: 'Options', pushTypes: 'Which threats',
    pushWholeOblast: 'Also alerts anywhere in the place’s oblast',
    pushLanguage: 'Language of the notifications', pushFollowed: 'Places you get notifications for',
    pushStop: 'Unsubscribe', pushStopFor: (name) => `Unsubscribe: ${name}`,
    pushAllThreats: 'all threats', pushAndOblast: 'and the whole oblast',
    pushWorking: 'Subscribing…', pushLocating: 'Finding where you are…',
    pushDone: (name) => `Notifications on: ${name}.`,
    pushUpdated: (name) => `Notifications updated: ${name}.`,
    pushStopped: (name) => `Notifications off: ${name}.`,
    pushUnsupported: 'This browser cannot receive push notifications.',
    pushInsecure: 'Push notifications need a secure connection: open this page over HTTPS.',
    pushDenied: 'Notifications are blocked for this site. Allow them in the browser’s site settings, then try again.',
    pushDismissed: 'Notifications were not allowed: nothing was changed.',
    pushRefused: (detail) => `The service refused: ${detail}`,
    pushFailed: (message) => `That did not work: ${message}`,
    pushRefreshFailed: (message) => `Could not refresh your subscriptions: ${message}`,
    pushNoTypes: 'Choose at least one threat.',
    pushExpired: (names) => `These subscriptions had expired; subscribe again: ${names}.`,
    pushBlockedNow: 'Notifications are blocked in the browser: these places get none until you allow them again.',
    pushGeoDenied: 'The browser may not tell this page where you are.',
    pushGeoUnsupported: 'This browser cannot tell where you are.',
    pushGeoFailed: 'Could not find where you are. Try again, or choose the place on the map.',
    pushGeoOutside: 'Where you are lies in no region the service knows.',
    noSuchRegion: (code) => `No region “${code}” was found.`,
    stale: 'Could not refresh: what you see may be out of date.',
  },
  de: {
    backToCountry: 'Zurück zur Ukraine', placeLabel: 'Mein Ort (Breite, Länge)', find: 'Finden',
    placeFound: (name, state) => `${name}: ${state}`, placeNone: 'An diesem Punkt liegt keine Region.',
    detailSummary: (region, a, p) => `${region}: Gemeinden mit Warnung: ${a}; teilweise: ${p}.`,
    detailAsList: (region) => `${region}: Rajons und Gemeinden als Liste`,
    skipToAlerts: 'Zu den aktiven Warnungen springen', connecting: 'Verbinde…', live: 'Live',
    reconnecting: 'Verbindung verloren, verbinde neu…', language: 'Sprache',
    notifyMe: 'Benachrichtigen',
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
    pushHeading: 'Benachrichtigungen auf diesem Gerät',
    pushIntro: 'Warnungen für einen Ort als Benachrichtigung, auch wenn diese Seite geschlossen ist.',
    pushPlace: (name) => `Benachrichtigen: ${name}`, pushHere: 'Benachrichtigen, wo ich bin',
    pushChoose: 'Wählen Sie einen Ort auf der Karte oder nehmen Sie Ihren Standort.',
    pushPrivacy: 'Ihr Standort bleibt im Browser: gesendet wird nur der Code der Gemeinde.',
    pushOptions: 'Optionen', pushTypes: 'Welche Bedrohungen',
    pushWholeOblast: 'Auch Warnungen irgendwo in der Oblast des Ortes',
    pushLanguage: 'Sprache der Benachrichtigungen', pushFollowed: 'Orte, für die Sie benachrichtigt werden',
    pushStop: 'Abbestellen', pushStopFor: (name) => `Abbestellen: ${name}`,
    pushAllThreats: 'alle Bedrohungen', pushAndOblast: 'und die ganze Oblast',
    pushWorking: 'Wird abonniert…', pushLocating: 'Ihr Standort wird ermittelt…',
    pushDone: (name) => `Benachrichtigungen an: ${name}.`,
    pushUpdated: (name) => `Benachrichtigungen aktualisiert: ${name}.`,
    pushStopped: (name) => `Benachrichtigungen aus: ${name}.`,
    pushUnsupported: 'Dieser Browser kann keine Push-Benachrichtigungen empfangen.',
    pushInsecure: 'Push-Benachrichtigungen brauchen eine sichere Verbindung: öffnen Sie diese Seite über HTTPS.',
    pushDenied: 'Benachrichtigungen sind für diese Seite blockiert. Erlauben Sie sie in den Website-Einstellungen des Browsers und versuchen Sie es erneut.',
    pushDismissed: 'Benachrichtigungen wurden nicht erlaubt: nichts wurde geändert.',
    pushRefused: (detail) => `Der Dienst hat abgelehnt: ${detail}`,
    pushFailed: (message) => `Das hat nicht geklappt: ${message}`,
    pushRefreshFailed: (message) => `Ihre Abonnements ließen sich nicht auffrischen: ${message}`,
    pushNoTypes: 'Wählen Sie mindestens eine Bedrohung.',
    pushExpired: (names) => `Diese Abonnements sind abgelaufen; bitte neu abonnieren: ${names}.`,
    pushBlockedNow: 'Benachrichtigungen sind im Browser blockiert: diese Orte bekommen keine, bis Sie sie wieder erlauben.',
    pushGeoDenied: 'Der Browser darf dieser Seite Ihren Standort nicht mitteilen.',
    pushGeoUnsupported: 'Dieser Browser kann Ihren Standort nicht ermitteln.',
    pushGeoFailed: 'Ihr Standort ließ sich nicht ermitteln. Versuchen Sie es erneut oder wählen Sie den Ort auf der Karte.',
    pushGeoOutside: 'Ihr Standort liegt in keiner Region, die der Dienst kennt.',
    noSuchRegion: (code) => `Keine Region „${code}“ gefunden.`,
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
