package dev.snel.bench;

import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Decoding;
import dev.snel.internal.schema.Encoding;
import dev.snel.internal.schema.Schema;
import dev.snel.internal.schema.Schemas;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * The seed's models through Snel's compiled schemas (decode with every check: lengths and the
 * e-mail address; encode through the response model) against plain Jackson databind of the same
 * records (the reference: no validation, no filtering), on the same shared mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelBenchmark {
  /** The seed's request model. */
  public record UserCreate(
      @Size(min = 3, max = 50) String username,
      @Email String email,
      @Size(min = 8) String password) {}

  /** The seed's response model. */
  public record UserResponse(long id, String username, String email, LocalDateTime created_at) {}

  private static final byte[] BODY =
      "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"secret123\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final List<Object> LOC = List.of("body");

  private final Schema createSchema = Schemas.of(UserCreate.class);
  private final Schema responseSchema = Schemas.of(UserResponse.class);
  private final ObjectReader databindReader = Json.mapper().readerFor(UserCreate.class);
  private final ObjectWriter databindWriter = Json.mapper().writerFor(UserResponse.class);
  private final UserResponse response =
      new UserResponse(1, "alice", "alice@example.com", LocalDateTime.of(2024, 1, 1, 0, 0));

  /** Snel: decode and validate UserCreate. */
  @Benchmark
  public Object decodeSnel() {
    Decoding decoding = new Decoding(BODY, LOC);
    try (JsonParser parser = Json.mapper().createParser(BODY)) {
      parser.nextToken();
      return createSchema.decode(parser, decoding);
    }
  }

  /** Reference: Jackson databind of UserCreate, no validation. */
  @Benchmark
  public Object decodeDatabind() {
    return databindReader.readValue(BODY);
  }

  /** Snel: encode UserResponse through its response model. */
  @Benchmark
  public byte[] encodeSnel() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator generator = Json.mapper().createGenerator(out)) {
      responseSchema.encode(response, generator, new Encoding(Encoding.Options.ALL));
    }
    return out.toByteArray();
  }

  /** Reference: Jackson databind of UserResponse. */
  @Benchmark
  public byte[] encodeDatabind() {
    return databindWriter.writeValueAsBytes(response);
  }
}
