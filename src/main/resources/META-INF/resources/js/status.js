// Every region's state (none, partial, active) as the service computes it, read afresh on
// demand; until the first read succeeds, every state is unknown. While the map shows one
// oblast's raions and hromadas, their states are read with it, in the same refresh.
import {getJson} from './api.js';
import {markFresh, markStale} from './freshness.js';

let states = {};           // region code -> {state, events}
let statesLoaded = false;
let within = null;         // {code, codes, states, loaded}: the oblast shown in detail
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
  if (within?.codes.has(code)) {
    return within.loaded ? (within.states[code] || states[code])?.state || 'none' : 'unknown';
  }
  return statesLoaded ? states[code]?.state || 'none' : 'unknown';
}

/** The states of the regions inside this oblast are read from now on (null: none). */
export function showWithin(code, codes) {
  within = code ? {code, codes: new Set(codes), states: {}, loaded: false} : null;
  if (within) {
    refreshStates();
  }
}

/**
 * The states inside an oblast, its raions' and hromadas' in one read (`within` alone gives
 * both levels); a service that does not know the parameter (400) gives them all instead.
 */
async function readWithin(code) {
  try {
    return (await getJson(`/api/v1/status?within=${encodeURIComponent(code)}`)).regions;
  } catch (e) {
    if (e.status !== 400) {
      throw e;
    }
    return (await getJson('/api/v1/status')).regions;
  }
}

/** Re-reads every region's state; calls made while one runs share the next read. */
export function refreshStates() {
  if (refreshing) {
    refreshing.again = true;
    return;
  }
  refreshing = {again: false};
  const shown = within;
  Promise.all([getJson('/api/v1/status'), shown ? readWithin(shown.code) : null]).then(([status, inside]) => {
    states = status.regions;
    statesLoaded = true;
    if (shown && shown === within) {
      within.states = inside;
      within.loaded = true;
    }
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
