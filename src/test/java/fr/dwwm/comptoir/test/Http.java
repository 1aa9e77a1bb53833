package fr.dwwm.comptoir.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client for the shop under test, going through Tomcat, its error pages and
 * compression like a browser does (MockMvc does not render container error pages). It
 * keeps cookies, so successive calls share a session, and never follows redirects.
 */
public final class Http {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies;

	private final HttpClient client;

	private final String base;

	private final int port;

	/**
	 * Creates a client for the shop on a local port.
	 * @param port the port the shop listens on
	 */
	public Http(int port) {
		this(port, new CookieManager());
	}

	private Http(int port, CookieManager cookies) {
		this.port = port;
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * The port of the shop this client talks to.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The same browser talking to another instance of the shop: it keeps this client's
	 * cookies (session, CSRF), as when a load balancer sends the next request elsewhere.
	 * @param port the other instance's port
	 * @return a client sharing this one's cookies
	 */
	public Http onPort(int port) {
		return new Http(port, this.cookies);
	}

	/**
	 * Sends a GET request.
	 * @param path path and query
	 * @param headers header names and values, alternately
	 * @return the response, body as text
	 */
	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Sends a GET request and keeps the body as bytes (for compressed responses).
	 * @param path path and query
	 * @param headers header names and values, alternately
	 * @return the response, body as bytes
	 */
	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Sends a request without a body.
	 * @param method HTTP method, e.g. {@code TRACE}
	 * @param path path and query
	 * @param headers header names and values, alternately
	 * @return the response, body as text
	 */
	public HttpResponse<String> send(String method, String path, String... headers) {
		return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Sends a form with any method.
	 * @param method HTTP method
	 * @param path path and query
	 * @param form form fields, URL-encoded by this method
	 * @return the response, body as text
	 */
	public HttpResponse<String> submit(String method, String path, Map<String, String> form) {
		return submitBody(method, path,
				form.entrySet()
					.stream()
					.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
					.collect(Collectors.joining("&")));
	}

	/**
	 * Sends a form with any method and extra headers (e.g. the {@code X-Forwarded-For} a
	 * proxy adds).
	 * @param method HTTP method
	 * @param path path and query, sent as written
	 * @param form form fields, URL-encoded by this method
	 * @param headers header names and values, alternately
	 * @return the response, body as text
	 */
	public HttpResponse<String> submit(String method, String path, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Sends a form body written by hand (a field twice, a broken encoding...).
	 * @param method HTTP method
	 * @param path path and query
	 * @param body the {@code application/x-www-form-urlencoded} body as sent
	 * @return the response, body as text
	 */
	public HttpResponse<String> submitBody(String method, String path, String body) {
		HttpRequest request = request(path, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Calls the JSON API the way the pages' scripts do.
	 * @param method HTTP method
	 * @param path the API path
	 * @param json the body, or {@code null}
	 * @param csrfToken the token taken from a page's form, sent in the header
	 * {@code X-CSRF-TOKEN}, or {@code null} to send none
	 * @return the response, body as text
	 */
	public HttpResponse<String> sendJson(String method, String path, String json, String csrfToken) {
		return sendJson(method, path, json, csrfToken, new String[0]);
	}

	/**
	 * Calls the JSON API with extra headers, e.g. a client of the REST API with its token
	 * ({@code Authorization}).
	 * @param method HTTP method
	 * @param path the API path
	 * @param json the body, or {@code null}
	 * @param csrfToken the CSRF token, or {@code null}
	 * @param headers header names and values, alternately
	 * @return the response, body as text
	 */
	public HttpResponse<String> sendJson(String method, String path, String json, String csrfToken, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "application/json, application/problem+json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		HttpRequest.Builder request = request(path, all);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (csrfToken != null) {
			request.header("X-CSRF-TOKEN", csrfToken);
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens a page holding a form and returns its CSRF token, as a browser would.
	 * @param path a page with a form, e.g. {@code /login}
	 * @return the token of this client's session
	 */
	public String csrfToken(String path) {
		HttpResponse<String> page = get(path);
		Matcher matcher = CSRF_FIELD.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF field on " + path + " (status " + page.statusCode() + ")");
		}
		return matcher.group(1);
	}

	/**
	 * Submits a form the way a browser does: opens the page holding it, takes its CSRF
	 * token, then posts the fields.
	 * @param formPage the page with the form, e.g. {@code /register}
	 * @param action where the form posts
	 * @param fields the fields, without the token
	 * @return the response, not followed if it redirects
	 */
	public HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) {
		Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken(formPage));
		return submit("POST", action, withToken);
	}

	/**
	 * Submits a form with one file the way a browser does ({@code multipart/form-data}):
	 * opens the page holding it, takes its CSRF token, then posts the fields and the
	 * file.
	 * @param formPage the page with the form, e.g. {@code /admin/products/1}
	 * @param action where the form posts (its query string, if any, is kept)
	 * @param fields the text fields, without the token
	 * @param fileField the name of the file field
	 * @param fileName the file name the browser sends, as is
	 * @param contentType the file's type as the browser announces it
	 * @param bytes the file's content
	 * @return the response, not followed if it redirects
	 */
	public HttpResponse<String> postMultipart(String formPage, String action, Map<String, String> fields,
			String fileField, String fileName, String contentType, byte[] bytes) {
		Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken(formPage));
		String boundary = "----ComptoirTestBoundary" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> field : withToken.entrySet()) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(bytes);
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest request = request(action, "Content-Type", "multipart/form-data; boundary=" + boundary, "Accept",
				"text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Logs in with a password (first factor only).
	 * @param email the login
	 * @param password the password
	 * @return the response of the login form, a redirect
	 */
	public HttpResponse<String> login(String email, String password) {
		return postForm("/login", "/login", Map.of("email", email, "password", password));
	}

	/**
	 * Creates a personal API token on « Mon compte › Accès API », as its owner does, for
	 * a client already signed in.
	 * @param name the token's name
	 * @param scope {@code READ} or {@code READ_WRITE}
	 * @return the token, as the answer page shows it once
	 */
	public String createApiToken(String name, String scope) {
		return org.jsoup.Jsoup
			.parse(postForm("/account/api-tokens", "/account/api-tokens",
					Map.of("name", name, "scope", scope, "days", "30"))
				.body())
			.select("[data-new-token]")
			.val();
	}

	/**
	 * Changes the address of the account this client is signed in to, as its owner does
	 * (RG70): « Changer d'adresse e-mail » with the password, then the newest link the
	 * shop mailed to the new address, confirmed in this same session.
	 * @param to the new address
	 * @param password the account's password
	 * @param mailbox where the shop's mails arrive
	 * @return where the confirmation leads, {@code /login?email-changed} once changed
	 */
	public String changeEmail(String to, String password, Mailbox mailbox) {
		postForm("/account/email", "/account/email", Map.of("email", to, "current", password));
		String link = Mailbox.link(mailbox.to(to)
			.stream()
			.filter((mail) -> mail.text().contains("/account/email/confirm"))
			.findFirst()
			.orElseThrow(), "/account/email/confirm");
		return postForm(link, "/account/email/confirm", Map.of("token", Mailbox.token(link))).headers()
			.firstValue("Location")
			.orElse("");
	}

	/**
	 * Submits a form like {@link #postForm} and, when the answer is a redirect, opens the
	 * page it leads to, as a browser does after a form (Post/Redirect/Get).
	 * @param formPage the page with the form
	 * @param action where the form posts
	 * @param fields the fields, without the token
	 * @return the page shown after the form
	 */
	public HttpResponse<String> postFormAndFollow(String formPage, String action, Map<String, String> fields) {
		HttpResponse<String> response = postForm(formPage, action, fields);
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			return response;
		}
		java.net.URI target = response.uri().resolve(location);
		return get(target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : ""));
	}

	/**
	 * Returns the value of a cookie this client holds.
	 * @param name the cookie's name
	 * @return its value, or {@code null}
	 */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.client.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(java.io.ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Encodes a form value as {@code application/x-www-form-urlencoded}.
	 * @param value the value
	 * @return the encoded value
	 */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
