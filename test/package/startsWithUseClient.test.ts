import { describe, expect, it } from 'vitest';
import { startsWithUseClient } from '../../scripts/gates/startsWithUseClient';

describe('startsWithUseClient', () => {
  it.each([
    ["'use client';\nimport x from 'y';", 'single quotes'],
    ['"use client";\nexport {};', 'double quotes'],
    ['/*! license */\n// built\n"use client";\nexport {};', 'after comments'],
    ["\n  'use client'\nexport {};", 'after blank space, without a semicolon'],
  ])('accepts %j (%s)', (code) => {
    expect(startsWithUseClient(code)).toBe(true);
  });

  it.each([
    ["import x from 'y';\n'use client';", 'after a statement, where it is no directive'],
    ["'use strict';\nexport {};", 'another directive'],
    ["const s = 'use client';", 'inside a string'],
    ["'use  client';", 'a misspelling'],
    ["'use client\";", 'mismatched quotes'],
    ['', 'an empty module'],
  ])('rejects %j (%s)', (code) => {
    expect(startsWithUseClient(code)).toBe(false);
  });
});
