package dev.snel.internal.http;

import java.io.IOException;

/**
 * Why a body the server streams could not be read to its end, as the status to answer: 413 over the
 * upload limit, 408 a client sending too slowly, 400 a malformed chunk or a client gone. Thrown by
 * the server's body stream to the request's thread, which answers it as an HTTP error.
 */
public final class RequestBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A failure answered with this status and detail. */
  public RequestBodyException(int status, String detail) {
    super(detail);
    this.status = status;
  }

  /** The status to answer. */
  public int status() {
    return status;
  }
}
