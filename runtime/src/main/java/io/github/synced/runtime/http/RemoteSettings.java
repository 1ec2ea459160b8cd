package io.github.synced.runtime.http;

import io.github.synced.runtime.json.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an {@link HttpRemote.Builder} has been told, with its defaults and the checks of its
 * arguments; the remote takes what it needs from it when it is built, and the defaults it makes
 * where nothing was given (the Jackson, the HTTP client).
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class RemoteSettings<K, E> {
  final URI baseUri;
  final String path;
  final JsonCodec<E> codec;
  Trees<?> trees;
  Function<? super K, String> idSegment = String::valueOf;
  Function<String, ? extends K> idFromSegment;
  Dialect dialect = Dialect.plainJson();
  HttpClient client;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration requestTimeout = Duration.ofSeconds(10);
  long maxResponseBytes = HttpRemote.DEFAULT_MAX_RESPONSE_BYTES;
  Clock clock = Clock.systemUTC();

  RemoteSettings(URI baseUri, String path, JsonCodec<E> codec) {
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    this.path = Objects.requireNonNull(path, "path");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** The trees given, or the default ones. */
  Trees<?> trees() {
    return trees != null ? trees : defaultTrees();
  }

  /** The client given, or an HTTP/1.1 client with the connect timeout. */
  HttpClient client() {
    return client != null
        ? client
        : HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  /**
   * Jackson 2 with a plain mapper where it is on the class path, otherwise Jackson 3: found by
   * making the mapper (no reflection), so the class of a Jackson that is not there is never loaded.
   */
  private static Trees<?> defaultTrees() {
    try {
      return new JacksonTrees(new com.fasterxml.jackson.databind.ObjectMapper());
    } catch (NoClassDefFoundError noJackson2) {
      try {
        return new Jackson3Trees(new tools.jackson.databind.ObjectMapper());
      } catch (NoClassDefFoundError noJackson3) {
        IllegalStateException e =
            new IllegalStateException(
                "HttpRemote reads and writes JSON through Jackson: put jackson-databind on the"
                    + " class path, 2.x (com.fasterxml.jackson.core) or 3.x (tools.jackson.core)",
                noJackson3);
        e.addSuppressed(noJackson2);
        throw e;
      }
    }
  }

  /** {@code maxResponseBytes}, where it is within the limits {@link HttpRemote.Builder} says. */
  static long maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be within 1.."
              + (Integer.MAX_VALUE - 8)
              + ", was "
              + maxResponseBytes);
    }
    return maxResponseBytes;
  }

  static Duration positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
