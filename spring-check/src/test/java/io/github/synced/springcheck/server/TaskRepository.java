package io.github.synced.springcheck.server;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * {@code /tasks}: {@code Long} ids the server generates; exposed by Spring Data REST with nothing
 * configured.
 */
@RepositoryRestResource(path = "tasks", collectionResourceRel = "tasks")
public interface TaskRepository extends JpaRepository<TaskRow, Long> {}
