package io.github.synced.benchmarks;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonWriter;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemJson;
import io.github.synced.benchmarks.model.Items;
import io.github.synced.runtime.json.JacksonInput;
import io.github.synced.runtime.json.JacksonOutput;
import io.github.synced.runtime.json.JsonCodecs;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON of one {@link Item}, bytes to entity and entity to bytes: the generated {@code ItemJson}
 * (Jackson streaming, no reflection) against Jackson databind ({@code readValue}, {@code
 * writeValueAsBytes}, {@code readerForUpdating}) and DSL-JSON's compiled converter. Every reader
 * gets the same bytes; every writer returns a new {@code byte[]}, as an HTTP body needs. Ours goes
 * through {@link JsonCodecs}, as the HTTP remote reads and writes bodies (the byte reader and
 * writer, where the mapper is a plain one); {@code *OnJackson_generated} runs the same codec on
 * Jackson's parser and generator, for what a Jackson-streaming codec reaches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonBench {

  private ObjectMapper mapper;
  private ItemJson codec;
  private DslJson<Object> dsl;
  private JsonWriter dslWriter;
  private byte[] json;
  private byte[] patchJson;
  private Item item;
  private Item target;

  @Setup
  public void setUp() {
    mapper = new ObjectMapper();
    codec = new ItemJson();
    dsl = Codecs.dslJson();
    dslWriter = dsl.newWriter();
    json = Items.jsonBytes();
    patchJson = Items.patchJsonBytes();
    item = Items.server(7);
    target = Items.local(7);
  }

  // ------------------------------------------------------------ read one whole entity

  @Benchmark
  public Item read_generated() {
    return JsonCodecs.readEntity(mapper, codec, json, null);
  }

  /** The generated codec on Jackson's parser: the best a Jackson-streaming codec does here. */
  @Benchmark
  public Item readOnJackson_generated() throws IOException {
    try (JsonParser in = mapper.createParser(json)) {
      in.nextToken();
      return codec.read(JacksonInput.of(in));
    }
  }

  @Benchmark
  public Item read_databind() throws IOException {
    return mapper.readValue(json, Item.class);
  }

  @Benchmark
  public Item read_dsljson() throws IOException {
    return dsl.deserialize(Item.class, json, json.length);
  }

  // ------------------------------------------------------------ write one whole entity

  @Benchmark
  public byte[] write_generated() {
    return JsonCodecs.writeEntity(mapper, codec, item);
  }

  /**
   * The generated codec into Jackson's generator, over Jackson's recycled buffer as {@code
   * writeValueAsBytes} uses: the best a Jackson-streaming codec does here.
   */
  @Benchmark
  public byte[] writeOnJackson_generated() throws IOException {
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator out = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
        codec.write(JacksonOutput.of(out), item);
      }
      byte[] body = bytes.toByteArray();
      bytes.release();
      return body;
    } finally {
      recycler.releaseToPool();
    }
  }

  @Benchmark
  public byte[] write_databind() throws IOException {
    return mapper.writeValueAsBytes(item);
  }

  @Benchmark
  public byte[] write_dsljson() throws IOException {
    dslWriter.reset();
    dsl.serialize(dslWriter, item);
    return dslWriter.toByteArray();
  }

  // ------------------------------------------------------------ a two-field update into an entity

  @Benchmark
  public Item readForUpdate_generated() {
    return JsonCodecs.readPatch(mapper, codec, patchJson, null).applyTo(target);
  }

  @Benchmark
  public Item readForUpdate_databind() throws IOException {
    return mapper.readerForUpdating(target).readValue(patchJson);
  }
}
