package dev.snel.jpa;

import dev.snel.Scope;
import dev.snel.Snel;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * A persistence unit built in code, on Hibernate ORM: the entity classes, the {@link DataSource}
 * the connections come from, and what to do with the schema at startup. No {@code persistence.xml}
 * is read. This is SQLAlchemy's engine plus {@code Base.metadata} in one object.
 *
 * <pre>{@code
 * app.provide(DataSource.class, () -> new HikariDataSource(config));   // any pool
 * Jpa.entities(User.class).createTables().provide(app);                // the EntityManagerFactory
 *
 * @Post("/users/")
 * public User create(UserCreate user, @Depends(EntityManagers.class) EntityManager em) { ... }
 * }</pre>
 *
 * <p>A {@code Jpa} is a builder: each method changes it and returns it. Build it at startup, on one
 * thread.
 */
public final class Jpa {
  private final List<Class<?>> entities;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private String name = "snel";

  private Jpa(List<Class<?>> entities) {
    this.entities = entities;
  }

  /** A unit managing these entity classes (each annotated {@code @Entity}). */
  public static Jpa entities(Class<?>... entityClasses) {
    return new Jpa(new ArrayList<>(List.of(entityClasses)));
  }

  /** The unit's name, as Hibernate logs it; {@code snel} by default. */
  public Jpa name(String unitName) {
    this.name = unitName;
    return this;
  }

  /**
   * Creates the tables (with their unique constraints and indexes) that do not exist yet when the
   * factory is built: SQLAlchemy's {@code Base.metadata.create_all(bind=engine)}. Tables that exist
   * are kept with their rows; unlike {@code create_all}, a column an entity gained is added to its
   * table too (Hibernate's {@code update}). Real applications migrate their schema instead (Flyway)
   * and leave this off.
   */
  public Jpa createTables() {
    return property("hibernate.hbm2ddl.auto", "update");
  }

  /**
   * Sets a Jakarta Persistence or Hibernate property, such as {@code hibernate.show_sql} or {@code
   * hibernate.default_schema}; it wins over what this builder set before.
   */
  public Jpa property(String key, Object value) {
    properties.put(key, value);
    return this;
  }

  /**
   * Builds the factory on this DataSource. The caller closes the factory (it is {@link
   * AutoCloseable}); closing it does not close the DataSource.
   */
  public EntityManagerFactory entityManagerFactory(DataSource dataSource) {
    PersistenceConfiguration configuration =
        new PersistenceConfiguration(name)
            .provider(HibernatePersistenceProvider.class.getName())
            .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
            .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    for (Class<?> entity : entities) {
      configuration.managedClass(entity);
    }
    configuration.properties(properties);
    // the provider directly, not Persistence's lookup through the service loader: one unit, one
    // provider, whatever else is on the class path
    return new HibernatePersistenceProvider().createEntityManagerFactory(configuration);
  }

  /**
   * Provides the app's {@link EntityManagerFactory}, built on the app's {@link DataSource} (which
   * must be provided too, before or after): made when the app starts, closed when it closes, before
   * the DataSource if that was provided first. {@link EntityManagers} opens one {@code
   * EntityManager} per request from it.
   */
  public Snel provide(Snel app) {
    return app.provide(
        EntityManagerFactory.class,
        () -> {
          try (Scope scope = app.openScope()) {
            return entityManagerFactory(scope.get(DataSource.class));
          }
        });
  }
}
