package cn.jzz.hub.schema;

/**
 * A failed check that does not block a record; stored in the record's {@code quality} system field.
 *
 * @param code stable UPPER_SNAKE code, e.g. {@code SEX_DISAGREES_WITH_ID}
 * @param field the field the finding is about
 * @param message what disagrees and what to check; never contains a full ID number
 */
public record QualityFinding(String code, String field, String message) {}
