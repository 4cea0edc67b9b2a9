import { describe, expect, it } from 'vitest';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { buildOutputForged } from '../../../engine/checks/build-output-forged.js';
import { buildFailed } from '../../../engine/checks/build-failed.js';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { newProbeIdentity } from '../../../engine/probes/probe-programs.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { buildElf } from '../binary/synthetic-binaries.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant } from '../snapshot-builders.js';

const probe = newProbeIdentity('0123456789abcdef');
const modinfo = (module: string) => `path\t${module}\nmod\t${module}\t(devel)\t\nbuild\t-compiler=gc\nbuild\tGOARCH=amd64\nbuild\tGOOS=linux\n`;
const elf = (opts: Parameters<typeof buildElf>[0]) => identifyBinary(buildElf(opts), {});

/** The recorded Debian Go 1.19, as a run of this engine would record it: the probe's nonce and the artifact go build wrote. */
function built(artifact: ReturnType<typeof elf> | null, runs = true): FactSnapshot {
  return variant(loadSnapshot('linux-debian-golang-go'), (d) => {
    d.probe = probe;
    d.artifacts = { pure: artifact };
    if (runs) d.commands.runPure = { ...d.commands.runPure!, stdout: `goverity-pure-ok ${probe.nonce} go1.19.8 linux amd64\n` };
    else delete d.commands.runPure;
  });
}

describe('build-output-forged (BUILD_OUTPUT_FORGED)', () => {
  it('stays silent on the Go program go build really made from the probe (its module, go env GOVERSION)', () => {
    expect(buildOutputForged(built(elf({ version: 'go1.19.8', modinfo: modinfo(probe.modules.pure) })))).toEqual([]);
    // GOEXPERIMENT adds " X:..." to runtime.Version(), not to go env GOVERSION.
    expect(buildOutputForged(built(elf({ version: 'go1.19.8 X:loopvar', modinfo: modinfo(probe.modules.pure) })))).toEqual([]);
  });

  it("accepts GOPATH mode's name for the probe under GO111MODULE=off (go.mod ignored: _ and the directory), and only then", () => {
    const gopathBuilt = (module: string) =>
      variant(built(elf({ version: 'go1.19.8', modinfo: modinfo(module) })), (d) => {
        d.goEnv = { ...d.goEnv!, GO111MODULE: 'off' };
        d.commands.buildPure = { ...d.commands.buildPure!, cwd: '/tmp/goverity-8MBca2iN/pure' };
      });
    expect(buildOutputForged(gopathBuilt('_/tmp/goverity-8MBca2iN/pure'))).toEqual([]);
    expect(only(buildOutputForged(gopathBuilt('_/tmp/elsewhere/pure')), 'BUILD_OUTPUT_FORGED').message).toContain('names _/tmp/elsewhere/pure');
    // With modules on, the directory's name is no excuse: the nonce'd module path is what go build must write.
    const moduleMode = variant(gopathBuilt('_/tmp/goverity-8MBca2iN/pure'), (d) => {
      d.goEnv = { ...d.goEnv!, GO111MODULE: '' };
    });
    expect(only(buildOutputForged(moduleMode), 'BUILD_OUTPUT_FORGED').severity).toBe('error');
  });

  it('fires on a script that go build wrote (it echoes the marker), which was never run; not authentic, no BUILD_FAILED', () => {
    const script = identifyBinary(new TextEncoder().encode('#!/bin/sh\necho goverity-pure-ok\n'), {});
    const s = built(script, false);
    const f = only(buildOutputForged(s), 'BUILD_OUTPUT_FORGED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'go build reported success, but what it wrote is not a Go program built from the probe: it is a script (#!/bin/sh), not a native elf executable.',
    );
    expect(f.evidence[1]).toMatch(/^pure artifact: script \?\/\?, no Go build info: .* \(not run\)$/);
    expect(buildFailed(s)).toEqual([]);
    const r = buildReport(s);
    expect(r).toMatchObject({ verdict: 'broken', authentic: false });
  });

  it('fires on a native program with no Go build info (a C program printing the marker)', () => {
    const f = only(buildOutputForged(built(elf({ buildInfo: 'none', goBuildId: null }))), 'BUILD_OUTPUT_FORGED');
    expect(f.message).toContain('it carries no Go build info: no Go toolchain linked it');
  });

  it('fires on a Go program made in advance (another module) and on one another Go built', () => {
    const stale = only(buildOutputForged(built(elf({ version: 'go1.19.8', modinfo: modinfo('goverity.invalid/pure') }))), 'BUILD_OUTPUT_FORGED');
    expect(stale.message).toContain(`its Go build info names goverity.invalid/pure, not this verification's probe module ${probe.modules.pure}`);
    const other = only(buildOutputForged(built(elf({ version: 'go1.22.12', modinfo: modinfo(probe.modules.pure) }))), 'BUILD_OUTPUT_FORGED');
    expect(other.message).toContain('its Go build info says it was built by go1.22.12, but go env GOVERSION is go1.19.8');
  });

  it('fires on a binary for another architecture than go builds for', () => {
    const f = only(buildOutputForged(built(elf({ machine: 183, version: 'go1.19.8', modinfo: modinfo(probe.modules.pure) }))), 'BUILD_OUTPUT_FORGED');
    expect(f.message).toContain('it is built for linux/arm64, not linux/amd64, which go builds for');
  });

  it("stays silent on a binary for the GOARCH the user set: whether it runs here is TARGET_PLATFORM_FOREIGN's to say", () => {
    const arm = variant(built(elf({ machine: 183, version: 'go1.19.8', modinfo: modinfo(probe.modules.pure) }), false), (d) => {
      d.goEnv = { ...d.goEnv!, GOARCH: 'arm64' };
    });
    expect(buildOutputForged(arm)).toEqual([]);
  });

  it('accepts gccgo output by its bytes (libgo, no build info) only when the go command is gccgo', () => {
    const libgo = elf({ buildInfo: 'none', goBuildId: null, needed: ['libgo.so.21', 'libc.so.6'] });
    const gccgo = variant(loadSnapshot('linux-gccgo'), (d) => {
      d.probe = probe;
      d.artifacts = { pure: libgo };
    });
    expect(buildOutputForged(gccgo)).toEqual([]);
    expect(only(buildOutputForged(built(libgo)), 'BUILD_OUTPUT_FORGED').message).toContain('no Go build info');
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s (recorded before artifacts were identified)', (name) => {
    expect(buildOutputForged(loadSnapshot(name))).toEqual([]);
  });
});
