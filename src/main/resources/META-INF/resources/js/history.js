// The history search: alerts by region, event, threat and dates, a page at a time.
import {getJson} from './api.js';
import {historyItem} from './cards.js';
import {$, element} from './dom.js';
import {t} from './i18n.js';

const HISTORY_PAGE = 20;

let next = null;          // the cursor of the next page
let shownParams = null;   // the query the shown results belong to

function historyQuery() {
  const form = $('history-form');
  const params = new URLSearchParams({limit: String(HISTORY_PAGE)});
  if (form.region.value) {
    params.set('region', form.region.value);
  }
  if (form.event.value.trim()) {
    params.set('event', form.event.value.trim());
  }
  if (form.threat.value) {
    params.set('threat', form.threat.value);
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
  if (!more || !shownParams) {
    shownParams = historyQuery();
  }
  const params = new URLSearchParams(shownParams);
  if (more && next) {
    params.set('cursor', next);
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
    next = result.next;
    $('history-more').hidden = !result.next;
  } catch (e) {
    const fields = (e.problem?.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
    error.textContent = fields ? t('invalid') + fields : t('loadFailed') + e.message;
    error.hidden = false;
  }
}

export function wireHistory() {
  $('history-form').addEventListener('submit', (e) => {
    e.preventDefault();
    searchHistory(false);
  });
  $('history-more').addEventListener('click', () => searchHistory(true));
}
