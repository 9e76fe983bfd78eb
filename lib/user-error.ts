/** A problem the user can fix (a missing folder, a wrong option): shown as its message alone, without a stack. */
export class UserError extends Error {
  override name = 'UserError';

  /** The message is Japanese; `messageEn` is shown with --lang en. */
  constructor(
    message: string,
    readonly messageEn?: string,
  ) {
    super(message);
  }
}
