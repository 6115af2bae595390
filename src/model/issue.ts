/** A problem found in a scenario: an error stops the load, a warning is advice. */
export interface Issue {
  /** Key path into the written file, as zod reports it. */
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
  code?: string;
  /** Point at the map key rather than its value (unknown or misspelled names). */
  at?: 'key';
}

/** `clusters[0].masters.d`: zod's dot-path style. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

export function error(
  path: (string | number)[],
  message: string,
  extra: Partial<Issue> = {},
): Issue {
  return { path, message, severity: 'error', ...extra };
}

export function warning(
  path: (string | number)[],
  message: string,
  extra: Partial<Issue> = {},
): Issue {
  return { path, message, severity: 'warning', ...extra };
}
