// What the package's tests share: the installed package, and the native `order-help` tool as
// the oracle (`tool`), each answer in one form (`{ json }` or `{ error }`) so they compare.
//
//   ORDER_HELP_PACKAGE_DIR  the folder the package was installed in (scripts/test.sh does it)
//   ORDER_HELP_CLI          the native `order-help` binary
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const { ORDER_HELP_PACKAGE_DIR: packageDir, ORDER_HELP_CLI: cli } = process.env;
assert.ok(packageDir && cli, 'set ORDER_HELP_PACKAGE_DIR and ORDER_HELP_CLI (scripts/test.sh does)');
const engine = createRequire(join(packageDir, 'package.json'))('order-help-engine');
export const { assess, previewReturn, renderVerification, verify, importOrder, importShipment, effectivePolicy } = engine;
/** The package's `order-help` command, as `npm install` links it (`npx order-help`). */
export const bin = join(packageDir, 'node_modules', '.bin', 'order-help');
/** The native tool (for the equivalence tests). */
export const nativeTool = cli;

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const scenarioDir = join(root, 'engine', 'tests', 'scenarios');
const work = mkdtempSync(join(tmpdir(), 'order-help-node-'));
after(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
/** `value` written to a file of its own (JSON, or text as it is), for the tool. */
export function file(name, value) {
  const path = join(work, `${files++}-${name}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/**
 * The tool's answer: `{ json }` (exit 0, stdout parsed) or `{ error }` (exit 2, the message of
 * stderr after the file name, as the package's message has it after the document's name).
 */
export function tool(command, args) {
  const run = spawnSync(cli, [command, ...args], { encoding: 'utf8' });
  // `verify` exits 1 when any part of the request is rejected, and still prints it.
  if (run.status === 0 || (command === 'verify' && run.status === 1)) return { json: JSON.parse(run.stdout) };
  assert.equal(run.status, 2, `${command} ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  // One line per problem of the document, each naming the file.
  const lines = run.stderr.trim().split('\n').map((line) => {
    const match = /^order-help: (?:[^:]*\.json|--at): (.*)$/s.exec(line);
    assert.ok(match, `the tool's error names the file: ${line}`);
    return match[1];
  });
  return { error: lines.join('\n') };
}

/** The package's answer, as `tool()` gives the tool's. */
export function node(call) {
  try {
    return { json: call() };
  } catch (error) {
    assert.ok(error instanceof Error, `throws an Error: ${error}`);
    assert.equal(typeof error.code, 'string', `the Error has a code: ${error.message}`);
    assert.equal(typeof error.path, 'string', `the Error has a path: ${error.message}`);
    // One line per problem, each naming the document.
    const lines = error.message.split('\n').map((line) => {
      const match = /^(order|policy|proposal|request|now|from|document|options): (.*)$/s.exec(line);
      assert.ok(match, `the message names the document: ${line}`);
      return match[2];
    });
    return { error: lines.join('\n'), code: error.code, path: error.path, problem: error.problem, problems: error.problems };
  }
}

/** The scenario tables' file names, sorted. */
export const scenarios = readdirSync(scenarioDir).filter((name) => name.endsWith('.json')).sort();
