// The live stream of alert events (Server-Sent Events), and the connection's state in the
// header. The browser reconnects by itself and replays what was missed (Last-Event-ID);
// when it gives up, the page opens the stream again, waiting longer each time.
import {$} from './dom.js';
import {t} from './i18n.js';

const EVENT_TYPES = ['alert.published', 'alert.updated', 'alert.cancelled'];

let retryMs = 1000;
let dropped = false;
let onEvent = () => {};
let onReconnect = () => {};

export function setConnection(state) {
  const node = $('connection');
  node.dataset.state = state;
  node.textContent = t(state);
}

/**
 * Opens the stream: each event goes to eventListener(type, alert); reconnectListener() runs
 * when the stream is back after a drop.
 */
export function openStream(eventListener, reconnectListener) {
  onEvent = eventListener;
  onReconnect = reconnectListener;
  connect();
}

function connect() {
  const stream = new EventSource('/api/v1/alerts/stream');
  stream.addEventListener('open', () => {
    setConnection('live');
    retryMs = 1000;
    if (dropped) {
      // Missed events are replayed (Last-Event-ID) on the same stream, not on a new one;
      // expiry is no event at all: the picture is read afresh either way.
      dropped = false;
      onReconnect();
    }
  });
  stream.addEventListener('error', () => {
    dropped = true;
    setConnection('reconnecting');
    if (stream.readyState === EventSource.CLOSED) {
      // The browser gives up after an HTTP error (a 503 while no replica is up): try again.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 30000);
    }
  });
  for (const type of EVENT_TYPES) {
    stream.addEventListener(type, (e) => onEvent(type, JSON.parse(e.data)));
  }
}
