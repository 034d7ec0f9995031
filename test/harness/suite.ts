/**
 * The setup every end-to-end file shares: the stand-in server and a
 * Chromium with the E2E build pointed at it, for the file's lifetime.
 */
import { afterAll, beforeAll } from 'vitest';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import { e2eBuild, launchWithExtension, type ExtensionBrowser } from './chromium';

export interface StandInSuite {
  server: StandInServer;
  browser: ExtensionBrowser;
}

/** Starts both before the file's tests (handing them to `started`) and stops them after. */
export function useStandInBrowser(started: (suite: StandInSuite) => void): void {
  let suite: Partial<StandInSuite> = {};
  beforeAll(async () => {
    const server = await startStandInServer();
    suite = { server };
    const browser = await launchWithExtension({ extensionPath: e2eBuild, args: server.chromiumArgs });
    suite = { server, browser };
    started({ server, browser });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
}
