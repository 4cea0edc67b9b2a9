import { describe, expect, it } from 'vitest';
import { sumdbLookupUrls } from '../../../engine/probes/sumdb-lookup.js';

const V = 'v0.0.1-go1.27.3.linux-amd64';
const at = (env: Record<string, string>) => sumdbLookupUrls(env, 'golang.org/toolchain', V);

// https://go.dev/ref/mod#checksum-database: go asks the database through each proxy of GOPROXY, then directly at `direct`.
describe('sumdbLookupUrls', () => {
  it('asks through each proxy in order, then the database itself when GOPROXY reaches direct', () => {
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'https://a.example.test/,https://b.example.test|direct' })).toEqual([
      `https://a.example.test/sumdb/sumdb.example.test/lookup/golang.org/toolchain@${V}`,
      `https://b.example.test/sumdb/sumdb.example.test/lookup/golang.org/toolchain@${V}`,
      `https://sumdb.example.test/lookup/golang.org/toolchain@${V}`,
    ]);
  });

  it('asks a file:// proxy as go does (cmd/go reads file URLs; curl does too)', () => {
    expect(at({ GOSUMDB: 'sum.golang.org', GOPROXY: 'file:///srv/goproxy' })).toEqual([
      `file:///srv/goproxy/sumdb/sum.golang.org/lookup/golang.org/toolchain@${V}`,
    ]);
  });

  it('stops at off, and asks nobody when GOPROXY is off', () => {
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'https://a.example.test,off,direct' })).toEqual([
      `https://a.example.test/sumdb/sumdb.example.test/lookup/golang.org/toolchain@${V}`,
    ]);
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'off' })).toEqual([]);
  });

  it('uses the URL GOSUMDB names, with or without a key', () => {
    expect(at({ GOSUMDB: 'sumdb.example.test+abcd1234+AAAA https://mirror.example.test/db/', GOPROXY: 'https://a.example.test' })).toEqual([
      `https://mirror.example.test/db/lookup/golang.org/toolchain@${V}`,
    ]);
  });

  it('asks nothing when GOSUMDB is off or GONOSUMDB/GOPRIVATE cover the module', () => {
    expect(at({ GOSUMDB: 'off', GOPROXY: 'direct' })).toEqual([]);
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'direct', GONOSUMDB: 'golang.org' })).toEqual([]);
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'direct', GOPRIVATE: 'example.test/*,golang.org/tool*' })).toEqual([]);
    expect(at({ GOSUMDB: 'sumdb.example.test', GOPROXY: 'direct', GOPRIVATE: 'golang.org/x' })).toEqual([
      `https://sumdb.example.test/lookup/golang.org/toolchain@${V}`,
    ]);
  });
});
