import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { sandboxControls } from '../../src/sandbox/playwright';
import { embedkitSandbox } from '../../src/sandbox/vite';
import { expectInvalidOptions, thrownBy } from '../expectInvalidOptions';

// The sandbox's entry points have no required option except sandboxControls' url; every given
// option of the wrong type is an `invalid_options` EmbedkitError naming it, thrown at once.
const expectInvalid = (create: () => unknown, option: string) => expectInvalidOptions(thrownBy(create), option);

describe('sandbox entry points refuse wrong options', () => {
  it.each([
    ['lifetimeSeconds', ''],
    ['lifetimeSeconds', '60'],
    ['latencyMs', ''],
    ['latencyMs', -1],
    ['clock', 42],
    ['seed', ''],
    ['maxSessions', '10'],
  ])('createSandbox: %s = %j', (option, value) => expectInvalid(() => createSandbox({ [option]: value } as never), option));

  it.each([
    ['enabled', 'yes'],
    ['port', ''],
    ['port', '5173'],
    ['lifetimeSeconds', ''],
    ['latencyMs', 'fast'],
    ['scriptsPath', 42],
    ['scriptsPath', ''],
  ])('embedkitSandbox (Vite plugin): %s = %j', (option, value) => expectInvalid(() => embedkitSandbox({ [option]: value } as never), option));

  it.each([
    ['undefined', undefined],
    ["''", ''],
    ['a number', 42],
    ['not a URL', 'localhost:4000'],
  ])('sandboxControls (Playwright fixture): url = %s', (_label, url) => expectInvalid(() => sandboxControls(url as never), 'url'));
});
