// Every request target a client can send ends in an answer, and the service keeps serving
// (issue 24: `GET //[ HTTP/1.1` used to throw in the handler and stop `serve`).
// Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {connect} from 'node:net';
import {serve, stop, tempDir} from './helpers.mjs';

let served;
after(async () => {
  if (served) await stop(served);
});

/** Sends `raw` over a plain TCP socket; resolves with everything the server wrote back. */
function rawRequest(url, raw) {
  const {hostname, port} = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

test('unparseable request targets get 400 and serve keeps running', async () => {
  served = await serve({dataDir: tempDir()});
  for (const target of ['//[', '//[/../api/health', '//[/api/submit', 'http://[', '/api/%']) {
    const answer = await rawRequest(served.url, `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 (400|404) /, `${target}: ${answer.slice(0, 60)}`);
    if (target.startsWith('//[')) assert.match(answer, /^HTTP\/1\.1 400 /, target);
  }
  const bad = await rawRequest(served.url, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Bad\u0001: x\r\n\r\n');
  assert.match(bad, /^HTTP\/1\.1 400 /, 'a broken header line');
  assert.equal(served.child.exitCode, null, 'serve is still running');
  const health = await fetch(`${served.url}/api/health`);
  assert.equal(health.status, 200);
});

test('health: a client that is not local (after TRUST_PROXY) reads only {ok}; a local one the details', async () => {
  const {startReceiver} = await import('../dist/receiver.js');
  const running = await startReceiver({dataDir: tempDir(), port: 0, trustProxy: 1});
  try {
    const far = await fetch(`${running.url}/api/health`, {headers: {'x-forwarded-for': '203.0.113.5'}});
    assert.equal(far.status, 200);
    assert.deepEqual(await far.json(), {ok: true});
    const near = await fetch(`${running.url}/api/health`, {headers: {'x-forwarded-for': '127.0.0.1'}});
    const body = await near.json();
    assert.equal(body.database, 'writable');
    assert.ok(body.outbox, 'the backlog for a local request');
  } finally {
    await running.close();
  }
});
