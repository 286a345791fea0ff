package dev.metaxy.expr;

/**
 * A filter that cannot be accepted: a filter string outside the supported predicate subset (with the input
 * and the 0-based character position of the problem), or a predicate whose operands have incompatible
 * types when evaluated.
 */
public class InvalidFilterException extends RuntimeException {

  private final String input;
  private final int position;
  private final String problem;

  /** A syntax error in {@code input} at 0-based character {@code position}. */
  public InvalidFilterException(String input, int position, String problem) {
    super("Invalid filter \"" + input + "\" at position " + position + ": " + problem);
    this.input = input;
    this.position = position;
    this.problem = problem;
  }

  /** An error not tied to a position in a filter string, such as a type mismatch during evaluation. */
  public InvalidFilterException(String problem) {
    super(problem);
    this.input = null;
    this.position = -1;
    this.problem = problem;
  }

  /** The rejected filter string, or null when the error did not come from parsing. */
  public String input() {
    return input;
  }

  /** The 0-based character position of the problem in {@link #input()}, or -1. */
  public int position() {
    return position;
  }

  /** What was wrong, without the input and position. */
  public String problem() {
    return problem;
  }
}
