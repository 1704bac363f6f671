package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person page's {@code quality} notes as a caller may see them. A note is free text written while
 * reading a source ({@code "<source> <entity>:<key>: <field>: '<raw value>' is not …"}, the form
 * GoldenRecordBuilder writes) or by an ID check ({@code "<CODE>: …"}), so it can quote raw IDs, names
 * and phones, and its source, its record key or its field can itself be the hidden fact. Notes of a
 * field the caller does not see, of tags when some tag is hidden from her, or of a source whose
 * membership is hidden are dropped; record keys are cut unless her role may see them; unless she sees
 * every M field clear, every quoted value is masked (a note may quote a neighbouring column) and so is
 * every run of digits long enough to be an ID or phone number.
 */
final class QualityNotes {

  private static final Pattern SOURCE_PREFIX = Pattern.compile("^([a-z][a-z0-9_]*) (\\S+): (.*)$", Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("^([^:'“]{1,80}): (.*)$", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|“([^”]*)”");
  private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{7,}[0-9Xx]?(?![0-9])");

  private final ResidentSchema schema;

  QualityNotes(ResidentSchema schema) {
    this.schema = schema;
  }

  /**
   * @param unmasked false to mask quoted values even for a caller who sees every M field clear
   * @param allTagsVisible whether the caller sees every stored tag (tag notes name tags)
   */
  List<String> protect(Object notes, CallerView view, boolean unmasked, boolean allTagsVisible) {
    List<String> out = new ArrayList<>();
    if (!(notes instanceof List<?> list)) {
      return out;
    }
    boolean clear = unmasked && schema.maskedFields().stream().allMatch(f -> view.clear(f.key()));
    for (Object item : list) {
      if (item != null) {
        note(item.toString(), view, clear, allTagsVisible).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<String> note(String note, CallerView view, boolean clear, boolean allTagsVisible) {
    String prefix = "";
    String rest = note;
    Matcher source = SOURCE_PREFIX.matcher(note);
    if (source.matches() && schema.sources().contains(source.group(1))) {
      if (view.source(source.group(1)) != Treatment.clear) {
        return Optional.empty();
      }
      prefix = source.group(1) + (view.recordKeys() ? " " + source.group(2) : "") + ": ";
      rest = source.group(3);
    }
    Matcher labelled = LABEL.matcher(rest);
    String label = labelled.matches() ? labelled.group(1).strip() : "";
    Optional<FieldDef> field = schema.field(label);
    if (field.isPresent() && !view.shows(field.get().key())) {
      return Optional.empty();
    }
    if ((label.equals("tags") || label.startsWith("tags.")) && !allTagsVisible) {
      return Optional.empty();
    }
    if (clear) {
      return Optional.of(prefix + rest);
    }
    return Optional.of(prefix + maskDigits(maskQuoted(rest, field.filter(f -> f.isMasked() || !view.clear(f.key())).map(FieldDef::key).orElse(null))));
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
