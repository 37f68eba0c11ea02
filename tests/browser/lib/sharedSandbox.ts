import { Browser } from 'playwright-core';
import { SandboxOptions, startSandbox, Sandbox } from '../../../sandbox/server';
import { launchChromium } from './browser';

/** The sandbox and the Chromium that a test file's tests share: started before them, closed after them. */
export function sharedSandbox(options: SandboxOptions = {}): { sandbox: Sandbox; browser: Browser } {
  const shared = {} as { sandbox: Sandbox; browser: Browser };
  beforeAll(async () => {
    shared.sandbox = await startSandbox(options);
    shared.browser = await launchChromium();
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.sandbox?.close();
  });
  return shared;
}
