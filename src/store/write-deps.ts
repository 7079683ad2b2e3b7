/**
 * The package of a write, in its own lazy bundle (`dist/lazy/store-write.cjs`): conf, the atomic writer
 * of the state file. The lock is our own (src/store/lock.ts), in the main bundle.
 */

export { default as Conf } from 'conf';
