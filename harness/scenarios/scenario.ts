import type { FindingCode } from '../../engine/checks/finding-codes.js';
import type { Verdict } from '../../engine/verdict/decide-verdict.js';

/** One environment of the corpus, as written in scenarios/<id>.json. */
export interface Scenario {
  id: string;
  title: string;
  class: 'genuine' | 'degraded' | 'broken' | 'fake' | 'absent';
  breaks: string;
  /** The OS the environment is: a linux scenario runs in containers and VMs, a windows one under Wine. */
  platform: 'linux' | 'windows';
  seenAt: string[];
  /**
   * Set when a program in the environment is a stand-in written by us rather than the real one: why the real one
   * could not be had (no registry serves it). Left out when every program in it is the real thing.
   */
  emulated?: string;
  /** The real manager or tool installed by name: `go-module:PATH@VERSION`, `npm:NAME@VERSION` or `deb:NAME=VERSION`. */
  installs?: string[];
  /** `network: 'none'` builds the layer offline (every reproduced scenario's: its layer comes from a user's snapshot). */
  image: { from: string; dockerfile?: string; network?: 'none' };
  /** A project directory in the image (absolute): the engine verifies it as `verify --project DIR` does. */
  project?: string;
  /** The image holds the user's login shell and profiles: the engine also compares it, as `verify --shell` does. */
  shell?: boolean;
  /** Verify as `verify --online` does: the image serves what the proxy would (a file:// mirror), or refuses on purpose. */
  online?: boolean;
  expect: {
    verdict: Verdict[];
    authentic?: boolean | null;
    provenance?: { kind?: string; manager?: string | null };
    codes: FindingCode[];
    forbidden: FindingCode[];
    /** Genuine layouts must not raise any error finding. */
    noErrors?: boolean;
  };
  /** The file it was read from. */
  file: string;
}
