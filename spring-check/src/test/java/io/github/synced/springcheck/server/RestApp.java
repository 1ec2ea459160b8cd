package io.github.synced.springcheck.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stock Spring Boot application: Spring Data REST over JPA repositories in an in-memory H2
 * database, on a free loopback port. Nothing about it is shaped for Synced.
 */
@SpringBootApplication
public class RestApp {

  /** Starts the server on a free port of the loopback address. */
  public static ConfigurableApplicationContext start() {
    return SpringApplication.run(
        RestApp.class,
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off",
        "--spring.datasource.url=jdbc:h2:mem:synced;DB_CLOSE_DELAY=-1",
        "--spring.jpa.open-in-view=false",
        "--logging.level.root=WARN",
        "--logging.level.org.springframework.data.rest=ERROR",
        "--logging.level.org.hibernate.orm.jdbc.error=OFF");
  }
}
