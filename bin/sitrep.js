#!/usr/bin/env -S GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=134217728:glibc.malloc.top_pad=33554432:glibc.malloc.mmap_threshold=33554432 node
// The settings above are read by glibc's allocator when the process starts (other C libraries ignore them): the heap
// is kept instead of being handed back to the system after each burst of allocation, and large blocks are asked for
// as transparent huge pages. On virtual machines where a fresh page costs a fault to the host (tens of microseconds
// each), this cuts the page faults of a run by about two thirds (docs/evaluation.md, "Speed, issue 18 (branch
// `speed4`)"). `node bin/sitrep.js` skips them, and they replace any GLIBC_TUNABLES of the caller's environment.
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
