package io.github.synced.springcheck.server;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * {@code /tags}: {@code UUID} ids the client assigns; exposed by Spring Data REST with nothing
 * configured.
 */
@RepositoryRestResource(path = "tags", collectionResourceRel = "tags")
public interface TagRepository extends JpaRepository<TagRow, UUID> {}
