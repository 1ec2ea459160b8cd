package io.github.synced.springcheck.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request the server answers, as {@code "GET /tasks?page=1&size=20 200"} or {@code
 * "PATCH /tasks/1 If-Match:\"0\" 412"}; and holds back the answer of a request when a test asks,
 * after the request was handled (its transaction committed), as a slow network would.
 */
@Component
public class RequestLog extends OncePerRequestFilter {

  private final List<String> requests = new ArrayList<>();
  private volatile String holdMethod;
  private volatile long holdMillis;
  private int inFlight;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    synchronized (requests) {
      inFlight++;
    }
    try {
      chain.doFilter(request, response);
      if (request.getMethod().equals(holdMethod)) {
        holdMethod = null;
        Thread.sleep(holdMillis); // handled and committed; the answer is still in Tomcat's buffer
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      String query = request.getQueryString();
      String ifMatch = request.getHeader("If-Match");
      synchronized (requests) {
        requests.add(
            request.getMethod()
                + " "
                + request.getRequestURI()
                + (query == null ? "" : "?" + query)
                + (ifMatch == null ? "" : " If-Match:" + ifMatch)
                + " "
                + response.getStatus());
        inFlight--;
        requests.notifyAll();
      }
    }
  }

  /** The next request of {@code method} is handled at once and answered {@code millis} later. */
  public void holdNextAnswer(String method, long millis) {
    holdMillis = millis;
    holdMethod = method;
  }

  /**
   * Waits until no request is being handled (a held answer included), at most {@code millis}.
   *
   * @throws IllegalStateException if requests are still being handled then
   */
  public void awaitQuiet(long millis) throws InterruptedException {
    long until = System.nanoTime() + millis * 1_000_000;
    synchronized (requests) {
      while (inFlight > 0) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(inFlight + " requests still in flight");
        }
        requests.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** The requests answered since the last call, in order; forgets them. */
  public List<String> take() {
    synchronized (requests) {
      List<String> taken = List.copyOf(requests);
      requests.clear();
      return taken;
    }
  }
}
