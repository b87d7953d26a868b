#!/usr/bin/env node
// The sitrep command: a thin shell over the compiled library (built by `npm install` through `prepare`).
// `sitrep extract` runs from one bundled script with V8's code cache when it is there and up to date
// (dist/cli/fast-start.js); every other command, and extract without a fresh bundle, from dist/cli/main.js.
const argv = process.argv.slice(2);
const bundled = argv[0] === 'extract' && !process.env.SITREP_NO_BUNDLE ? (await import('../dist/cli/fast-start.js')).loadBundledCli() : null;
const { main } = bundled ?? (await import('../dist/cli/main.js'));

main(argv).then(
  (code) => {
    process.exitCode = code;
    // After a run that extracted (not after --help): the code cache then holds the pipeline's functions.
    if (!argv.includes('--help') && !argv.includes('-h')) bundled?.done();
  },
  (error) => {
    // Only programming errors reach here: user errors are reported by main() as one line each.
    console.error(error);
    process.exitCode = 70;
  },
);
