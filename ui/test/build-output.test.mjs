// Checks the built app as the api will serve it: complete, and fit for a strict Content Security Policy.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const staticDir = new URL('../target/classes/static/', import.meta.url).pathname;
const indexHtml = join(staticDir, 'index.html');

test('build writes index.html with a UTF-8 charset', () => {
  assert.ok(existsSync(indexHtml), `missing ${indexHtml}: run npm run build first`);
  assert.match(readFileSync(indexHtml, 'utf8'), /<meta charset="utf-8"/i);
});

test('index.html has no inline script', () => {
  const html = readFileSync(indexHtml, 'utf8');
  for (const [, tag, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(tag, /\bsrc=/, 'every script must be loaded from a file');
    assert.equal(body.trim(), '', 'a script element must not carry inline code');
  }
});

test('every asset index.html refers to was built', () => {
  const html = readFileSync(indexHtml, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  assert.ok(assets.length > 0, 'index.html loads no assets');
  for (const asset of assets) {
    assert.ok(existsSync(join(staticDir, asset)), `missing ${asset}`);
  }
});

test('scripts need no eval', () => {
  const scripts = readdirSync(join(staticDir, 'assets')).filter((name) => name.endsWith('.js'));
  for (const name of scripts) {
    const code = readFileSync(join(staticDir, 'assets', name), 'utf8');
    assert.doesNotMatch(code, /\beval\(|\bnew Function\(/, `${name} needs 'unsafe-eval'`);
  }
});
