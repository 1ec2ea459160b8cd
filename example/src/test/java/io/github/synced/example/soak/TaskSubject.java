package io.github.synced.example.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.Task;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskMutations;
import io.github.synced.example.TaskSync;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import java.util.List;
import java.util.Random;

/** Tasks through the generated {@link TaskMutations}: the title is the unique text. */
public final class TaskSubject extends Subject<String, Task> {

  private TaskMutations tasks;

  @Override
  EntityType<String, Task> type() {
    return TaskSync.TYPE;
  }

  @Override
  JsonCodec<Task> codec(ObjectMapper mapper) {
    return new TaskJson();
  }

  @Override
  String textProperty() {
    return "title";
  }

  @Override
  ObjectNode seed(ObjectMapper mapper, int i) {
    return mapper.createObjectNode().put("title", "Seed task " + i).put("done", i % 2 == 0);
  }

  @Override
  void attach(SyncStore<String, Task> store) {
    tasks = new TaskMutations(store);
  }

  @Override
  Mutation<String, Task> update(String id, String text, Random random) {
    boolean alsoDone = random.nextBoolean();
    boolean done = random.nextBoolean();
    return tasks.update(id, p -> alsoDone ? p.title(text).done(done) : p.title(text));
  }

  @Override
  Task draft(String text, Random random) {
    Task draft = new Task(null, text, random.nextBoolean(), 0);
    draft.setExpanded(random.nextBoolean());
    draft.setSelected(random.nextBoolean());
    return draft;
  }

  @Override
  String clientId(long n) {
    return "client-" + n;
  }

  @Override
  Mutation<String, Task> create(Task draft) {
    return tasks.create(draft);
  }

  @Override
  Mutation<String, Task> delete(String id) {
    return tasks.delete(id);
  }

  @Override
  Task local(String id, Random random) {
    boolean expanded = random.nextBoolean();
    boolean selected = random.nextBoolean();
    return tasks.local(
        id,
        t -> {
          t.setExpanded(expanded);
          t.setSelected(selected);
        });
  }

  @Override
  List<Object> localValues(Task task) {
    return List.of(task.isExpanded(), task.isSelected());
  }

  @Override
  List<Object> newLocalValues() {
    return localValues(new Task());
  }
}
