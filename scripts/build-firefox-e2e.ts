/**
 * npm run build:firefox-e2e — the Firefox test variant into
 * .output/firefox-mv3-e2e, like scripts/build-e2e.ts for Chrome: the Firefox
 * MV3 production build plus only what automation needs (<all_urls>, see
 * wxt.config.ts). NODE_ENV stays production (WXT would set it to the mode's
 * name, which brings React's development build).
 */
import { build } from 'wxt';

process.env.NODE_ENV = 'production';
await build({ mode: 'e2e', browser: 'firefox', manifestVersion: 3 });
