import { describe, expect, it } from 'vitest';
import { parseWindowsEnv } from '../../../engine/transport/parse-windows-env.js';

describe('parseWindowsEnv', () => {
  it('reads cmd set output: CRLF lines, names as spelled, values with = kept whole', () => {
    const text = 'ComSpec=C:\\windows\\system32\\cmd.exe\r\nPath=C:\\windows;C:\\Go\\bin\r\nGOFLAGS=-ldflags=-s\r\n=C:=C:\\users\r\n\r\n';
    expect(parseWindowsEnv(text)).toEqual({
      ComSpec: 'C:\\windows\\system32\\cmd.exe',
      Path: 'C:\\windows;C:\\Go\\bin',
      GOFLAGS: '-ldflags=-s',
      '=C:': 'C:\\users',
    });
  });
});
