/** A problem the user can fix (a missing folder, a wrong option): shown as its message alone, without a stack. */
export class UserError extends Error {
  override name = 'UserError';
}
