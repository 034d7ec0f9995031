/**
 * Runs the local stand-in server for the OneLogin admin console and Pentio's
 * help center until Ctrl+C.
 *
 *   npm run serve                 # random free port
 *   npm run serve -- --port 8443  # or PORT=8443 npm run serve
 */
import { startStandInServer } from '../test/fixtures/server.js';

function parsePort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let raw: string | undefined = env.PORT;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${raw} (expected an integer from 0 to 65535)`);
  }
  return port;
}

async function main(): Promise<void> {
  const server = await startStandInServer({ port: parsePort(process.argv.slice(2), process.env) });
  const quote = (arg: string): string => `'${arg.replace(/'/g, "'\\''")}'`;

  console.log(`HelpDraft stand-in server listening on https://127.0.0.1:${server.port}

Pages (open them in Chromium started with the flags below):
  OneLogin app, SSO tab   ${server.urls.appSso}
  OneLogin user edit      ${server.urls.userEdit}
  OneLogin users list     ${server.origin('acme.onelogin.com')}/users?rows=20
  Help center home        ${server.origin('support.onelogin.jp')}/hc/ja
  Help center form        ${server.urls.helpCenterForm}

Recorded uploads and submissions (any host):
  GET  ${server.origin('support.onelogin.jp')}/__standin/records
  POST ${server.origin('support.onelogin.jp')}/__standin/reset

Chromium flags:
  ${server.chromiumArgs.map(quote).join(' ')}

For example:
  chromium --user-data-dir="$(mktemp -d)" ${server.chromiumArgs.map(quote).join(' ')} ${quote(server.urls.appSso)}

Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the stand-in server…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
