import { jest } from '@jest/globals'
import type * as core from '@actions/core'

/** A stand-in for @actions/core: inputs from a map, every call recorded. */
export const inputs: Record<string, string> = {}

export const getInput = jest.fn<typeof core.getInput>((name) => (inputs[name] ?? '').trim())
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const debug = jest.fn<typeof core.debug>()
export const error = jest.fn<typeof core.error>()
export const summary = {
  addHeading: jest.fn().mockReturnThis(),
  addTable: jest.fn().mockReturnThis(),
  addRaw: jest.fn().mockReturnThis(),
  write: jest.fn(async () => summary)
}
export const isDebug = jest.fn<typeof core.isDebug>(() => false)
/** Saved state, as the runner hands it to a post step (STATE_<name>). */
export const state: Record<string, string> = {}
export const getState = jest.fn<typeof core.getState>((name) => state[name] ?? '')
export const saveState = jest.fn<typeof core.saveState>()
export const exportVariable = jest.fn<typeof core.exportVariable>()
