package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Task;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.EntityField;
import io.github.synced.runtime.Patch;
import io.github.synced.runtime.json.JsonCodec;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Stands in for the generated {@code TaskJson}: the client's typed codec of the server's task JSON.
 * Local-only {@code expanded} and {@code selected} are never written and ignored when read.
 */
final class HandTaskJson implements JsonCodec<Task> {

  private final ObjectMapper mapper;

  HandTaskJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public HandTaskSync type() {
    return HandTaskSync.TYPE;
  }

  @Override
  public void write(JsonGenerator out, Task task) throws IOException {
    writePatch(out, HandTaskSync.TYPE.patch(task, EnumSet.allOf(HandTaskField.class)));
  }

  @Override
  public void writePatch(JsonGenerator out, Patch<Task> patch) throws IOException {
    out.writeStartObject();
    for (EntityField f : patch.fields()) {
      Object v = patch.get(f);
      switch ((HandTaskField) f) {
        case ID, TITLE -> out.writeStringField(f.fieldName(), (String) v);
        case DONE -> out.writeBooleanField(f.fieldName(), (Boolean) v);
        case UPDATED_AT -> out.writeNumberField(f.fieldName(), (Long) v);
      }
    }
    out.writeEndObject();
  }

  @Override
  public Task read(JsonParser in) throws IOException {
    HandTaskPatch patch = readPatch(in);
    String id =
        patch.fields().contains(HandTaskField.ID) ? (String) patch.get(HandTaskField.ID) : null;
    for (HandTaskField required : EnumSet.of(HandTaskField.ID, HandTaskField.UPDATED_AT)) {
      if (!patch.fields().contains(required)) {
        throw new BadServerDataException("Task", id, required.fieldName(), "missing");
      }
    }
    return patch.applyTo(new Task());
  }

  @Override
  public HandTaskPatch readPatch(JsonParser in) throws IOException {
    JsonNode tree = mapper.readTree(in);
    if (tree == null || !tree.isObject()) {
      throw new BadServerDataException("Task", null, null, "expected a JSON object");
    }
    String id = tree.path("id").isTextual() ? tree.get("id").textValue() : null;
    HandTaskPatch patch = HandTaskPatch.empty();
    for (HandTaskField f : HandTaskField.values()) {
      JsonNode v = tree.get(f.fieldName());
      if (v == null) {
        continue;
      }
      boolean ok =
          switch (f) {
            case ID, TITLE -> v.isTextual();
            case DONE -> v.isBoolean();
            case UPDATED_AT -> v.isIntegralNumber() && v.canConvertToLong();
          };
      if (!ok) {
        throw new BadServerDataException(
            "Task", id, f.fieldName(), "wrong type: " + v.getNodeType() + " " + v);
      }
      patch =
          patch.with(
              f,
              switch (f) {
                case ID, TITLE -> v.textValue();
                case DONE -> v.booleanValue();
                case UPDATED_AT -> v.longValue();
              });
    }
    return patch;
  }
}
