/** A failed image build: which catalog image, and the last lines its build printed. */
export class ImageBuildError extends Error {
  override readonly name = 'ImageBuildError';
  readonly imageId: string;
  /** The last lines (about 40) of the build's output, oldest first. */
  readonly logTail: string[];

  constructor(imageId: string, message: string, logTail: readonly string[], options?: { cause?: unknown }) {
    const tail = logTail.length > 0 ? `\n--- last ${logTail.length} lines of the build ---\n${logTail.join('\n')}` : '';
    super(`image ${imageId}: ${message}${tail}`, options);
    this.imageId = imageId;
    this.logTail = [...logTail];
  }
}
