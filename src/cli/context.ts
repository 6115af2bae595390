/** What a command needs from the outside world, passed in so commands are testable in-process. */
import type { InputStream } from '../io/read-text-input.js';
import type { Style } from './style.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout/stderr are terminals (progress bars and colour only then). */
  isTTY: boolean;
  cwd: string;
  /** Standard input, read by commands given `-` as a file; absent when there is none. */
  stdin?: InputStream;
}

export interface CliContext extends CliIo {
  style: Style;
  /** Set by a command's action; main returns it. */
  exitCode: number;
}
