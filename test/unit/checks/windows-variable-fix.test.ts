import { describe, expect, it } from 'vitest';
import { windowsVariableFix } from '../../../engine/checks/windows-variable-fix.js';

describe('windowsVariableFix', () => {
  it('names both environment lists and the registry keys behind them', () => {
    const fix = windowsVariableFix('GOROOT');
    expect(fix).toContain('the user list and the system list');
    expect(fix).toContain('reg delete HKCU\\Environment /v GOROOT');
    expect(fix).toContain('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment');
    expect(fix).toMatch(/open a new terminal\.$/);
  });
});
