'use strict';
// A stand-in Web Push service for the tests (RFC 8030/8291/8292). It plays both sides a test
// cannot reach for real: the browser (it makes the subscription keys) and the push service (it
// takes airalert's pushes, checks the VAPID header and decrypts the body). Everything is kept
// in memory for the life of the process.
//
// Usage: node push-stand-in.js <port, 0 = any> [--watch-stdin]
// Prints "listening <port>" as its first line. With --watch-stdin it exits when its standard
// input closes, so a test JVM that dies without closing it does not leave it running.
//
// Control API (JSON):
//   POST /subscriptions          -> {endpoint, p256dh, auth} of a new browser-side subscription
//   POST /push/<id>              the push itself, as airalert sends it
//   GET  /received/<id>          -> what reached that endpoint, in arrival order
//   POST /answer/<id>            {status, retryAfter, times}: the next pushes get that answer
//   GET  /requests               -> {count}: pushes received, any endpoint

const http = require('node:http');
const crypto = require('node:crypto');
const ece = require('http_ece');

// Push services need not take more (RFC 8030 section 7.2); browsers rely on it.
const MAX_PUSH_BODY = 4096;
// Larger bodies are not pushes; stops a runaway client from filling the memory.
const MAX_READ = 1024 * 1024;

const subscriptions = new Map(); // id -> {ecdh, auth, received: [], answers: []}
let pushCount = 0;
let port = 0;

const b64url = (buffer) => Buffer.from(buffer).toString('base64url');

function createSubscription() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  const id = crypto.randomBytes(12).toString('hex');
  subscriptions.set(id, { ecdh, auth, received: [], answers: [] });
  return {
    endpoint: `http://127.0.0.1:${port}/push/${id}`,
    p256dh: b64url(ecdh.getPublicKey(null, 'uncompressed')),
    auth: b64url(auth),
  };
}

// Parses "vapid t=<jwt>, k=<key>" (RFC 8292 section 3) and checks the ES256 signature against
// k. aud, exp and sub are reported even when the check fails, for the test's own asserts.
function checkVapid(authorization) {
  const result = { vapidValid: false, vapidKey: null, aud: null, exp: 0, sub: null, vapidError: null };
  const match = /^vapid\s+(.*)$/i.exec(authorization || '');
  if (!match) {
    result.vapidError = 'no "Authorization: vapid t=..., k=..." header';
    return result;
  }
  const params = {};
  for (const part of match[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  result.vapidKey = params.k || null;
  if (!params.t || !params.k) {
    result.vapidError = 'the vapid header needs both t and k';
    return result;
  }
  const pieces = params.t.split('.');
  if (pieces.length !== 3) {
    result.vapidError = 'the JWT does not have three parts';
    return result;
  }
  let header;
  try {
    header = JSON.parse(Buffer.from(pieces[0], 'base64url').toString('utf8'));
    const claims = JSON.parse(Buffer.from(pieces[1], 'base64url').toString('utf8'));
    result.aud = typeof claims.aud === 'string' ? claims.aud : null;
    result.exp = typeof claims.exp === 'number' ? claims.exp : 0;
    result.sub = typeof claims.sub === 'string' ? claims.sub : null;
  } catch (e) {
    result.vapidError = 'the JWT header or claims are not base64url JSON: ' + e.message;
    return result;
  }
  if (header.alg !== 'ES256') {
    result.vapidError = `the JWT alg is ${header.alg}, not ES256`;
    return result;
  }
  const point = Buffer.from(params.k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) {
    result.vapidError = `k is ${point.length} bytes, not a 65-byte uncompressed P-256 point`;
    return result;
  }
  const signature = Buffer.from(pieces[2], 'base64url');
  if (signature.length !== 64) {
    result.vapidError = `the signature is ${signature.length} bytes, not 64 (r || s)`;
    return result;
  }
  try {
    const key = crypto.createPublicKey({
      format: 'jwk',
      key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    });
    // JWS (RFC 7515) signs the ASCII of "<header>.<claims>" and carries r || s, not DER.
    const signed = Buffer.from(pieces[0] + '.' + pieces[1], 'ascii');
    result.vapidValid = crypto.verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
    if (!result.vapidValid) result.vapidError = 'the signature does not verify with k';
  } catch (e) {
    result.vapidError = 'k is not a P-256 public key: ' + e.message;
  }
  return result;
}

// Decrypts as the browser would (RFC 8291). Besides failed decryption, the error also names
// what a real browser or push service would refuse, so a test sees it here rather than in the field.
function decrypt(subscription, headers, body) {
  const problems = [];
  let plaintext = null;
  if (headers['content-encoding'] !== 'aes128gcm') {
    problems.push(`Content-Encoding is ${headers['content-encoding'] || 'missing'}, not aes128gcm`);
  }
  if (body.length > MAX_PUSH_BODY) {
    problems.push(`the body is ${body.length} bytes; push services need not take more than ${MAX_PUSH_BODY}`);
  }
  if (body.length < 21) {
    problems.push(`the body is ${body.length} bytes, too short for an aes128gcm header`);
    return { plaintext, error: problems.join('; ') };
  }
  const rs = body.readUInt32BE(16);
  const idLength = body[20];
  if (idLength !== 65) {
    problems.push(`keyid is ${idLength} bytes; RFC 8291 wants the 65-byte sender public key there`);
  }
  if (body.length - 21 - idLength > rs) {
    problems.push(`the body spans several records (rs ${rs}); RFC 8291 allows one`);
  }
  try {
    const decrypted = ece.decrypt(body, {
      version: 'aes128gcm',
      privateKey: subscription.ecdh,
      authSecret: subscription.auth,
    });
    plaintext = new TextDecoder('utf-8', { fatal: true }).decode(decrypted);
  } catch (e) {
    problems.push('decryption failed: ' + e.message);
  }
  return { plaintext, error: problems.length ? problems.join('; ') : null };
}

function onPush(id, req, res, body) {
  pushCount++;
  const subscription = subscriptions.get(id);
  if (!subscription) {
    return send(res, 404, { error: 'no such subscription' });
  }
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  let status = 201;
  let retryAfter = null;
  const answer = subscription.answers[0];
  if (answer) {
    status = answer.status;
    retryAfter = answer.retryAfter;
    if (--answer.times <= 0) subscription.answers.shift();
  }
  const vapid = checkVapid(headers.authorization);
  const { plaintext, error } = decrypt(subscription, headers, body);
  subscription.received.push({ answered: status, plaintext, error, headers, ...vapid });
  const extra = {};
  if (retryAfter !== null && retryAfter !== undefined) extra['Retry-After'] = String(retryAfter);
  if (status === 201) extra.Location = `/message/${pushCount}`;
  res.writeHead(status, extra);
  res.end();
}

function onAnswer(id, res, body) {
  const subscription = subscriptions.get(id);
  if (!subscription) return send(res, 404, { error: 'no such subscription' });
  let request;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return send(res, 400, { error: 'not JSON: ' + e.message });
  }
  const status = Number(request.status);
  const times = request.times === undefined ? 1 : Number(request.times);
  if (!Number.isInteger(status) || status < 200 || status > 599 || !Number.isInteger(times)) {
    return send(res, 400, { error: 'needs an integer status (200..599) and times' });
  }
  // times <= 0 drops the answers queued so far: back to 201.
  if (times <= 0) {
    subscription.answers = [];
  } else {
    const retryAfter = request.retryAfter === undefined ? null : request.retryAfter;
    subscription.answers.push({ status, retryAfter, times });
  }
  send(res, 204);
}

function send(res, status, json) {
  if (json === undefined) {
    res.writeHead(status);
    return res.end();
  }
  const text = JSON.stringify(json);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function route(req, res, body) {
  const path = new URL(req.url, 'http://stand-in').pathname;
  const parts = path.split('/').filter(Boolean);
  if (req.method === 'POST' && path === '/subscriptions') return send(res, 201, createSubscription());
  if (req.method === 'POST' && parts.length === 2 && parts[0] === 'push') return onPush(parts[1], req, res, body);
  if (req.method === 'GET' && parts.length === 2 && parts[0] === 'received') {
    const subscription = subscriptions.get(parts[1]);
    return subscription ? send(res, 200, subscription.received) : send(res, 404, { error: 'no such subscription' });
  }
  if (req.method === 'POST' && parts.length === 2 && parts[0] === 'answer') return onAnswer(parts[1], res, body);
  if (req.method === 'GET' && path === '/requests') return send(res, 200, { count: pushCount });
  send(res, 404, { error: `no route ${req.method} ${path}` });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_READ) {
      send(res, 413, { error: 'body too large' });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    try {
      route(req, res, Buffer.concat(chunks));
    } catch (e) {
      console.error(e);
      if (!res.headersSent) send(res, 500, { error: String(e) });
    }
  });
});

const requested = Number.parseInt(process.argv[2] || '0', 10);
server.listen(Number.isNaN(requested) ? 0 : requested, '127.0.0.1', () => {
  port = server.address().port;
  console.log(`listening ${port}`);
});

if (process.argv.includes('--watch-stdin')) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
