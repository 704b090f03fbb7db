package dev.snel.internal.routing;

import dev.snel.ResponseValidationException;
import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Encoding;
import dev.snel.internal.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a handler's result through the response model's schema: only the model's members are
 * written, read from whatever object the handler returned; a result that does not fit is a {@link
 * ResponseValidationException}.
 */
final class ResponseEncoder {
  private final Schema schema;
  private final Encoding.Options options;

  ResponseEncoder(Schema schema, Encoding.Options options) {
    this.schema = schema;
    this.options = options;
  }

  // a void handler's null reaches the schema, which writes it as JSON null or reports it
  @SuppressWarnings("NullAway")
  byte[] encode(@Nullable Object result) {
    Encoding encoding = new Encoding(options);
    byte[] json = Json.write(generator -> schema.encode(result, generator, encoding));
    if (!encoding.errors().isEmpty()) {
      throw new ResponseValidationException(encoding.errors());
    }
    return json;
  }
}
