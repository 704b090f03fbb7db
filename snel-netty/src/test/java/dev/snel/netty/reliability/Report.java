package dev.snel.netty.reliability;

import java.util.List;

/**
 * The Markdown the suite writes: the attack table, the measurements and the soak, and their places
 * in {@code docs/reliability.md} between {@code <!-- name:begin -->} and {@code <!-- name:end -->}
 * markers.
 */
final class Report {
  private Report() {}

  /** One attack and what came of it. */
  record Row(Attack attack, Attack.Outcome outcome) {}

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| # | attack | sent | expected | what the server did | result |\n");
    out.append("|---|---|---|---|---|---|\n");
    int n = 1;
    for (Row row : rows) {
      Attack.Outcome outcome = row.outcome();
      out.append("| ")
          .append(n++)
          .append(" | ")
          .append(cell(row.attack().name()))
          .append(" | ")
          .append(cell(row.attack().sent()))
          .append(" | ")
          .append(cell(row.attack().expected()))
          .append(" | ")
          .append(cell(outcome.observed()))
          .append(" | ")
          .append(outcome.passed() ? "pass" : "**FAIL** (missed: " + cell(outcome.missed()) + ")")
          .append(" |\n");
    }
    long passed = rows.stream().filter(r -> r.outcome().passed()).count();
    out.append("\n").append(passed).append(" of ").append(rows.size()).append(" attacks pass.\n");
    return out.toString();
  }

  static String measurements(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append("- ").append(line).append('\n');
    }
    return out.toString();
  }

  static String standalone(String table, String measurements, String soak) {
    return "# Reliability suite results\n\n## Attacks\n\n"
        + table
        + "\n## Measurements\n\n"
        + measurements
        + "\n## Soak\n\n"
        + soak;
  }

  /** The text between a section's markers, without the newlines next to them. */
  static String section(String doc, String name) {
    String begin = "<!-- " + name + ":begin -->\n";
    String end = "<!-- " + name + ":end -->";
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(
          "docs/reliability.md has no " + begin.strip() + " ... " + end + " section");
    }
    return doc.substring(from + begin.length(), to);
  }

  static String replace(String doc, String name, String content) {
    String old = section(doc, name);
    String begin = "<!-- " + name + ":begin -->\n";
    int from = doc.indexOf(begin) + begin.length();
    return doc.substring(0, from) + content + doc.substring(from + old.length());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
