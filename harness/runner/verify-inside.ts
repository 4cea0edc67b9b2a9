import type { Report } from '../../engine/report/build-report.js';
import type { Transport } from '../../engine/transport/transport.js';

/** Copies the bundled engine into the target and runs it there as a local process. */
export async function verifyInside(transport: Transport): Promise<Report> {
  throw new Error(`inside mode is not built yet (target ${transport.target})`);
}
