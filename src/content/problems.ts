/** A malformed item found while loading content: reported and skipped, never fatal on its own. */
export interface ContentProblem {
  /** Which item, e.g. `page 5407958 (de)` or `events.json #3`. */
  item: string;
  /** Why it was skipped or changed, in words a content editor understands. */
  reason: string;
}

/** Thrown when content cannot be used at all (unreadable file, no region, no language). */
export class ContentError extends Error {
  constructor(
    message: string,
    readonly problems: ContentProblem[] = [],
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

/** Formats zod issues (or any error) as one short line. */
export function describeIssue(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .slice(0, 3)
      .map((issue: { path: PropertyKey[]; message: string }) =>
        issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
