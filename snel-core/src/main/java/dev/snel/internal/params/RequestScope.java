package dev.snel.internal.params;

import dev.snel.BackgroundTasks;
import dev.snel.Cleanup;
import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.ValidationError;
import dev.snel.internal.http.QueryString;
import dev.snel.internal.values.ConversionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One request's scope, or one of work outside a request: the request and its path values (none
 * outside a request), the validation errors found so far, what several parameters share (the parsed
 * body, the injected response, dependencies' values) and the cleanups to run at the end. Used by
 * one thread at a time.
 */
public final class RequestScope implements Scope {
  private static final Logger LOG = LoggerFactory.getLogger(RequestScope.class);
  private static final String[] NO_PATH_VALUES = {};

  private final Injection injection;
  private final @Nullable Request request;
  private final String[] pathValues;
  private final boolean strictContentType;
  private @Nullable List<ValidationError> errors;
  private @Nullable Response response;
  private @Nullable JsonNode bodyTree;
  private boolean bodyParsed;
  private @Nullable Map<String, List<String>> form;
  private Map<String, List<dev.snel.UploadFile>> files = Map.of();
  private @Nullable Map<Object, Object> values;
  private @Nullable ArrayList<Cleanup> cleanups;
  private @Nullable ArrayList<Cleanup> lateCleanups;
  private @Nullable BackgroundTasks backgroundTasks;
  private @Nullable Set<AutoCloseable> closing;
  private boolean closed;

  /**
   * The scope of a request whose path matched with these values.
   *
   * @param strictContentType whether a body is read as JSON only when its content type says JSON
   */
  public RequestScope(
      Injection injection, Request request, String[] pathValues, boolean strictContentType) {
    this.injection = injection;
    this.request = request;
    this.pathValues = pathValues;
    this.strictContentType = strictContentType;
  }

  /** A scope without a request: a background task, a job, a startup hook. */
  public RequestScope(Injection injection) {
    this.injection = injection;
    this.request = null;
    this.pathValues = NO_PATH_VALUES;
    this.strictContentType = true;
  }

  /**
   * Whether the body is to be read as JSON: its content type is {@code application/json} or {@code
   * application/*+json}, or, when the content-type check is off, missing. Otherwise the body is
   * text, as FastAPI treats it (a model then fails with model_attributes_type).
   */
  boolean bodyIsJson() {
    String type = request().header("content-type").orElse(null);
    if (type == null) {
      return !strictContentType;
    }
    int semicolon = type.indexOf(';');
    String media =
        (semicolon < 0 ? type : type.substring(0, semicolon))
            .strip()
            .toLowerCase(java.util.Locale.ROOT);
    return media.equals("application/json")
        || (media.startsWith("application/") && media.endsWith("+json"));
  }

  /**
   * The request. Only binders compiled for a request call it: the compiler refuses request data
   * where no request is.
   */
  public Request request() {
    return Objects.requireNonNull(request, "a scope without a request");
  }

  String pathValue(int index) {
    return pathValues[index];
  }

  /** Records a failure. */
  public void fail(ValidationError error) {
    if (errors == null) {
      errors = new ArrayList<>(2);
    }
    errors.add(error);
  }

  void fail(List<Object> loc, ConversionException e, Object input) {
    fail(new ValidationError(e.type(), loc, e.getMessage(), input, e.ctx()));
  }

  int errorCount() {
    return errors == null ? 0 : errors.size();
  }

  /**
   * Puts the errors recorded since {@code from} in FastAPI's order for one level of a dependency
   * tree: by source (path, query, header, cookie, body), in signature order within a source. The
   * errors of a level's dependencies, recorded before, stay ahead of them.
   */
  void sortErrorsFrom(int from) {
    if (errors != null && errors.size() - from > 1) {
      errors
          .subList(from, errors.size())
          .sort(
              Comparator.comparing(
                  RequestScope::source, Comparator.nullsLast(Comparator.naturalOrder())));
    }
  }

  void missing(List<Object> loc) {
    fail(new ValidationError("missing", loc, "Field required", null));
  }

  /**
   * The errors found, or null if none. A body that is not JSON is the only error (FastAPI fails on
   * it before reading any parameter).
   */
  public @Nullable List<ValidationError> errors() {
    if (errors == null) {
      return null;
    }
    for (ValidationError error : errors) {
      if (error.type().equals("json_invalid")) {
        return List.of(error);
      }
    }
    return errors;
  }

  /** Where an error comes from (errors sort in the order of {@link Source}); null if unknown. */
  private static @Nullable Source source(ValidationError error) {
    Object first = error.loc().isEmpty() ? "" : error.loc().get(0);
    for (Source source : Source.values()) {
      if (source.loc().equals(first)) {
        return source;
      }
    }
    return null;
  }

  /** The response injected into the handler, created on first use. */
  Response response() {
    if (response == null) {
      response = Response.empty(200);
    }
    return response;
  }

  /** The injected response if the handler asked for one; else null. */
  public @Nullable Response injectedResponse() {
    return response;
  }

  /** The body parsed as a JSON tree, once; null (and an error recorded) if it is not JSON. */
  @Nullable JsonNode bodyTree() {
    if (!bodyParsed) {
      bodyParsed = true;
      bodyTree = JsonBodies.readTree(this);
    }
    return bodyTree;
  }

  /**
   * The body read as a form, once, as Starlette's {@code request.form()} reads it whatever the
   * content type: an urlencoded body's fields, a multipart body's fields (its files are in {@link
   * #files()}), or no fields for any other type. Over Starlette's limits it is Starlette's 400.
   */
  Map<String, List<String>> form() {
    Map<String, List<String>> parsed = form;
    if (parsed == null) {
      parsed = Map.of();
      String contentType = request().header("content-type").orElse("");
      if (isUrlEncoded(contentType)) {
        try {
          parsed = QueryString.parseForm(request().body());
        } catch (QueryString.TooLarge e) {
          throw new HttpException(400, String.valueOf(e.getMessage()));
        }
      } else if (MultipartForm.isMultipart(contentType)) {
        form = parsed; // read once, even when it fails
        List<java.nio.file.Path> spooled = new ArrayList<>(0);
        defer(failure -> MultipartForm.delete(spooled));
        MultipartForm.Parsed multipart = MultipartForm.read(request(), contentType, spooled);
        parsed = multipart.fields();
        files = multipart.files();
      }
      form = parsed;
    }
    return parsed;
  }

  /** The files of a multipart form, by field name; empty until {@link #form()} read one. */
  Map<String, List<dev.snel.UploadFile>> files() {
    return files;
  }

  /** python-multipart's parse_options_header: the media type before any ';', any case. */
  private static boolean isUrlEncoded(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .equalsIgnoreCase("application/x-www-form-urlencoded");
  }

  /** The value stored under a key in this scope (a dependency's), or null. */
  @Nullable Object value(Object key) {
    return values == null ? null : values.get(key);
  }

  void value(Object key, Object value) {
    if (values == null) {
      values = new HashMap<>(8);
    }
    values.put(key, value);
  }

  Injection injection() {
    return injection;
  }

  @Override
  public void defer(Cleanup cleanup) {
    Objects.requireNonNull(cleanup, "cleanup");
    if (closed) {
      throw new IllegalStateException("this scope has ended");
    }
    if (cleanups == null) {
      cleanups = new ArrayList<>(2);
    }
    cleanups.add(cleanup);
  }

  @Override
  public void deferAfterBackgroundTasks(Cleanup cleanup) {
    Objects.requireNonNull(cleanup, "cleanup");
    if (request == null) {
      defer(cleanup);
      return;
    }
    if (lateCleanups == null) {
      lateCleanups = new ArrayList<>(1);
    }
    lateCleanups.add(cleanup);
  }

  /** How many cleanups are registered, for {@link #closeAtEnd}. */
  int cleanupCount() {
    return cleanups == null ? 0 : cleanups.size();
  }

  /** How many cleanups after the background tasks are registered, for {@link #closeAtEnd}. */
  int lateCleanupCount() {
    return lateCleanups == null ? 0 : lateCleanups.size();
  }

  /**
   * Closes a dependency's value when the scope ends, once: a dependency that passes on another's
   * value does not close it twice. It is closed after the cleanups its dependency registered while
   * making it (counted from the given marks), which may still use it to commit; and after the
   * background tasks if its dependency deferred work after them (the tasks use the value).
   */
  void closeAtEnd(AutoCloseable value, int cleanupsBefore, int lateCleanupsBefore) {
    if (closing == null) {
      closing = Collections.newSetFromMap(new IdentityHashMap<>());
    }
    if (!closing.add(value)) {
      return;
    }
    Cleanup close = failure -> value.close();
    if (lateCleanups != null && lateCleanups.size() > lateCleanupsBefore) {
      lateCleanups.add(lateCleanupsBefore, close);
      return;
    }
    defer(close);
    List<Cleanup> all = Objects.requireNonNull(cleanups);
    if (cleanupsBefore < all.size() - 1) {
      all.add(cleanupsBefore, all.remove(all.size() - 1));
    }
  }

  /** This scope's background tasks, created on first use. */
  BackgroundTasks backgroundTasks() {
    if (backgroundTasks == null) {
      backgroundTasks = new BackgroundTasks();
    }
    return backgroundTasks;
  }

  /** Whether anything is left to do after the response is written: tasks or late cleanups. */
  public boolean hasWorkAfterResponse() {
    return (backgroundTasks != null && !backgroundTasks.isEmpty()) || lateCleanups != null;
  }

  /**
   * Runs the background tasks, then the cleanups deferred after them, seeing the request's failure,
   * else the first task's. For after the response has been written. A request that failed runs no
   * tasks (as in FastAPI, whose error response carries none), only those cleanups.
   */
  public void runWorkAfterResponse(@Nullable Throwable requestFailure) {
    Throwable failure = requestFailure;
    if (backgroundTasks != null && failure == null) {
      Exception taskFailure = backgroundTasks.run();
      if (failure == null) {
        failure = taskFailure;
      }
    }
    List<Cleanup> late = lateCleanups;
    lateCleanups = null;
    if (late != null) {
      for (int i = late.size() - 1; i >= 0; i--) {
        try {
          late.get(i).run(failure);
        } catch (Throwable e) {
          LOG.error("A cleanup after the background tasks failed [request {}]", request().id(), e);
        }
      }
    }
  }

  @Override
  public <T> T get(Class<T> type) {
    return get(type, type);
  }

  @Override
  public <T> T get(Class<?> dependency, Class<T> type) {
    Object value;
    try {
      value = injection.standalone(dependency, type).resolve(this);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(dependency.getName() + " failed: " + e, e);
    }
    if (errors != null) {
      throw new IllegalStateException(dependency.getName() + " failed: " + errors);
    }
    if (value == null) {
      throw new IllegalStateException(dependency.getName() + " produced null");
    }
    return type.cast(value);
  }

  /**
   * Runs the cleanups, last registered first, each seeing the failure so far.
   *
   * @param failure what the handler or the encoding threw; null if nothing
   * @return the failure after the cleanups: the given one (with cleanups' failures suppressed in
   *     it, and logged), or the first a cleanup threw when none was given
   */
  public @Nullable Throwable end(@Nullable Throwable failure) {
    closed = true;
    List<Cleanup> pending = cleanups;
    if (pending == null) {
      return failure;
    }
    cleanups = null;
    Throwable current = failure;
    for (int i = pending.size() - 1; i >= 0; i--) {
      try {
        pending.get(i).run(current);
      } catch (Throwable e) {
        if (current == null) {
          current = e;
        } else {
          LOG.warn("A cleanup failed after an earlier failure ({})", current.toString(), e);
          if (current != e) {
            current.addSuppressed(e);
          }
        }
      }
    }
    return current;
  }

  @Override
  public void close() {
    if (backgroundTasks != null) {
      backgroundTasks.run(); // before the cleanups: the tasks may use what they close
    }
    Throwable failure = end(null);
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("a cleanup failed: " + failure, failure);
    }
  }
}
