package dev.snel.sql;

import java.sql.SQLTransientConnectionException;

/**
 * No pooled connection came free within the configured timeout: the database is busy. {@link
 * Sql#install} answers it 503 {@code {"detail":"Database busy, try again"}}; replace that with
 * {@code app.exceptionHandler(DatabaseBusyException.class, ...)}.
 */
public final class DatabaseBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseBusyException(SQLTransientConnectionException cause) {
    super(cause.getMessage(), cause);
  }
}
