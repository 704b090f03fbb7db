package dev.snel.examples.background;

import dev.snel.Get;
import dev.snel.Snel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleUnaryOperator;

/**
 * FastAPI's lifespan example: a model loaded before the first request and released after the last,
 * and the startup and shutdown events beside it.
 */
public final class Lifespans {
  private Lifespans() {}

  /** What happened, in order, for the tests and the console. */
  public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  /** The loaded models: FastAPI's {@code ml_models}. */
  public static final class Models implements AutoCloseable {
    private final Map<String, DoubleUnaryOperator> models;

    private Models(Map<String, DoubleUnaryOperator> models) {
      this.models = models;
    }

    /** Loads the models: FastAPI's {@code fake_answer_to_everything_ml_model}. */
    public static Models load() {
      EVENTS.add("models loaded");
      return new Models(Map.of("answer_to_everything", x -> x * 42));
    }

    /** Runs a model. */
    public double predict(String name, double x) {
      return java.util.Objects.requireNonNull(models.get(name), name).applyAsDouble(x);
    }

    /** Releases the models. */
    @Override
    public void close() {
      EVENTS.add("models released");
    }
  }

  /** The routes. */
  public static final class Routes {
    /** Answers with the model's prediction. */
    @Get("/predict")
    public Map<String, Double> predict(Models models, double x) {
      return Map.of("result", models.predict("answer_to_everything", x));
    }
  }

  /** The app: the models made at startup and closed at shutdown, and the events around them. */
  public static Snel app() {
    Snel app = Snel.create();
    app.provide(Models.class, Models::load);
    app.lifespan(
        () -> {
          EVENTS.add("connected to the cache");
          return () -> EVENTS.add("disconnected from the cache");
        });
    app.onStartup(() -> EVENTS.add("startup event"));
    app.onShutdown(() -> EVENTS.add("shutdown event"));
    return app.include(new Routes());
  }
}
