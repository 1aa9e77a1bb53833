package fr.dwwm.comptoir.web;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.util.WebUtils;

/**
 * The response of a page that the {@link PageCache} may keep, and everything the page
 * must be kept with: the content version read before its data, its HTML, and the
 * {@linkplain EveryViewEvents events published on every view}. It is the one place where
 * the three parts of the page cache meet within a request, found by each of them in the
 * response they are given ({@link #of}): the filter wraps the response with it, the
 * {@link SharedPageInterceptor} starts it when the page is shared, and
 * {@link EveryViewEvents} records into it.
 *
 * <p>
 * It passes everything through until the page is known to be shared, then collects what
 * the template writes, so that the page can be kept before being sent. A redirect or an
 * error drops what was collected, as they drop a response's buffer.
 */
final class PageCapture extends HttpServletResponseWrapper {

	private Long version;

	private VisitorCart.Contents cart;

	private CharArrayWriter buffer;

	private PrintWriter writer;

	private boolean abandoned;

	private List<Object> everyViewEvents;

	/**
	 * Wraps the response of a page that may be kept.
	 * @param response the response
	 * @param versionAlreadyRead the content version, if the filter has just read it
	 * (finding an outdated page), or {@code null}
	 * @param cartAlreadyRead the visitor's cart, if the filter has just read it (the
	 * address is one of a page kept per cart), or {@code null}
	 */
	PageCapture(HttpServletResponse response, Long versionAlreadyRead, VisitorCart.Contents cartAlreadyRead) {
		super(response);
		this.version = versionAlreadyRead;
		this.cart = cartAlreadyRead;
	}

	/**
	 * Finds the capture among the wrappers of a response.
	 * @param response the response, or {@code null}
	 * @return the capture, or {@code null} when this request's page cannot be kept
	 */
	static PageCapture of(ServletResponse response) {
		return (response != null) ? WebUtils.getNativeResponse(response, PageCapture.class) : null;
	}

	/**
	 * Starts collecting the page: it is shared, and will be kept with this version.
	 * @param contentVersion the content version read before the page's data
	 * @param visitorCart the visitor's cart read before the page's data, when the page
	 * shows it ({@link SharedPage#perCart()}), or {@code null}
	 */
	void start(long contentVersion, VisitorCart.Contents visitorCart) {
		this.version = contentVersion;
		this.cart = visitorCart;
		this.buffer = new CharArrayWriter(32 * 1024);
		this.writer = new PrintWriter(this.buffer);
		this.everyViewEvents = new ArrayList<>();
	}

	/** The content version read for this request, or {@code null} if not read yet. */
	Long version() {
		return this.version;
	}

	/**
	 * The visitor's cart as read for this request, or {@code null}: not read yet, or,
	 * once the page is collected, a page that does not show the cart.
	 */
	VisitorCart.Contents cart() {
		return this.cart;
	}

	/**
	 * Records an event already published, to publish it again each time the page is
	 * served from the cache; nothing to do unless the page is being collected.
	 * @param event the event
	 */
	void recordEveryViewEvent(Object event) {
		if (this.everyViewEvents != null) {
			this.everyViewEvents.add(event);
		}
	}

	/** The events recorded to publish on every view of the page. */
	List<Object> everyViewEvents() {
		return (this.everyViewEvents != null) ? List.copyOf(this.everyViewEvents) : List.of();
	}

	/** What the page wrote, or {@code null} if nothing was collected. */
	String captured() {
		if (this.buffer == null || this.abandoned) {
			return null;
		}
		this.writer.flush();
		return this.buffer.toString();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		return (this.writer != null && !this.abandoned) ? this.writer : super.getWriter();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		// Bytes rather than text: not an HTML page; passed through, never kept.
		abandon();
		return super.getOutputStream();
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.writer == null || this.abandoned) {
			super.flushBuffer();
		}
	}

	@Override
	public boolean isCommitted() {
		return (this.writer == null || this.abandoned) && super.isCommitted();
	}

	@Override
	public void resetBuffer() {
		if (this.buffer != null) {
			this.buffer.reset();
		}
		super.resetBuffer();
	}

	@Override
	public void reset() {
		if (this.buffer != null) {
			this.buffer.reset();
		}
		super.reset();
	}

	@Override
	public void sendError(int status) throws IOException {
		abandon();
		super.sendError(status);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		abandon();
		super.sendError(status, message);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		abandon();
		super.sendRedirect(location);
	}

	/** Not a page to keep after all: what was collected is dropped, like a reset. */
	private void abandon() {
		this.abandoned = true;
	}

}
