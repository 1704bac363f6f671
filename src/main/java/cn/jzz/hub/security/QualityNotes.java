package cn.jzz.hub.security;

import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person page's {@code quality} notes as a caller may see them. A note is free text written while
 * reading a source ({@code "<source> <record key>: <field>: '<raw value>' is not …"}) or by an ID check
 * ({@code "<CODE>: …"}), so it can quote raw IDs, names and phones, and its field or source can itself be
 * the hidden fact. Notes of a field the caller may not see, of tags when some tag is hidden from her, or
 * of a source whose presence is hidden are dropped; for callers who see M fields masked every quoted
 * value is masked (a note may quote a neighbouring column, e.g. an address read for a community code)
 * and so is every run of digits long enough to be an ID or phone number.
 */
final class QualityNotes {

  private static final Pattern SOURCE_PREFIX = Pattern.compile("^([a-z][a-z0-9_]*) (h[0-9a-f]{32}): (.*)$", Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("^([^:'“]{1,80}): (.*)$", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|“([^”]*)”");
  private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{7,}[0-9Xx]?(?![0-9])");

  private final ResidentSchema schema;

  QualityNotes(ResidentSchema schema) {
    this.schema = schema;
  }

  /**
   * @param visibleSource whether the caller may know that a source speaks of the person
   * @param allTagsVisible whether the caller sees every tag (tag notes name tags)
   */
  List<String> protect(Object notes, Principal principal, boolean unmasked, Predicate<String> visibleSource, boolean allTagsVisible) {
    List<String> out = new ArrayList<>();
    if (!(notes instanceof List<?> list)) {
      return out;
    }
    for (Object item : list) {
      if (item != null) {
        note(item.toString(), principal, unmasked, visibleSource, allTagsVisible).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<String> note(String note, Principal principal, boolean unmasked, Predicate<String> visibleSource, boolean allTagsVisible) {
    String prefix = "";
    String rest = note;
    Matcher source = SOURCE_PREFIX.matcher(note);
    if (source.matches()) {
      if (!visibleSource.test(source.group(1))) {
        return Optional.empty();
      }
      prefix = source.group(1) + " " + source.group(2) + ": ";
      rest = source.group(3);
    }
    Matcher labelled = LABEL.matcher(rest);
    String label = labelled.matches() ? labelled.group(1).strip() : "";
    Optional<FieldDef> field = schema.field(label);
    if (field.isPresent() && !principal.maySee(field.get())) {
      return Optional.empty();
    }
    if ((label.equals("tags") || label.startsWith("tags.")) && !allTagsVisible) {
      return Optional.empty();
    }
    if (unmasked) {
      return Optional.of(note);
    }
    return Optional.of(prefix + maskDigits(maskQuoted(rest, field.filter(FieldDef::isMasked).map(FieldDef::key).orElse(null))));
  }

  private static String maskQuoted(String text, String maskedField) {
    Matcher m = QUOTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean plain = m.group(1) != null;
      String value = plain ? m.group(1) : m.group(2);
      String masked = value.isEmpty() ? value : maskedField != null ? Masks.mask(maskedField, value) : Masks.generic(value);
      m.appendReplacement(out, Matcher.quoteReplacement(plain ? "'" + masked + "'" : "“" + masked + "”"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String maskDigits(String text) {
    Matcher m = DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digits = m.group();
      String masked = digits.length() >= 15 ? Masks.idNumber(digits) : digits.length() == 11 ? Masks.phone(digits) : digits.substring(0, 3) + "****";
      m.appendReplacement(out, Matcher.quoteReplacement(masked));
    }
    m.appendTail(out);
    return out.toString();
  }
}
