package dev.snel.internal.http;

/**
 * An output told that the body's writer has returned (or thrown), before the request's cleanups run
 * on the writer's thread. A server interrupts that thread when its client goes away; from here on
 * it must not: the interrupt is meant for the writer, and would close the sockets the cleanups
 * still use (a virtual thread's socket I/O ends on an interrupt: a database's rollback).
 */
public interface WriterReturned {
  /** The writer is done with this output; called on the writer's thread. */
  void writerReturned();
}
