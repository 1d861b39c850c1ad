#!/usr/bin/env node
// `npx order-help assess|preview-return|verify|policy|import …`: the command-line tool without
// a Rust toolchain. The command itself (its options, output, exit statuses and messages) is
// the package's WebAssembly (node/src/command.rs); this file gives it the files it names and
// writes what it prints.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { runCommand } = require('./order_help_node.js');

/** Why a file cannot be read, in the words the native tool prints (Rust's `std::io::Error`). */
function reason(error) {
  if (typeof error.errno !== 'number') return String(error.message);
  // libuv says "no such file or directory", the C library "No such file or directory".
  const said = error.code === 'EISDIR' ? 'is a directory' : /^\w+: ([^,]*)/.exec(error.message)?.[1] ?? error.code;
  return `${said.charAt(0).toUpperCase()}${said.slice(1)} (os error ${Math.abs(error.errno)})`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const io = {
  size(path) {
    try {
      return statSync(path).size;
    } catch (error) {
      throw new Error(reason(error));
    }
  },
  read(path) {
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new Error(reason(error));
    }
    try {
      return utf8.decode(bytes);
    } catch {
      throw new Error('stream did not contain valid UTF-8');
    }
  },
};

const { stdout, stderr, status } = runCommand(process.argv.slice(2), io);
process.stderr.write(stderr);
process.stdout.write(stdout);
process.exitCode = status;
