// The notifications panel: follow the place chosen on the map, or where the reader is, with
// Web Push, so that alerts arrive while no page is open; which threats, whether the whole
// oblast too, and the notifications' language. The places followed are listed, each with
// its own button to stop. What happened is said in the panel, in the page's language.
import {openRegion} from './deep-link.js';
import {$, element} from './dom.js';
import {lang, t} from './i18n.js';
import {position, regionAt} from './locate.js';
import {askPermission, follow, followed, pushProblem, refreshFollowed, unfollow} from './push-client.js';
import {selected} from './region-panel.js';
import {regionName, regions} from './regions.js';

const LANGUAGE_NAMES = {uk: 'Українська', en: 'English', de: 'Deutsch'};

let places = [];          // the places followed, as stored
let said = null;          // {problem, text()}: the last thing said, written again in a new language
let busy = false;
let languageChosen = false; // the reader chose the notifications' language: it stops following the page's

function nameOf(place) {
  return place.names?.[lang] || place.names?.en || place.name || place.region;
}

function say(problem, text) {
  said = {problem, text};
  renderMessage();
}

function renderMessage() {
  const status = $('push-status');
  const problem = $('push-problem');
  status.textContent = said && !said.problem ? said.text() : '';
  problem.textContent = said?.problem ? said.text() : '';
  problem.hidden = !said?.problem;
}

/** What went wrong, in words a reader can act on; the service's refusal with its own detail. */
function explain(e) {
  switch (e.reason) {
    case 'denied': return () => t('pushDenied');
    case 'dismissed': return () => t('pushDismissed');
    case 'geo-denied': return () => t('pushGeoDenied');
    case 'geo-unsupported': return () => t('pushGeoUnsupported');
    case 'geo-unavailable':
    case 'geo-timeout': return () => t('pushGeoFailed');
    case 'geo-outside': return () => t('pushGeoOutside');
    default: break;
  }
  if (e.status) {
    const fields = (e.problem?.errors || []).map((f) => f.message).filter(Boolean);
    const detail = fields.length > 0 ? `${e.message} (${fields.join('; ')})` : e.message;
    return () => t('pushRefused', detail);
  }
  // The browser's push service refused (NotAllowedError: notifications blocked meanwhile).
  return e.name === 'NotAllowedError' ? () => t('pushDenied') : () => t('pushFailed', e.message);
}

/** The options as the service takes them: every threat ticked is none named (all, also kinds added later). */
function options() {
  const boxes = [...document.querySelectorAll('#push-types input[type=checkbox]')];
  const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
  return {
    types: ticked.length === boxes.length ? [] : ticked,
    wholeOblast: $('push-oblast').checked,
    lang: $('push-lang').value,
  };
}

/** Runs one action with the panel's buttons off; what it resolves to is said, what it throws explained. */
async function act(work) {
  busy = true;
  renderButtons();
  try {
    const done = await work();
    if (done) {
      say(false, done);
    }
  } catch (e) {
    say(true, explain(e));
  } finally {
    places = await followed().catch(() => places);
    busy = false;
    renderPush();
  }
}

async function followPlace(place, permission) {
  await permission;
  say(false, () => t('pushWorking'));
  const how = await follow(place, options());
  return () => t(how === 'updated' ? 'pushUpdated' : 'pushDone', nameOf(place));
}

/** No threat ticked would follow nothing: said, and nothing is asked. */
function noThreats() {
  if (document.querySelectorAll('#push-types input:checked').length > 0) {
    return false;
  }
  say(true, () => t('pushNoTypes'));
  return true;
}

function followChosen() {
  if (noThreats() || !selected) {
    return;
  }
  const code = selected;
  const permission = askPermission(); // while the click is fresh
  act(() => followPlace({code, name: regionName(code), names: regions.get(code)?.names || {}}, permission));
}

function followHere() {
  if (noThreats()) {
    return;
  }
  const permission = askPermission(); // asked first: finding the position takes a while, and the click goes stale
  act(async () => {
    await permission;
    say(false, () => t('pushLocating'));
    const country = $('map').querySelector('svg')?.dataset.country || 'UA';
    const region = await regionAt(await position(), country);
    if (!region) {
      throw Object.assign(new Error('outside'), {reason: 'geo-outside'});
    }
    // Shown on the map, so that the reader sees which place it is.
    const code = await openRegion(region.code, true).catch(() => region.code);
    const names = region.names || {};
    return followPlace({code, name: names[lang] || names.en || code, names}, permission);
  });
}

function stop(place) {
  act(async () => {
    await unfollow(place);
    return () => t('pushStopped', nameOf(place));
  });
}

function describe(place) {
  const what = place.types?.length > 0 ? place.types.map((k) => t(`threat.${k}`)).join(', ') : t('pushAllThreats');
  const parts = [what];
  if (place.wholeOblast) {
    parts.push(t('pushAndOblast'));
  }
  parts.push(LANGUAGE_NAMES[place.lang] || place.lang);
  return parts.join(' · ');
}

function renderButtons() {
  const problem = pushProblem();
  const chosen = $('push-place');
  chosen.textContent = selected ? t('pushPlace', regionName(selected)) : t('notifyMe');
  chosen.disabled = busy || !selected || Boolean(problem);
  $('push-choose').hidden = Boolean(selected) || Boolean(problem);
  $('push-here').disabled = busy || Boolean(problem);
  $('push-panel').setAttribute('aria-busy', String(busy));
  for (const button of $('push-list').querySelectorAll('button')) {
    button.disabled = busy;
  }
}

/** The panel in the page's language: after a change of language, of the region chosen, of the places followed. */
export function renderPush() {
  if (!languageChosen) {
    $('push-lang').value = lang;
  }
  const problem = pushProblem();
  $('push-actions').hidden = Boolean(problem);
  $('push-privacy').hidden = Boolean(problem);
  $('push-options').hidden = Boolean(problem);
  $('push-unsupported').hidden = !problem;
  $('push-unsupported').textContent = problem ? t(problem === 'insecure' ? 'pushInsecure' : 'pushUnsupported') : '';
  $('push-followed').hidden = places.length === 0;
  $('push-list').replaceChildren(...places.map((place) => {
    const item = element('li');
    const name = element('span', 'push-name', nameOf(place));
    const what = element('span', 'push-what', describe(place));
    const button = element('button', null, t('pushStop'));
    button.type = 'button';
    button.setAttribute('aria-label', t('pushStopFor', nameOf(place)));
    button.addEventListener('click', () => stop(place));
    item.append(name, ' ', what, ' ', button);
    return item;
  }));
  renderButtons();
  renderMessage();
}

export function wirePush() {
  $('push-place').addEventListener('click', followChosen);
  $('push-here').addEventListener('click', followHere);
  $('push-lang').addEventListener('change', () => {
    languageChosen = true;
  });
}

/**
 * The places followed, refreshed on the service (it forgets one not refreshed for 60 days):
 * once per visit, without holding the page up.
 */
export async function loadPush() {
  if (pushProblem() === 'unsupported' && !('indexedDB' in window)) {
    renderPush();
    return;
  }
  try {
    places = await followed();
    renderPush();
    if (places.length === 0) {
      return;
    }
    const {blocked, expired} = await refreshFollowed();
    if (blocked) {
      say(true, () => t('pushBlockedNow'));
    } else if (expired.length > 0) {
      say(true, () => t('pushExpired', expired.map(nameOf).join(', ')));
    }
  } catch (e) {
    say(true, () => t('pushRefreshFailed', e.message));
  }
  places = await followed().catch(() => places);
  renderPush();
}
