package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.synced.processor.Sources.compile;
import static io.github.synced.processor.Sources.lineOf;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.synced.processor.diag.Message;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per entry of the message catalogue: each triggers it and checks its kind, its full text,
 * the file and the line it is reported at.
 */
class DiagnosticsTest {

  private static final String IMPORTS =
      "import io.github.synced.*; import java.util.*; import java.time.*;";

  /** An entity source in package {@code test}, imports on line 2, body from line 3. */
  private static JavaFileObject entity(String name, String... body) {
    String[] lines = new String[body.length + 2];
    lines[0] = "package test;";
    lines[1] = IMPORTS;
    System.arraycopy(body, 0, lines, 2, body.length);
    return source("test." + name, lines);
  }

  private static void assertError(
      Compilation compilation, JavaFileObject file, String marker, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(lineOf(file, marker));
  }

  @Test
  void entityWithoutIdIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  String name;",
            "  @SyncVersion long v;",
            "}");
    Compilation c = compile(item);
    assertError(c, item, "class Item", Message.NO_ID.format("Item"));
    assertThat(c).hadErrorContaining("[SyncedNoId] @Synced type Item has no @SyncId");
  }

  @Test
  void secondIdIsRefusedAtTheSecondId() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncId String code;",
            "  @SyncVersion long v;",
            "}");
    assertError(compile(item), item, "String code", Message.TWO_IDS.format("Item", "code", "id"));
  }

  @Test
  void secondVersionIsRefusedAtTheSecondVersion() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @SyncVersion long revision;",
            "}");
    assertError(
        compile(item), item, "long revision", Message.TWO_VERSIONS.format("Item", "revision", "v"));
  }

  @Test
  void localOnlyIdIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId @LocalOnly String id;",
            "  @SyncVersion long v;",
            "}");
    assertError(compile(item), item, "String id", Message.LOCAL_ONLY_ID.format("id", "Item"));
  }

  @Test
  void localOnlyVersionIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion @LocalOnly long v;",
            "}");
    assertError(compile(item), item, "long v", Message.LOCAL_ONLY_VERSION.format("v", "Item"));
  }

  @Test
  void privateFieldWithoutGetterIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  private boolean hidden;",
            "  public void setHidden(boolean hidden) { this.hidden = hidden; }",
            "}");
    assertError(
        compile(item),
        item,
        "boolean hidden;",
        Message.UNREADABLE_FIELD.format("hidden", "Item", "isHidden"));
  }

  @Test
  void privateFieldWithoutSetterIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  private int count;",
            "  public int getCount() { return count; }",
            "}");
    assertError(
        compile(item),
        item,
        "int count;",
        Message.UNWRITABLE_FIELD.format("count", "Item", "setCount", "int"));
  }

  @Test
  void finalFieldOfMutableClassIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  final String kind = \"a\";",
            "}");
    assertError(
        compile(item), item, "String kind", Message.FINAL_FIELD.format("kind", "Item", "Item"));
  }

  @Test
  void interfaceIsRefused() {
    JavaFileObject item = entity("Item", "@Synced", "public interface Item {", "}");
    assertError(
        compile(item),
        item,
        "interface Item",
        Message.NOT_A_CLASS.format("interface", "test.Item"));
  }

  @Test
  void enumIsRefused() {
    JavaFileObject item = entity("Item", "@Synced", "public enum Item {", "  A", "}");
    assertError(compile(item), item, "enum Item", Message.NOT_A_CLASS.format("enum", "test.Item"));
  }

  @Test
  void abstractClassIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public abstract class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "}");
    assertError(compile(item), item, "class Item", Message.ABSTRACT_CLASS.format("test.Item"));
  }

  @Test
  void innerClassIsRefused() {
    JavaFileObject outer =
        entity(
            "Outer",
            "public class Outer {",
            "  @Synced",
            "  public class Item {",
            "    @SyncId String id;",
            "    @SyncVersion long v;",
            "  }",
            "}");
    assertError(compile(outer), outer, "class Item", Message.INNER_CLASS.format("test.Outer.Item"));
  }

  @Test
  void privateClassIsRefused() {
    JavaFileObject outer =
        entity(
            "Outer",
            "public class Outer {",
            "  @Synced",
            "  private static class Item {",
            "    @SyncId String id;",
            "    @SyncVersion long v;",
            "  }",
            "}");
    assertError(
        compile(outer),
        outer,
        "class Item",
        Message.PRIVATE_CLASS.format("test.Outer.Item", "test", "Item"));
  }

  @Test
  void classInsidePrivateClassIsRefused() {
    JavaFileObject outer =
        entity(
            "Outer",
            "public class Outer {",
            "  private static class Hidden {",
            "    @Synced",
            "    static class Item {",
            "      @SyncId String id;",
            "      @SyncVersion long v;",
            "    }",
            "  }",
            "}");
    assertError(
        compile(outer),
        outer,
        "class Item",
        Message.PRIVATE_CLASS.format("test.Outer.Hidden.Item", "test", "Hidden"));
  }

  @Test
  void genericClassIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item<T> {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "}");
    assertError(compile(item), item, "class Item", Message.GENERIC_CLASS.format("test.Item"));
  }

  @Test
  void classWithoutNoArgConstructorIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  public Item(String id) { this.id = id; }",
            "}");
    assertError(compile(item), item, "class Item", Message.NO_CONSTRUCTOR.format("test.Item"));
  }

  @Test
  void unsupportedFieldTypeIsRefusedListingSupportedTypes() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Object payload;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "Object payload",
        Message.UNSUPPORTED_TYPE.format("payload", "Item", "java.lang.Object"));
    assertThat(c)
        .hadErrorContaining("supported types (primitives, boxed primitives, String, enums");
    assertThat(c)
        .hadErrorContaining(
            "make it @Synced (a nested object), a record whose components are supported types");
  }

  @Test
  void mutableClassFieldIsRefusedNamingTheTypeAndTheFixes() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  StringBuilder draft;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "StringBuilder draft",
        Message.UNSUPPORTED_TYPE.format("draft", "Item", "java.lang.StringBuilder"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedUnsupportedType] field 'draft' of Item has type java.lang.StringBuilder, which"
                + " generated code can neither copy safely nor read and write as JSON; make it"
                + " @Synced (a nested object), a record whose components are supported types, or"
                + " an immutable value type among the supported types (primitives,");
    assertThat(c).hadErrorContaining("or mark the field @LocalOnly");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void collectionOfAMutableClassIsRefusedNamingTheElementType() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Map<String, List<StringBuilder>> drafts;",
            "}");
    assertError(
        compile(item),
        item,
        "drafts;",
        Message.UNSUPPORTED_PART.format(
            "drafts",
            "Item",
            "java.util.Map<java.lang.String,java.util.List<java.lang.StringBuilder>>",
            "java.lang.StringBuilder"));
  }

  @Test
  void collectionDeclaredAsAClassOrWithAWildcardIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  ArrayList<String> tags;",
            "  List<? extends Number> sizes;",
            "  @SuppressWarnings(\"rawtypes\") List raw;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "ArrayList<String> tags",
        Message.CONTAINER_TYPE.format(
            "tags",
            "Item",
            "java.util.ArrayList<java.lang.String>",
            "java.util.ArrayList<java.lang.String>"));
    assertError(
        c,
        item,
        "sizes;",
        Message.CONTAINER_TYPE.format(
            "sizes",
            "Item",
            "java.util.List<? extends java.lang.Number>",
            "java.util.List<? extends java.lang.Number>"));
    assertError(
        c,
        item,
        "List raw",
        Message.CONTAINER_TYPE.format("raw", "Item", "java.util.List", "java.util.List"));
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void mapWhoseKeyCannotBeAPropertyNameIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Map<Boolean, String> flags;",
            "}");
    assertError(
        compile(item),
        item,
        "flags;",
        Message.MAP_KEY.format(
            "flags",
            "Item",
            "java.util.Map<java.lang.Boolean,java.lang.String>",
            "java.lang.Boolean"));
  }

  @Test
  void optionalInsideACollectionIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  List<Optional<String>> notes;",
            "}");
    assertError(
        compile(item),
        item,
        "notes;",
        Message.OPTIONAL_INSIDE.format(
            "notes",
            "Item",
            "java.util.List<java.util.Optional<java.lang.String>>",
            "java.util.Optional<java.lang.String>"));
  }

  @Test
  void arrayInsideAnotherTypeOrOfArraysIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  List<byte[]> chunks;",
            "  int[][] grid;",
            "  StringBuilder[] drafts;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "chunks;",
        Message.ARRAY_INSIDE.format("chunks", "Item", "java.util.List<byte[]>", "byte[]"));
    assertError(c, item, "grid;", Message.ARRAY_INSIDE.format("grid", "Item", "int[][]", "int[]"));
    assertError(
        c,
        item,
        "drafts;",
        Message.UNSUPPORTED_PART.format(
            "drafts", "Item", "java.lang.StringBuilder[]", "java.lang.StringBuilder"));
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void recordThatCanChangeOrIsGenericOrHoldsItselfIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Tagged tagged;",
            "  Draft draft;",
            "  Box<String> box;",
            "  Node node;",
            "  public record Tagged(String name, List<String> tags) {}",
            "  public record Draft(StringBuilder text) {}",
            "  public record Box<T>(T value) {}",
            "  public record Node(String value, Node next) {}",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "Tagged tagged;",
        Message.RECORD_COMPONENT.format(
            "tagged", "Item", "test.Item.Tagged", "java.util.List<java.lang.String>"));
    assertError(
        c,
        item,
        "Draft draft;",
        Message.UNSUPPORTED_PART.format(
            "draft", "Item", "test.Item.Draft", "java.lang.StringBuilder"));
    assertError(
        c,
        item,
        "Box<String> box;",
        Message.UNSUPPORTED_TYPE.format("box", "Item", "test.Item.Box<java.lang.String>"));
    assertError(
        c,
        item,
        "Node node;",
        Message.UNSUPPORTED_PART.format("node", "Item", "test.Item.Node", "test.Item.Node"));
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void recordOfAPackagePrivateTypeOfAnotherPackageIsRefused() {
    JavaFileObject level = source("base.Level", "package base;", "enum Level { LOW, HIGH }");
    JavaFileObject grade =
        source("base.Grade", "package base;", "public record Grade(Level level) {}");
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  base.Grade grade;",
            "}");
    assertError(
        compile(level, grade, item),
        item,
        "base.Grade grade;",
        Message.INACCESSIBLE_TYPE.format(
            "grade", "Item", "base.Grade", "test", "Level", "package-private in package base"));
  }

  @Test
  void sortedSetOfValuesWithoutOrderIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  SortedSet<Period> spans;",
            "}");
    assertError(
        compile(item),
        item,
        "spans;",
        Message.UNSORTABLE.format(
            "spans", "Item", "java.util.SortedSet<java.time.Period>", "java.time.Period"));
  }

  @Test
  void collectionAsIdOrVersionIsRefusedAtTheAnnotation() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId List<String> id;",
            "  @SyncVersion List<Long> v;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "@SyncId List<String> id",
        Message.ID_TYPE.format("id", "Item", "java.util.List<java.lang.String>"));
    assertError(
        c,
        item,
        "@SyncVersion List<Long> v",
        Message.UNORDERED_VERSION.format("v", "Item", "java.util.List<java.lang.Long>"));
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void collectionOfAPrivateTypeIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Set<Kind> kinds;",
            "  private enum Kind { A, B }",
            "}");
    assertError(
        compile(item),
        item,
        "Set<Kind> kinds",
        Message.INACCESSIBLE_TYPE.format(
            "kinds", "Item", "java.util.Set<test.Item.Kind>", "test", "Kind", "private"));
  }

  @Test
  void collectionsAndMapsOfASyncedTypeAreAcceptedButNotInsideOtherTypes() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Part part;",
            "  List<Part> parts;",
            "  Set<Part> partSet;",
            "  Map<String, Part> partsByName;",
            "  Optional<Part> maybe;",
            "  Part[] array;",
            "  List<List<Part>> rows;",
            "  Map<String, List<Part>> groups;",
            "  Holder holder;",
            "  SortedSet<Part> sorted;",
            "  public record Holder(Part part) {}",
            "  @Synced public static class Part { @SyncId String id; @SyncVersion long v; }",
            "}");
    Compilation c = compile(item);
    String part = "test.Item.Part";
    assertError(
        c,
        item,
        "Optional<Part> maybe;",
        Message.ENTITY_INSIDE.format("maybe", "Item", "java.util.Optional<" + part + ">", part));
    assertError(
        c, item, "Part[] array;", Message.ENTITY_INSIDE.format("array", "Item", part + "[]", part));
    assertError(
        c,
        item,
        "List<List<Part>> rows;",
        Message.ENTITY_INSIDE.format(
            "rows", "Item", "java.util.List<java.util.List<" + part + ">>", part));
    assertError(
        c,
        item,
        "Map<String, List<Part>> groups;",
        Message.ENTITY_INSIDE.format(
            "groups",
            "Item",
            "java.util.Map<java.lang.String,java.util.List<" + part + ">>",
            part));
    assertError(
        c,
        item,
        "Holder holder;",
        Message.ENTITY_INSIDE.format("holder", "Item", "test.Item.Holder", part));
    assertError(
        c,
        item,
        "SortedSet<Part> sorted;",
        Message.UNSORTABLE.format("sorted", "Item", "java.util.SortedSet<" + part + ">", part));
    assertThat(c).hadErrorCount(6);
  }

  @Test
  void aCollectionOfASyncedTypeWithoutAnIdIsRefusedAtTheField() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  List<Part> parts;",
            "  Map<String, Part> byName;",
            "  @Synced public static class Part { String name; @SyncVersion long v; }",
            "}");
    Compilation c = compile(item);
    String part = "test.Item.Part";
    assertError(
        c,
        item,
        "List<Part> parts;",
        Message.ELEMENT_NO_ID.format("parts", "Item", "java.util.List<" + part + ">", part));
    assertError(
        c,
        item,
        "Map<String, Part> byName;",
        Message.ELEMENT_NO_ID.format(
            "byName", "Item", "java.util.Map<java.lang.String," + part + ">", part));
    assertError(c, item, "public static class Part", Message.NO_ID.format("Part"));
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void aCollectionOfASyncedTypeWhoseIdCannotTellElementsApartIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  List<Part> parts;",
            "  Part one;",
            "  @Synced public static class Part { @SyncId double id; @SyncVersion long v; }",
            "}");
    Compilation c = compile(item);
    String part = "test.Item.Part";
    assertError(
        c,
        item,
        "List<Part> parts;",
        Message.ELEMENT_ID_TYPE.format(
            "parts", "Item", "java.util.List<" + part + ">", part, "'id' of type double"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void versionWithoutOrderIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion Period v;",
            "}");
    assertError(
        compile(item),
        item,
        "Period v",
        Message.UNORDERED_VERSION.format("v", "Item", "java.time.Period"));
  }

  @Test
  void idOnStaticFieldIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @SyncId static String DEFAULT_ID;",
            "}");
    assertError(
        compile(item),
        item,
        "static String DEFAULT_ID",
        Message.STATIC_KEY.format("SyncId", "DEFAULT_ID", "Item", "SyncId"));
  }

  @Test
  void annotationOutsideSyncedTypeIsRefused() {
    JavaFileObject plain =
        entity("Plain", "public class Plain {", "  @LocalOnly boolean open;", "}");
    assertError(
        compile(plain),
        plain,
        "boolean open",
        Message.OUTSIDE_ENTITY.format("LocalOnly", "open", "Plain", "Plain", "LocalOnly"));
  }

  @Test
  void annotationOnComponentOfPlainRecordIsReportedOnce() {
    JavaFileObject plain = entity("Plain", "public record Plain(@SyncId String id) {}");
    Compilation c = compile(plain);
    assertError(
        c,
        plain,
        "record Plain",
        Message.OUTSIDE_ENTITY.format("SyncId", "id", "Plain", "Plain", "SyncId"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void problemsOfRecordComponentsAreReportedAtTheComponent() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public record Item(",
            "    @SyncId String id,",
            "    @SyncVersion @LocalOnly long version,",
            "    Object payload) {}");
    Compilation c = compile(item);
    assertError(c, item, "long version", Message.LOCAL_ONLY_VERSION.format("version", "Item"));
    assertError(
        c,
        item,
        "Object payload",
        Message.UNSUPPORTED_TYPE.format("payload", "Item", "java.lang.Object"));
  }

  @Test
  void annotationsInAConcreteSuperclassOfAnEntityAreAccepted() {
    JavaFileObject base =
        entity(
            "Base", "public class Base {", "  @SyncId String id;", "  @SyncVersion long v;", "}");
    JavaFileObject item = entity("Item", "@Synced", "public class Item extends Base {", "}");
    Compilation c = Sources.compileStrict(List.of(base, item));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync").contentsAsUtf8String().contains("entity.id");
  }

  @Test
  void superclassInAnotherPackageIsReachedThroughItsAccessors() {
    JavaFileObject base =
        source(
            "base.Base",
            "package base;",
            IMPORTS,
            "public class Base {",
            "  @SyncId private String id;",
            "  @SyncVersion protected long v;",
            "  public String getId() { return id; }",
            "  public void setId(String id) { this.id = id; }",
            "}");
    JavaFileObject item =
        entity("Item", "@Synced", "public class Item extends base.Base {", "  String name;", "}");
    Compilation c = compile(base, item);
    assertError(c, base, "protected long v", Message.UNREADABLE_FIELD.format("v", "Item", "getV"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void annotationOnMethodThatIsNoGetterIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @LocalOnly public boolean computeOpen() { return true; }",
            "}");
    assertError(
        compile(item),
        item,
        "computeOpen",
        Message.NOT_A_PROPERTY.format("LocalOnly", "computeOpen", "Item", "LocalOnly"));
  }

  @Test
  void fieldNamedLikePatchMethodIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String fields;",
            "}");
    assertError(
        compile(item),
        item,
        "String fields",
        Message.RESERVED_NAME.format("fields", "Item", "ItemPatch"));
  }

  @Test
  void fieldNamedLikeAMemberOrTypeOfTheGeneratedPatchIsRefused(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String EMPTY;",
            "  int Objects;",
            "  long ItemField;",
            "}");
    Compilation c = compile(item);
    assertError(
        c, item, "String EMPTY", Message.RESERVED_NAME.format("EMPTY", "Item", "ItemPatch"));
    assertError(
        c, item, "int Objects", Message.RESERVED_NAME.format("Objects", "Item", "ItemPatch"));
    assertError(
        c, item, "long ItemField", Message.RESERVED_NAME.format("ItemField", "Item", "ItemPatch"));
    assertThat(c).hadErrorCount(3);
    assertEquals(List.of(), Sources.generatedNames(dir, item), "nothing generated");
  }

  @Test
  void syncedFieldsThatBecomeTheSameConstantAreRefusedAtTheSecond(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String fooBar;",
            "  String foo_bar;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "String foo_bar",
        Message.CONSTANT_CLASH.format("fooBar", "foo_bar", "Item", "FOO_BAR", "ItemField"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedConstantClash] synced fields 'fooBar' and 'foo_bar' of Item both become the"
                + " constant FOO_BAR of the generated ItemField; rename one of them");
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, item), "nothing generated");
  }

  @Test
  void localOnlyFieldMayShareAConstantNameWithASyncedOne() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String fooBar;",
            "  @LocalOnly String foo_bar;",
            "}");
    Compilation c = Sources.compileStrict(List.of(item));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemField").contentsAsUtf8String().contains("FOO_BAR");
  }

  @Test
  void fieldThatHidesASuperclassFieldIsRefusedAtTheSubclassField(@TempDir Path dir) {
    JavaFileObject base =
        entity(
            "Base",
            "public class Base {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String title;",
            "}");
    JavaFileObject item =
        entity("Item", "@Synced", "public class Item extends Base {", "  String title;", "}");
    Compilation c = compile(base, item);
    assertError(
        c, item, "String title", Message.HIDDEN_FIELD.format("title", "Item", "title", "Base"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedHiddenField] field 'title' of Item has the same name as field 'title' of its"
                + " superclass Base, and generated code reaches both by that name, so it cannot"
                + " tell them apart; rename one of them, or mark the superclass's field transient"
                + " if it is not entity state (@LocalOnly does not help)");
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, base, item), "nothing generated");
  }

  @Test
  void localOnlyFieldThatHidesASuperclassFieldIsRefused(@TempDir Path dir) {
    JavaFileObject base =
        entity(
            "Base",
            "public class Base {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @LocalOnly String title;",
            "}");
    JavaFileObject item =
        entity("Item", "@Synced", "public class Item extends Base {", "  String title;", "}");
    Compilation c = compile(base, item);
    assertError(
        c, item, "String title", Message.HIDDEN_FIELD.format("title", "Item", "title", "Base"));
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, base, item), "nothing generated");
  }

  @Test
  void transientFieldThatHidesADirectlyReachedSuperclassFieldIsRefused(@TempDir Path dir) {
    JavaFileObject base =
        entity(
            "Base",
            "public class Base {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String title;",
            "}");
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item extends Base {",
            "  transient String title;",
            "}");
    Compilation c = compile(base, item);
    assertError(
        c,
        item,
        "transient String title",
        Message.HIDDEN_FIELD.format("title", "Item", "title", "Base"));
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, base, item), "nothing generated");
  }

  @Test
  void fieldOfAPrivateNestedEnumIsRefused(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Kind kind;",
            "  private enum Kind { A, B }",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "Kind kind",
        Message.INACCESSIBLE_TYPE.format(
            "kind", "Item", "test.Item.Kind", "test", "Kind", "private"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedInaccessibleType] field 'kind' of Item has type test.Item.Kind, which generated"
                + " code in package test cannot access because Kind is private; make Kind public,"
                + " or package-private if it is in package test");
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, item), "nothing generated");
  }

  @Test
  void fieldOfAPackagePrivateTypeOfAnotherPackageIsRefused(@TempDir Path dir) {
    JavaFileObject level = source("base.Level", "package base;", "enum Level { LOW, HIGH }");
    JavaFileObject base =
        source(
            "base.Base",
            "package base;",
            IMPORTS,
            "public class Base {",
            "  @SyncId public String id;",
            "  @SyncVersion public long v;",
            "  private Level level;",
            "  public Level getLevel() { return level; }",
            "  public void setLevel(Level level) { this.level = level; }",
            "}");
    JavaFileObject item = entity("Item", "@Synced", "public class Item extends base.Base {", "}");
    Compilation c = compile(level, base, item);
    assertError(
        c,
        base,
        "private Level level",
        Message.INACCESSIBLE_TYPE.format(
            "level", "Item", "base.Level", "test", "Level", "package-private in package base"));
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, level, base, item), "nothing generated");
  }

  @Test
  void localOnlyFieldOfAPrivateTypeIsAccepted() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @LocalOnly Kind kind;",
            "  private enum Kind { A, B }",
            "}");
    Compilation c = Sources.compileStrict(List.of(item));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync").contentsAsUtf8String().contains("kind");
  }

  @Test
  void entityNestedInAPackagePrivateClassIsAccepted() {
    JavaFileObject outer =
        entity(
            "Outer",
            "class Outer {",
            "  @Synced protected static class Item { @SyncId String id; @SyncVersion long v; }",
            "}");
    Compilation c = Sources.compileStrict(List.of(outer));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.Outer_ItemSync")
        .contentsAsUtf8String()
        .contains("Outer.Item");
  }

  @Test
  void fieldOfUnknownTypeIsReportedAfterTheLastRound(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  Missing gone;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "Missing gone",
        Message.UNRESOLVED_TYPE.format("gone", "Item", "Missing", "test.Item"));
    assertEquals(List.of(), Sources.generatedNames(dir, item), "nothing generated");
  }

  @Test
  void twoTypesWithTheSameGeneratedNameAreReported() {
    JavaFileObject nested =
        entity(
            "Outer",
            "public class Outer {",
            "  @Synced public static class Inner { @SyncId String id; @SyncVersion long v; }",
            "}");
    JavaFileObject flat =
        entity(
            "Outer_Inner",
            "@Synced",
            "public class Outer_Inner {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "}");
    Compilation c = compile(nested, flat);
    assertError(
        c,
        flat,
        "class Outer_Inner",
        Message.WRITE_FAILED.format(
            "Outer_InnerField",
            "Outer_Inner",
            "Attempt to recreate a file for type test.Outer_InnerField"));
  }

  @Test
  void missingVersionIsAWarningThatNamesTheFix() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  String name;",
            "}");
    Compilation c = compile(item);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(Message.NO_VERSION.format("Item", "Item"))
        .inFile(item)
        .onLine(lineOf(item, "class Item"));
    assertThat(c)
        .hadWarningContaining(
            "out-of-order responses cannot be detected without it; add @SyncVersion to the server's"
                + " version or updatedAt field, or, for a server without versions, annotate Item (or"
                + " a class that encloses it) with @SuppressWarnings(\"SyncedNoVersion\")");
    assertEquals(1, c.warnings().size(), "the only warning: " + c.warnings());
    assertTrue(c.generatedSourceFile("test.ItemSync").isPresent());
  }

  @Test
  void missingVersionWarningIsSuppressedOnTheEntity() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "@SuppressWarnings(\"SyncedNoVersion\")",
            "public class Item {",
            "  @SyncId String id;",
            "  String name;",
            "}");
    Compilation c = Sources.compileStrict(List.of(item));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync");
  }

  @Test
  void missingVersionWarningIsSuppressedOnAnEnclosingClass() {
    JavaFileObject outer =
        entity(
            "Outer",
            "@SuppressWarnings({\"unused\", \"SyncedNoVersion\"})",
            "public class Outer {",
            "  @Synced public static class Item { @SyncId String id; String name; }",
            "}");
    Compilation c = Sources.compileStrict(List.of(outer));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Outer_ItemSync");
  }

  @Test
  void otherSuppressionsLeaveTheMissingVersionWarning() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "@SuppressWarnings(\"unchecked\")",
            "public class Item {",
            "  @SyncId String id;",
            "}");
    Compilation c = compile(item);
    assertThat(c)
        .hadWarningContaining(Message.NO_VERSION.format("Item", "Item"))
        .inFile(item)
        .onLine(lineOf(item, "class Item"));
  }

  @Test
  void stringVersionIsRefusedListingTheAcceptedTypes() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion String etag;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "String etag",
        Message.UNORDERED_VERSION.format("etag", "Item", "java.lang.String"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedUnorderedVersion] @SyncVersion 'etag' of Item has type java.lang.String, which"
                + " Synced cannot use as a version: versions are compared to drop stale server"
                + " states, so they need a numeric or time order (a String compares \"9\" after"
                + " \"10\"); accepted version types: byte, short, int, long, float, double and"
                + " their boxed types, BigInteger, BigDecimal, and the java.time types Instant,"
                + " LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime; change its type"
                + " (parse a textual version into a long), or move @SyncVersion");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void everyAcceptedVersionTypeCompiles() {
    String[] types = {
      "byte",
      "Short",
      "int",
      "Long",
      "double",
      "java.math.BigInteger",
      "java.math.BigDecimal",
      "Instant",
      "LocalDate",
      "LocalDateTime",
      "OffsetDateTime",
      "ZonedDateTime"
    };
    for (String type : types) {
      JavaFileObject item =
          entity(
              "Item",
              "@Synced",
              "public class Item {",
              "  @SyncId String id;",
              "  @SyncVersion " + type + " v;",
              "}");
      assertThat(Sources.compileStrict(List.of(item))).succeededWithoutWarnings();
    }
  }

  @Test
  void localOnlyOnATransientFieldIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @LocalOnly transient boolean expanded;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "transient boolean expanded",
        Message.TRANSIENT_STATE.format("LocalOnly", "expanded", "Item"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedTransientState] @LocalOnly on transient field 'expanded' of Item: Synced skips"
                + " transient fields, so its value would be lost on every copy, merge and rollback;"
                + " remove transient (@LocalOnly alone keeps a field from the server)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void localOnlyOnAStaticFieldIsRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @LocalOnly static boolean expanded;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "static boolean expanded",
        Message.STATIC_KEY.format("LocalOnly", "expanded", "Item", "LocalOnly"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void syncIdOnAnInterfaceMethodIsRefused() {
    JavaFileObject identified =
        entity("Identified", "public interface Identified {", "  @SyncId String getId();", "}");
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item implements Identified {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  @Override public String getId() { return id; }",
            "}");
    Compilation c = compile(identified, item);
    assertError(
        c,
        identified,
        "String getId()",
        Message.ON_INTERFACE.format("SyncId", "getId", "Identified", "SyncId", "Identified"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedOnInterface] @SyncId on 'getId' of interface Identified: Synced reads its"
                + " annotations from the fields and getters of an entity and its superclasses,"
                + " never from interfaces; put @SyncId on the field or getter in the class that"
                + " implements Identified");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void fieldsThatDifferOnlyInTheCaseOfTheFirstLetterAreRefused(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  int xCoord;",
            "  int XCoord;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "int XCoord",
        Message.CASE_CLASH.format(
            "xCoord", "XCoord", "Item", "getXCoord, setXCoord, writeXCoord and readXCoord"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedCaseClash] fields 'xCoord' and 'XCoord' of Item differ only in the case of"
                + " their first letter, so they share the accessor and generated method names"
                + " getXCoord, setXCoord, writeXCoord and readXCoord; rename one of them");
    assertThat(c).hadErrorCount(1);
    assertEquals(List.of(), Sources.generatedNames(dir, item), "nothing generated");
  }

  @Test
  void getterOfAnUnfitTypeIsReportedAtTheGetter() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  private int count;",
            "  public String getCount() { return String.valueOf(count); }",
            "  public void setCount(int count) { this.count = count; }",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "String getCount()",
        Message.ACCESSOR_TYPE.format(
            "getter", "getCount", "Item", "count", "int", "read", "return", "int"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedAccessorType] getter getCount() of Item does not fit field 'count' of type"
                + " int: generated code cannot use it to read the field; make it return int, or"
                + " make the field package-private");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void setterOfAnUnfitTypeIsReportedAtTheSetter() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  private long count;",
            "  public long getCount() { return count; }",
            "  public void setCount(int count) { this.count = count; }",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "void setCount(int count)",
        Message.ACCESSOR_TYPE.format(
            "setter", "setCount", "Item", "count", "long", "restore", "take", "long"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void reservedNamesOfANestedEntityAreItsGeneratedNames(@TempDir Path dir) {
    JavaFileObject outer =
        entity(
            "Outer",
            "public class Outer {",
            "  @Synced public static class Item {",
            "    @SyncId String id;",
            "    @SyncVersion long v;",
            "    String Outer_ItemField;",
            "    String fields;",
            "  }",
            "}");
    Compilation c = compile(outer);
    assertError(
        c,
        outer,
        "String Outer_ItemField",
        Message.RESERVED_NAME.format("Outer_ItemField", "Item", "Outer_ItemPatch"));
    assertError(
        c,
        outer,
        "String fields",
        Message.RESERVED_NAME.format("fields", "Item", "Outer_ItemPatch"));
    assertThat(c).hadErrorCount(2);
    assertEquals(List.of(), Sources.generatedNames(dir, outer), "nothing generated");
  }

  @Test
  void aNestedEntityMayUseTheNamesOnlyATopLevelOneReserves() {
    JavaFileObject outer =
        entity(
            "Outer",
            "public class Outer {",
            "  @Synced public static class Item {",
            "    @SyncId String id;",
            "    @SyncVersion long v;",
            "    String ItemField;",
            "    String Outer;",
            "  }",
            "}");
    Compilation c = Sources.compileStrict(List.of(outer));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Outer_ItemPatch");
  }

  @Test
  void aCompiledTypeWithAGeneratedNameIsNotReplaced(@TempDir Path dir) throws Exception {
    JavaFileObject own =
        source("test.ItemPatch", "package test;", "public class ItemPatch { int mine; }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      assertTrue(javac.getTask(null, files, null, null, null, List.of(own)).call());
    }
    List<File> classPath = new ArrayList<>();
    classPath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "}");
    Compilation c =
        javac()
            .withProcessors(Sources.processors())
            .withOptions("-Xlint:all")
            .withClasspath(classPath)
            .compile(item);
    assertError(
        c, item, "class Item", Message.NAME_TAKEN.format("ItemPatch", "Item", "test.ItemPatch"));
    assertThat(c)
        .hadErrorContaining(
            "[SyncedNameTaken] Synced generates ItemPatch for Item, but a type test.ItemPatch"
                + " already exists (compiled on the class path, or among the sources) and the"
                + " generated one would silently replace it; rename that type, or move Item to"
                + " another package");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void everyProblemOfATypeIsReportedInOnePass(@TempDir Path dir) {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public abstract class Item {",
            "  @SyncVersion @LocalOnly long v;",
            "  Object payload;",
            "  private int count;",
            "}");
    Compilation c = compile(item);
    List<String> tags =
        c.errors().stream()
            .map(d -> d.getMessage(null).substring(0, d.getMessage(null).indexOf(']') + 1))
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "[SyncedAbstractClass]",
            "[SyncedLocalOnlyVersion]",
            "[SyncedNoId]",
            "[SyncedUnreadableField]",
            "[SyncedUnsupportedType]"),
        tags);
    assertEquals(
        List.of(), Sources.generatedNames(dir, item), "nothing is written for an erroneous type");
  }

  @Test
  void aBrokenTypeDoesNotStopTheOthers(@TempDir Path dir) {
    JavaFileObject broken =
        entity("Broken", "@Synced", "public class Broken {", "  String name;", "}");
    JavaFileObject fine =
        entity(
            "Fine",
            "@Synced",
            "public class Fine {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "}");
    Compilation c = compile(broken, fine);
    assertThat(c).hadErrorCount(1);
    assertEquals(
        List.of(
            "FineField.java",
            "FineJson.java",
            "FineMutations.java",
            "FinePatch.java",
            "FineSnapshot.java",
            "FineSync.java"),
        Sources.generatedNames(dir, broken, fine));
  }

  @Test
  void everyCatalogueEntryStartsWithItsTagAndIsAnErrorButTwo() {
    for (Message message : Message.values()) {
      assertTrue(
          message
              .format("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")
              .startsWith("[" + message.tag() + "] "));
      assertEquals(
          message == Message.NO_VERSION || message == Message.JSON_NAME
              ? Diagnostic.Kind.WARNING
              : Diagnostic.Kind.ERROR,
          message.kind(),
          message.name());
    }
  }

  @Test
  void aDollarInAFieldNameIsRefusedAtTheField() {
    // Found by an outside tester: the name was spliced into generated code and the processor
    // failed with an IllegalArgumentException.
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  int a$b;",
            "}");
    Compilation c = compile(item);
    assertError(c, item, "int a$b", Message.DOLLAR_NAME.format("a$b", "Item"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aJacksonAnnotationTheCodecDoesNotHonourIsAWarningUnlessSuppressed() {
    // Found by an outside tester: Jackson annotations on synced fields were silently ignored.
    // @JsonProperty's name is honoured now (GeneratedJsonNamesTest); @JsonAlias and @JsonIgnore
    // are not, and say so.
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @com.fasterxml.jackson.annotation.JsonProperty(\"updated_at\")",
            "  @SyncVersion long updatedAt;",
            "  @com.fasterxml.jackson.annotation.JsonAlias(\"heading\")",
            "  String title;",
            "}");
    Compilation c = compile(item);
    assertThat(c)
        .hadWarningContaining(
            "[SyncedJsonName] field 'title' of Item carries @JsonAlias, which the generated"
                + " ItemJson does not honour: it reads and writes only the JSON property 'title'")
        .inFile(item)
        .onLine(lineOf(item, "String title"));
    assertTrue(
        c.warnings().stream().noneMatch(d -> d.getMessage(null).contains("updatedAt")),
        "@JsonProperty is honoured: " + c.warnings());

    JavaFileObject quiet =
        entity(
            "Quiet",
            "@Synced",
            "public class Quiet {",
            "  @SyncId String id;",
            "  @SyncVersion long updatedAt;",
            "  @SuppressWarnings(\"SyncedJsonName\")",
            "  @com.fasterxml.jackson.annotation.JsonIgnore",
            "  String title;",
            "}");
    Compilation q = compile(quiet);
    assertThat(q).succeeded();
    assertTrue(
        q.warnings().stream().noneMatch(d -> d.getMessage(null).contains("SyncedJsonName")),
        q.warnings().toString());
  }

  @Test
  void aSyncedAnnotationOnTheGetterOfAnInterfaceOnTheClassPathIsRefusedAtTheEntity(
      @TempDir Path dir) throws Exception {
    // Found by an outside tester: @LocalOnly on an interface compiled apart was silently ignored,
    // so the UI flag was sent to the server and overwritten by it.
    JavaFileObject face =
        source(
            "lib.Selectable",
            "package lib;",
            "public interface Selectable {",
            "  @io.github.synced.LocalOnly boolean isSelected();",
            "}");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      assertTrue(
          javac
              .getTask(
                  null,
                  files,
                  null,
                  List.of("-proc:none", "-cp", System.getProperty("java.class.path")),
                  null,
                  List.of(face))
              .call());
    }
    List<File> classPath = new ArrayList<>();
    classPath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item implements lib.Selectable {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  boolean selected;",
            "  @Override public boolean isSelected() { return selected; }",
            "}");
    Compilation c =
        javac()
            .withProcessors(Sources.processors())
            .withOptions("-Xlint:all")
            .withClasspath(classPath)
            .compile(item);
    assertError(
        c,
        item,
        "class Item",
        Message.INTERFACE_ANNOTATION.format(
            "LocalOnly",
            "isSelected()",
            "lib.Selectable",
            "Item",
            "selected",
            "synced: sent to the server and overwritten by it",
            "LocalOnly",
            "Item"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void twoSyncedFieldsWithOneJsonNameAreRefused() {
    JavaFileObject item =
        entity(
            "Item",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @SyncVersion long v;",
            "  String title;",
            "  @com.fasterxml.jackson.annotation.JsonProperty(\"title\")",
            "  String heading;",
            "}");
    Compilation c = compile(item);
    assertError(
        c,
        item,
        "String heading",
        Message.JSON_NAME_CLASH.format("title", "heading", "Item", "title"));
    assertThat(c).hadErrorCount(1);
  }
}
