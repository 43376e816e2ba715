/** A setting that is missing or wrong; the message names the variable and how to fix it. */
export class SettingsError extends Error {}
