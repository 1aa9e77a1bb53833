import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Load benchmark of a running Comptoir shop: {@code java bench/ShopLoad.java --runs 16,64}.
 *
 * <p>
 * Method, in four points:
 * <ul>
 * <li><b>Closed loop.</b> N simulated users (one thread each, with its own HTTP client and
 * cookies, like N browsers) send a request, wait for the answer, and send the next one at
 * once. The throughput is what the shop sustains for N users at a time; nothing queues on
 * the client side, so latencies are those of the shop.</li>
 * <li><b>Warm-up.</b> The first seconds are not measured: the JIT compiler, the caches and
 * the connection pools need them, and a cold start is not the steady state we compare.</li>
 * <li><b>Exact percentiles.</b> Every latency of the measured window is kept, then sorted:
 * p95 and p99 are read from the real values, not from buckets or averages of averages.</li>
 * <li><b>A reference in the same run.</b> {@code GET /health} (no database, no
 * template) is measured at the same concurrency, on the same machine, a moment before. A
 * page's req/s divided by it (the "ratio") says how much the page itself costs, whatever the
 * machine: that is the figure to improve.</li>
 * </ul>
 * Only the JDK is needed (java.net.http); the shop is started separately, see README.md.
 */
public class ShopLoad {

	/** The pages a user visits, with their share of the "mix" scenario (percent). */
	enum Page {

		TRIVIAL("trivial", 0), HOME("home", 15), LISTING("listing", 20), PRODUCT("product", 30),
		SEARCH("search", 10), ADD_TO_CART("add-to-cart", 10), CART("cart", 10), CHECKOUT("checkout", 5),
		/** A product page for a guest whose cart holds two lines (a session cookie on every request). */
		PRODUCT_WITH_CART("product-with-cart", 0),
		/** A shelf for a guest whose cart holds two lines. */
		LISTING_WITH_CART("listing-with-cart", 0),
		/** The trivial reference sent with the session cookie of a guest with a cart. */
		TRIVIAL_WITH_CART("trivial-with-cart", 0);

		final String label;
		final int mixWeight;

		Page(String label, int mixWeight) {
			this.label = label;
			this.mixWeight = mixWeight;
		}

		/** Adding to the cart answers with a redirect; every other page with 200. */
		boolean expected(int status) {
			return (this == ADD_TO_CART) ? (status >= 200 && status < 400) : status == 200;
		}

	}

	/** Words found in the names and descriptions of the demo catalog. */
	static final List<String> SEARCH_WORDS = List.of("miel", "confiture", "thé", "savon", "bol", "huile", "chocolat",
			"bougie");

	static final String DEMO_EMAIL = "client@comptoir.test";
	static final String DEMO_PASSWORD = "Tartine-beurre-miel-2026";

	/** Logged-in sessions shared by the users for the checkout page (logins are rate limited). */
	static final int LOGIN_SESSIONS = 8;
	static final String START_HINT = "./mvnw spring-boot:run -Dspring-boot.run.arguments=--app.security.trust-loopback=true";

	static final String USAGE = "usage: java bench/ShopLoad.java [--base URL] [--connections N] [--runs 16,64]"
			+ " [--seconds S] [--warmup S] [--pid PID]\n       [--reference-seconds S (default: --seconds; shorter for a soak)]\n       [--scenario mix|trivial|home|listing|product|search|add-to-cart|cart|product-with-cart|listing-with-cart|trivial-with-cart"
			+ "|checkout, or several separated by commas]";

	static final Pattern CATEGORY_LINK = Pattern.compile("href=\"/products\\?category=([a-z0-9-]+)\"");
	static final Pattern PRODUCT_LINK = Pattern.compile("href=\"/products/([a-z0-9-]+)\"");
	static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
	static final Pattern VARIANT_ID_INPUT = Pattern.compile("<input[^>]*name=\"variantId\"[^>]*>");
	/** The cart form of a product page; hidden when the variant shown is sold out. */
	static final Pattern ADD_TO_CART_FORM = Pattern.compile("<form[^>]*class=\"add-to-cart\"[^>]*>");
	static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	public static void main(String[] args) throws Exception {
		try {
			Options options = Options.parse(args);
			System.out.printf("ShopLoad - %s %s, %d cores, %s%nshop: %s%n%n", System.getProperty("java.vm.name"),
					Runtime.version(), Runtime.getRuntime().availableProcessors(),
					ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS), options.base);
			checkReachable(options.base);
			new ShopLoad(options).runAll();
		}
		catch (SetupException ex) {
			System.err.println("error: " + ex.getMessage());
			System.exit(2);
		}
	}

	// ---------------------------------------------------------------- options

	record Options(String base, List<Integer> runs, int seconds, int referenceSeconds, int warmup,
			List<String> scenarios, Long shopPid) {

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>(Map.of("--base", "http://localhost:8080",
					"--connections", "16", "--runs", "", "--seconds", "30", "--warmup", "10", "--scenario", "mix"));
			values.put("--reference-seconds", "");
			values.put("--pid", "");
			if (Arrays.asList(args).contains("--help")) {
				System.out.println(USAGE);
				System.exit(0);
			}
			for (int i = 0; i < args.length; i += 2) {
				boolean known = values.containsKey(args[i]);
				if (!known || i + 1 >= args.length) {
					throw new SetupException("unknown option or missing value: " + args[i] + "\n" + USAGE);
				}
				values.put(args[i], args[i + 1]);
			}
			List<String> scenarios = Arrays.asList(values.get("--scenario").split(","));
			scenarios.forEach(Scenario::of); // fails early on an unknown name
			return new Options(values.get("--base").replaceAll("/+$", ""),
					numbers(values.get("--runs").isEmpty() ? values.get("--connections") : values.get("--runs")),
					Integer.parseInt(values.get("--seconds")),
					Integer.parseInt(values.get("--reference-seconds").isEmpty() ? values.get("--seconds")
							: values.get("--reference-seconds")),
					Integer.parseInt(values.get("--warmup")), scenarios,
					values.get("--pid").isEmpty() ? null : Long.valueOf(values.get("--pid")));
		}

		private static List<Integer> numbers(String list) {
			return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
		}

	}

	/** A problem the user can fix (shop not started, rate limit...): a message, no stack trace. */
	static final class SetupException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SetupException(String message) {
			super(message);
		}

	}

	/** What the users ask for: one page, or the weighted shop visit. */
	record Scenario(String name, Map<Page, Integer> weights) {

		static Scenario of(String name) {
			Map<Page, Integer> weights = new LinkedHashMap<>();
			for (Page page : Page.values()) {
				if (name.equals("mix") && page.mixWeight > 0) {
					weights.put(page, page.mixWeight);
				}
				else if (name.equals(page.label)) {
					weights.put(page, 1);
				}
			}
			if (weights.isEmpty()) {
				throw new SetupException("unknown scenario: " + name);
			}
			return new Scenario(name, weights);
		}

		/** Draws the next page according to the weights. */
		Page next(Random random) {
			int draw = random.nextInt(this.weights.values().stream().mapToInt(Integer::intValue).sum());
			for (Map.Entry<Page, Integer> entry : this.weights.entrySet()) {
				draw -= entry.getValue();
				if (draw < 0) {
					return entry.getKey();
				}
			}
			throw new IllegalStateException();
		}

		boolean uses(Page page) {
			return this.weights.containsKey(page);
		}

	}

	// ---------------------------------------------------------------- HTTP

	/**
	 * One visitor: an HTTP/1.1 client that follows no redirect and keeps its cookies
	 * (session, CSRF token cookie), plus what the visitor put in its cart.
	 */
	static final class Session {

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		/** The token of the forms; Spring Security checks it against the CSRF cookie. */
		String csrf;
		final List<String> cartVariantIds = new ArrayList<>();

	}

	final Options options;
	final Catalog catalog;
	List<Session> loggedIn; // made once, when a scenario first needs the checkout
	long tooManyRequests; // 429 answers seen: the shop's rate limits are on

	ShopLoad(Options options) throws Exception {
		this.options = options;
		this.catalog = Catalog.discover(this);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.options.base + path)).timeout(Duration.ofSeconds(30));
	}

	/** A form POST, fields URL-encoded as a browser sends them. */
	HttpRequest.Builder form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	/** Sends a set-up request (not measured) and returns the answer as text. */
	HttpResponse<String> text(Session session, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = session.http.send(request.build(), BodyHandlers.ofString());
		if (response.statusCode() == 429) {
			throw new SetupException(response.request().uri() + " answered 429 Too Many Requests: the shop limits "
					+ "requests per IP address. Start it with: " + START_HINT);
		}
		return response;
	}

	static void checkReachable(String base) throws InterruptedException {
		try {
			HttpResponse<Void> response = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.build()
				.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
						BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new SetupException(base + "/health answered " + response.statusCode()
						+ " instead of 200: is this a Comptoir shop?");
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage()
					: (ex instanceof java.net.ConnectException) ? "connection refused" : ex.getClass().getSimpleName();
			throw new SetupException("cannot reach the shop at " + base + " (" + reason + ").\nStart it first, in "
					+ "another terminal: " + START_HINT);
		}
	}

	static List<String> all(Pattern pattern, String html) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return new ArrayList<>(found);
	}

	/** The value of the first {@code <input>} matched by the pattern, or null. */
	static String inputValue(Pattern input, String html) {
		Matcher tag = input.matcher(html);
		if (!tag.find()) {
			return null;
		}
		Matcher value = VALUE.matcher(tag.group());
		return value.find() ? value.group(1).replace("&amp;", "&") : null;
	}

	// ---------------------------------------------------------------- set-up

	/** Categories and products, read once from the shop's own links. */
	record Catalog(List<String> categories, List<String> productSlugs) {

		static Catalog discover(ShopLoad load) throws Exception {
			Session visitor = new Session();
			List<String> categories = all(CATEGORY_LINK, load.text(visitor, load.request("/")).body());
			if (categories.isEmpty()) {
				categories = List.of("epicerie-fine");
			}
			Set<String> slugs = new LinkedHashSet<>();
			for (String category : categories) {
				slugs.addAll(all(PRODUCT_LINK, load.text(visitor, load.request("/products?category=" + category)).body()));
			}
			if (slugs.isEmpty()) {
				throw new SetupException("no product link found on the listing pages: is the demo data loaded?");
			}
			System.out.printf("catalog: %d categories, %d products found on the listing pages%n%n",
					categories.size(), slugs.size());
			return new Catalog(categories, new ArrayList<>(slugs));
		}

	}

	/**
	 * Puts {@code count} in-stock products in the session's cart through the product page
	 * form, as a visitor does: the page gives the product id and the CSRF token.
	 */
	void fillCart(Session session, int count, int offset) throws Exception {
		List<String> slugs = this.catalog.productSlugs;
		for (int i = 0; i < slugs.size() && session.cartVariantIds.size() < count; i++) {
			String page = text(session, request("/products/" + slugs.get((offset + i) % slugs.size()))).body();
			String variantId = inputValue(VARIANT_ID_INPUT, page);
			session.csrf = inputValue(CSRF_INPUT, page);
			Matcher cartForm = ADD_TO_CART_FORM.matcher(page);
			if (variantId == null || session.csrf == null || !cartForm.find() || cartForm.group().contains(" hidden")) {
				continue; // out of stock: no form on the page
			}
			int status = text(session, form("/cart/lines", Map.of("variantId", variantId, "quantity", "1", "_csrf",
					session.csrf))).statusCode();
			if (status >= 400) {
				throw new SetupException("POST /cart/lines answered " + status + " while filling a cart");
			}
			session.cartVariantIds.add(variantId);
		}
		if (session.cartVariantIds.size() < count) {
			throw new SetupException("not enough products in stock to fill a cart");
		}
	}

	/**
	 * Logs the demo customer in a few sessions, once: the login form is limited to 20
	 * POSTs a minute per IP. The users share these sessions for the checkout page.
	 */
	List<Session> loggedInSessions() throws Exception {
		if (this.loggedIn == null) {
			this.loggedIn = new ArrayList<>();
			for (int i = 0; i < LOGIN_SESSIONS; i++) {
				Session session = new Session();
				String token = inputValue(CSRF_INPUT, text(session, request("/login")).body());
				if (token == null) {
					throw new SetupException("no _csrf field in the form of GET /login");
				}
				HttpResponse<String> answer = text(session,
						form("/login", Map.of("email", DEMO_EMAIL, "password", DEMO_PASSWORD, "_csrf", token)));
				String location = answer.headers().firstValue("Location").orElse("");
				if (answer.statusCode() != 302 || location.contains("/login")) {
					throw new SetupException("login of " + DEMO_EMAIL + " failed (" + answer.statusCode() + " " + location
							+ "): wrong password, second factor turned on, or account throttled");
				}
				fillCart(session, 1, i); // the account's cart, shared by its sessions: checkout needs it
				int status = text(session, request("/checkout")).statusCode();
				if (status != 200) {
					throw new SetupException("GET /checkout answered " + status + " to the logged-in customer");
				}
				this.loggedIn.add(session);
			}
		}
		return this.loggedIn;
	}

	// ---------------------------------------------------------------- the load

	/** Runs the trivial reference then each scenario, for each concurrency. */
	void runAll() throws Exception {
		List<Row> rows = new ArrayList<>();
		for (int users : this.options.runs) {
			Result reference = run(Scenario.of("trivial"), users, this.options.referenceSeconds);
			rows.addAll(reference.rows(reference.requestsPerSecond()));
			for (String name : this.options.scenarios) {
				if (!name.equals("trivial")) {
					rows.addAll(run(Scenario.of(name), users, this.options.seconds)
						.rows(reference.requestsPerSecond()));
				}
			}
		}
		Row.printText(rows);
		Row.printMarkdown(rows);
		if (this.tooManyRequests > 0) {
			System.out.printf("%nWARNING: %d answers were 429 Too Many Requests. The shop limits /search and the "
					+ "forms per IP address, and a benchmark is one IP: restart the shop with%n  %s%n",
					this.tooManyRequests, START_HINT);
		}
		new HomePageWeight(this).print();
	}

	/** One closed-loop run: set the users up, warm up, measure, merge their figures. */
	Result run(Scenario scenario, int users, int seconds) throws Exception {
		System.out.printf("[%d users] %s: setting up, %d s warm-up, %d s measured...%n", users, scenario.name,
				this.options.warmup, seconds);
		List<User> team = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			Session session = new Session();
			if (scenario.uses(Page.CART) || scenario.uses(Page.ADD_TO_CART) || scenario.uses(Page.PRODUCT_WITH_CART)
					|| scenario.uses(Page.LISTING_WITH_CART) || scenario.uses(Page.TRIVIAL_WITH_CART)) {
				fillCart(session, 2, 2 * i);
			}
			Session checkout = scenario.uses(Page.CHECKOUT) ? loggedInSessions().get(i % LOGIN_SESSIONS) : null;
			team.add(new User(this, scenario, i, session, checkout));
		}
		// Said as it happens: deploy/cluster/run-local.sh waits for it to kill an instance.
		System.out.printf("[%d users] %s: users set up, warming up%n", users, scenario.name);
		long measureFrom = System.nanoTime() + this.options.warmup * 1_000_000_000L;
		long until = measureFrom + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (User user : team) {
			user.measureFrom = measureFrom;
			user.until = until;
			Thread thread = new Thread(user, "user-" + user.index);
			thread.start();
			threads.add(thread);
		}
		// With --pid, the processor time the shop's process used during the measured window
		// (all its threads: requests, garbage collector, JIT), later divided by the requests.
		Double cpuMillis = null;
		if (this.options.shopPid != null) {
			sleepUntil(measureFrom);
			double from = shopCpuMillis();
			sleepUntil(until);
			cpuMillis = shopCpuMillis() - from;
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Result result = new Result(scenario, users, seconds, cpuMillis);
		team.forEach((user) -> result.add(user.figures));
		result.figures.values().forEach((figures) -> this.tooManyRequests += figures.tooManyRequests);
		long errors = result.figures.values().stream().mapToLong((figures) -> figures.errors).sum();
		System.out.printf("  -> %.1f req/s, %d errors%n", result.requestsPerSecond(), errors);
		return result;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	/** Processor time used so far by the shop's process, when it runs on this computer. */
	double shopCpuMillis() {
		return ProcessHandle.of(this.options.shopPid)
			.flatMap((process) -> process.info().totalCpuDuration())
			.map((duration) -> duration.toNanos() / 1e6)
			.orElseThrow(() -> new SetupException("cannot read the processor time of process " + this.options.shopPid
					+ ": --pid must be the shop's process id, on this computer"));
	}

	/** A simulated user: loops until the end, recording only the measured window. */
	static final class User implements Runnable {

		final ShopLoad load;
		final Scenario scenario;
		final int index;
		final Session session;
		final Session checkoutSession;
		final Map<Page, Figures> figures = new EnumMap<>(Page.class);
		final Random random;
		final byte[] buffer = new byte[16 * 1024];
		long measureFrom;
		long until;
		int turn; // rotates categories, products and words; starts elsewhere for each user

		User(ShopLoad load, Scenario scenario, int index, Session session, Session checkoutSession) {
			this.load = load;
			this.scenario = scenario;
			this.index = index;
			this.session = session;
			this.checkoutSession = checkoutSession;
			this.random = new Random(index); // the same sequence of pages from one run to the next
			this.turn = index;
			scenario.weights.keySet().forEach((page) -> this.figures.put(page, new Figures()));
		}

		@Override
		public void run() {
			while (System.nanoTime() < this.until) {
				Page page = this.scenario.next(this.random);
				long start = System.nanoTime();
				int status;
				long bytes = 0;
				try {
					HttpClient client = (page == Page.CHECKOUT) ? this.checkoutSession.http : this.session.http;
					HttpResponse<InputStream> response = client.send(request(page), BodyHandlers.ofInputStream());
					status = response.statusCode();
					bytes = drain(response.body());
				}
				catch (IOException ex) {
					status = -1; // refused, reset, timed out: an error like a 500
				}
				catch (InterruptedException ex) {
					return;
				}
				long end = System.nanoTime();
				if (start >= this.measureFrom && end <= this.until) {
					this.figures.get(page).record(page.expected(status), status, end - start, bytes);
				}
			}
		}

		/** The next request for a page; like a browser, it accepts gzip. */
		HttpRequest request(Page page) {
			this.turn++;
			Catalog catalog = this.load.catalog;
			HttpRequest.Builder request = switch (page) {
				case TRIVIAL, TRIVIAL_WITH_CART -> this.load.request("/health");
				case HOME -> this.load.request("/");
				case LISTING, LISTING_WITH_CART -> this.load.request("/products?category=" + pick(catalog.categories));
				case PRODUCT, PRODUCT_WITH_CART -> this.load.request("/products/" + pick(catalog.productSlugs));
				case SEARCH -> this.load.request("/search?q=" + URLEncoder.encode(pick(SEARCH_WORDS), StandardCharsets.UTF_8));
				case CART -> this.load.request("/cart");
				case CHECKOUT -> this.load.request("/checkout");
				// One of the two products already in the cart: the cart keeps its two lines.
				case ADD_TO_CART -> this.load.form("/cart/lines", Map.of("variantId",
						pick(this.session.cartVariantIds), "quantity", "1", "_csrf", this.session.csrf));
			};
			return request.header("Accept-Encoding", "gzip").build();
		}

		private String pick(List<String> values) {
			return values.get(this.turn % values.size());
		}

		/** Reads the body to its end (the connection is then reused) and counts its bytes. */
		private long drain(InputStream body) throws IOException {
			long total = 0;
			try (body) {
				for (int n = body.read(this.buffer); n != -1; n = body.read(this.buffer)) {
					total += n;
				}
			}
			return total;
		}

	}

	// ---------------------------------------------------------------- figures

	/**
	 * What one user saw of one page; merged with the other users' at the end. Latencies are
	 * those of successful requests: a refused connection answers in no time and would make
	 * the shop look faster. Errors are counted apart, and shown next to the figures.
	 */
	static final class Figures {

		long[] latencies = new long[1024]; // nanoseconds, successful requests only
		int count;
		long errors;
		long tooManyRequests;
		long bytes;

		void record(boolean success, int status, long nanos, long bodyBytes) {
			this.bytes += bodyBytes;
			if (!success) {
				this.errors++;
				this.tooManyRequests += (status == 429) ? 1 : 0;
				return;
			}
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
		}

		void add(Figures other) {
			for (int i = 0; i < other.count; i++) {
				record(true, 200, other.latencies[i], 0);
			}
			this.errors += other.errors;
			this.tooManyRequests += other.tooManyRequests;
			this.bytes += other.bytes;
		}

	}

	/** The merged figures of one run, per page. */
	static final class Result {

		final Scenario scenario;
		final int users;
		final int seconds;
		final Double cpuMillis; // of the shop's process during the window, if known
		final Map<Page, Figures> figures = new EnumMap<>(Page.class);

		Result(Scenario scenario, int users, int seconds, Double cpuMillis) {
			this.scenario = scenario;
			this.users = users;
			this.seconds = seconds;
			this.cpuMillis = cpuMillis;
		}

		void add(Map<Page, Figures> userFigures) {
			userFigures.forEach((page, figures) -> this.figures.computeIfAbsent(page, (p) -> new Figures()).add(figures));
		}

		double requestsPerSecond() {
			return this.figures.values().stream().mapToInt((f) -> f.count).sum() / (double) this.seconds;
		}

		/**
		 * One row per page, and a total for the mix. The ratio compares a whole run with the
		 * trivial one; inside the mix a page's req/s is only its share, so it has no ratio.
		 */
		List<Row> rows(double trivialPerSecond) {
			List<Row> rows = new ArrayList<>();
			boolean mix = this.figures.size() > 1;
			Figures total = new Figures();
			this.figures.forEach((page, figures) -> {
				rows.add(Row.of(this, page.label, figures, mix ? null : trivialPerSecond));
				total.add(figures);
			});
			if (mix) {
				rows.add(Row.of(this, "total", total, trivialPerSecond));
			}
			return rows;
		}

	}

	/**
	 * One line of the tables. Latencies in milliseconds; KB = 1024 bytes of body; CPU ms/req
	 * is the shop's processor time per request (with {@code --pid}), for a whole run only.
	 */
	record Row(int users, String scenario, String page, long requests, long errors, double perSecond, double p50,
			double p95, double p99, double max, double kbPerRequest, Double ratio, Double cpuPerRequest) {

		static Row of(Result result, String page, Figures figures, Double trivialPerSecond) {
			long[] sorted = Arrays.copyOf(figures.latencies, figures.count);
			Arrays.sort(sorted);
			long requests = figures.count + figures.errors;
			double perSecond = figures.count / (double) result.seconds;
			return new Row(result.users, result.scenario.name, page, requests, figures.errors, perSecond,
					percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100),
					(requests == 0) ? 0 : figures.bytes / 1024.0 / requests,
					(trivialPerSecond == null) ? null : 100 * perSecond / trivialPerSecond,
					(trivialPerSecond == null || result.cpuMillis == null || requests == 0) ? null
							: result.cpuMillis / requests);
		}

		/** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
		static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(p / 100 * sorted.length);
			return sorted[Math.max(rank, 1) - 1] / 1e6;
		}

		String cpuText() {
			return (this.cpuPerRequest == null) ? "-" : String.format("%.2f", this.cpuPerRequest);
		}

		String ratioText() {
			return (this.ratio == null) ? "-" : String.format("%.1f %%", this.ratio);
		}

		static void printText(List<Row> rows) {
			String format = "%5s  %-11s %-11s %8s %6s %8s %8s %8s %8s %8s %7s %8s %10s%n";
			System.out.printf("%n" + format, "users", "scenario", "page", "requests", "errors", "req/s", "p50 ms",
					"p95 ms", "p99 ms", "max ms", "KB/req", "ratio", "CPU ms/req");
			for (Row r : rows) {
				System.out.printf(format, r.users, r.scenario, r.page, r.requests, r.errors,
						String.format("%.1f", r.perSecond), ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max),
						String.format("%.1f", r.kbPerRequest), r.ratioText(), r.cpuText());
			}
		}

		static void printMarkdown(List<Row> rows) {
			System.out.println("\n| users | scenario | page | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms "
					+ "| KB/req | ratio | CPU ms/req |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
			for (Row r : rows) {
				System.out.printf("| %d | %s | %s | %d | %d | %.1f | %s | %s | %s | %s | %.1f | %s | %s |%n", r.users,
						r.scenario, r.page, r.requests, r.errors, r.perSecond, ms(r.p50), ms(r.p95), ms(r.p99),
						ms(r.max), r.kbPerRequest, r.ratioText(), r.cpuText());
			}
		}

		static String ms(double value) {
			return Double.isNaN(value) ? "-" : String.format("%.1f", value);
		}

	}

	// ---------------------------------------------------------------- home page weight

	/**
	 * What a first visit to the home page downloads (HTML, style sheets, scripts, the
	 * modules they import, pictures), compressed as the shop sends it, and what a repeat
	 * visit downloads again once the browser cache holds the long-lived files.
	 */
	static final class HomePageWeight {

		static final Pattern STYLESHEET = Pattern.compile("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"");
		static final Pattern SCRIPT = Pattern.compile("<script[^>]*src=\"([^\"]+)\"");
		static final Pattern IMAGE = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");
		static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\"[^>]*>(.*?)</script>", Pattern.DOTALL);
		static final Pattern MAP_ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");
		static final Pattern MODULE_IMPORT = Pattern.compile("(?:from|import)\\s*\\(?\\s*['\"](\\.{0,2}/[^'\"]+)['\"]");
		static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}\\.[a-z0-9]+(\\?|$)");
		static final long ONE_YEAR = 31_536_000;
		final ShopLoad load;
		final Session browser = new Session();

		HomePageWeight(ShopLoad load) {
			this.load = load;
		}

		/** One downloaded file, as the network saw it. */
		record Download(String path, int status, long bytes, String cacheControl, String etag, String lastModified,
				String text) {

			boolean cachedOnRepeat() {
				Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(this.cacheControl);
				boolean longLived = maxAge.find() && Long.parseLong(maxAge.group(1)) >= ONE_YEAR;
				return longLived && (this.cacheControl.contains("immutable") || CONTENT_HASH.matcher(this.path).find());
			}

		}

		Download fetch(String path, Map<String, String> conditions) throws Exception {
			HttpRequest.Builder request = this.load.request(path).header("Accept-Encoding", "gzip");
			conditions.forEach(request::header);
			HttpResponse<byte[]> response = this.browser.http.send(request.build(), BodyHandlers.ofByteArray());
			byte[] body = response.body();
			// The text is only read for HTML and JavaScript (links, imports): unzip it if needed.
			boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
			boolean image = response.headers().firstValue("Content-Type").orElse("").startsWith("image/");
			String text = image ? "" : new String(
					gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body,
					StandardCharsets.UTF_8);
			return new Download(path, response.statusCode(), body.length,
					response.headers().firstValue("Cache-Control").orElse(""),
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null), text);
		}

		void print() throws Exception {
			Download html = fetch("/", Map.of());
			Map<String, String> importMap = new LinkedHashMap<>();
			Matcher map = IMPORT_MAP.matcher(html.text);
			if (map.find()) {
				all(MAP_ENTRY, map.group(1).replace("\\/", "/"), importMap);
			}
			List<Download> files = new ArrayList<>();
			Set<String> seen = new LinkedHashSet<>();
			for (Pattern pattern : List.of(STYLESHEET, SCRIPT, IMAGE)) {
				for (String path : ShopLoad.all(pattern, html.text)) {
					download(path.replace("&amp;", "&"), importMap, seen, files);
				}
			}
			System.out.printf("%nHome page, first visit (body bytes as sent, gzip accepted; every <img> counted, "
					+ "lazy ones too).%nRepeat visit: cached = not asked again, asked = conditional request (304 if "
					+ "unchanged), fetched = downloaded again.%n%-70s %6s %9s  %-8s %s%n", "file", "status", "KB", "repeat", "Cache-Control");
			line(html);
			files.forEach(this::line);
			long first = html.bytes + files.stream().mapToLong(Download::bytes).sum();
			long repeat = fetch("/", Map.of()).bytes;
			int repeatRequests = 1;
			for (Download file : files) {
				if (!file.cachedOnRepeat()) {
					repeat += fetch(file.path, validators(file)).bytes; // revalidated: 304 has no body
					repeatRequests++;
				}
			}
			System.out.printf("first visit: %d requests, %.1f KB; repeat visit: %d requests, %.1f KB%n",
					files.size() + 1, first / 1024.0, repeatRequests, repeat / 1024.0);
		}

		/** Downloads a file and, for a JavaScript module, the modules it imports. */
		void download(String path, Map<String, String> importMap, Set<String> seen, List<Download> files)
				throws Exception {
			if (!path.startsWith("/") || path.startsWith("//") || !seen.add(path)) {
				return; // another site's file, or already counted
			}
			Download file = fetch(path, Map.of());
			files.add(file);
			if (path.endsWith(".js")) {
				for (String specifier : ShopLoad.all(MODULE_IMPORT, file.text)) {
					String plain = URI.create(path).resolve(specifier).getPath(); // './api.js' -> '/js/api.js'
					download(importMap.getOrDefault(plain, plain), importMap, seen, files);
				}
			}
		}

		static Map<String, String> validators(Download file) {
			Map<String, String> headers = new LinkedHashMap<>();
			if (file.etag != null) {
				headers.put("If-None-Match", file.etag);
			}
			if (file.lastModified != null) {
				headers.put("If-Modified-Since", file.lastModified);
			}
			return headers;
		}

		static void all(Pattern pattern, String text, Map<String, String> into) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				into.put(matcher.group(1), matcher.group(2));
			}
		}

		void line(Download file) {
			String path = (file.path.length() > 70) ? "…" + file.path.substring(file.path.length() - 69) : file.path;
			String repeat = file.cachedOnRepeat() ? "cached" : validators(file).isEmpty() ? "fetched" : "asked";
			System.out.printf("%-70s %6d %9.1f  %-8s %s%n", path, file.status, file.bytes / 1024.0, repeat,
					file.cacheControl);
		}

	}

}
