// goverity/testing from a user's side: start corpus scenarios through testcontainers, verify the Go inside, assert with the matchers.
// Run inside goverity's repository by `npm test`; the packed-tarball test copies it into a fresh project and runs it there.
import { GenericContainer } from 'testcontainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { goverityMatchers, ScenarioContainer, scenarioImage, verifyContainer } from 'goverity/testing';

beforeAll(() => {
  expect.extend(goverityMatchers);
});

// A first run builds the scenario images (minutes); later runs reuse them, and a verification takes seconds.
describe('goverity/testing', { timeout: 900_000 }, () => {
  it('judges a genuine Debian Go ready', async () => {
    await using env = await new ScenarioContainer('debian-golang-go').start();
    const report = await env.verify();
    expect(report).toHaveVerdict('ready');
    expect(report).toMatchScenario(env);
  });

  it('is not fooled by a script that prints a Go version', async () => {
    await using env = await new ScenarioContainer('stub-script').start();
    const report = await env.verify();
    expect(report).toHaveVerdict('broken');
    expect(report).toHaveFinding('GO_STUB', 'error');
    expect(report).not.toHaveFinding('GO_NOT_FOUND');
    expect(report).toMatchScenario(env);
  });

  it('verifies any container testcontainers started', async () => {
    // Your own image works the same; this one is a corpus scenario's, built by goverity's pipeline.
    await using container = await new GenericContainer(await scenarioImage('no-go')).withCommand(['sleep', 'infinity']).withNetworkMode('none').start();
    const report = await verifyContainer(container);
    expect(report).toHaveVerdict('absent');
    expect(report).toHaveFinding('GO_NOT_FOUND');
  });
});
