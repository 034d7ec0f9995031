/**
 * npm run build:e2e — the test variant into .output/chrome-mv3-e2e: the
 * production build plus only what automation needs (<all_urls>, see
 * wxt.config.ts). WXT sets NODE_ENV to the mode's name unless it is already
 * set, which would bring React's development build; this keeps it production.
 */
import { build } from 'wxt';

process.env.NODE_ENV = 'production';
await build({ mode: 'e2e' });
