// One alert as the reader sees it: a card in a list of active alerts, or a line of history.
import {element} from './dom.js';
import {formatTime, lang, t} from './i18n.js';
import {regionName, regions} from './regions.js';

/** The info in the reader's language; else English; else the alert's first. */
export function infoOf(alert) {
  const infos = alert.info || [];
  const inLanguage = (wanted) => infos.find((i) => (i.language || 'en-US').toLowerCase().split('-')[0] === wanted);
  return inLanguage(lang) || inLanguage('en') || infos[0] || {};
}

export function headlineOf(alert) {
  const info = infoOf(alert);
  return info.headline || info.event || alert.identifier;
}

export function newestFirst(a, b) {
  return new Date(b.sent) - new Date(a.sent);
}

/** One alert as a card: headline, what to do, who says so, since when, where. */
export function card(alert, headingTag) {
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
  // Hromadas have names here only while their oblast is shown: else the alert's own words.
  const codes = alert.regions || [];
  const where = (codes.length > 0 && codes.every((code) => regions.has(code)) ? codes.map(regionName)
    : (info.area || []).map((a) => a.areaDesc)).join(', ') || codes.join(', ');
  item.append(element('p', 'meta', `${info.senderName || alert.sender} · ${t('sinceTime')} ${formatTime(since)}`));
  if (where) {
    item.append(element('p', 'meta', where));
  }
  return item;
}

/** One alert as a line of history: headline, state, when. */
export function historyItem(alert) {
  const info = infoOf(alert);
  const item = element('li');
  item.dataset.alertId = alert.id;
  item.append(element('strong', null, info.headline || info.event || alert.identifier), ' ');
  item.append(element('span', 'state', `${t(`alertState.${alert.state}`)} · ${formatTime(alert.sent)}`));
  return item;
}
