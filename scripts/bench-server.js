// @ts-check
/**
 * The benchmark's server (`bench/playwright.config.ts`): the production server of `npm start`, with its
 * precompressed files, on the benchmark's build. That build is made with `--mode e2e`, a production build
 * that also exposes the editor to the keystroke benchmark; it is otherwise what users get.
 */
import { createAppServer } from '../server/standalone.js';

const root = process.argv[2] ?? 'dist-e2e-bench';
const port = Number(process.env.PORT ?? 4173);
createAppServer({ root }).listen(port, '127.0.0.1', () => {
  process.stdout.write(`Benchmark server for ${root} on http://127.0.0.1:${port}/\n`);
});
