/**
 * The packages of a write, in one lazy bundle (`dist/lazy/store-write.cjs`): the lock (proper-lockfile)
 * and the atomic writer (conf). A write needs both, and one bundle is one file to read and compile
 * instead of two.
 */

export { default as Conf } from 'conf';
export { default as lockfile } from 'proper-lockfile';
