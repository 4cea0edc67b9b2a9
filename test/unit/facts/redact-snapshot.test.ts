import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { redactSnapshot } from '../../../engine/facts/redact-snapshot.js';
import { maskCredentials } from '../../../engine/facts/mask-credentials.js';
import { fixtureNames, loadSnapshot } from '../snapshot-builders.js';

const codes = (r: ReturnType<typeof buildReport>) => r.findings.map((f) => f.code).sort();

describe('redactSnapshot', () => {
  it('replaces a macOS home and user name everywhere, and leaves /dev alone though the user is "dev"', () => {
    const facts = loadSnapshot('darwin-homebrew');
    const out = redactSnapshot(facts);
    const text = JSON.stringify(out);
    expect(text).not.toContain('/Users/dev');
    expect(out.env.HOME).toBe('$HOME');
    expect(out.env.USER).toBe('$USER');
    expect(out.goEnv?.GOPATH).toBe('$HOME/go');
    expect(out.goEnv?.GOMOD).toBe('/dev/null');
    expect(out.redactions).toEqual(['home directory → $HOME', 'user name → $USER']);
  });

  it('replaces a Windows profile in both spellings, the JSON-escaped one inside go env -json too', () => {
    const facts = loadSnapshot('windows-bat-shim');
    const out = redactSnapshot(facts);
    expect(JSON.stringify(out).toLowerCase()).not.toContain('users\\\\dev');
    expect(out.commands.envJson?.stdout).not.toMatch(/Users\\\\dev/i);
    expect(out.env.USERPROFILE).toBe('%USERPROFILE%');
    expect(out.env.APPDATA).toBe('%USERPROFILE%\\AppData\\Roaming');
    expect(out.pathEntries.at(-1)).toBe('%USERPROFILE%\\go\\bin');
    expect(out.redactions).toContain('home directory → %USERPROFILE%');
  });

  it('masks credentials in GOPROXY URLs, GOFLAGS, GOPRIVATE patterns, netrc lines and tokens, and drops host names', () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.env = {
      ...facts.env,
      HOSTNAME: 'build-box-17',
      GOPROXY: 'https://alice:s3cret@proxy.corp.example/go,https://proxy.golang.org,direct',
      GOFLAGS: '-ldflags=-X=main.apiToken=abc123 -mod=mod',
      GOPRIVATE: 'bob:ghtoken@git.corp.example/*,github.com/acme/*',
    };
    facts.envFiles.user = {
      path: '/root/.config/go/env',
      content: 'GONOPROXY=carol:pw@git.corp.example\nmachine git.corp.example login carol password hunter2\n',
    };
    facts.candidates[0]!.scriptHead = '#!/bin/sh\nexport GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123\nexec go "$@" # on build-box-17\n';
    const out = redactSnapshot(facts);
    const text = JSON.stringify(out);
    for (const secret of ['s3cret', 'alice', 'abc123', 'ghtoken', 'carol', 'hunter2', 'ghp_abcdef', 'build-box-17']) expect(text).not.toContain(secret);
    expect(out.env.GOPROXY).toBe('https://***@proxy.corp.example/go,https://proxy.golang.org,direct');
    expect(out.env.GOPRIVATE).toBe('***@git.corp.example/*,github.com/acme/*');
    expect(out.env.GOFLAGS).toBe('-ldflags=-X=main.apiToken=*** -mod=mod');
    expect(out.env.HOSTNAME).toBeUndefined();
    expect(out.redactions).toEqual(
      expect.arrayContaining(['credentials in URLs', 'credentials in module patterns', 'secret-named values', 'netrc-style logins', 'host name']),
    );
  });

  it('changes no verdict, authenticity, provenance or finding code of any fixture', () => {
    for (const name of fixtureNames()) {
      const facts = loadSnapshot(name);
      const before = buildReport(facts);
      const after = buildReport(redactSnapshot(facts));
      expect({ name, verdict: after.verdict, authentic: after.authentic, kind: after.provenance.kind, codes: codes(after) }).toEqual({
        name,
        verdict: before.verdict,
        authentic: before.authentic,
        kind: before.provenance.kind,
        codes: codes(before),
      });
    }
  });

  it("takes linear time on a flooding go's megabyte of output (no pattern backtracks over it)", () => {
    const facts = loadSnapshot('darwin-homebrew');
    const flood = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length));
    facts.commands.version!.stdout = flood('go version go1.22.12 linux/amd64 machine x login dev\n');
    facts.commands.versionLocal!.stdout = flood('a.b-c+d');
    facts.commands.envJson!.stdout = flood('tokentokentoken');
    facts.commands.gorootLocated!.stdout = flood('dev:x');
    const t0 = performance.now();
    const out = redactSnapshot(facts);
    expect(out.commands.version!.stdout.split('\n')[0]).toBe('go version go1.22.12 linux/amd64 machine x login ***');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('is idempotent: a redacted snapshot redacts to itself', () => {
    const once = redactSnapshot(loadSnapshot('darwin-homebrew'));
    expect(redactSnapshot(once)).toEqual(once);
  });
});

describe('maskCredentials', () => {
  it('leaves credential-free module settings as they are', () => {
    for (const s of ['https://proxy.golang.org,direct', 'off', 'github.com/acme/*,*.corp.example', 'sum.golang.org', '-mod=vendor -trimpath'])
      expect(maskCredentials(s)).toEqual({ text: s, kinds: [] });
  });
});
