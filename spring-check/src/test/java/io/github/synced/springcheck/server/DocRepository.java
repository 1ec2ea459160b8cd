package io.github.synced.springcheck.server;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * {@code /docs}: {@code UUID} ids the server generates; exposed by Spring Data REST with nothing
 * configured.
 */
@RepositoryRestResource(path = "docs", collectionResourceRel = "docs")
public interface DocRepository extends JpaRepository<DocRow, UUID> {}
