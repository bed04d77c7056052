import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_ROUTES } from '../../src/sandbox/protocol';
import { embedkitSandbox } from '../../src/sandbox/vite';

// `vite preview` with the plugin rewrites built HTML on the way out; it must only ever read pages
// inside outDir, however the path is spelled.
let root: string;
let server: PreviewServer;
let port: number;
const plugin = embedkitSandbox({ allowedOrigins: ['https://dev.example.test'], webhooks: { forwardSecret: 'whsec_preview' } });

/** A raw GET: fetch() would normalize `..` away before it reached the server. */
function getHtml(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'embedkit-preview-'));
  mkdirSync(join(root, 'dist'));
  mkdirSync(join(root, 'dist-private'));
  writeFileSync(join(root, 'dist', 'index.html'), '<html><head></head><body>public page</body></html>');
  writeFileSync(join(root, 'dist', 'about.html'), '<html><head></head><body>about page</body></html>');
  writeFileSync(join(root, 'dist-private', 'secret.html'), '<html><head></head><body>PRIVATE-MARKER</body></html>');
  server = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { outDir: 'dist' },
    preview: { port: 0, host: '127.0.0.1' },
    plugins: [plugin],
  });
  port = (server.httpServer.address() as { port: number }).port;
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('embedkit/sandbox/vite under vite preview', () => {
  it('passes its webhooks options to the sandbox it starts', async () => {
    await getHtml('/about');
    expect(plugin.api.sandbox?.webhooks.forwardSecret).toBe('whsec_preview');
  });

  it('serves built pages with the stand-ins injected', async () => {
    const page = await getHtml('/about');
    expect(page.body).toContain('about page');
    expect(page.body).toContain('data-embedkit-sandbox="connect"');
  });

  it.each([
    '/../dist-private/secret',
    '/%2e%2e/dist-private/secret',
    '/%2E%2E/dist-private/secret.html',
    '/..%2fdist-private/secret',
    '/..%2Fdist-private%2Fsecret',
    '/%2e%2e%2fdist-private%2fsecret',
    '/./../dist-private/secret',
    '/sub/../../dist-private/secret',
  ])('never answers with a page outside outDir: %s', async (path) => {
    const page = await getHtml(path);
    expect(page.body).not.toContain('PRIVATE-MARKER');
  });

  it("passes allowedOrigins on to the sandbox's control routes", async () => {
    const state = `${plugin.api.url}${CONTROL_ROUTES.state}`;
    expect((await fetch(state, { headers: { Origin: 'https://dev.example.test' } })).status).toBe(200);
    expect((await fetch(state, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('passes a malformed escape on instead of failing the request', async () => {
    const page = await getHtml('/%E0%A4%A');
    expect(page.status).toBeLessThan(500);
  });
});
