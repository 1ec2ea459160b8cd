package io.github.synced.example.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.Subtask;
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

/**
 * Tasks through the generated {@link TaskMutations}: the title is the unique text. Some tasks have
 * subtasks (seeded ones and drafts); an update may also mark one or rename it (a change of that
 * element by id), and a local edit may expand or collapse one. A task's subtask ids never change,
 * so the ids of its expanded subtasks are a local-only value the soak can check like {@code
 * expanded} and {@code selected}.
 */
public final class TaskSubject extends Subject<String, Task> {

  private SyncStore<String, Task> store;
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
    ObjectNode task =
        mapper.createObjectNode().put("title", "Seed task " + i).put("done", i % 2 == 0);
    ArrayNode subtasks = task.putArray("subtasks");
    for (int n = 1; n <= i % 3; n++) {
      subtasks.addObject().put("id", "s" + n).put("title", "Seed subtask " + n);
    }
    return task;
  }

  @Override
  void attach(SyncStore<String, Task> store) {
    this.store = store;
    tasks = new TaskMutations(store);
  }

  @Override
  Mutation<String, Task> update(String id, String text, Random random) {
    boolean alsoDone = random.nextBoolean();
    boolean done = random.nextBoolean();
    int subtaskEdit = random.nextInt(4); // 0: mark one, 1: rename one, else leave them
    int which = random.nextInt(3);
    List<Subtask> shown = store.get(id).map(Task::getSubtasks).orElse(List.of());
    if (subtaskEdit >= 2 || shown.isEmpty()) {
      return tasks.update(id, p -> alsoDone ? p.title(text).done(done) : p.title(text));
    }
    Subtask edited = shown.get(which % shown.size());
    String subtaskId = edited.getId();
    boolean mark = !edited.isDone();
    return tasks.update(
        id,
        p ->
            p.title(text)
                .editSubtasks(
                    s ->
                        s.update(
                            subtaskId,
                            x -> subtaskEdit == 0 ? x.done(mark) : x.title("Sub " + text))));
  }

  @Override
  Task draft(String text, Random random) {
    Task draft = new Task(null, text, random.nextBoolean(), 0);
    draft.setExpanded(random.nextBoolean());
    draft.setSelected(random.nextBoolean());
    int subtasks = random.nextInt(4) - 1; // none for a half
    for (int n = 1; n <= subtasks; n++) {
      Subtask st = new Subtask("s" + n, "Subtask " + n + " of " + text, random.nextBoolean());
      st.setExpanded(random.nextBoolean());
      draft.getSubtasks().add(st);
    }
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
    int which = random.nextInt(4); // a subtask to expand or collapse, where there is one
    boolean subtaskExpanded = random.nextBoolean();
    return tasks.local(
        id,
        t -> {
          t.setExpanded(expanded);
          t.setSelected(selected);
          if (which < t.getSubtasks().size()) {
            t.getSubtasks().get(which).setExpanded(subtaskExpanded);
          }
        });
  }

  @Override
  List<Object> localValues(Task task) {
    return List.of(task.isExpanded(), task.isSelected(), expandedSubtasks(task));
  }

  /** The ids of the task's expanded subtasks, sorted. */
  private static List<String> expandedSubtasks(Task task) {
    return task.getSubtasks().stream()
        .filter(Subtask::isExpanded)
        .map(Subtask::getId)
        .sorted()
        .toList();
  }

  @Override
  List<Object> newLocalValues() {
    return localValues(new Task());
  }
}
