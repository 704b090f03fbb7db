package dev.snel.examples.auth;

import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Form;
import dev.snel.Format;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Model;
import dev.snel.Post;
import dev.snel.Query;
import dev.snel.Snel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FastAPI's "Form Data" and "Form Models" tutorials, and its query, header and cookie parameter
 * models: fields of an urlencoded body one by one, a record as the whole form, and records that
 * group a route's query parameters, headers or cookies.
 */
public final class FormsApp {
  private FormsApp() {}

  /** The whole login form; other fields are refused. */
  @Model(extra = Model.Extra.FORBID)
  public record FormData(String username, String password) {}

  /** How the items are ordered. */
  public enum OrderBy {
    /** Oldest first. */
    created_at,
    /** Least recently changed first. */
    updated_at
  }

  /** The query parameters of a list of items; other query parameters are refused. */
  @Model(extra = Model.Extra.FORBID)
  public record FilterParams(
      @Positive @Max(100) @Default("100") int limit,
      @Min(0) @Default("0") int offset,
      @Default("created_at") OrderBy order_by,
      @Default({}) List<String> tags) {}

  /** Headers a route reads together. */
  public record CommonHeaders(
      String host,
      boolean save_data,
      Optional<String> if_modified_since,
      Optional<String> traceparent,
      @Default({}) List<String> x_tag) {}

  /** Cookies a route reads together; other cookies are refused. */
  @Model(extra = Model.Extra.FORBID)
  public record Cookies(
      String session_id, Optional<String> fatebook_tracker, Optional<String> googall_tracker) {}

  /** The routes. */
  public static final class Routes {
    /** Form fields one by one. */
    @Post("/login/")
    public Map<String, String> login(
        @Form String username, @Form @Format("password") String password) {
      return Map.of("username", username);
    }

    /** A form model: the record is the form. */
    @Post("/login-model/")
    public FormData loginModel(@Form FormData data) {
      return data;
    }

    /** A query parameter model. */
    @Get("/items/")
    public FilterParams readItems(@Query FilterParams filter_query) {
      return filter_query;
    }

    /** A header parameter model. */
    @Get("/headers/")
    public CommonHeaders readHeaders(@Header CommonHeaders headers) {
      return headers;
    }

    /** A cookie parameter model. */
    @Get("/cookies/")
    public Cookies readCookies(@Cookie Cookies cookies) {
      return cookies;
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Routes());
  }
}
