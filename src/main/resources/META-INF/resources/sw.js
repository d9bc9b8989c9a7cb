// airalert's service worker: shows the alerts the service pushes for the places this browser
// follows (docs/push.md), opens the map at the place when a notification is clicked, and
// moves the subscriptions when the browser's push service gives it a new endpoint. At the
// site's root so that its scope is the whole site and it can open and steer the map page.
// A classic script: not every browser with Web Push runs a service worker as a module.
importScripts('/js/push-store.js');

const store = self.airalertPushStore;

/** Shown when a push cannot be read: browsers penalise a push that shows nothing. */
const GENERIC = {
  uk: {title: 'airalert: нове сповіщення', body: 'Відкрийте карту, щоб дізнатися більше.'},
  en: {title: 'airalert: new notification', body: 'Open the map to see what it is about.'},
  de: {title: 'airalert: neue Benachrichtigung', body: 'Öffnen Sie die Karte für Einzelheiten.'},
};

// A new version takes over at once: an old one might read a newer push's format wrongly.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(event.data));
});

async function showPush(data) {
  let message = null;
  try {
    message = data ? data.json() : null;
  } catch (e) {
    // not JSON: the generic notification below
  }
  if (!message || typeof message !== 'object' || typeof message.title !== 'string' || !message.title) {
    await showGeneric();
    return;
  }
  // A push service may deliver a message twice (a retry after a lost acknowledgement).
  if (typeof message.id === 'string' && message.id) {
    let first = true;
    try {
      first = await store.firstSight(message.id);
    } catch (e) {
      // no IndexedDB (a private window in some browsers): better twice than never
    }
    if (!first) {
      return;
    }
  }
  const url = sameOrigin(message.url);
  // Chromium refuses renotify without a tag: every notification has one.
  const tag = typeof message.tag === 'string' && message.tag ? message.tag : `airalert-${message.id || Date.now()}`;
  await self.registration.showNotification(message.title, {
    body: typeof message.body === 'string' ? message.body : '',
    tag,
    renotify: message.renotify !== false,
    lang: typeof message.lang === 'string' ? message.lang : '',
    requireInteraction: message.requireInteraction === true,
    data: {url, id: message.id || null, region: message.region || null},
  });
}

async function showGeneric() {
  let lang = 'uk';
  try {
    lang = (await store.list()).map((place) => place.lang).find((l) => GENERIC[l]) || lang;
  } catch (e) {
    // no IndexedDB: Ukrainian
  }
  await self.registration.showNotification(GENERIC[lang].title, {
    body: GENERIC[lang].body, tag: 'airalert-unreadable', lang, data: {url: '/', id: null, region: null},
  });
}

/** The push's link if it leads into this site, else the map: a notification opens nothing else. */
function sameOrigin(link) {
  try {
    const url = new URL(typeof link === 'string' ? link : '/', self.location.origin);
    return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/';
  } catch (e) {
    return '/';
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openMap(sameOrigin(event.notification.data?.url)));
});

/** An open map page is brought forward and shown the place; without one, a new window opens there. */
async function openMap(path) {
  const target = new URL(path, self.location.origin).href;
  // Only pages this worker controls can be navigated; claim() on activation made every open page one.
  const pages = await self.clients.matchAll({type: 'window'});
  const page = pages.find((c) => c.focused) || pages[0];
  if (page) {
    try {
      const focused = await page.focus();
      await (focused || page).navigate(target);
      return;
    } catch (e) {
      // it went away or refused: a new window instead
    }
  }
  await self.clients.openWindow(target);
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(moveSubscriptions(event));
});

/**
 * The push service replaced or dropped this browser's endpoint: subscribe again with the
 * same server key and tell the service, for every place followed, where to push from now on.
 */
async function moveSubscriptions(event) {
  let fresh = event.newSubscription || await self.registration.pushManager.getSubscription();
  if (!fresh) {
    let key = event.oldSubscription?.options?.applicationServerKey;
    if (!key) {
      const response = await fetch('/api/v1/push/vapid-public-key', {headers: {Accept: 'application/json'}});
      key = store.keyBytes((await response.json()).publicKey);
    }
    fresh = await self.registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key});
  }
  const body = JSON.stringify({subscription: fresh.toJSON()});
  const places = await store.list();
  await Promise.all(places.map(async (place) => {
    const response = await fetch(`/api/v1/push/subscriptions/${encodeURIComponent(place.id)}`, {
      method: 'PUT', body,
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'Unsubscribe-Token': place.token},
    });
    if (response.status === 404) {
      await store.remove(place.id); // expired or deleted on the service: following it is over
    }
  }));
}
