package cn.jzz.hub.identity;

/** The outcome of {@link IdNumbers#parse}: a valid number, or the reason it was rejected. */
public sealed interface IdParseResult {

  /** A valid number. */
  record Valid(ParsedId id) implements IdParseResult {}

  /**
   * A rejected number; the record goes to quarantine with this reason.
   *
   * @param reason why, with a code and a message saying what to do
   * @param detail specifics for the data admin; contains at most the masked number
   */
  record Invalid(IdRejection reason, String detail) implements IdParseResult {

    /** Code, message and detail in one line, for quarantine entries. */
    public String describe() {
      return reason.code() + ": " + reason.message() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  default boolean isValid() {
    return this instanceof Valid;
  }
}
