import dev.snel.Snel;
import dev.snel.examples.sqlusers.Main;
import dev.snel.netty.SnelServer;
import dev.snel.sql.DatabaseConfig;
import dev.snel.sql.Sql;
import java.time.Duration;

/**
 * examples/sql-users' routes and SQL object with the pool of the FastAPI side of
 * bench/sql-users.sh: POOL_SIZE (default 40) and MAX_OVERFLOW (default 0) from the environment (why:
 * fastapi-sql-users/main.py), pre-ping on. The example itself keeps SQLAlchemy's pool_size=5 and
 * max_overflow=10; only the pool differs here. The script creates the table.
 */
public final class SnelSqlUsers {
  public static void main(String[] args) {
    Snel app = Snel.create();
    Sql.install(
        app,
        DatabaseConfig.of(System.getenv("DATABASE_URL"))
            .poolSize(Integer.parseInt(System.getenv().getOrDefault("POOL_SIZE", "40")))
            .maxOverflow(Integer.parseInt(System.getenv().getOrDefault("MAX_OVERFLOW", "0")))
            .prePing(true)
            .recycle(Duration.ofMinutes(30))
            .timeout(Duration.ofSeconds(30)));
    SnelServer.run(app.include(new Main.Routes()));
  }
}
