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
 * "PATCH /tasks/1 If-Match:\"0\" 412"}.
 */
@Component
public class RequestLog extends OncePerRequestFilter {

  private final List<String> requests = new ArrayList<>();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
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
