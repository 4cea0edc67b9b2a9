import { describe, expect, it } from 'vitest';
import { goNotFound } from '../../../engine/checks/go-not-found.js';
import { projectToolchainUnavailable } from '../../../engine/checks/project-toolchain-unavailable.js';
import { shimUnresolved } from '../../../engine/checks/shim-unresolved.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { loadSnapshot, only, variant } from '../snapshot-builders.js';

// Recorded with `goverity snapshot` from the corpus's real mise (npm's @jdxcode/mise-linux-x64) and official-release images.
const codes = (name: string) => buildReport(loadSnapshot(name)).findings.map((f) => `${f.code}:${f.severity}`);

describe('recorded snapshots of real managers and the official release', () => {
  it("mise's shim resolving the go.dev release in its store is ready, authentic, and named as mise's", () => {
    const r = buildReport(loadSnapshot('linux-mise-resolves'));
    expect([r.verdict, r.authentic, r.provenance.kind, r.provenance.manager]).toEqual(['ready', true, 'version-manager', 'mise']);
    expect(codes('linux-mise-resolves')).toEqual(['SHIM:info', 'CONTAINER:info', 'SIGNATURE_ABSENT:info']);
    expect(only(r.findings, 'SHIM').evidence[0]).toBe(
      'chain: /root/.local/share/mise/shims/go → /root/.local/bin/mise → /root/.local/share/mise/installs/go/1.26.8/bin/go',
    );
  });

  it('the official tarball layout is ready and official, with nothing but notes', () => {
    const r = buildReport(loadSnapshot('linux-official-usr-local'));
    expect([r.verdict, r.authentic, r.provenance.kind, r.provenance.manager]).toEqual(['ready', true, 'official', null]);
    expect(codes('linux-official-usr-local')).toEqual(['CONTAINER:info', 'SIGNATURE_ABSENT:info']);
  });

  it("mise's shims left pointing at a removed mise binary: broken, SHIM_UNRESOLVED naming the missing file, not 'ready'", () => {
    const r = buildReport(loadSnapshot('linux-mise-binary-removed'));
    expect([r.verdict, r.provenance.kind, r.provenance.manager]).toEqual(['broken', 'version-manager', 'mise']);
    const f = only(r.findings, 'SHIM_UNRESOLVED');
    expect(f.message).toBe('The mise shim at /root/.local/share/mise/shims/go leads to /root/.local/bin/mise, which does not exist, so no go runs.');
    expect(f.evidence).toEqual([
      '/root/.local/share/mise/shims/go → /root/.local/bin/mise',
      '/root/.local/bin/mise: does not exist',
      'mise root /root/.local/share/mise: installed 1.26.8',
    ]);
    expect(f.fix).toBe('Put mise back at /root/.local/bin/mise (reinstall it) and run its reshim, or take /root/.local/share/mise/shims off PATH.');
    expect(goNotFound(loadSnapshot('linux-mise-binary-removed'))).toEqual([]);
  });

  it('the same dangling link with no manager tree behind it is GO_NOT_FOUND (absent), naming the link', () => {
    const s = variant(loadSnapshot('linux-mise-binary-removed'), (d) => {
      d.managers = [];
    });
    expect(shimUnresolved(s)).toEqual([]);
    const r = buildReport(s);
    expect(r.verdict).toBe('absent');
    const f = only(r.findings, 'GO_NOT_FOUND');
    expect(f.message).toBe('No `go` on PATH runs: /root/.local/share/mise/shims/go is a link that resolves to nothing.');
    expect(f.evidence.at(-1)).toBe('/root/.local/share/mise/shims/go: leads to /root/.local/bin/mise, which does not exist');
  });

  it("a project pinning a version mise has not installed: broken in that directory, quoting mise, with mise's install as the fix", () => {
    const r = buildReport(loadSnapshot('linux-mise-project-version-missing'));
    expect([r.verdict, r.authentic, r.provenance.manager]).toEqual(['broken', true, 'mise']);
    const f = only(r.findings, 'SHIM_UNRESOLVED');
    expect(f.message).toBe('In /work/app the mise shim at /root/.local/share/mise/shims/go cannot resolve a Go version, though it runs go1.26.8 elsewhere.');
    expect(f.evidence[0]).toMatch(/^go version in \/work\/app: mise by @jdx .*mise ✗ go@1\.22\.12 /);
    expect(f.fix).toBe(
      'Install the version /work/app pins: `cd /work/app && mise install` where its download site is reachable, or change the pin to an installed version (mise ls shows them).',
    );
  });

  it('the project check stays silent when go fails everywhere (the environment-level finding says it), or works in the project', () => {
    const everywhere = variant(loadSnapshot('linux-mise-project-version-missing'), (d) => {
      for (const k of ['version', 'versionLocal', 'envJson'] as const) d.commands[k] = { ...d.project!.version! };
    });
    expect(only(shimUnresolved(everywhere), 'SHIM_UNRESOLVED').message).toBe('The mise shim at /root/.local/share/mise/shims/go cannot resolve a Go version.');
    const works = variant(loadSnapshot('linux-mise-project-version-missing'), (d) => {
      d.project!.version = { ...d.commands.version! };
      d.project!.envCommand = { ...d.commands.envJson! };
    });
    expect(shimUnresolved(works)).toEqual([]);
  });

  it("--online through a file:// mirror of the proxy: the release hash is the checksum database's, asked through GOPROXY now", () => {
    const s = loadSnapshot('linux-online-proxy-mirror-answers');
    expect(s.releaseChecksum?.expected).toEqual([
      {
        source: 'sumdb-online',
        path: 'file:///srv/goproxy/sumdb/sum.golang.org/lookup/golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64',
        h1: s.releaseChecksum?.h1,
      },
    ]);
    const r = buildReport(s);
    const files = r.proven?.find((p) => p.what === "its files are the release's");
    expect(files?.evidence).toMatch(
      /^\/usr\/local\/go hashes to h1:\S+=, the checksum database's hash of golang\.org\/toolchain@v0\.0\.1-go1\.26\.8\.linux-amd64 \(the checksum database's answer through GOPROXY, asked now\)$/,
    );
    expect(only(r.findings, 'PROJECT_TOOLCHAIN_SWITCH').message).toMatch(/^In \/work\/app go runs go1\.27\.3, not the local go1\.26\.8/);
  });

  it('--online against a proxy that refuses: PROXY_UNREACHABLE quotes go, and the project cannot switch', () => {
    const r = buildReport(loadSnapshot('linux-online-proxy-refuses'));
    expect(only(r.findings, 'PROXY_UNREACHABLE').evidence[0]).toMatch(/dial tcp 127\.0\.0\.1:9: connect: connection refused/);
    expect(only(r.findings, 'PROJECT_TOOLCHAIN_UNAVAILABLE').severity).toBe('error');
  });

  it('a toolchain download cut off by the time bound proves nothing about the proxy: PROBE_TIMEOUT, not PROJECT_TOOLCHAIN_UNAVAILABLE', () => {
    const s = variant(loadSnapshot('linux-online-proxy-mirror-answers'), (d) => {
      d.project!.version = { ...d.project!.version!, exitCode: null, timedOut: true, stdout: '', stderr: 'go: downloading go1.27.3 (linux/amd64)\n' };
    });
    expect(projectToolchainUnavailable(s)).toEqual([]);
    const r = buildReport(s);
    expect(r.verdict).toBe('broken');
    expect(only(r.findings, 'PROBE_TIMEOUT').message).toBe('go version did not finish in time and was killed.');
  });
});
