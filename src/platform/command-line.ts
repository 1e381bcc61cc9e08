/**
 * What a command-line command of an engine is handed by the composition root: the configuration
 * and the database, both only when it runs (so that `--help` needs neither). Each command names
 * the settings it reads; the configuration it is given has them and more.
 */
import type { Database } from './database/database.ts';
import type { Actor } from './request-context.ts';

/** What every command reads of the configuration: the council it works in and who runs it. */
export interface CommandSettings {
  laCode: string;
  /** The operator, named in the command's audit rows. */
  operator: Actor;
}

export interface CommandDependencies<Settings extends CommandSettings> {
  loadConfig: () => Settings;
  /** Opens the configured database, migrated; the command closes it. */
  openDatabase: (config: Settings) => Promise<Database>;
}
