/**
 * npm run lint:firefox — `web-ext lint` (addons-linter, Mozilla's AMO checks)
 * on both Firefox production builds, one line per finding instead of its wide
 * table. Fails on any error; warnings are listed (docs/TESTING.md, Firefox).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

interface Finding {
  code: string;
  message: string;
  description?: string;
  file?: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

const root = path.resolve(import.meta.dirname, '..');
const webExt = path.join(root, 'node_modules/.bin/web-ext');
const builds = ['.output/firefox-mv3', '.output/firefox-mv2'];

async function lint(build: string): Promise<LintReport> {
  // web-ext exits 1 when there are errors; the JSON report is on stdout either way.
  const stdout = await promisify(execFile)(
    webExt,
    ['lint', '--source-dir', build, '--output', 'json', '--no-config-discovery'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  ).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  return JSON.parse(stdout) as LintReport;
}

let failed = false;
for (const build of builds) {
  const report = await lint(build);
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint ${build}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const [kind, findings] of [
    ['error', report.errors],
    ['warning', report.warnings],
    ['notice', report.notices],
  ] as const) {
    for (const finding of findings) {
      console.log(`  ${kind} ${finding.code} ${finding.file ?? ''}: ${finding.message}`);
    }
  }
  if (errors > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
