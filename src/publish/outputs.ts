import * as core from '@actions/core'
import type { OutputValue } from './types.js'

/** Sets every output that has a value; an output left unset is an empty string to the workflow. */
export function publishOutputs(outputs: Record<string, OutputValue | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, typeof value === 'string' ? value : String(value))
  }
}
