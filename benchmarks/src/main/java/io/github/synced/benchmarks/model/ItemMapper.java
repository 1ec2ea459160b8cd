package io.github.synced.benchmarks.model;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;

/**
 * MapStruct's answer to {@code ItemSync.merge}: an {@code @MappingTarget} update that copies every
 * synced property of {@code server} onto {@code local} and leaves the local-only flags alone.
 */
@Mapper
public interface ItemMapper {

  /** The generated mapper. */
  ItemMapper INSTANCE = Mappers.getMapper(ItemMapper.class);

  /** Copies the synced properties of {@code server} onto {@code local}. */
  @Mapping(target = "expanded", ignore = true)
  @Mapping(target = "selected", ignore = true)
  void merge(@MappingTarget Item local, Item server);
}
