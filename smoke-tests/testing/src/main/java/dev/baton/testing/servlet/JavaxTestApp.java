package dev.baton.testing.servlet;

import static dev.baton.testing.servlet.ServletTestApp.*;

import dev.baton.testing.servlet.Deployment.Mapped;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@link ServletTestApp} in javax.servlet types (compiled against Servlet 5.0). */
public final class JavaxTestApp {

  private JavaxTestApp() {}

  public static Deployment<Servlet, Filter> deployment() {
    List<Mapped<Servlet>> servlets = new ArrayList<>();
    for (String path : List.of(ROUTE, API, FILTERED, FORWARD, INCLUDE, NESTED, STATUS_500, THROW, ERROR_PAGE,
        ASYNC_COMPLETE, ASYNC_DISPATCH, ASYNC_TARGET, ASYNC_START)) {
      servlets.add(new Mapped<>("servlet" + path.replace('/', '-'), path, new TestServlet(path)));
    }
    List<Mapped<Filter>> filters = List.of(
        new Mapped<>("filter-a", FILTERED, new MarkingFilter("a")),
        new Mapped<>("filter-b", FILTERED, new MarkingFilter("b")));
    return new Deployment<>(servlets, filters, ERROR_PAGE);
  }

  /** Every servlet of the application; what it does depends on the path it is mapped to. */
  static final class TestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String path;

    TestServlet(String path) {
      this.path = path;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      try {
        handle(request, response);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServletException(e);
      }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException, InterruptedException {
      switch (path) {
        case ROUTE, API, FILTERED -> {
          callDownstream(request.getParameter(DOWNSTREAM_PARAMETER), request.getParameter(POOL_PARAMETER) != null);
          write(response, okBody(request.getAttribute(FILTERS_ATTRIBUTE)));
        }
        case FORWARD -> request.getRequestDispatcher(ROUTE).forward(request, response);
        case INCLUDE -> request.getRequestDispatcher(ROUTE).include(request, response);
        // the public Servlet.service, as one servlet calling another would
        case NESTED -> new TestServlet(ROUTE).service((ServletRequest) request, (ServletResponse) response);
        case STATUS_500 -> {
          response.setStatus(500);
          write(response, "failed");
        }
        case THROW -> throw failure();
        case ERROR_PAGE -> write(response, errorPageBody(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)));
        case ASYNC_COMPLETE -> {
          AsyncContext async = request.startAsync();
          later(ASYNC_DELAY_MILLIS, () -> {
            write(async.getResponse(), "completed");
            async.complete();
          });
        }
        case ASYNC_DISPATCH -> {
          request.setAttribute(DOWNSTREAM_PARAMETER, request.getParameter(DOWNSTREAM_PARAMETER));
          AsyncContext async = request.startAsync();
          later(0, () -> async.dispatch(ASYNC_TARGET));
        }
        case ASYNC_TARGET -> write(response,
            "dispatched, downstream " + callDownstream((String) request.getAttribute(DOWNSTREAM_PARAMETER)));
        case ASYNC_START -> {
          String downstream = request.getParameter(DOWNSTREAM_PARAMETER);
          AsyncContext async = request.startAsync();
          async.start(task(() -> {
            write(async.getResponse(), "started, downstream " + callDownstream(downstream));
            async.complete();
          }));
        }
        default -> throw new IllegalStateException("no behaviour for " + path);
      }
    }

    private static void write(ServletResponse response, String body) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().print(body);
    }
  }

  /** Notes on the request that it ran, then passes the request on. */
  static final class MarkingFilter implements Filter {
    private final String mark;

    MarkingFilter(String mark) {
      this.mark = mark;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      Object before = request.getAttribute(FILTERS_ATTRIBUTE);
      request.setAttribute(FILTERS_ATTRIBUTE, before == null ? mark : before + mark);
      chain.doFilter(request, response);
    }
  }
}
