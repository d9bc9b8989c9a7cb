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

/**
 * The threat an alert warns of, as a badge: "Missiles · red level". Its reason, when the
 * publisher gave one, is the badge's title. A threat this page does not know shows its name.
 */
export function threatBadge(alert) {
  const threat = alert.threat || {type: 'air_raid'};
  const words = [t(`threat.${threat.type}`)];
  if (threat.level) {
    words.push(t(`level.${threat.level}`));
  }
  const badge = element('span', `threat threat-${threat.level || 'none'}`, words.join(' · '));
  badge.dataset.threat = threat.type;
  if (threat.reason) {
    badge.title = threat.reason;
  }
  return badge;
}

/** One alert as a card: the threat, headline, what to do, who says so, since when, where. */
export function card(alert, headingTag) {
  const info = infoOf(alert);
  const item = element('li', 'card');
  item.dataset.alertId = alert.id;
  if (info.language) {
    item.lang = info.language;
  }
  item.append(threatBadge(alert));
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

/** One alert as a line of history: threat, headline, state, when. */
export function historyItem(alert) {
  const info = infoOf(alert);
  const item = element('li');
  item.dataset.alertId = alert.id;
  item.append(threatBadge(alert), ' ', element('strong', null, info.headline || info.event || alert.identifier), ' ');
  item.append(element('span', 'state', `${t(`alertState.${alert.state}`)} · ${formatTime(alert.sent)}`));
  return item;
}
