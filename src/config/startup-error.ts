import { SettingsError } from './settings-error.js';
import { DirectoryError } from '../directory/load-directory.js';
import { CalendarFileError } from '../calendar/holiday-data.js';
import { DatabaseOpenError } from '../../storage/open-database.js';
import { CommandTableError } from '../core/command-registry.js';
import { DriverChoiceError } from '../../storage/sqlite/driver.js';

const KNOWN = [SettingsError, DirectoryError, CalendarFileError, DatabaseOpenError, CommandTableError, DriverChoiceError];

/** Prints a start-up failure: known misconfigurations as one clear line, anything else in full. Returns the exit code. */
export function reportStartupError(e: unknown, write: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): number {
  if (KNOWN.some((k) => e instanceof k)) {
    write(`督办助手无法启动：${(e as Error).message}`);
    return 2;
  }
  write(`督办助手启动失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return 1;
}
