// Web Push between this browser and the service: the service worker, the browser's push
// subscription (one per browser, made with the service's VAPID key) and the service's
// subscriptions (one per place followed, each with the token that alone moves or deletes
// it, kept in IndexedDB where the service worker can read it too). No words and no page
// elements here: the panel (push-panel.js) says what happened.
import {getJson, sendJson} from './api.js';
import './push-store.js';

const store = self.airalertPushStore;
const API = '/api/v1/push/subscriptions';

/** Why this browser cannot follow places: 'insecure' (push needs HTTPS; localhost is fine), 'unsupported', or null. */
export function pushProblem() {
  if (!window.isSecureContext) {
    return 'insecure';
  }
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)
      || !('indexedDB' in window)) {
    return 'unsupported';
  }
  return null;
}

/** The places followed, as stored: {id, token, region, name, names, types, wholeOblast, lang, expiresAt}. */
export function followed() {
  return store.list();
}

async function registration() {
  await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

async function serverKey() {
  return store.keyBytes((await getJson('/api/v1/push/vapid-public-key')).publicKey);
}

function sameKey(buffer, bytes) {
  if (!buffer) {
    return true; // the browser does not say: assume it is the key it was made with
  }
  const had = new Uint8Array(buffer);
  return had.length === bytes.length && had.every((b, i) => b === bytes[i]);
}

/**
 * This browser's push subscription, made when there is none. One made with another key (the
 * service's key was replaced) cannot carry the service's pushes: it is replaced, and
 * `replaced` tells the caller to move every place followed to the new one.
 */
async function browserSubscription() {
  const reg = await registration();
  const key = await serverKey();
  let subscription = await reg.pushManager.getSubscription();
  let replaced = false;
  if (subscription && !sameKey(subscription.options?.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
    replaced = true;
  }
  if (!subscription) {
    subscription = await reg.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key});
  }
  return {subscription, replaced};
}

function tokenHeader(place) {
  return {'Unsubscribe-Token': place.token};
}

/** PUTs the browser's subscription for this place; false when the service no longer has it (404). */
async function refreshOne(place, subscription) {
  try {
    const view = await sendJson('PUT', `${API}/${encodeURIComponent(place.id)}`, {subscription: subscription.toJSON()},
      tokenHeader(place));
    await store.put({...place, expiresAt: view?.expiresAt || place.expiresAt});
    return true;
  } catch (e) {
    if (e.status === 404) {
      await store.remove(place.id); // expired, or its endpoint was gone: it is followed no more
      return false;
    }
    throw e;
  }
}

/**
 * Asks for permission to notify. To be called at once in the click handler, before anything
 * is awaited: browsers ask only while the reader's click is fresh. Rejects with an Error whose
 * `reason` is 'denied' or 'dismissed' when notifications were not allowed.
 */
export async function askPermission() {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    const error = new Error(permission);
    error.reason = permission === 'denied' ? 'denied' : 'dismissed';
    throw error;
  }
}

/**
 * Follows a place ({code, name, names}) once notifications are allowed: subscribes the browser
 * and the service. Options: {types (empty: all), wholeOblast, lang}. Following a place again
 * replaces its subscription with one with the new options. Resolves to 'followed' or 'updated';
 * rejects with the API's Error (its problem attached) when the service refuses.
 */
export async function follow(place, options) {
  const {subscription, replaced} = await browserSubscription();
  const before = await store.list();
  if (replaced) {
    await Promise.all(before.map((p) => refreshOne(p, subscription)));
  }
  let created;
  try {
    created = await sendJson('POST', API, {
      subscription: subscription.toJSON(), regions: [place.code], languages: [options.lang],
      types: options.types, wholeOblast: options.wholeOblast,
    });
  } catch (e) {
    if (before.length === 0) {
      await subscription.unsubscribe().catch(() => {}); // followed by nothing: no endpoint left behind
    }
    throw e;
  }
  await store.put({
    id: created.id, token: created.unsubscribeToken, region: place.code, name: place.name, names: place.names,
    types: created.types || options.types, wholeOblast: created.wholeOblast ?? options.wholeOblast,
    lang: options.lang, expiresAt: created.expiresAt,
  });
  const previous = before.filter((p) => p.region === place.code);
  for (const old of previous) {
    await stopOnServer(old).catch(() => {}); // left to expire if the service cannot be reached now
    await store.remove(old.id);
  }
  return previous.length > 0 ? 'updated' : 'followed';
}

async function stopOnServer(place) {
  try {
    await sendJson('DELETE', `${API}/${encodeURIComponent(place.id)}`, undefined, tokenHeader(place));
  } catch (e) {
    if (e.status !== 404) {
      throw e; // 404: the service had already forgotten it
    }
  }
}

/** Stops following a place; after the last one the browser's push subscription goes too. */
export async function unfollow(place) {
  await stopOnServer(place);
  await store.remove(place.id);
  if ((await store.list()).length === 0) {
    const reg = await navigator.serviceWorker?.getRegistration('/'); // none without HTTPS
    const subscription = await reg?.pushManager.getSubscription();
    await subscription?.unsubscribe();
  }
}

/**
 * On each visit, every place followed is PUT again with the browser's subscription now: the
 * service forgets one not refreshed for 60 days, and the browser may have been given a new
 * endpoint while no page was open. Resolves to {blocked, expired: [places the service had
 * forgotten]}; blocked: notifications are not allowed (any more), so nothing was sent.
 */
export async function refreshFollowed() {
  const places = await store.list();
  if (places.length === 0 || pushProblem()) {
    return {blocked: false, expired: []};
  }
  if (Notification.permission !== 'granted') {
    return {blocked: true, expired: []};
  }
  const {subscription} = await browserSubscription();
  const kept = await Promise.all(places.map((p) => refreshOne(p, subscription)));
  return {blocked: false, expired: places.filter((p, i) => !kept[i])};
}
