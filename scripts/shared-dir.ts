/**
 * Where `../shared` (the seed fixtures and evaluation corpora, kept outside the project) lies: `SITREP_SHARED` when
 * set, else `shared/` beside the project as CI lays it out, else `shared/` beside the repository this one was cloned
 * from (a throwaway `git clone` of a working copy). Tests that need it fail with this message when none exists: they
 * never skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function clonedFrom(): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: PROJECT, encoding: 'utf8' }).trim();
    return url && isAbsolute(url) ? resolve(url.replace(/\/\.git\/?$/, ''), '..', 'shared') : null;
  } catch {
    return null;
  }
}

function findShared(): string {
  if (process.env.SITREP_SHARED) return resolve(process.env.SITREP_SHARED);
  const beside = resolve(PROJECT, '..', 'shared');
  if (existsSync(beside)) return beside;
  const origin = clonedFrom();
  if (origin && existsSync(origin)) return origin;
  throw new Error(`no shared/ folder beside ${PROJECT} (set SITREP_SHARED to the folder holding fixtures/ and eval/)`);
}

/** The shared folder (absolute). */
export const SHARED = findShared();
/** The seed fixtures folder (absolute, with a trailing slash). */
export const SEEDS = join(SHARED, 'fixtures', 'seeds') + '/';
