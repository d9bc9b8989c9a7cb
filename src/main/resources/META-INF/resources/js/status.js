// Every region's state (none, partial, active) as the service computes it, read afresh on
// demand; until the first read succeeds, every state is unknown.
import {getJson} from './api.js';
import {markFresh, markStale} from './freshness.js';

let states = {};           // region code -> {state, events}
let statesLoaded = false;
let refreshing = null;
let onRead = () => {};

/** What to do with the states after each successful read (paint them). */
export function onStatesRead(listener) {
  onRead = listener;
}

export function statesKnown() {
  return statesLoaded;
}

export function stateOf(code) {
  return statesLoaded ? states[code]?.state || 'none' : 'unknown';
}

/** Re-reads every region's state; calls made while one runs share the next read. */
export function refreshStates() {
  if (refreshing) {
    refreshing.again = true;
    return;
  }
  refreshing = {again: false};
  getJson('/api/v1/status').then((status) => {
    states = status.regions;
    statesLoaded = true;
    onRead();
    markFresh('states');
  }).catch(() => markStale('states')).finally(() => {
    const again = refreshing.again;
    refreshing = null;
    if (again) {
      refreshStates();
    }
  });
}
