import { describe, expect, it, vi } from 'vitest';
import { parseInputDocuments } from '../../../src/interop/parse-input-documents.js';

describe('parseInputDocuments', () => {
  it('reads a map used as a key without yaml writing a warning to stderr (issue 10 item 12)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const r = parseInputDocuments(`${'? '.repeat(30)}a\n`, 'a List of Nodes');
      expect(r.ok).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
