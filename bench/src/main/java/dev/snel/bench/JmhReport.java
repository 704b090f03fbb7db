package dev.snel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into the Markdown tables of docs/benchmarks.md:
 * one table per benchmark class, one row per parameter value, one column per benchmark method, and
 * each method's ratio to the class's reference ({@code hashMap}, {@code handWritten}, {@code
 * rawNetty}, {@code wrongPassword} or {@code plainRoute}).
 *
 * <p>Cells show the fastest measurement iteration: on a shared machine other processes only ever
 * add time, so the fastest iteration is the least disturbed one. The median of the iterations and
 * JMH's own mean ± 99.9 % error follow each table, to show the spread.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar dev.snel.bench.JmhReport result.json}</pre>
 */
public final class JmhReport {
  private static final Set<String> REFERENCES =
      Set.of("hashMap", "handWritten", "rawNetty", "wrongPassword", "plainRoute");
  private static final Set<String> NO_RATIO = Set.of("freshPathOnly");

  private JmhReport() {}

  /** Prints the report of the file named by the first argument. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JmhReport jmh-result.json");
      System.exit(2);
    }
    JsonNode results = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
    // class -> row (params) -> method -> result
    Map<String, Map<String, Map<String, Result>>> tables = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (JsonNode run : results) {
      String[] name = run.get("benchmark").asString().split("\\.", -1);
      String type = name[name.length - 2];
      String method = name[name.length - 1];
      List<String> params = new ArrayList<>();
      JsonNode p = run.get("params");
      if (p != null) {
        p.properties().forEach(e -> params.add(e.getValue().asString()));
      }
      JsonNode metric = run.get("primaryMetric");
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : metric.get("rawData")) {
        for (JsonNode value : fork) {
          iterations.add(value.asDouble());
        }
      }
      Result result =
          new Result(
              iterations.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
              median(iterations),
              metric.get("score").asDouble(),
              metric.get("scoreError").asDouble());
      tables
          .computeIfAbsent(type, k -> new LinkedHashMap<>())
          .computeIfAbsent(
              params.isEmpty() ? "–" : String.join(", ", params), k -> new LinkedHashMap<>())
          .put(method, result);
      units.put(type, metric.get("scoreUnit").asString());
    }
    // each result put its type into both maps
    tables.forEach(
        (type, rows) -> print(type, Objects.requireNonNull(units.get(type), type), rows));
  }

  private record Result(double min, double median, double mean, double error) {}

  private static void print(String type, String unit, Map<String, Map<String, Result>> rows) {
    List<String> methods = new ArrayList<>();
    rows.values()
        .forEach(
            r ->
                r.keySet()
                    .forEach(
                        m -> {
                          if (!methods.contains(m)) methods.add(m);
                        }));
    String reference = methods.stream().filter(REFERENCES::contains).findFirst().orElse(null);
    List<String> ratios =
        reference == null
            ? List.of()
            : methods.stream().filter(m -> !m.equals(reference) && !NO_RATIO.contains(m)).toList();
    System.out.printf(Locale.ROOT, "### %s (%s, fastest iteration)%n%n", type, unit);
    StringBuilder head = new StringBuilder("| params |");
    StringBuilder line = new StringBuilder("|---|");
    for (String m : methods) {
      head.append(' ').append(m).append(" |");
      line.append("---:|");
    }
    for (String m : ratios) {
      head.append(' ').append(m).append(" / ").append(reference).append(" |");
      line.append("---:|");
    }
    System.out.println(head);
    System.out.println(line);
    rows.forEach(
        (params, byMethod) -> {
          StringBuilder row = new StringBuilder("| `" + params + "` |");
          for (String m : methods) {
            Result r = byMethod.get(m);
            row.append(r == null ? " – |" : " " + number(r.min()) + " |");
          }
          for (String m : ratios) {
            Result r = byMethod.get(m);
            Result ref = byMethod.get(reference);
            row.append(
                r == null || ref == null
                    ? " – |"
                    : String.format(Locale.ROOT, " %.2f× |", r.min() / ref.min()));
          }
          System.out.println(row);
        });
    System.out.printf(Locale.ROOT, "%nMedian iteration; JMH mean ± error (99.9 %%), %s:%n%n", unit);
    rows.forEach(
        (params, byMethod) -> {
          StringBuilder row = new StringBuilder("- `" + params + "`:");
          byMethod.forEach(
              (m, r) ->
                  row.append(' ')
                      .append(m)
                      .append(' ')
                      .append(number(r.median()))
                      .append("; ")
                      .append(number(r.mean()))
                      .append(" ± ")
                      .append(number(r.error()))
                      .append(';'));
          System.out.println(row.substring(0, row.length() - 1));
        });
    System.out.println();
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
