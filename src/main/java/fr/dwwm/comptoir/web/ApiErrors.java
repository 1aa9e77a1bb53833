package fr.dwwm.comptoir.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}),
 * with a French (or English) message the page can show as is, and one message per field
 * for validation errors: {@code 422} for invalid input, {@code 404}, {@code 409} for a
 * conflict with the current state (no stock left), {@code 400} for an unreadable body.
 */
@RestControllerAdvice(annotations = JsonApi.class)
public class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.invalid", locale);
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message",
					this.messages.getMessage(error, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail unreadable(Exception ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "api.unreadable", locale);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException ex, Locale locale) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "api.status.405", locale);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex, Locale locale) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.status.415", locale);
	}

	@ExceptionHandler(ApiException.class)
	ProblemDetail api(ApiException ex, Locale locale) {
		return problem(ex.status(), ex.messageKey(), locale, ex.arguments());
	}

	@ExceptionHandler(ResponseStatusException.class)
	ProblemDetail status(ResponseStatusException ex, Locale locale) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return problem(status, "api.status." + status.value(), locale);
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(this.messages.getMessage(key, arguments, status.getReasonPhrase(), locale));
		problem.setDetail(problem.getTitle());
		return problem;
	}

	/**
	 * An error an API controller reports on purpose, with its status and message.
	 */
	public static class ApiException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final HttpStatus status;

		private final String messageKey;

		private final transient Object[] arguments;

		/**
		 * Creates the error.
		 * @param status the HTTP status
		 * @param messageKey the key of the message shown to the visitor
		 * @param arguments the message's arguments
		 */
		public ApiException(HttpStatus status, String messageKey, Object... arguments) {
			super(messageKey);
			this.status = status;
			this.messageKey = messageKey;
			this.arguments = arguments.clone();
		}

		HttpStatus status() {
			return this.status;
		}

		String messageKey() {
			return this.messageKey;
		}

		Object[] arguments() {
			return this.arguments.clone();
		}

	}

}
