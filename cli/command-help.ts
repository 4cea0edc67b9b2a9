import { TARGET_SYNTAX } from '../engine/transport/target-syntax.js';

const TARGETS = `Targets T: ${TARGET_SYNTAX}   (default: local)
  local              this machine, as your shell environment sees it
  docker-image:IMG   a fresh container from IMG with no network, removed afterwards
  docker:CONTAINER   a running container, left as it was found
  wine-image:IMG     a fresh container from IMG whose Windows (Wine prefix, Windows PATH, go.exe) is verified
                     as a Windows user's cmd sees it; no network, removed afterwards`;

/** `goverity help CMD` and `goverity CMD --help`: one text per command, true to what the command parses. */
export const COMMAND_HELP: Record<string, string> = {
  verify: `Usage: goverity verify [--target T] [--format text|json|github] [--json] [--fail-on error|warning|never]
                       [-v] [--timeout-ms N] [--online] [--project DIR] [--shell|--no-shell]

Is the Go of a target real and working? Prints the verdict (ready, degraded, broken, absent), whether the go is
authentic, where it came from, what was proven, and every finding with its evidence, fix and documentation.

${TARGETS}

Options:
  --format F       text (default), json (one goverity/report@1 object, nothing else on stdout), or github
                   (::error/::warning annotations, and a Markdown job summary appended to $GITHUB_STEP_SUMMARY)
  --json           the same as --format json
  --fail-on L      which findings fail the run: error (degraded exits 0), warning (the default: degraded exits 10),
                   never (exit 0 whatever the verdict; 2 still means goverity itself could not run)
  -v, --verbose    show every line of evidence, whole (text output cuts each finding to 4 lines of 200 characters)
  --timeout-ms N   limit for each quick go command (version, env, tool -V); builds get 9 x N (default 20000)
  --online         also check that the GOPROXY chain can be reached (off by default: verification is hermetic);
                   with --project, also ask GOPROXY whether it serves the toolchain the project selects;
                   and ask the checksum database, through GOPROXY, for the hash of GOROOT's release (curl or wget)
  --project DIR    also judge the Go that \`go build ./...\` in DIR gets: the go.work/go.mod go and toolchain lines
                   against GOTOOLCHAIN, whether a toolchain it selects is on PATH or in the module cache, and
                   module mode (GOPATH mode, vendor/modules.txt, go.sum, uncached modules), with GOPROXY=off and
                   without writing DIR. A relative DIR is from here (local); other targets take an absolute path.
  --shell          also start your login shell as a new terminal would ($SHELL -l -i, a clean environment) and
                   compare the go it runs and its GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, GOFLAGS, GO111MODULE with
                   this process's, naming the profile line that differs (on Windows: the registry's machine and
                   user environment a new terminal gets, read with reg query). On by default for --target local
  --no-shell       skip that (the default for container targets)

Color: on a terminal; NO_COLOR or TERM=dumb turn it off, FORCE_COLOR turns it on.
Exit status: 0 ready, 10 degraded, 11 broken, 12 absent (as --fail-on allows), 2 usage or target error.
`,
  snapshot: `Usage: goverity snapshot [--target T] [--redact|--no-redact] [--timeout-ms N] [--online] [--project DIR]
                         [--shell|--no-shell]

Prints the raw fact snapshot (goverity/facts@1, schemas/snapshot.schema.json) the verdict is computed from.

${TARGETS}

Options:
  --no-redact      keep home directories, user and host names, and credentials as they are
                   (--redact, the default, replaces them and lists what it did in the snapshot's redactions)
  --timeout-ms N   limit for each quick go command; builds get 9 x N (default 20000)
  --online         also probe the GOPROXY chain, and ask the checksum database for GOROOT's release hash
  --project DIR    also judge the Go that \`go build ./...\` in DIR gets: the go.work/go.mod go and toolchain lines
                   against GOTOOLCHAIN, whether a toolchain it selects is on PATH or in the module cache, and
                   module mode (GOPATH mode, vendor/modules.txt, go.sum, uncached modules), with GOPROXY=off and
                   without writing DIR. A relative DIR is from here (local); other targets take an absolute path.
  --shell          also start your login shell as a new terminal would ($SHELL -l -i, a clean environment) and
                   compare the go it runs and its GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, GOFLAGS, GO111MODULE with
                   this process's, naming the profile line that differs (on Windows: the registry's machine and
                   user environment a new terminal gets, read with reg query). On by default for --target local
  --no-shell       skip that (the default for container targets)
`,
  inspect: `Usage: goverity inspect FILE... [--json]

What each file is (ELF, Mach-O, PE, script), for which OS/arch, what Go built it and how, and whether its code
signature (macOS ad-hoc or Developer ID, Windows Authenticode) holds, read from the bytes; never runs them.

Options:
  --json   one JSON array, an object per file (docs/contract.md)

Exit 0 when every file could be read, 1 otherwise.
`,
  run: `Usage: goverity run [--scenario GLOB] [--provider LIST|all] [--mode agentless|inside|both]
                    [--concurrency N] [--shard K/N] [--results DIR] [--format text|github]
                    [--detector SPEC]... [--baseline DIR]

Builds what is missing, runs the selected scenarios (scenarios/*.json) on every selected provider that can host
them, and writes results/<run-id>/{summary.json,junit.xml,report.md,report.html} (results/latest points at it).
Results of one scenario on several providers must agree.

Options:
  --scenario GLOB   ids to run: shell globs, comma-separated (e.g. 'goroot-*,debian-*')
  --provider LIST   comma-separated: docker, wine, vagrant, vm; or all (default: docker for linux
                    scenarios, wine for windows ones). One that can't run here is skipped, with why.
  --mode M          agentless (default): the engine runs here, through the provider's transport;
                    inside: a bundled engine is copied into the target and run there; both: compared
  --concurrency N   scenarios in flight (default: the number of cores)
  --shard K/N       run the K-th of N disjoint slices (for several machines or DOCKER_HOSTs)
  --results DIR     where run directories go (default: results)
  --format F        text (default), or github: also an ::error annotation per failed scenario and a Markdown
                    job summary appended to $GITHUB_STEP_SUMMARY
  --detector SPEC   score a detector: a spec file (detectors/<name>.json: command, files, output, timeout) or
                    a name in detectors/ (naive-checklist, which-go, goverity); repeat for several, side by side.
                    With detectors, goverity's own engine runs only when it is one of them (--detector goverity)
  --baseline DIR    compare the detectors with the same ones in an earlier run's results; fail on what got worse

Exit 0 only when every selected scenario passed (detectors: when none got worse and none errored).
`,
  results: `Usage: goverity results merge DIR... --out DIR

Joins the results of sharded runs (each a results directory, a run directory or a summary.json) into one run.
`,
  converge: `Usage: goverity converge [--env GLOB] [--concurrency N] [--results DIR]

In each environment (Debian Go 1.19-1.27, gccgo, two toolchains side by side, linux/arm64 under qemu-user,
Windows under Wine) builds the probe programs (harness/converge/probes) with that environment's go, or
cross-builds them, and records how filepath, LookPath and PATHEXT, signals, GOMAXPROCS (with and without a
1-CPU quota), build info and toolchain selection behave. Writes results/<run-id>/{convergence.json,
convergence.html}: the behaviour x environment matrix, each divergence explained with a source link or flagged
as unexplained. --env takes globs over environment ids (go-1.27,gccgo,...).

Exit 0 when nothing is unexplained and no probe failed, 1 otherwise.
`,
  reproduce: `Usage: goverity reproduce SNAPSHOT.json [--id NAME] [--root DIR]

Writes scenarios/<id>.json and images/scenarios/<id>/ under --root DIR (default: the current directory) from a
snapshot: PATH, every hop of the go chain, GOROOT and its defects, settings and env files, version managers,
the C toolchain, on the nearest Go release the images have. What it can't reproduce is listed in the
scenario's reproduction.limits. Expectations are the snapshot's own verdict: edit them. See docs/reproduce.md.
`,
  help: `Usage: goverity help [COMMAND]

Prints the overview, or one command's help (the same as goverity COMMAND --help).
`,
};

export const COMMANDS = Object.keys(COMMAND_HELP);

/** `goverity`, `goverity --help` and `goverity help`: every command in one screen. */
export const GENERAL_HELP = `goverity: is the Go on this machine real and working?

Usage:
  goverity verify   [--target T] [--format text|json|github] [--json] [--fail-on error|warning|never] [-v]
                    [--timeout-ms N] [--online] [--project DIR] [--shell|--no-shell]
  goverity snapshot [--target T] [--redact|--no-redact] [--timeout-ms N] [--project DIR] [--shell|--no-shell]
  goverity run      [--scenario GLOB] [--provider LIST|all] [--mode agentless|inside|both]
                    [--concurrency N] [--shard K/N] [--results DIR]
                    [--detector SPEC]... [--baseline DIR]
  goverity results merge DIR... --out DIR
  goverity converge [--env GLOB] [--concurrency N] [--results DIR]
  goverity inspect  FILE... [--json]
  goverity reproduce SNAPSHOT.json [--id NAME] [--root DIR]
  goverity help [COMMAND]      (or: goverity COMMAND --help)
  goverity --version           (or: -V)

Targets T: ${TARGET_SYNTAX}   (default: local)
  local              this machine, as your shell environment sees it
  docker-image:IMG   a fresh container from IMG with no network, removed afterwards
  docker:CONTAINER   a running container, left as it was found
  wine-image:IMG     a fresh container from IMG whose Windows (Wine prefix, Windows PATH, go.exe) is verified
                     as a Windows user's cmd sees it; no network, removed afterwards

Options:
  --json           print the report as one JSON object (schema goverity/report@1), nothing else
  --format F       text (default), json, or github (annotations, and a job summary to $GITHUB_STEP_SUMMARY)
  --fail-on L      error (degraded exits 0), warning (default), never (always 0 unless goverity itself failed)
  -v, --verbose    every line of evidence, whole
  --timeout-ms N   limit for each quick go command (version, env, tool -V); builds get 9 x N (default 20000)
  --online         also check that the GOPROXY chain can be reached (off by default: verification is hermetic);
                   with --project, also ask GOPROXY whether it serves the toolchain the project selects;
                   and ask the checksum database, through GOPROXY, for the hash of GOROOT's release (curl or wget)
  --project DIR    also judge the Go that \`go build ./...\` in DIR gets: the go.work/go.mod go and toolchain lines
                   against GOTOOLCHAIN, whether a toolchain it selects is on PATH or in the module cache, and
                   module mode (GOPATH mode, vendor/modules.txt, go.sum, uncached modules), with GOPROXY=off and
                   without writing DIR. A relative DIR is from here (local); other targets take an absolute path.
  --shell          also start your login shell as a new terminal would ($SHELL -l -i, a clean environment) and
                   compare the go it runs and its GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, GOFLAGS, GO111MODULE with
                   this process's, naming the profile line that differs (on Windows: the registry's machine and
                   user environment a new terminal gets, read with reg query). On by default for --target local
  --no-shell       skip that (the default for container targets)
  --no-redact      snapshot: keep home directories, user and host names, and credentials as they are
                   (--redact, the default, replaces them and lists what it did in the snapshot's redactions)

run: builds what is missing, runs the selected scenarios (scenarios/*.json) on every selected provider
  that can host them, and writes results/<run-id>/{summary.json,junit.xml,report.md,report.html}
  (results/latest points at it). Results of one scenario on several providers must agree.
  --scenario GLOB   ids to run: shell globs, comma-separated (e.g. 'goroot-*,debian-*')
  --provider LIST   comma-separated: docker, wine, vagrant, vm; or all (default: docker for linux
                    scenarios, wine for windows ones). One that can't run here is skipped, with why.
  --mode M          agentless (default): the engine runs here, through the provider's transport;
                    inside: a bundled engine is copied into the target and run there; both: compared
  --concurrency N   scenarios in flight (default: the number of cores)
  --shard K/N       run the K-th of N disjoint slices (for several machines or DOCKER_HOSTs)
  --detector SPEC   score a detector: a spec file (detectors/<name>.json: command, files, output, timeout) or
                    a name in detectors/ (naive-checklist, which-go, goverity); repeat for several, side by side.
                    With detectors, goverity's own engine runs only when it is one of them (--detector goverity)
  --baseline DIR    compare the detectors with the same ones in an earlier run's results; fail on what got worse
  Exit 0 only when every selected scenario passed (detectors: when none got worse and none errored).
results merge: joins the results of sharded runs into one.
converge: the behaviour x environment matrix of how Go behaves across environments (goverity help converge).
reproduce: writes scenarios/<id>.json and images/scenarios/<id>/ (under --root DIR, default the current directory)
  from a snapshot: PATH, every hop of the go chain, GOROOT and its defects, settings and env files, version
  managers, the C toolchain, on the nearest Go release the images have. What it can't reproduce is listed in
  the scenario's reproduction.limits. Expectations are the snapshot's own verdict: edit them. See docs/reproduce.md.

inspect: what each file is (ELF, Mach-O, PE, script), for which OS/arch, what Go built it and how, and whether its
  code signature (macOS ad-hoc or Developer ID, Windows Authenticode) holds, read from the bytes; never runs them.
  Exit 0 when every file could be read, 1 otherwise.

Exit status (verify): 0 ready, 10 degraded, 11 broken, 12 absent, 2 usage or target error.
`;
