/** The action's entry point (dist/index.js): everything lives in main.ts, so local-action and tests can call run(). */
import { run } from './main.js'

await run()
