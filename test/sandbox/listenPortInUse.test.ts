import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';

// A second dev server, or the Playwright setup's sandbox, often holds the port a guide picks:
// the error must say which port and how to choose another, not Node's bare EADDRINUSE.
describe('sandbox.listen on a port that is taken', () => {
  it('rejects with an error naming the port and the fix, keeping Node’s code and cause', async () => {
    const first = createSandbox();
    const url = await first.listen(0);
    const port = Number(new URL(url).port);
    const second = createSandbox();
    try {
      const error = await second.listen(port).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ code: 'EADDRINUSE' });
      expect((error as Error).message).toContain(`127.0.0.1:${port} is in use`);
      expect((error as Error).message).toMatch(/EMBEDKIT_SANDBOX_PORT|listen\(0\)/);
      expect((error as Error).cause).toMatchObject({ code: 'EADDRINUSE' });
      // The failed attempt leaves the sandbox usable: another port works.
      await expect(second.listen(0)).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
