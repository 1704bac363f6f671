package cn.jzz.hub.schema;

import java.time.LocalDate;

/**
 * A source's statement that a person carries a tag, as the merge stage hands it to a {@link TagRule}.
 *
 * @param tag the tag name
 * @param source the asserting source id
 * @param from the date the source gives for the start (e.g. {@code sfrq}, {@code jzqsrq},
 *     {@code start_date}); null when the source gives none
 * @param until the date the source gives for the end (e.g. {@code jzzzrq}, {@code stop_date},
 *     {@code zxrq}); null when open-ended
 */
public record TagAssertion(String tag, String source, LocalDate from, LocalDate until) {

  /** An assertion without dates. */
  public static TagAssertion of(String tag, String source) {
    return new TagAssertion(tag, source, null, null);
  }
}
