// What the page and its service worker (/sw.js) both need to know about Web Push, in
// IndexedDB, the one store both can reach: the places this browser follows, each with the
// token that alone moves or deletes it on the service, and the ids of the last pushes shown,
// so that a push that arrives twice is shown once. Written to run both as the page's module
// and as the worker's classic script (importScripts): no import or export, it sets one
// global, airalertPushStore: not every browser with Web Push runs a service worker as a module.
(() => {
  const NAME = 'airalert-push';
  const VERSION = 1;
  const PLACES = 'subscriptions';   // {id, token, region, name, names, types, wholeOblast, lang, expiresAt}
  const SEEN = 'seen';              // one record: the ids of the last pushes, oldest first
  const REMEMBERED = 200;

  let opening = null;

  function database() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(NAME, VERSION);
        request.onupgradeneeded = () => {
          request.result.createObjectStore(PLACES, {keyPath: 'id'});
          request.result.createObjectStore(SEEN);
        };
        request.onsuccess = () => {
          const db = request.result;
          // A newer page or worker wants to change the schema: let it, and open again next time.
          db.onversionchange = () => {
            db.close();
            opening = null;
          };
          resolve(db);
        };
        request.onerror = () => {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  /** Runs work(store) in one transaction; resolves to what work's last request gave, once committed. */
  async function transaction(storeName, mode, work) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      let result;
      const request = work(tx.objectStore(storeName), (value) => {
        result = value;
      });
      if (request) {
        request.onsuccess = () => {
          result = request.result;
        };
      }
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('IndexedDB transaction aborted'));
    });
  }

  /** The places followed, oldest first (ids are random, so by when they were added). */
  async function list() {
    const all = await transaction(PLACES, 'readonly', (store) => store.getAll());
    return (all || []).sort((a, b) => (a.added || 0) - (b.added || 0));
  }

  function put(place) {
    return transaction(PLACES, 'readwrite', (store) => store.put({added: Date.now(), ...place}));
  }

  function remove(id) {
    return transaction(PLACES, 'readwrite', (store) => store.delete(id));
  }

  /**
   * Whether this push id is new, remembering it: false for one of the last ids seen. One
   * read-write transaction, so two copies of a push arriving together are told apart.
   */
  function firstSight(id) {
    return transaction(SEEN, 'readwrite', (store, answer) => {
      const read = store.get('ids');
      read.onsuccess = () => {
        const ids = read.result || [];
        if (ids.includes(id)) {
          answer(false);
          return;
        }
        ids.push(id);
        store.put(ids.slice(-REMEMBERED), 'ids');
        answer(true);
      };
    });
  }

  /** A base64url key (the VAPID public key) as the bytes PushManager.subscribe takes. */
  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }

  self.airalertPushStore = {list, put, remove, firstSight, keyBytes};
})();
