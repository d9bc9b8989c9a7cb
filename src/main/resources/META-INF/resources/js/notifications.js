// What tells the reader of a new alert for the region they chose while the page is open: the
// notice on the page, written again when the language changes. System notifications come by
// Web Push for the places followed (push-panel.js), also while no page is open: one here too
// would tell the same alert twice.
import {infoOf} from './cards.js';
import {$} from './dom.js';
import {t} from './i18n.js';
import {regionName} from './regions.js';

let announced = null;     // {alert, region} of the notice shown

export function announce(alert, region) {
  announced = {alert, region};
  renderNotice();
  $('notice').hidden = false;
}

/** The notice in the reader's language: written again when the language changes. */
export function renderNotice() {
  if (!announced) {
    return;
  }
  const info = infoOf(announced.alert);
  $('notice-text').textContent = t('newAlertFor', regionName(announced.region), info.headline || info.event);
}

export function wireNotifications() {
  $('notice-close').addEventListener('click', () => {
    $('notice').hidden = true;
  });
}
