import { describe, expect, it } from 'vitest';
import { proxyUnreachable } from '../../../engine/checks/proxy-unreachable.js';
import { fixtureNames, loadSnapshot, only, variant } from '../snapshot-builders.js';

describe('proxy-unreachable (PROXY_UNREACHABLE)', () => {
  it('fires only from --online probes that failed', () => {
    const s = variant(loadSnapshot('darwin-homebrew'), (d) => {
      d.online = {
        proxy: [
          { url: 'https://proxy.golang.org', ok: false, detail: 'dial tcp: lookup proxy.golang.org: no such host' },
          { url: 'direct', ok: true, detail: 'not probed' },
        ],
        sumdb: null,
      };
    });
    const f = only(proxyUnreachable(s), 'PROXY_UNREACHABLE');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('Modules cannot be fetched through GOPROXY=https://proxy.golang.org,direct.');
    expect(f.evidence).toEqual(['https://proxy.golang.org: dial tcp: lookup proxy.golang.org: no such host']);
  });

  it('stays silent when every online probe succeeded', () => {
    const s = variant(loadSnapshot('windows-msi'), (d) => {
      d.online = {
        proxy: [{ url: 'https://proxy.golang.org', ok: true, detail: '200 OK' }],
        sumdb: { url: 'https://sum.golang.org', ok: true, detail: '200 OK' },
      };
    });
    expect(proxyUnreachable(s)).toEqual([]);
  });

  // The linux-online-* fixtures were recorded with --online; the rest offline.
  it.each(fixtureNames().filter((n) => !n.startsWith('linux-online-')))('stays silent offline (hermetic, no online facts): %s', (name) => {
    expect(loadSnapshot(name).online).toBeFalsy();
    expect(proxyUnreachable(loadSnapshot(name))).toEqual([]);
  });

  it('quotes go on the recorded --online run whose proxy refused, and stays silent on the one whose mirror answered', () => {
    expect(proxyUnreachable(loadSnapshot('linux-online-proxy-mirror-answers'))).toEqual([]);
    expect(proxyUnreachable(loadSnapshot('linux-online-proxy-refuses')).map((f) => f.evidence[0])).toEqual([
      'go list -m golang.org/x/mod@latest: go: module golang.org/x/mod: Get "http://127.0.0.1:9/golang.org/x/mod/@v/list": dial tcp 127.0.0.1:9: connect: connection refused',
    ]);
  });
});
