#!/usr/bin/env node
// The sitrep command: a thin shell over the compiled library (built by `npm install` through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only programming errors reach here: user errors are reported by main() as one line each.
    console.error(error);
    process.exitCode = 70;
  },
);
