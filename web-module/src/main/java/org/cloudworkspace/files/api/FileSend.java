package org.cloudworkspace.files.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.FileChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends files, or one range of a file ({@link FileWindow}), with the kernel's {@code sendfile} where the container
 * can. Liberty's HTTP channel writes a {@link FileChannel} with {@code transferTo}, so the bytes go from the page cache
 * to the socket without passing through the JVM (over TLS, or on HTTP/2, the channel maps the file and writes it in
 * 1 MiB pieces instead). That entry point ({@code getOutput().writeFile(FileChannel)} of Liberty's servlet output
 * stream) is not servlet API: it is looked up once per stream class, and where it is missing (another container, a
 * changed Liberty) callers stream the bytes through a buffer as before. The first send says in the log which of the
 * two is in use.
 */
public final class FileSend {

  private static final Logger LOG = Logger.getLogger(FileSend.class.getName());
  private static final String CONTAINER_RESPONSE = FileSend.class.getName() + ".response";
  private static final ConcurrentHashMap<Class<?>, MethodHandle> WRITERS = new ConcurrentHashMap<>();
  private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);

  private FileSend() {}

  /**
   * Sends all of {@code channel} as the body of {@code response}, whose headers (Content-Length included) are set;
   * false, with nothing written, when the container offers no file send or the request is a HEAD. {@code before} is an
   * output stream wrapping the response's (JAX-RS's), flushed first so that its headers are committed; may be null.
   */
  public static boolean send(HttpServletRequest request, HttpServletResponse response, OutputStream before,
      FileChannel channel) throws IOException {
    if ("HEAD".equals(request.getMethod())) {
      return false;
    }
    HttpServletResponse container = containerResponse(request, response);
    if (container == null) {
      return false;
    }
    ServletOutputStream out = container.getOutputStream();
    MethodHandle writer = WRITERS.computeIfAbsent(out.getClass(), FileSend::writerOf);
    if (writer == NONE) {
      return false;
    }
    if (before != null) {
      before.flush();
    }
    container.flushBuffer();
    try {
      writer.invokeExact((ServletOutputStream) out, channel);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException(e);
    }
    return true;
  }

  /**
   * The container's own response: the one {@link Filter} kept (JAX-RS hands resources a proxy of it), else the
   * innermost one under the given wrappers.
   */
  private static HttpServletResponse containerResponse(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(CONTAINER_RESPONSE) instanceof HttpServletResponse kept) {
      return kept;
    }
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper wrapper) {
      inner = wrapper.getResponse();
    }
    return inner instanceof HttpServletResponse http ? http : null;
  }

  private static MethodHandle writerOf(Class<?> stream) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> channelStream = stream.getMethod("getOutput").getReturnType();
      MethodHandle getOutput = lookup.findVirtual(stream, "getOutput", MethodType.methodType(channelStream));
      MethodHandle writeFile =
          lookup.findVirtual(channelStream, "writeFile", MethodType.methodType(void.class, FileChannel.class));
      MethodHandle writer =
          MethodHandles.filterArguments(writeFile, 0, getOutput)
              .asType(MethodType.methodType(void.class, ServletOutputStream.class, FileChannel.class));
      LOG.log(Level.INFO, "Downloads are sent with sendfile (zero copy) through {0}", stream.getName());
      return writer;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.INFO, "The container offers no file send on {0}; downloads are copied through a buffer",
          stream.getName());
      return NONE;
    }
  }

  /** Keeps the container's own response for {@link #send}, before JAX-RS or any filter wraps it. */
  public static final class Filter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      request.setAttribute(CONTAINER_RESPONSE, response);
      chain.doFilter(request, response);
    }
  }
}
