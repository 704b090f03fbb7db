package dev.snel.internal.json;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snel's one Jackson mapper, configured like FastAPI's JSON encoding: properties in declaration
 * order, ISO-8601 dates, unknown input properties ignored (pydantic's default).
 */
public final class Json {
  /**
   * The deepest nesting accepted (pydantic's JSON parser stops at 200 too): deeper input is refused
   * before it can exhaust the stack.
   */
  public static final int MAX_NESTING_DEPTH = 200;

  /**
   * The longest number literal read: Python's int() reads no more than 4,300 digits, so FastAPI's
   * json.loads refuses a longer integer (a 400); Java's BigInteger would parse it in quadratic
   * time.
   */
  public static final int MAX_NUMBER_LENGTH = 4300;

  private Json() {}

  /** The shared mapper; thread-safe. */
  public static JsonMapper mapper() {
    return Mapper.INSTANCE;
  }

  /** The value as compact UTF-8 JSON. */
  public static byte[] encode(Object value) {
    return Mapper.INSTANCE.writeValueAsBytes(value);
  }

  /**
   * Builds the mapper on a daemon thread of its own, so that a server's first JSON answer does not
   * pay for it: building runs Jackson's static initialisation (date formats and their locale data,
   * the java.time module), tens of milliseconds before the JIT has compiled anything. A thread that
   * needs the mapper meanwhile waits for that build (the JVM's class initialisation lock) rather
   * than doing it twice.
   */
  public static void buildInBackground() {
    if (BUILD_STARTED.compareAndSet(false, true)) { // once per JVM, however many servers start
      Thread.ofPlatform().daemon().name("snel-json-init").start(Json::mapper);
    }
  }

  private static final AtomicBoolean BUILD_STARTED = new AtomicBoolean();

  /** Holds the mapper, so that loading {@link Json} does not build it. */
  private static final class Mapper {
    static final JsonMapper INSTANCE =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    // Handlers run on a new virtual thread each: the default pool's deque
                    // allocates a node per release; the hybrid one keeps virtual threads' buffers
                    // in a striped array (and platform threads' in thread-locals)
                    .recyclerPool(JsonRecyclerPools.sharedHybridPool())
                    .build())
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /**
   * What the writer writes, as compact UTF-8 JSON. As {@link #encode}: the generator and the byte
   * builder it writes into take their buffers from Jackson's pool, so the one array allocated is
   * the result (a {@code ByteArrayOutputStream} would grow an array of its own, then copy it).
   */
  public static byte[] write(Consumer<JsonGenerator> writer) {
    JsonMapper mapper = Mapper.INSTANCE;
    BufferRecycler recycler = mapper.tokenStreamFactory()._getBufferRecycler();
    ByteArrayBuilder out = new ByteArrayBuilder(recycler);
    try {
      try (JsonGenerator generator = mapper.createGenerator(out)) {
        writer.accept(generator);
      }
      return out.toByteArray();
    } finally {
      out.release();
      recycler.releaseToPool();
    }
  }
}
