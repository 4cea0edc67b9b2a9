/** A harness failure that carries the tail of a log worth showing (a VM's console, a build). */
export class ErrorWithLog extends Error {
  constructor(
    message: string,
    readonly logTail: string[],
  ) {
    super(message);
  }
}
