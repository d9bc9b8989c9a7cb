// What tells the reader of a new alert for the region they chose: the notice on the page
// (written again when the language changes) and, if they allowed it, a system notification.
import {infoOf} from './cards.js';
import {$} from './dom.js';
import {lang, t} from './i18n.js';
import {regionName} from './regions.js';

let announced = null;     // {alert, region} of the notice shown

export function announce(alert, region) {
  const info = infoOf(alert);
  announced = {alert, region};
  renderNotice();
  const text = $('notice-text').textContent;
  $('notice').hidden = false;
  if ('Notification' in window && Notification.permission === 'granted') {
    const options = {body: info.instruction || '', tag: alert.id, lang};
    try {
      new Notification(text, options);
    } catch (e) {
      // Some mobile browsers show notifications only through a service worker.
      navigator.serviceWorker?.getRegistration().then((r) => r?.showNotification(text, options));
    }
  }
}

/** The notice in the reader's language: written again when the language changes. */
export function renderNotice() {
  if (!announced) {
    return;
  }
  const info = infoOf(announced.alert);
  $('notice-text').textContent = t('newAlertFor', regionName(announced.region), info.headline || info.event);
}

export function updateNotifyButton() {
  const button = $('notify');
  if (!('Notification' in window)) {
    button.hidden = true;
    return;
  }
  const permission = Notification.permission;
  button.textContent = permission === 'granted' ? t('notifyOn') : permission === 'denied' ? t('notifyDenied') : t('notifyMe');
  button.disabled = permission !== 'default';
}

export function wireNotifications() {
  $('notify').addEventListener('click', () => Notification.requestPermission().then(updateNotifyButton));
  $('notice-close').addEventListener('click', () => {
    $('notice').hidden = true;
  });
}
